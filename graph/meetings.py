"""Reads about meetings: who met whom, meetings by filter, one meeting by id.

Rows come back as plain dicts in the shape of app/schemas.py's models (dates as ISO strings), built by
the shared Cypher map projections below so every endpoint describes a meeting, a person and a piece of
evidence the same way.
"""

from typing import Any, LiteralString

from graph.driver import Graph
from graph.errors import NotFound
from graph.keys import text_key

MAX_LIMIT = 1000

# Map projections shared by the queries of this module and graph/persons.py.
# `person` and `taking_part` (its PARTICIPATED_IN relationship) must be bound where they are used.
PERSON_FIELDS: LiteralString = """{
    id: person.id, name: person.name, name_en: person.name_en, unnamed: person.unnamed,
    role: taking_part.role, role_en: taking_part.role_en,
    country: head([(person)-[:REPRESENTS]->(c:Country) | c {.code, .name_fa, .name_en}])
}"""

# The properties of a Meeting `m` (without braces, so detail projections can extend them).
MEETING_PROPERTIES: LiteralString = """
    id: m.id, date: toString(m.date), kind: m.kind, status: m.status,
    place: head([(m)-[:HELD_IN]->(p:Place) | p {
        .id, .name, .name_en,
        country: head([(p)-[:IN]->(c:Country) | c {.code, .name_fa, .name_en}])
    }]),
    country: head(
        [(m)-[:HELD_IN]->(c:Country) | c {.code, .name_fa, .name_en}]
        + [(m)-[:HELD_IN]->(:Place)-[:IN]->(c:Country) | c {.code, .name_fa, .name_en}]
    ),
    topics: [(m)-[:ABOUT]->(t:Topic) | t {.id, .label_en, .label_fa}]
"""

EVIDENCE_FIELDS: LiteralString = """[(m)-[r:REPORTED_IN]->(article:Article) | {
    sentence: r.evidence, start: r.start, end: r.end,
    article: article {.id, .title, .url, .source, published: toString(article.published)}
}]"""

MEETING_FIELDS: LiteralString = "{" + MEETING_PROPERTIES + "}"

# A meeting with who took part and where it was reported.
MEETING_DETAIL_FIELDS: LiteralString = (
    "{"
    + MEETING_PROPERTIES
    + ", participants: [(person:Person)-[taking_part:PARTICIPATED_IN]->(m) | "
    + PERSON_FIELDS
    + "], evidence: "
    + EVIDENCE_FIELDS
    + "}"
)


def tidy_meeting(meeting: dict[str, Any]) -> dict[str, Any]:
    """Sort the lists that pattern comprehensions return in no fixed order, so answers are stable."""
    meeting["topics"] = sorted(meeting.get("topics") or [], key=lambda topic: topic["id"])
    if "participants" in meeting:
        meeting["participants"] = sorted(meeting["participants"], key=lambda person: person["id"])
    if "evidence" in meeting:
        meeting["evidence"] = sorted(
            meeting["evidence"], key=lambda item: (item["article"]["id"], item["start"])
        )
    return meeting


FIND_WHO_MET_WHOM: LiteralString = (
    """
MATCH (m:Meeting)
WHERE $topics IS NULL OR EXISTS { (m)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics }
MATCH (a:Person)-[ra:PARTICIPATED_IN]->(m)<-[rb:PARTICIPATED_IN]-(b:Person)
WHERE a.id < b.id
WITH m, a, ra, b, rb
ORDER BY m.date IS NULL, m.date DESC, m.id, a.id, b.id
SKIP $offset LIMIT $limit
WITH m, b, rb, a AS person, ra AS taking_part
WITH m, b AS person, rb AS taking_part, """
    + PERSON_FIELDS
    + """ AS person_a
WITH m, person_a, """
    + PERSON_FIELDS
    + """ AS person_b
RETURN person_a, person_b, """
    + MEETING_FIELDS
    + " AS meeting, "
    + EVIDENCE_FIELDS
    + " AS evidence"
)


def find_who_met_whom(
    graph: Graph, *, topics: list[str] | None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Every pair of persons who met (about any of `topics` if given), newest meeting first."""
    rows = graph.read(FIND_WHO_MET_WHOM, topics=topics, limit=min(limit, MAX_LIMIT), offset=offset)
    for row in rows:
        tidy_meeting(row["meeting"])
        row["evidence"] = sorted(row["evidence"], key=lambda item: (item["article"]["id"], item["start"]))
    return rows


FIND_MEETINGS: LiteralString = (
    """
MATCH (m:Meeting)
WHERE ($topics IS NULL OR EXISTS { (m)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })
  AND ($countries IS NULL
       OR EXISTS { (m)<-[:PARTICIPATED_IN]-(:Person)-[:REPRESENTS]->(c:Country) WHERE c.code IN $countries }
       OR EXISTS { (m)-[:HELD_IN]->(c:Country) WHERE c.code IN $countries }
       OR EXISTS { (m)-[:HELD_IN]->(:Place)-[:IN]->(c:Country) WHERE c.code IN $countries })
  AND ($person IS NULL
       OR EXISTS { (m)<-[:PARTICIPATED_IN]-(p:Person)
                   WHERE p.name_key CONTAINS $person OR toLower(p.name_en) CONTAINS $person })
WITH m
ORDER BY m.date IS NULL, m.date DESC, m.id
SKIP $offset LIMIT $limit
RETURN """
    + MEETING_DETAIL_FIELDS
    + " AS meeting"
)


def find_meetings(
    graph: Graph,
    *,
    topics: list[str] | None = None,
    countries: list[str] | None = None,
    person: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Meetings matching every filter given (topic ids, country codes, a piece of a person's name)."""
    person_key = text_key(person) or None
    rows = graph.read(
        FIND_MEETINGS,
        topics=topics,
        countries=countries,
        person=person_key,
        limit=min(limit, MAX_LIMIT),
        offset=offset,
    )
    return [tidy_meeting(row["meeting"]) for row in rows]


GET_MEETING: LiteralString = "MATCH (m:Meeting {id: $id}) RETURN " + MEETING_DETAIL_FIELDS + " AS meeting"


def get_meeting(graph: Graph, meeting_id: str) -> dict[str, Any]:
    """One meeting with its participants and evidence; NotFound if the id is unknown."""
    rows = graph.read(GET_MEETING, id=meeting_id)
    if not rows:
        raise NotFound("meeting", meeting_id)
    return tidy_meeting(rows[0]["meeting"])
