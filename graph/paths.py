"""How two persons are connected through meetings: the shortest chains person–meeting–person.

Cypher takes no parameter for a path's length, so each allowed bound has its own statement; the bound
is small (MAX_HOPS meetings) and the transaction timeout stops a search that grows too wide anyway.
"""

from typing import Any, LiteralString

from graph.errors import NotFound
from graph.meetings import COUNTRY_FIELDS
from graph.reader import Reader

MAX_HOPS = 4  # meetings in a chain
MAX_PATHS = 25


def _shortest(relationships: LiteralString) -> LiteralString:
    return (
        """
MATCH (source:Person {id: $source}), (target:Person {id: $target})
MATCH path = allShortestPaths((source)-[:PARTICIPATED_IN*.."""
        + relationships
        + """]-(target))
WITH path ORDER BY [n IN nodes(path) WHERE n:Meeting | n.id] LIMIT $limit
RETURN [n IN nodes(path) WHERE n:Person | n {.id, .name, .name_en, .unnamed,
            meetings: COUNT { (n)-[:PARTICIPATED_IN]->() },
            country: head([(n)-[:REPRESENTS]->(c:Country) | c """
        + COUNTRY_FIELDS
        + """])}] AS persons,
       [n IN nodes(path) WHERE n:Meeting | n {.id, .kind, .status, date: toString(n.date),
            topics: [(n)-[:ABOUT]->(t:Topic) | t {.id, .label_en, .label_fa}]}] AS meetings
"""
    )


# A chain of n meetings is 2n PARTICIPATED_IN relationships long.
SHORTEST_PATHS: dict[int, LiteralString] = {
    1: _shortest("2"),
    2: _shortest("4"),
    3: _shortest("6"),
    4: _shortest("8"),
}

PERSONS_EXIST: LiteralString = "MATCH (p:Person) WHERE p.id IN $ids RETURN p.id AS id"


async def shortest_paths(
    reader: Reader, source: str, target: str, *, max_hops: int = 3, limit: int = 10
) -> list[dict[str, Any]]:
    """The shortest chains of meetings from one person to another (all of the same, least length, at
    most `limit`, in the order of their meetings' ids), or [] when none is within `max_hops` meetings;
    NotFound for an unknown person."""
    found = {row["id"] for row in await reader.read(PERSONS_EXIST, ids=[source, target])}
    for person in (source, target):
        if person not in found:
            raise NotFound("person", person)
    statement = SHORTEST_PATHS[min(max(max_hops, 1), MAX_HOPS)]
    rows = await reader.read(statement, source=source, target=target, limit=min(limit, MAX_PATHS))
    paths = [{"length": len(row["meetings"]), **row} for row in rows]
    for path in paths:
        for meeting in path["meetings"]:
            meeting["topics"] = sorted(meeting["topics"], key=lambda topic: topic["id"])
    return paths
