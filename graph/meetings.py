"""Reads about meetings: who met whom, meetings by filter, one meeting by id.

Rows come back as plain dicts in the shape of app/schemas.py's models (dates as ISO strings), built by
the map projections below, so every endpoint describes a meeting, a person and a piece of evidence the
same way. Lists are pages in the order and with the keyset cursor of graph/filters.py.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, LiteralString

from graph.catalog import Catalog
from graph.errors import NotFound
from graph.filters import (
    AFTER_MEETING,
    AFTER_PAIR,
    ALL_SIDES,
    ANCHOR_MATCH,
    INDEX_MEETING_ORDER,
    INDEX_PAIR_ORDER,
    MEETING_ORDER,
    PAIR_ORDER,
    UNDATED_MATCH,
    UNDATED_MEETING_ORDER,
    UNDATED_PAIR_ORDER,
    After,
    Anchor,
    MeetingFilter,
    Sides,
    choose_anchor,
    date_bounds,
    has_pair,
    pair_conditions,
    undated_bound,
)
from graph.listings import LIST_EVIDENCE
from graph.reader import Reader

MAX_LIMIT = 200

COUNTRY_FIELDS: LiteralString = "{.code, .name_fa, .name_en}"


def _participant(person: LiteralString, taking_part: LiteralString) -> LiteralString:
    """A person as they took part in one meeting (the role the text gave them there)."""
    return (
        person
        + " {.id, .name, .name_en, .unnamed, role: "
        + taking_part
        + ".role, role_en: "
        + taking_part
        + ".role_en, country: head([("
        + person
        + ")-[:REPRESENTS]->(c:Country) | c "
        + COUNTRY_FIELDS
        + "])}"
    )


# Where a meeting `m` was held (inside a map projection's braces): the place, else the country.
MEETING_VENUE: LiteralString = (
    """place: head([(m)-[:HELD_IN]->(p:Place) | p {.id, .name, .name_en,
        country: head([(p)-[:IN]->(c:Country) | c """
    + COUNTRY_FIELDS
    + """])}]),
    held_in_country: head([(m)-[:HELD_IN]->(c:Country) | c """
    + COUNTRY_FIELDS
    + "])"
)
# What every view of a meeting `m` shows (inside a map projection's braces).
MEETING_PROPERTIES: LiteralString = (
    ".id, .kind, .status, date: toString(m.date),\n    "
    + MEETING_VENUE
    + """,
    topics: [(m)-[:ABOUT]->(t:Topic) | t {.id, .label_en, .label_fa}],
    reports: COUNT { (m)-[:REPORTED_IN]->() }"""
)
MEETING_FIELDS: LiteralString = "m {" + MEETING_PROPERTIES + "}"

_EVIDENCE_ITEM: LiteralString = """{sentence: r.evidence, start: r.start, end: r.end,
    article: article {.id, .title, .url, .source, published: toString(article.published)}}"""
# Newest report first.
EVIDENCE: LiteralString = (
    "COLLECT { MATCH (m)-[r:REPORTED_IN]->(article:Article) RETURN "
    + _EVIDENCE_ITEM
    + " AS item ORDER BY article.published IS NULL, article.published DESC, article.id }"
)
LIST_EVIDENCE_FIELDS: LiteralString = (
    "COLLECT { MATCH (m)-[r:REPORTED_IN]->(article:Article) RETURN "
    + _EVIDENCE_ITEM
    + " AS item ORDER BY article.published IS NULL, article.published DESC, article.id LIMIT $evidence }"
)
PARTICIPANTS: LiteralString = (
    "COLLECT { MATCH (person:Person)-[taking_part:PARTICIPATED_IN]->(m) RETURN "
    + _participant("person", "taking_part")
    + " AS item ORDER BY person.id }"
)

# A meeting of a page of pairs: its reports, evidence and topic ids come from its listing
# (graph/listings.py), the rest (persons, place) live; `pairs` holds the page's pairs of it.
LISTED_MEETING: LiteralString = (
    "m {.id, .kind, .status, .listing, date: toString(m.date), "
    + MEETING_VENUE
    + ", participants: "
    + PARTICIPANTS
    + ", pairs: pairs}"
)

# One record for the whole page: a record costs the driver more than the few values in it. Grouping by
# meeting forgets the order, so the caller sorts the pairs again (by the same key).
PAIR_RETURN: LiteralString = (
    "\nLIMIT $limit\nWITH m, collect([a.id, b.id]) AS pairs\nRETURN collect("
    + LISTED_MEETING
    + ") AS meetings"
)
MEETING_RETURN: LiteralString = (
    "\nLIMIT $limit\nRETURN "
    + MEETING_FIELDS
    + " AS meeting, "
    + PARTICIPANTS
    + " AS participants, "
    + LIST_EVIDENCE_FIELDS
    + " AS evidence"
)


def _pairs(start: LiteralString, sides: Sides, order: LiteralString) -> LiteralString:
    return (
        start
        + "\nMATCH (a:Person)-[:PARTICIPATED_IN]->(m)<-[:PARTICIPATED_IN]-(b:Person)\nWHERE "
        + pair_conditions(sides)
        + " AND "
        + AFTER_PAIR
        + "\nWITH m, a, b\n"
        + order
        + PAIR_RETURN
    )


def _meetings(start: LiteralString, sides: Sides, order: LiteralString) -> LiteralString:
    return (
        start
        + "\nWITH m WHERE "
        + has_pair(sides)
        + " AND "
        + AFTER_MEETING
        + "\nWITH m "
        + order
        + MEETING_RETURN
    )


def _order(anchor: Anchor, by_index: LiteralString, otherwise: LiteralString) -> LiteralString:
    return by_index if anchor is Anchor.DATE else otherwise


# One statement per anchor and combination of side filters (40 each), built once from the fragments.
FIND_PAIRS: dict[tuple[Anchor, Sides], LiteralString] = {
    (anchor, sides): _pairs(ANCHOR_MATCH[anchor], sides, _order(anchor, INDEX_PAIR_ORDER, PAIR_ORDER))
    for anchor in Anchor
    for sides in ALL_SIDES
}
FIND_UNDATED_PAIRS: dict[Sides, LiteralString] = {
    sides: _pairs(UNDATED_MATCH, sides, UNDATED_PAIR_ORDER) for sides in ALL_SIDES
}
FIND_MEETINGS: dict[tuple[Anchor, Sides], LiteralString] = {
    (anchor, sides): _meetings(
        ANCHOR_MATCH[anchor], sides, _order(anchor, INDEX_MEETING_ORDER, MEETING_ORDER)
    )
    for anchor in Anchor
    for sides in ALL_SIDES
}
FIND_UNDATED_MEETINGS: dict[Sides, LiteralString] = {
    sides: _meetings(UNDATED_MATCH, sides, UNDATED_MEETING_ORDER) for sides in ALL_SIDES
}


@dataclass(frozen=True)
class Page:
    """One page of a list and the cursor after its last item (None on the last page)."""

    items: list[dict[str, Any]]
    after: After | None


def tidy_meeting(meeting: dict[str, Any]) -> dict[str, Any]:
    """Sort what pattern comprehensions return in no fixed order, and say where the meeting was held."""
    meeting["topics"] = sorted(meeting.get("topics") or [], key=lambda topic: topic["id"])
    place = meeting.get("place")
    held_in = meeting.pop("held_in_country", None)
    meeting["country"] = (place or {}).get("country") or held_in
    return meeting


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def pair_key(row: dict[str, Any]) -> After:
    meeting = row["meeting"]
    return After(_day(meeting["date"]), meeting["id"], row["person_a"]["id"], row["person_b"]["id"])


def meeting_key(row: dict[str, Any]) -> After:
    return After(_day(row["meeting"]["date"]), row["meeting"]["id"])


def _page(rows: list[dict[str, Any]], limit: int, key: Callable[[dict[str, Any]], After]) -> Page:
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, key(rows[-1]) if more and rows else None)


Records = list[dict[str, Any]]


def _as_rows(records: Records) -> Records:
    return records


async def _read_list(
    reader: Reader,
    queries: dict[tuple[Anchor, Sides], LiteralString],
    undated: dict[Sides, LiteralString],
    anchor: Anchor,
    selection: MeetingFilter,
    limit: int,
    after: After | None,
    evidence: int = LIST_EVIDENCE,
    rows_of: Callable[[Records], Records] = _as_rows,
) -> Records:
    """Read limit+1 rows (the extra one says whether a next page exists), made of each statement's
    records by `rows_of`. The DATE anchor walks the dated meetings, then, if the page is not full yet,
    the undated ones."""
    parameters = selection.parameters() | {
        "after": after.parameter() if after else None,
        "limit": limit + 1,
        "evidence": evidence,
    }
    sides = Sides.of(selection)
    if anchor is not Anchor.DATE:
        return rows_of(await reader.read(queries[anchor, sides], **parameters))
    rows: Records = []
    if after is None or after.date is not None:
        bounds = date_bounds(selection, after)
        rows = rows_of(await reader.read(queries[anchor, sides], **parameters, **bounds))
    if len(rows) <= limit and selection.allows_undated:
        rest = parameters | {"limit": limit + 1 - len(rows), "max_id": undated_bound(after)}
        rows += rows_of(await reader.read(undated[sides], **rest))
    return rows


def _topic_ref(catalog: Catalog, topic_id: str) -> dict[str, Any]:
    topic = catalog.topic(topic_id)
    if topic is None:  # seeded after this process read its catalog: labels from its next refresh
        return {"id": topic_id, "label_en": None, "label_fa": None}
    return {"id": topic.id, "label_en": topic.label_en, "label_fa": topic.label_fa}


def _pair_rows(catalog: Catalog, records: Records) -> Records:
    """The pairs of one page's meetings (LISTED_MEETING), in the list's order."""
    rows = []
    for meeting in records[0]["meetings"]:
        listing = json.loads(meeting.pop("listing"))
        persons = {person["id"]: person for person in meeting.pop("participants")}
        pairs = meeting.pop("pairs")
        meeting["topics"] = [_topic_ref(catalog, topic) for topic in listing["topics"]]
        meeting["reports"] = listing["reports"]
        tidy_meeting(meeting)
        evidence = listing["evidence"]
        rows += [
            {"person_a": persons[a], "person_b": persons[b], "meeting": meeting, "evidence": evidence}
            for a, b in pairs
        ]
    # PAIR_ORDER, as stable sorts from the last key to the first: ISO days sort as text, undated last.
    rows.sort(key=lambda row: (row["person_a"]["id"], row["person_b"]["id"]))
    rows.sort(key=lambda row: row["meeting"]["id"], reverse=True)
    rows.sort(key=lambda row: row["meeting"]["date"] or "", reverse=True)
    return rows


async def find_who_met_whom(
    reader: Reader, catalog: Catalog, selection: MeetingFilter, *, limit: int = 20, after: After | None = None
) -> Page:
    """Pairs of persons who met, newest meeting first, with the meeting and its evidence."""
    limit = min(limit, MAX_LIMIT)
    anchor = choose_anchor(selection, catalog, limit)
    rows = await _read_list(
        reader,
        FIND_PAIRS,
        FIND_UNDATED_PAIRS,
        anchor,
        selection,
        limit,
        after,
        rows_of=partial(_pair_rows, catalog),
    )
    return _page(rows, limit, pair_key)


async def find_meetings(
    reader: Reader,
    catalog: Catalog,
    selection: MeetingFilter,
    *,
    limit: int = 20,
    after: After | None = None,
    evidence: int = LIST_EVIDENCE,
) -> Page:
    """Meetings matching the filter, newest first, with participants and their `evidence` latest reports."""
    limit = min(limit, MAX_LIMIT)
    anchor = choose_anchor(selection, catalog, limit)
    rows = await _read_list(
        reader, FIND_MEETINGS, FIND_UNDATED_MEETINGS, anchor, selection, limit, after, evidence
    )
    items = [
        tidy_meeting(row["meeting"]) | {"participants": row["participants"], "evidence": row["evidence"]}
        for row in rows
    ]
    page = _page([{"meeting": item} for item in items], limit, meeting_key)
    return Page([row["meeting"] for row in page.items], page.after)


# A meeting with who took part and every report of it (graph/queue.py shows an article's meetings so).
MEETING_DETAIL_FIELDS: LiteralString = (
    "m {" + MEETING_PROPERTIES + ", participants: " + PARTICIPANTS + ", evidence: " + EVIDENCE + "}"
)

GET_MEETING: LiteralString = "MATCH (m:Meeting {id: $id}) RETURN " + MEETING_DETAIL_FIELDS + " AS meeting"


async def get_meeting(reader: Reader, meeting_id: str) -> dict[str, Any]:
    """One meeting with its participants and every report of it; NotFound if the id is unknown."""
    rows = await reader.read(GET_MEETING, id=meeting_id)
    if not rows:
        raise NotFound("meeting", meeting_id)
    return tidy_meeting(rows[0]["meeting"])
