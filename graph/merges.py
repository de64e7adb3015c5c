"""Merge records: each decision that resolved a mention to another person, with its rule and articles.

A `(:Merge)` node per (mention key, person): written with the batch that uses it (graph/articles.py),
forgotten with the last article that uses it (graph/forget.py), read by resolution as an earlier decision
(stable) or, once undone, as a block: the rule is never applied to that mention and person again.
"""

from collections.abc import Iterable
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from graph.driver import Graph
from graph.errors import NotFound
from graph.keys import digest

MERGE_ROWS: LiteralString = """
UNWIND $rows AS row
MERGE (g:Merge {id: row.id})
ON CREATE SET g.key = row.key, g.person = row.person, g.created_at = datetime(), g.undone = false,
              g.sources = [], g.rule = row.rule, g.detail = row.detail, g.name = row.name
SET g.sources = g.sources + [x IN row.sources WHERE NOT x IN g.sources]
"""


def write_merges(tx: ManagedTransaction, merges: Iterable[dict[str, Any]]) -> None:
    rows = [{**row, "id": merge_id(row["key"], row["person"])} for row in merges]
    if rows:
        tx.run(MERGE_ROWS, rows=rows).consume()


def merge_id(key: str, person: str) -> str:
    return f"g-{digest(key, person)}"


LIST_MERGES: LiteralString = """
MATCH (g:Merge)
WHERE ($person IS NULL OR g.person = $person) AND ($undone OR NOT g.undone)
RETURN g {.id, .key, .person, .name, .rule, .detail, .undone, .sources,
          created_at: toString(g.created_at), undone_at: toString(g.undone_at)} AS merge
ORDER BY g.person, g.key
LIMIT $limit
"""


def list_merges(
    graph: Graph, *, person: str | None = None, undone: bool = False, limit: int = 1000
) -> list[dict[str, Any]]:
    """The merges (decisions that mapped a mention to another node), by person, with their rule."""
    return [row["merge"] for row in graph.read(LIST_MERGES, person=person, undone=undone, limit=limit)]


# Undone merges stay as blocks: the same mention is never resolved to the same person by a rule again.
UNDO_MERGE: LiteralString = """
MATCH (g:Merge {id: $id})
SET g.undone = true, g.undone_at = datetime()
WITH g
UNWIND g.sources AS source
MATCH (a:Article {id: source})
WHERE a.status IN ['done', 'failed']
SET a.status = 'queued', a.due = datetime(), a.queued_at = datetime(), a.attempts = 0, a.claim = null,
    a.lease_until = null
RETURN count(a) AS requeued
"""

MERGE_EXISTS: LiteralString = "MATCH (g:Merge {id: $id}) RETURN g.undone AS undone"


def undo_merge(graph: Graph, merge: str) -> int:
    """Undo a merge: block its rule for that mention and person, and re-queue the articles that used it
    (the worker rewrites their facts without it); returns how many articles were re-queued."""
    if not graph.read(MERGE_EXISTS, id=merge):
        raise NotFound("merge", merge)
    rows = graph.write(lambda tx: tx.run(UNDO_MERGE, id=merge).data())
    return rows[0]["requeued"] if rows else 0
