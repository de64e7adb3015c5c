"""Analysts' corrections of identity: merge two persons the resolver kept apart, split a person's mentions
in some articles off into another person; each stored with who, when and why, listed, and undoable.

A `(:Correction)` node is a standing rule that resolution (graph/resolution.py) applies after its own
rules, to every article it writes, now and whenever articles are re-processed:

- `merge` (person A kept, other B): whatever resolves to B is A, and so is every mention written as
  B's were (`keys`: the name-and-country keys of B's mentions, whatever the rules would make of them
  once A carries B's names). B's articles are re-queued, so the worker rewrites them: B's mentions,
  roles and meetings become A's (a meeting of A and B's partner on the same day becomes one) and B is
  gone. Undoing it also blocks the rules from joining those keys to A (undone `Merge` nodes,
  graph/merges.py), as undoing a resolver's merge does.
- `split` (person P, other P'): in the given articles, whatever resolves to P is P', a new person
  (`p-` + hash of the correction), which no resolver rule gives other mentions, even once undone; an
  unnamed party there is no longer linked to P. A mention is named by its article (`didar persons
  mentions P`).

Undoing one marks it undone (who, when) and re-queues the articles it was applied to, so they are
rewritten without it. Creating or undoing one and queueing its articles is one transaction.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from graph.driver import Graph
from graph.errors import Conflict, NotFound
from graph.keys import digest
from graph.merges import merge_id
from graph.rows import Decision

MERGE = "merge"
SPLIT = "split"
MERGE_RULE = "analyst_merge"
SPLIT_RULE = "analyst_split"

# The articles a correction changes are rewritten by the worker, as after `didar merges undo`.
REQUEUE_ARTICLES: LiteralString = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
WHERE a.status IN ['done', 'failed']
SET a.status = 'queued', a.due = datetime(), a.queued_at = datetime(), a.attempts = 0, a.claim = null,
    a.lease_until = null
RETURN count(a) AS requeued
"""

ALL_CORRECTIONS: LiteralString = """
MATCH (c:Correction)
RETURN c.id AS id, c.kind AS kind, c.person AS person, c.other AS other, c.articles AS articles,
       coalesce(c.keys, []) AS keys, c.undone AS undone
ORDER BY c.created_at, c.id
"""


