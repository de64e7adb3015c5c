"""The filters every meeting list shares, where each query starts (its anchor), and the keyset cursor.

A filtered list starts from the index seek that touches the fewest meetings: a person's id, a topic's
id, a country's code, or the (date, id) range index walked newest first, where Neo4j's PartialTop stops
after one page. `choose_anchor` picks it from the catalog's counts, and each anchor has its own statement
(a plan is cached per statement text), made of the fragments below and the caller's projection.

Pairs have two sides: `persons` and `countries` describe side A, `with_countries` side B. A pair is listed
once: when both orientations qualify, only the one with the smaller person id is.
Lists are ordered newest first, undated meetings last, then by meeting id and the pair's person ids
(descending meeting id, ascending person ids), so a cursor (`after`) is the last item's sort key.
"""

import enum
import math
from dataclasses import dataclass
from datetime import date
from typing import Any, LiteralString

from graph.catalog import Catalog

EARLIEST = date(1, 1, 1)
LATEST = date(9999, 12, 31)
HIGHEST_ID = "\U0010ffff"  # sorts after every id


class Anchor(enum.Enum):
    PERSON = "person"
    TOPIC = "topic"
    COUNTRY = "country"
    WITH_COUNTRY = "with_country"
    DATE = "date"  # the (date, id) index, newest first; undated meetings follow from the id index


@dataclass(frozen=True)
class MeetingFilter:
    """What a list is restricted to; None means no restriction. Ids and codes are already resolved."""

    topics: tuple[str, ...] | None = None
    persons: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None
    with_countries: tuple[str, ...] | None = None
    organizations: tuple[str, ...] | None = None  # a participant holds a role of one of them
    since: date | None = None
    until: date | None = None
    kind: str | None = None
    status: str | None = None
    person_meetings: int | None = None  # for the planner: the persons' meetings, when known

    def parameters(self) -> dict[str, Any]:
        listed = ("topics", "persons", "countries", "with_countries", "organizations")
        values = {
            name: list(getattr(self, name)) if getattr(self, name) is not None else None for name in listed
        }
        return values | {"since": self.since, "until": self.until, "kind": self.kind, "status": self.status}

    @property
    def allows_undated(self) -> bool:
        return self.since is None and self.until is None


@dataclass(frozen=True)
class After:
    """The sort key of the last item of a page: the next page starts after it."""

    date: date | None
    meeting: str
    a: str | None = None  # the pair's person ids (lists of pairs only)
    b: str | None = None

    def parameter(self) -> dict[str, Any]:
        return {"date": self.date, "meeting": self.meeting, "a": self.a or "", "b": self.b or ""}


def choose_anchor(selection: MeetingFilter, catalog: Catalog, limit: int) -> Anchor:
    """The seek that reads the fewest meetings: the smallest of the person, topic and country sets, unless
    walking the date index reaches a page sooner (`limit` divided by the filters' joint selectivity).
    A person filter whose meeting count is unknown always starts from the person."""
    if selection.persons and selection.person_meetings is None:
        return Anchor.PERSON
    total = max(catalog.meetings, 1)
    sizes: dict[Anchor, int] = {}
    if selection.persons and selection.person_meetings is not None:
        sizes[Anchor.PERSON] = selection.person_meetings
    if selection.topics:
        sizes[Anchor.TOPIC] = catalog.topic_meetings(selection.topics)
    if selection.countries:
        sizes[Anchor.COUNTRY] = catalog.country_meetings(selection.countries)
    if selection.with_countries:
        sizes[Anchor.WITH_COUNTRY] = catalog.country_meetings(selection.with_countries)
    if not sizes:
        return Anchor.DATE
    smallest = min(sizes, key=lambda anchor: sizes[anchor])
    selectivity = math.prod(min(size, total) / total for size in sizes.values())
    date_walk = (limit + 1) / selectivity if selectivity > 0 else math.inf
    return Anchor.DATE if date_walk < sizes[smallest] else smallest


