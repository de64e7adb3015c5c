"""Export formats: meetings chunk by chunk in, text chunk by chunk out (pure, no database).

- jsonl: one JSON object a line, in the shape of APOC's JSON export: `{"type": "node", "id", "labels",
  "properties"}` or `{"type": "relationship", "id", "label", "start": {"id"}, "end": {"id"}, "properties"}`,
  each node once however many meetings mention it;
- graphml: the same nodes and relationships as GraphML (Gephi, yEd, Cytoscape, networkx read it);
- csv: one row per pair of persons per meeting (the /who-met-whom table) with the sentence that reports
  it, for spreadsheets; UTF-8 with a byte order mark, without which Excel reads Persian as Latin-1.
"""

import csv
import io
import json
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from graph.subgraph import Elements, build


@dataclass
class Format:
    media_type: str
    extension: str
    head: str
    write: Callable[[list[dict[str, Any]], set[str]], str]  # a chunk of meetings, ids already written
    tail: str


def _new(elements: Elements, seen: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = [node for key, node in elements.nodes.items() if key not in seen]
    edges = [edge for key, edge in elements.edges.items() if key not in seen]
    seen.update(elements.nodes)
    seen.update(elements.edges)
    return nodes, edges


def _jsonl(meetings: list[dict[str, Any]], seen: set[str]) -> str:
    nodes, edges = _new(build(meetings, articles=True), seen)
    lines = [
        json.dumps(
            {
                "type": "node",
                "id": node["id"],
                "labels": [node["label"]],
                "caption": node["caption"],
                "properties": node["properties"],
            },
            ensure_ascii=False,
        )
        for node in nodes
    ]
    lines += [
        json.dumps(
            {
                "type": "relationship",
                "id": edge["id"],
                "label": edge["type"],
                "start": {"id": edge["source"]},
                "end": {"id": edge["target"]},
                "properties": edge["properties"],
            },
            ensure_ascii=False,
        )
        for edge in edges
    ]
    return "".join(line + "\n" for line in lines)


NODE_KEYS = (
    "label",
    "caption",
    "name",
    "name_en",
    "name_fa",
    "unnamed",
    "code",
    "date",
    "kind",
    "status",
    "topic_id",
    "label_en",
    "label_fa",
    "title",
    "url",
    "source",
    "published",
)
EDGE_KEYS = ("type", "role", "role_en", "evidence", "start", "end")
GRAPHML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    + "".join(f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="string"/>\n' for k in NODE_KEYS)
    + "".join(f'  <key id="e_{k}" for="edge" attr.name="{k}" attr.type="string"/>\n' for k in EDGE_KEYS)
    + '  <graph id="didar" edgedefault="directed">\n'
)
GRAPHML_TAIL = "  </graph>\n</graphml>\n"


def _data(prefix: str, keys: Iterable[str], values: dict[str, Any]) -> str:
    return "".join(
        f'<data key="{prefix}_{key}">{escape(str(values[key]))}</data>'
        for key in keys
        if values.get(key) is not None
    )


def _graphml(meetings: list[dict[str, Any]], seen: set[str]) -> str:
    nodes, edges = _new(build(meetings, articles=True), seen)
    out = []
    for node in nodes:
        values = {"label": node["label"], "caption": node["caption"], **node["properties"]}
        out.append(f"    <node id={quoteattr(node['id'])}>{_data('n', NODE_KEYS, values)}</node>\n")
    for edge in edges:
        values = {"type": edge["type"], **edge["properties"]}
        out.append(
            f"    <edge id={quoteattr(edge['id'])} source={quoteattr(edge['source'])} "
            f"target={quoteattr(edge['target'])}>{_data('e', EDGE_KEYS, values)}</edge>\n"
        )
    return "".join(out)


CSV_COLUMNS = (
    "meeting_id",
    "date",
    "kind",
    "status",
    "place",
    "place_en",
    "held_in",
    "topics",
    "a_id",
    "a_name",
    "a_name_en",
    "a_role",
    "a_role_en",
    "a_country",
    "b_id",
    "b_name",
    "b_name_en",
    "b_role",
    "b_role_en",
    "b_country",
    "reports",
    "evidence",
    "urls",
)
BOM = "\ufeff"


def _csv_row(meeting: dict[str, Any], a: dict[str, Any], b: dict[str, Any]) -> list[Any]:
    place = meeting.get("place") or {}
    sides = [
        value
        for person in (a, b)
        for value in (
            person["id"],
            person.get("name"),
            person.get("name_en"),
            person.get("role"),
            person.get("role_en"),
            (person.get("country") or {}).get("code"),
        )
    ]
    return [
        meeting["id"],
        meeting.get("date"),
        meeting.get("kind"),
        meeting.get("status"),
        place.get("name"),
        place.get("name_en"),
        (meeting.get("country") or {}).get("code"),
        ";".join(topic["id"] for topic in meeting.get("topics", [])),
        *sides,
        meeting.get("reports"),
        next((item["sentence"] for item in meeting.get("evidence", [])), None),  # the latest report's
        " ".join(item["article"].get("url") or "" for item in meeting.get("evidence", [])).strip(),
    ]


def _csv(meetings: list[dict[str, Any]], seen: set[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for meeting in meetings:
        people = sorted(meeting.get("participants", []), key=lambda person: person["id"])
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                writer.writerow(_csv_row(meeting, a, b))
    return buffer.getvalue()


def _csv_head() -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(CSV_COLUMNS)
    return BOM + buffer.getvalue()


FORMATS = {
    "jsonl": Format("application/x-ndjson", "jsonl", "", _jsonl, ""),
    "graphml": Format("application/graphml+xml", "graphml", GRAPHML_HEAD, _graphml, GRAPHML_TAIL),
    "csv": Format("text/csv; charset=utf-8", "csv", _csv_head(), _csv, ""),
}


async def stream(chosen: Format, chunks: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[str]:
    """The export as text pieces: head, one piece per chunk of meetings, tail."""
    seen: set[str] = set()
    if chosen.head:
        yield chosen.head
    async for meetings in chunks:
        yield chosen.write(meetings, seen)
    if chosen.tail:
        yield chosen.tail