@dataclass
class Corrections:
    """The standing corrections, as one batch's resolution applies them (the newest wins a tie)."""

    merged: dict[str, tuple[str, str]] = field(default_factory=dict)  # B -> (A, correction)
    keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # a key of B's mentions -> (A, c)
    split: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (article, P) -> (P', c)
    pinned: set[str] = field(default_factory=set)  # persons made by a split: no rule joins others to them

    @classmethod
    def load(cls, tx: ManagedTransaction) -> "Corrections":
        found = cls()
        for row in tx.run(ALL_CORRECTIONS):
            kept = (row["person"], row["id"])
            if row["kind"] == SPLIT:
                found.pinned.add(row["other"])
            if row["undone"]:
                continue
            if row["kind"] == MERGE:
                found.merged[row["other"]] = kept
                found.keys |= dict.fromkeys(row["keys"], kept)
            else:
                found.split |= {
                    (article, row["person"]): (row["other"], row["id"]) for article in row["articles"]
                }
        return found

    def _follow(self, person: str, decided: Decision) -> Decision:
        seen = {person}
        while (merged := self.merged.get(person)) and merged[0] not in seen:
            person, correction = merged
            seen.add(person)
            decided = Decision(person, MERGE_RULE, f"merged by {correction}", correction)
        return decided

    def apply(self, decision: Decision | None, article: str, surface: str | None = None) -> Decision | None:
        """The person a mention of `article` (a named one: its `surface` key) is once the analysts'
        corrections are applied."""
        if decision is None or not (self.merged or self.split):
            return decision
        if surface in self.keys:
            person, correction = self.keys[surface]
            decision = Decision(person, MERGE_RULE, f"merged by {correction}", correction)
        decision = self._follow(decision.id, decision)
        split = self.split.get((article, decision.id))
        if split is None:
            return decision
        if surface is None:
            return None  # an unnamed party split off a person is an unnamed node of its meeting again
        person, correction = split
        return self._follow(person, Decision(person, SPLIT_RULE, f"split by {correction}", correction))


def split_person_id(correction: str) -> str:
    return f"p-{digest('split', correction)}"


# A person's mention keys: its own (the first mention's), the resolver's merges into it, and the keys its
# participations were written with (named ones only: an unnamed party's key stands for any holder).
PERSON_FACTS: LiteralString = """
MATCH (p:Person {id: $id})
RETURN p.id AS id, p.unnamed AS unnamed, p.name AS name,
       [p.id] + COLLECT { MATCH (g:Merge {person: p.id}) WHERE NOT g.undone RETURN g.key }
              + COLLECT { MATCH (p)-[t:PARTICIPATED_IN]->() WHERE t.person_key STARTS WITH 'p-'
                          RETURN DISTINCT t.person_key } AS keys,
       COLLECT { MATCH (p)-[t:PARTICIPATED_IN]->() UNWIND t.sources AS source RETURN DISTINCT source }
           AS articles
"""

MERGED_AWAY: LiteralString = """
MATCH (c:Correction {kind: 'merge'}) WHERE NOT c.undone AND c.other IN $ids
RETURN c.id AS id, c.other AS other, c.person AS person
"""

CREATE_CORRECTION: LiteralString = """
CREATE (c:Correction {id: $id, kind: $kind, person: $person, other: $other, articles: $articles,
                      keys: $keys, why: $why, by: $by, created_at: datetime(), undone: false, sources: []})
RETURN """

CORRECTION_FIELDS: LiteralString = """c {.id, .kind, .person, .other, .articles, .why, .by, .undone,
    .undone_by, .sources, created_at: toString(c.created_at),
    undone_at: toString(c.undone_at)} AS correction"""


# Corrections are made under the writer's graph lock (graph/articles.py): no batch resolves against one
# half made, and the count that numbers them is exact.
TAKE_GRAPH_LOCK: LiteralString = "MERGE (lock:Lock {name: 'graph'}) SET lock.holder = $holder"
COUNT_CORRECTIONS: LiteralString = "MATCH (c:Correction) RETURN count(c) AS n"


def _new_id(tx: ManagedTransaction, *parts: str) -> str:
    """A correction's id: a hash of what it says and how many came before, so the same steps on the same
    graph give the same ids (the documented examples), and never an id already used."""
    tx.run(TAKE_GRAPH_LOCK, holder="correction").consume()
    record = tx.run(COUNT_CORRECTIONS).single()
    return f"c-{digest(*parts, str(record['n'] if record else 0))}"


def _person(tx: ManagedTransaction, person: str) -> dict[str, Any]:
    row = tx.run(PERSON_FACTS, id=person).single()
    if row is None:
        raise NotFound("person", person)
    return row.data()


def _requeue(tx: ManagedTransaction, articles: Iterable[str]) -> int:
    record = tx.run(REQUEUE_ARTICLES, ids=sorted(set(articles))).single()
    return record["requeued"] if record else 0


def _merged_away(tx: ManagedTransaction, persons: list[str]) -> dict[str, str]:
    return {row["other"]: row["id"] for row in tx.run(MERGED_AWAY, ids=persons)}


def _merge(tx: ManagedTransaction, keep: str, other: str, why: str, by: str) -> tuple[dict[str, Any], int]:
    kept, absorbed = _person(tx, keep), _person(tx, other)
    if keep == other:
        raise Conflict(f"{keep} cannot be merged with itself")
    if kept["unnamed"]:
        raise Conflict(f"{keep} is an unnamed party: keep a named person (merge {keep} into it instead)")
    if away := _merged_away(tx, [keep, other]):
        person, earlier = sorted(away.items())[0]
        raise Conflict(f"{person} is already merged into another person by {earlier}")
    correction = _new_id(tx, MERGE, keep, other)
    record = tx.run(
        CREATE_CORRECTION + CORRECTION_FIELDS,
        id=correction, kind=MERGE, person=keep, other=other, articles=absorbed["articles"],
        keys=sorted(set(absorbed["keys"])), why=why, by=by,
    ).single()  # fmt: skip
    assert record is not None
    return record["correction"], _requeue(tx, absorbed["articles"])


def _split(
    tx: ManagedTransaction, person: str, articles: list[str], why: str, by: str
) -> tuple[dict[str, Any], int]:
    found = _person(tx, person)
    if found["unnamed"]:
        raise Conflict(f"{person} is an unnamed party; only a named person can be split")
    if not articles:
        raise Conflict("name at least one mention (an article id) to split off")
    for article in articles:
        if article not in found["articles"]:
            raise NotFound(f"mention of {person} in article", article)
    if set(articles) >= set(found["articles"]):
        raise Conflict(f"splitting off every mention of {person} would leave it nothing; name fewer")
    correction = _new_id(tx, SPLIT, person, *sorted(set(articles)))
    record = tx.run(
        CREATE_CORRECTION + CORRECTION_FIELDS,
        id=correction, kind=SPLIT, person=person, other=split_person_id(correction),
        articles=sorted(set(articles)), keys=[], why=why, by=by,
    ).single()  # fmt: skip
    assert record is not None
    return record["correction"], _requeue(tx, articles)


@dataclass(frozen=True)
class Applied:
    """A correction made or undone, and how many articles were queued to be rewritten with it."""

    correction: dict[str, Any]
    requeued: int


def merge_persons(graph: Graph, keep: str, other: str, *, why: str, by: str) -> Applied:
    """Record that `other` is `keep` (a named person, whose id stays) and queue `other`'s articles."""
    return Applied(*graph.write(lambda tx: _merge(tx, keep, other, why, by)))


def split_person(graph: Graph, person: str, articles: list[str], *, why: str, by: str) -> Applied:
    """Record that `person`'s mentions in `articles` are another person, and queue those articles."""
    return Applied(*graph.write(lambda tx: _split(tx, person, list(dict.fromkeys(articles)), why, by)))


LIST_CORRECTIONS: LiteralString = (
    """
MATCH (c:Correction)
WHERE ($person IS NULL OR $person IN [c.person, c.other]) AND ($undone OR NOT c.undone)
RETURN """
    + CORRECTION_FIELDS
    + """
ORDER BY c.created_at DESC, c.id
LIMIT $limit
"""
)


def list_corrections(
    graph: Graph, *, person: str | None = None, undone: bool = False, limit: int = 1000
) -> list[dict[str, Any]]:
    """The analysts' corrections, newest first (those about `person` only, if given)."""
    rows = graph.read(LIST_CORRECTIONS, person=person, undone=undone, limit=limit)
    return [row["correction"] for row in rows]


UNDO_CORRECTION: LiteralString = (
    """
MATCH (c:Correction {id: $id})
SET c.undone = true, c.undone_at = datetime(), c.undone_by = $by
RETURN """
    + CORRECTION_FIELDS
)

GET_CORRECTION: LiteralString = (
    "MATCH (c:Correction {id: $id}) RETURN coalesce(c.keys, []) AS keys, " + CORRECTION_FIELDS
)

# An undone merge leaves blocks, as `didar merges undo` does: no rule joins those keys to the person.
BLOCK_KEYS: LiteralString = """
UNWIND $rows AS row
MERGE (g:Merge {id: row.id})
ON CREATE SET g.key = row.key, g.person = $person, g.rule = 'analyst_merge', g.detail = $detail,
              g.sources = [], g.created_at = datetime()
SET g.undone = true, g.undone_at = datetime()
"""


def _undo(tx: ManagedTransaction, correction: str, by: str) -> tuple[dict[str, Any], int]:
    tx.run(TAKE_GRAPH_LOCK, holder="correction").consume()
    found = tx.run(GET_CORRECTION, id=correction).single()
    if found is None:
        raise NotFound("correction", correction)
    if found["correction"]["undone"]:
        raise Conflict(f"{correction} is already undone")
    record = tx.run(UNDO_CORRECTION, id=correction, by=by).single()
    assert record is not None
    undone = record["correction"]
    if undone["kind"] == MERGE:
        blocks = [{"id": merge_id(key, undone["person"]), "key": key} for key in found["keys"]]
        tx.run(BLOCK_KEYS, rows=blocks, person=undone["person"], detail=f"{correction} undone").consume()
    return undone, _requeue(tx, [*undone["articles"], *undone["sources"]])


def undo_correction(graph: Graph, correction: str, *, by: str) -> Applied:
    """Undo a correction and queue the articles it was applied to, to be rewritten without it."""
    return Applied(*graph.write(lambda tx: _undo(tx, correction, by)))


# Which articles each correction was applied to: kept like a Merge node's `sources` (graph/forget.py).
USED_BY: LiteralString = """
UNWIND $rows AS row
MATCH (c:Correction {id: row.id})
WITH c, row WHERE any(x IN row.sources WHERE NOT x IN c.sources)
SET c.sources = c.sources + [x IN row.sources WHERE NOT x IN c.sources]
"""


def record_use(tx: ManagedTransaction, used: dict[str, set[str]]) -> None:
    rows = [{"id": correction, "sources": sorted(articles)} for correction, articles in sorted(used.items())]
    if rows:
        tx.run(USED_BY, rows=rows).consume()


PERSON_MENTIONS: LiteralString = """
MATCH (p:Person {id: $id})-[t:PARTICIPATED_IN]->(m:Meeting)-[r:REPORTED_IN]->(a:Article)
WHERE a.id IN t.sources
RETURN a.id AS article, toString(a.published) AS published, a.title AS title, m.id AS meeting,
       toString(m.date) AS date, t.name AS name, t.role AS role, t.rule AS rule, r.evidence AS sentence
ORDER BY a.published IS NULL, a.published DESC, a.id, m.id
LIMIT $limit
"""


PERSON_EXISTS: LiteralString = "MATCH (p:Person {id: $id}) RETURN p.id AS id"


def person_mentions(graph: Graph, person: str, *, limit: int = 1000) -> list[dict[str, Any]]:
    """A person's mentions, one per article and meeting (newest first): what `split` names by article."""
    rows = graph.read(PERSON_MENTIONS, id=person, limit=limit)
    if not rows and not graph.read(PERSON_EXISTS, id=person):
        raise NotFound("person", person)
    return rows