def date_bounds(selection: MeetingFilter, after: After | None) -> dict[str, date]:
    """The range the DATE anchor seeks: the filter's dates, narrowed to the cursor's date."""
    upper = selection.until or LATEST
    if after is not None and after.date is not None:
        upper = min(upper, after.date)
    return {"from_date": selection.since or EARLIEST, "to_date": upper}


def undated_bound(after: After | None) -> str:
    """The highest meeting id the undated phase starts from."""
    return after.meeting if after is not None and after.date is None else HIGHEST_ID


# Conditions on a meeting `m` that do not depend on who took part.
MEETING_CONDITIONS: LiteralString = """
    ($kind IS NULL OR m.kind = $kind)
    AND ($status IS NULL OR m.status = $status)
    AND ($since IS NULL OR m.date >= $since)
    AND ($until IS NULL OR m.date <= $until)
    AND ($topics IS NULL OR EXISTS { (m)-[:ABOUT]->(topic:Topic) WHERE topic.id IN $topics })
    AND ($organizations IS NULL OR EXISTS {
        (m)<-[:PARTICIPATED_IN]-(:Person)-[:HOLDS]->(:Role)-[:OF]->(org:Organization)
        WHERE org.id IN $organizations })
"""


@dataclass(frozen=True)
class Sides:
    """Which side filters a list has. Each combination has its own statement, so the planner never
    meets a `$x IS NULL OR EXISTS {...}` it cannot simplify."""

    persons: bool = False
    countries: bool = False
    with_countries: bool = False

    @classmethod
    def of(cls, selection: MeetingFilter) -> "Sides":
        return cls(bool(selection.persons), bool(selection.countries), bool(selection.with_countries))


ALL_SIDES = tuple(Sides(p, c, w) for p in (False, True) for c in (False, True) for w in (False, True))

_IS_PERSON: dict[str, LiteralString] = {"a": "a.id IN $persons", "b": "b.id IN $persons"}
_REPRESENTS_COUNTRY: dict[str, LiteralString] = {
    "a": "EXISTS { (a)-[:REPRESENTS]->(ca:Country) WHERE ca.code IN $countries }",
    "b": "EXISTS { (b)-[:REPRESENTS]->(cb:Country) WHERE cb.code IN $countries }",
}
_REPRESENTS_WITH_COUNTRY: dict[str, LiteralString] = {
    "a": "EXISTS { (a)-[:REPRESENTS]->(wa:Country) WHERE wa.code IN $with_countries }",
    "b": "EXISTS { (b)-[:REPRESENTS]->(wb:Country) WHERE wb.code IN $with_countries }",
}


def _side_a(sides: Sides, person: str) -> list[LiteralString]:
    persons = [_IS_PERSON[person]] if sides.persons else []
    return persons + ([_REPRESENTS_COUNTRY[person]] if sides.countries else [])


def _side_b(sides: Sides, person: str) -> list[LiteralString]:
    return [_REPRESENTS_WITH_COUNTRY[person]] if sides.with_countries else []


def pair_conditions(sides: Sides) -> LiteralString:
    """Persons `a` and `b` of one meeting form a listed pair: a on side A, b on side B, and of two
    orientations that both qualify only the one with the smaller id first."""
    swapped = _side_a(sides, "b") + _side_b(sides, "a")
    once: LiteralString = "a.id < b.id"
    if swapped:
        once = "(a.id < b.id OR NOT (" + " AND ".join(swapped) + "))"
    return " AND ".join(["a <> b", *_side_a(sides, "a"), *_side_b(sides, "b"), once])


def has_pair(sides: Sides) -> LiteralString:
    """A meeting qualifies when a participant is on side A and another on side B."""
    side_a, side_b = _side_a(sides, "a"), _side_b(sides, "b")
    if side_a and side_b:
        return (
            "EXISTS { MATCH (a:Person)-[:PARTICIPATED_IN]->(m)<-[:PARTICIPATED_IN]-(b:Person) "
            + "WHERE a <> b AND "
            + " AND ".join(side_a + side_b)
            + " }"
        )
    if side_a or side_b:
        return (
            "EXISTS { MATCH (a:Person)-[:PARTICIPATED_IN]->(m) WHERE " + " AND ".join(side_a + side_b) + " }"
        )
    return "true"


