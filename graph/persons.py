"""Reads about persons: one person with the roles they hold and the meetings they took part in."""

from typing import Any, LiteralString

from graph.driver import Graph
from graph.errors import NotFound
from graph.meetings import MAX_LIMIT, MEETING_DETAIL_FIELDS, tidy_meeting

GET_PERSON: LiteralString = """
MATCH (person:Person {id: $id})
RETURN person {
    .id, .name, .name_en, .unnamed, .name_source,
    country: head([(person)-[:REPRESENTS]->(c:Country) | c {.code, .name_fa, .name_en}]),
    roles: [(person)-[:HOLDS]->(r:Role) | r {
        .id, .name, .name_en,
        country: head([(r)-[:OF]->(c:Country) | c {.code, .name_fa, .name_en}]),
        organization: head([(r)-[:OF]->(o:Organization) | o {.id, .name, .name_en}])
    }]
} AS person
"""

PERSON_MEETINGS: LiteralString = (
    """
MATCH (:Person {id: $id})-[:PARTICIPATED_IN]->(m:Meeting)
WITH m
ORDER BY m.date IS NULL, m.date DESC, m.id
SKIP $offset LIMIT $limit
RETURN """
    + MEETING_DETAIL_FIELDS
    + " AS meeting"
)


def get_person(graph: Graph, person_id: str, *, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """A person, their roles and their meetings (newest first); NotFound if the id is unknown."""
    rows = graph.read(GET_PERSON, id=person_id)
    if not rows:
        raise NotFound("person", person_id)
    person = rows[0]["person"]
    person["roles"] = sorted(person["roles"], key=lambda role: role["id"])
    meetings = graph.read(PERSON_MEETINGS, id=person_id, limit=min(limit, MAX_LIMIT), offset=offset)
    person["meetings"] = [tidy_meeting(row["meeting"]) for row in meetings]
    return person
