"""Reads about meetings: who met whom, meetings by filter, one meeting by id.

Rows come back as plain dicts in the shape of app/schemas.py's models (dates as ISO strings), built by
the map projections below, so every endpoint describes a meeting, a person and a piece of evidence the
same way. Lists are pages in the order and with the keyset cursor of graph/filters.py.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
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
from graph.reader import Reader

MAX_LIMIT = 200
LIST_EVIDENCE = 5  # reports shown per meeting in lists; the meeting itself shows them all

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


# What every view of a meeting `m` shows (inside a map projection's braces).
MEETING_PROPERTIES: LiteralString = (
    """.id, .kind, .status, date: toString(m.date),
    place: head([(m)-[:HELD_IN]->(p:Place) | p {.id, .name, .name_en,
        country: head([(p)-[:IN]->(c:Country) | c """
    + COUNTRY_FIELDS
    + """])}]),
    held_in_country: head([(m)-[:HELD_IN]->(c:Country) | c """
    + COUNTRY_FIELDS
    + """]),
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

PAIR_RETURN: LiteralString = (
    "\nLIMIT $limit\nRETURN "
    + _participant("a", "ra")
    + " AS person_a, "
    + _participant("b", "rb")
    + " AS person_b, "
    + MEETING_FIELDS
    + " AS meeting, "
    + LIST_EVIDENCE_FIELDS
    + " AS evidence"
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
        + "\nMATCH (a:Person)-[ra:PARTICIPATED_IN]->(m)<-[rb:PARTICIPATED_IN]-(b:Person)\nWHERE "
        + pair_conditions(sides)
        + " AND "
        + AFTER_PAIR
        + "\nWITH m, a, ra, b, rb\n"
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


async def _read_list(
    reader: Reader,
    queries: dict[tuple[Anchor, Sides], LiteralString],
    undated: dict[Sides, LiteralString],
    anchor: Anchor,
    selection: MeetingFilter,
    limit: int,
    after: After | None,
    evidence: int = LIST_EVIDENCE,
) -> list[dict[str, Any]]:
    """Read limit+1 rows (the extra one says whether a next page exists). The DATE anchor walks the
    dated meetings, then, if the page is not full yet, the undated ones."""
    parameters = selection.parameters() | {
        "after": after.parameter() if after else None,
        "limit": limit + 1,
        "evidence": evidence,
    }
    sides = Sides.of(selection)
    if anchor is not Anchor.DATE:
        return await reader.read(queries[anchor, sides], **parameters)
    rows: list[dict[str, Any]] = []
    if after is None or after.date is not None:
        rows = await reader.read(queries[anchor, sides], **parameters, **date_bounds(selection, after))
    if len(rows) <= limit and selection.allows_undated:
        rest = parameters | {"limit": limit + 1 - len(rows), "max_id": undated_bound(after)}
        rows += await reader.read(undated[sides], **rest)
    return rows


async def find_who_met_whom(
    reader: Reader, catalog: Catalog, selection: MeetingFilter, *, limit: int = 20, after: After | None = None
) -> Page:
    """Pairs of persons who met, newest meeting first, with the meeting and its evidence."""
    limit = min(limit, MAX_LIMIT)
    anchor = choose_anchor(selection, catalog, limit)
    rows = await _read_list(reader, FIND_PAIRS, FIND_UNDATED_PAIRS, anchor, selection, limit, after)
    for row in rows:
        tidy_meeting(row["meeting"])
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