_AFTER_PAIR_IN_MEETING: LiteralString = """(m.id < $after.meeting OR (m.id = $after.meeting
    AND (a.id > $after.a OR (a.id = $after.a AND b.id > $after.b))))"""

# The keyset: the rows that sort after the cursor.
AFTER_PAIR: LiteralString = (
    """($after IS NULL OR CASE WHEN $after.date IS NULL
    THEN m.date IS NULL AND """
    + _AFTER_PAIR_IN_MEETING
    + """
    ELSE m.date IS NULL OR m.date < $after.date OR (m.date = $after.date AND """
    + _AFTER_PAIR_IN_MEETING
    + """)
    END)"""
)

AFTER_MEETING: LiteralString = """($after IS NULL OR CASE WHEN $after.date IS NULL
    THEN m.date IS NULL AND m.id < $after.meeting
    ELSE m.date IS NULL OR m.date < $after.date OR (m.date = $after.date AND m.id < $after.meeting)
    END)"""

# Each anchor's start: it binds `m` to candidate meetings (no duplicates) satisfying MEETING_CONDITIONS.
ANCHOR_MATCH: dict[Anchor, LiteralString] = {
    Anchor.PERSON: """
MATCH (anchor:Person) WHERE anchor.id IN $persons
MATCH (anchor)-[:PARTICIPATED_IN]->(m:Meeting)
WITH DISTINCT m WHERE """
    + MEETING_CONDITIONS,
    Anchor.TOPIC: """
MATCH (anchor:Topic) WHERE anchor.id IN $topics
MATCH (anchor)<-[:ABOUT]-(m:Meeting)
WITH DISTINCT m WHERE """
    + MEETING_CONDITIONS,
    Anchor.COUNTRY: """
MATCH (anchor:Country) WHERE anchor.code IN $countries
MATCH (anchor)<-[:REPRESENTS]-(:Person)-[:PARTICIPATED_IN]->(m:Meeting)
WITH DISTINCT m WHERE """
    + MEETING_CONDITIONS,
    Anchor.WITH_COUNTRY: """
MATCH (anchor:Country) WHERE anchor.code IN $with_countries
MATCH (anchor)<-[:REPRESENTS]-(:Person)-[:PARTICIPATED_IN]->(m:Meeting)
WITH DISTINCT m WHERE """
    + MEETING_CONDITIONS,
    # Index-backed order: the seek yields meetings newest first and the page stops the walk.
    Anchor.DATE: """
MATCH (m:Meeting) USING INDEX m:Meeting(date, id)
WHERE m.date >= $from_date AND m.date <= $to_date AND m.id IS NOT NULL AND """
    + MEETING_CONDITIONS
    + """
WITH m ORDER BY m.date DESC, m.id DESC""",
}

# After the dated meetings of the DATE anchor: the undated ones, by id from the id index.
UNDATED_MATCH: LiteralString = (
    """
MATCH (m:Meeting)
WHERE m.id <= $max_id AND m.date IS NULL AND """
    + MEETING_CONDITIONS
    + """
WITH m ORDER BY m.id DESC"""
)

# Sort orders: undated last except where the anchor already yields only dated or only undated ones.
PAIR_ORDER: LiteralString = "ORDER BY m.date IS NULL, m.date DESC, m.id DESC, a.id, b.id"
INDEX_PAIR_ORDER: LiteralString = "ORDER BY m.date DESC, m.id DESC, a.id, b.id"
UNDATED_PAIR_ORDER: LiteralString = "ORDER BY m.id DESC, a.id, b.id"
MEETING_ORDER: LiteralString = "ORDER BY m.date IS NULL, m.date DESC, m.id DESC"
INDEX_MEETING_ORDER: LiteralString = "ORDER BY m.date DESC, m.id DESC"
UNDATED_MEETING_ORDER: LiteralString = "ORDER BY m.id DESC"
