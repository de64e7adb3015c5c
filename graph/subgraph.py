"""Meetings as a node-and-edge graph, for visualisation libraries and exports (pure, no database).

The input is what `find_meetings` returns: each meeting with its participants, place, topics and
evidence. Two views: `meetings` keeps the graph model (persons, meetings, countries, topics, places and,
for exports, articles), `persons` folds each meeting into weighted MET edges between its participants.
Node ids are the graph's keys, prefixed where two labels could share one (`country:IR`, `topic:gaza`).
"""

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


class View(enum.StrEnum):
    MEETINGS = "meetings"
    PERSONS = "persons"


@dataclass
class Elements:
    """Nodes and edges, each added once (by id) however many meetings mention it."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)

    def node(self, node_id: str, label: str, caption: str | None, **properties: Any) -> str:
        if node_id not in self.nodes:
            clean = {key: value for key, value in properties.items() if value is not None}
            self.nodes[node_id] = {
                "id": node_id,
                "label": label,
                "caption": caption or node_id,
                "properties": clean,
            }
        return node_id

    def edge(self, source: str, kind: str, target: str, **properties: Any) -> None:
        edge_id = f"{source}|{kind}|{target}"
        if edge_id not in self.edges:
            clean = {key: value for key, value in properties.items() if value is not None}
            self.edges[edge_id] = {
                "id": edge_id,
                "source": source,
                "target": target,
                "type": kind,
                "properties": clean,
            }


def meeting_caption(meeting: dict[str, Any]) -> str:
    """What the Browser style shows on a meeting too: its date and its first topic."""
    topics = meeting.get("topics") or []
    topic = topics[0]["label_en"] if topics else None
    return " · ".join(part for part in (meeting.get("date") or "undated", topic) if part)


def _country(elements: Elements, country: dict[str, Any] | None) -> str | None:
    if not country:
        return None
    return elements.node(
        f"country:{country['code']}",
        "Country",
        country["code"],
        code=country["code"],
        name_fa=country.get("name_fa"),
        name_en=country.get("name_en"),
    )


def _person(elements: Elements, person: dict[str, Any]) -> str:
    node = elements.node(
        person["id"],
        "Person",
        person.get("name") or person.get("name_en") or person.get("role"),
        name=person.get("name"),
        name_en=person.get("name_en"),
        unnamed=person.get("unnamed"),
    )
    country = _country(elements, person.get("country"))
    if country:
        elements.edge(node, "REPRESENTS", country)
    return node


def _meeting(elements: Elements, meeting: dict[str, Any], *, articles: bool) -> None:
    node = elements.node(
        meeting["id"],
        "Meeting",
        meeting_caption(meeting),
        date=meeting.get("date"),
        kind=meeting.get("kind"),
        status=meeting.get("status"),
    )
    for person in meeting.get("participants", []):
        elements.edge(
            _person(elements, person),
            "PARTICIPATED_IN",
            node,
            role=person.get("role"),
            role_en=person.get("role_en"),
        )
    for topic in meeting.get("topics", []):
        topic_node = elements.node(
            f"topic:{topic['id']}",
            "Topic",
            topic.get("label_en"),
            topic_id=topic["id"],
            label_en=topic.get("label_en"),
            label_fa=topic.get("label_fa"),
        )
        elements.edge(node, "ABOUT", topic_node)
    place = meeting.get("place")
    if place:
        place_node = elements.node(
            place["id"],
            "Place",
            place.get("name_en") or place.get("name"),
            name=place.get("name"),
            name_en=place.get("name_en"),
        )
        elements.edge(node, "HELD_IN", place_node)
        if country := _country(elements, place.get("country")):
            elements.edge(place_node, "IN", country)
    elif country := _country(elements, meeting.get("country")):
        elements.edge(node, "HELD_IN", country)
    if articles:
        for item in meeting.get("evidence", []):
            article = item["article"]
            article_node = elements.node(
                article["id"],
                "Article",
                article.get("title"),
                title=article.get("title"),
                url=article.get("url"),
                source=article.get("source"),
                published=article.get("published"),
            )
            elements.edge(
                node,
                "REPORTED_IN",
                article_node,
                evidence=item.get("sentence"),
                start=item.get("start"),
                end=item.get("end"),
            )


def _met(elements: Elements, meeting: dict[str, Any]) -> None:
    people = sorted(meeting.get("participants", []), key=lambda person: person["id"])
    ids = [_person(elements, person) for person in people]
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            edge_id = f"{a}|MET|{b}"
            edge = elements.edges.setdefault(
                edge_id,
                {"id": edge_id, "source": a, "target": b, "type": "MET", "properties": {"meetings": []}},
            )
            edge["properties"]["meetings"].append(meeting["id"])


def build(
    meetings: Iterable[dict[str, Any]], view: View = View.MEETINGS, *, articles: bool = False
) -> Elements:
    """The graph of these meetings in the chosen view."""
    elements = Elements()
    for meeting in meetings:
        if view is View.PERSONS:
            _met(elements, meeting)
        else:
            _meeting(elements, meeting, articles=articles)
    for edge in elements.edges.values():
        if edge["type"] == "MET":
            edge["properties"]["weight"] = len(edge["properties"]["meetings"])
    return elements
