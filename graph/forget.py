"""Forgetting what articles said before they are written again: exactly the facts only they supported.

Every fact an article contributes names it in `sources` (graph/rows.py). Forgetting removes the
article's reports and its id from every `sources`, deletes the facts no article supports any more and the
nodes left with nothing (meetings, persons, roles, organisations, places), and renames the persons who
lost the mention that gave them their fullest name. Facts other articles support stay.
"""

from typing import LiteralString

from neo4j import ManagedTransaction

from graph.keys import NAME_FOLDS

TOUCHED_BY_ARTICLES: LiteralString = """
MATCH (a:Article)<-[:REPORTED_IN]-(m:Meeting)
WHERE a.id IN $ids
OPTIONAL MATCH (m)<-[:PARTICIPATED_IN]-(p:Person)
WITH collect(DISTINCT m) AS meetings, collect(DISTINCT p) AS persons
RETURN [m IN meetings | m.id] AS meetings,
       [p IN persons | p.id] AS persons,
       [p IN persons | [(p)-[:HOLDS]->(r:Role) | r.id]] AS roles,
       [p IN persons | [(p)-[:HOLDS]->(:Role)-[:OF]->(o:Organization) | o.id]] AS organizations,
       [m IN meetings | [(m)-[:HELD_IN]->(place:Place) | place.id]] AS places
"""

# A fact stays while some article still supports it (its `sources`).
UNSUPPORT_MEETING_FACTS: LiteralString = """
MATCH (m:Meeting) WHERE m.id IN $meetings
MATCH (m)-[r:ABOUT|HELD_IN|PARTICIPATED_IN]-()
WITH DISTINCT r WHERE any(x IN r.sources WHERE x IN $ids)
SET r.sources = [x IN r.sources WHERE NOT x IN $ids]
WITH r WHERE size(r.sources) = 0
DELETE r
"""

UNSUPPORT_PERSON_FACTS: LiteralString = """
MATCH (p:Person) WHERE p.id IN $persons
MATCH (p)-[r:HOLDS|REPRESENTS]->()
WITH DISTINCT r WHERE any(x IN r.sources WHERE x IN $ids)
SET r.sources = [x IN r.sources WHERE NOT x IN $ids]
WITH r WHERE size(r.sources) = 0
DELETE r
"""

UNSUPPORT_MERGES: LiteralString = """
MATCH (g:Merge) WHERE g.person IN $persons AND any(x IN g.sources WHERE x IN $ids)
SET g.sources = [x IN g.sources WHERE NOT x IN $ids]
WITH g WHERE size(g.sources) = 0 AND NOT g.undone
DELETE g
"""

UNSUPPORT_CORRECTIONS: LiteralString = """
MATCH (c:Correction) WHERE any(x IN c.sources WHERE x IN $ids)
SET c.sources = [x IN c.sources WHERE NOT x IN $ids]
"""

DELETE_REPORTS: LiteralString = """
MATCH (a:Article)<-[r:REPORTED_IN]-(:Meeting) WHERE a.id IN $ids
DELETE r
"""

DELETE_ORPHANS: tuple[LiteralString, ...] = (
    "MATCH (m:Meeting) WHERE m.id IN $meetings AND NOT (m)-[:REPORTED_IN]->() DETACH DELETE m",
    "MATCH (p:Person) WHERE p.id IN $persons AND NOT (p)-[:PARTICIPATED_IN]->() DETACH DELETE p",
    "MATCH (r:Role) WHERE r.id IN $roles AND NOT ()-[:HOLDS]->(r) DETACH DELETE r",
    "MATCH (o:Organization) WHERE o.id IN $organizations AND NOT ()-[:OF]->(o) DETACH DELETE o",
    "MATCH (p:Place) WHERE p.id IN $places AND NOT ()-[:HELD_IN]->(p) DETACH DELETE p",
)

# A person's name is the fullest (most letters) that any remaining report gives them; its comparison keys
# and search key fold the hamza seats as graph/keys.py `compared` does (`$folds`, its NAME_FOLDS).
# `spelling_key` is left as it was: Cypher cannot fold it, and a stale one only fetches a candidate that
# resolution then compares by its name (graph/resolution.py).
REFRESH_NAMES: LiteralString = """
MATCH (p:Person) WHERE p.id IN $persons AND NOT p.unnamed
MATCH (p)-[t:PARTICIPATED_IN]->()
WHERE t.name_key IS NOT NULL
WITH p, t ORDER BY size(replace(t.name_key, ' ', '')) DESC, t.name_key
WITH p, collect(t)[0] AS best
WITH p, best, reduce(key = best.name_key, fold IN $folds | replace(key, fold[0], fold[1])) AS compared
WITH p, best, compared, split(compared, ' ') AS words
SET p.name = best.name, p.name_key = best.name_key, p.search_key = compared,
    p.name_en = coalesce(best.name_en, p.name_en), p.compact_key = replace(compared, ' ', ''),
    p.surname_key = last(words),
    p.tail_key = reduce(tail = '', word IN words[-2..] | tail + word)
"""


# When a person was seen in a role, from the reports that remain (inferred links are not evidence).
REFRESH_TENURES: LiteralString = """
MATCH (p:Person)-[h:HOLDS]->(r:Role) WHERE p.id IN $persons
OPTIONAL MATCH (p)-[t:PARTICIPATED_IN]->(m:Meeting)
WHERE t.role_id = r.id AND coalesce(t.rule, '') <> 'role_holder' AND m.date IS NOT NULL
WITH h, min(m.date) AS first, max(m.date) AS last
SET h.first_seen = first, h.last_seen = last
"""


def _flat(lists: list[list[str]]) -> list[str]:
    return sorted({item for items in lists for item in items})


def forget_previous(tx: ManagedTransaction, ids: list[str]) -> list[str]:
    """Remove what these articles said before: their reports, the facts only they supported, and the
    nodes left with nothing (meetings, persons, roles, organisations, places); rename persons who lost
    the report that gave them their fullest name. The ids of the meetings they reported (some of them
    now deleted), whose derived properties the writer refreshes."""
    touched = tx.run(TOUCHED_BY_ARTICLES, ids=ids).single()
    if touched is None or not touched["meetings"]:
        return []
    found = {
        "ids": ids,
        "meetings": touched["meetings"],
        "persons": touched["persons"],
        "roles": _flat(touched["roles"]),
        "organizations": _flat(touched["organizations"]),
        "places": _flat(touched["places"]),
    }
    for statement in (
        UNSUPPORT_MEETING_FACTS,
        UNSUPPORT_PERSON_FACTS,
        UNSUPPORT_MERGES,
        UNSUPPORT_CORRECTIONS,
        DELETE_REPORTS,
    ):
        tx.run(statement, found).consume()
    for statement in DELETE_ORPHANS:
        tx.run(statement, found).consume()
    tx.run(REFRESH_NAMES, persons=found["persons"], folds=[list(fold) for fold in NAME_FOLDS]).consume()
    tx.run(REFRESH_TENURES, persons=found["persons"]).consume()
    return list(found["meetings"])
