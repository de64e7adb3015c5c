"""Writes articles and what was extracted from them: one batch of articles per write transaction.

One transaction per batch does, in order: take the graph lock (so resolution sees every committed
person and meeting, and batches never deadlock on shared nodes such as countries); keep only the
articles this worker still holds a claim on; set apart the copies (an article whose text a stored one
has is another source of it, graph/copies.py); forget what those articles said before; resolve persons
and meetings across articles (graph/resolution.py); MERGE the rows (graph/rows.py) with one
`UNWIND $rows` statement per kind; refresh the properties derived from the meetings touched (Browser
captions, graph/captions.py; list summaries, graph/listings.py); mark the articles done or failed and
link the copies. A retried or repeated batch leaves the graph as it was, and a batch that dies half-way
leaves nothing behind.
"""

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import LiteralString

from neo4j import ManagedTransaction

from graph.copies import choose_canonicals, link_copies
from graph.corrections import record_use
from graph.derived import refresh_derived
from graph.driver import Graph
from graph.forget import forget_previous
from graph.keys import meeting_key
from graph.merges import write_merges
from graph.queue import stored_article
from graph.resolution import GraphResolver
from graph.rows import Rows, article_row, build_rows
from ingest.model import Article, Extraction

BATCH_SIZE = 100


@dataclass(frozen=True)
class Failure:
    """An article that cannot be extracted; it is marked failed with the reason and never retried."""

    article_id: str
    error: str


@dataclass(frozen=True)
class WriteSummary:
    articles: int
    meetings: int
    meeting_ids: dict[str, list[str]] = field(default_factory=dict)  # the graph's id of each meeting
    lost: list[str] = field(default_factory=list)  # claimed by another worker meanwhile: not written
    lock_wait_seconds: float = 0.0  # waiting for other workers' batches: not this batch's writing
    copies: dict[str, str] = field(default_factory=dict)  # copy -> canonical article (graph/copies.py)


def meeting_ids(article: Article, extraction: Extraction) -> list[str]:
    """The id of each meeting of an extraction as its own article keys it (the graph's id unless it was
    resolved to a meeting other articles reported: see `WriteSummary.meeting_ids`)."""
    return [meeting_key(meeting, article.key) for meeting in extraction.meetings]


# Taking this lock first serialises batch writes: cheap (one per batch) and it makes resolution exact.
TAKE_GRAPH_LOCK: LiteralString = "MERGE (lock:Lock {name: 'graph'}) SET lock.holder = $holder"

HELD_CLAIMS: LiteralString = """
UNWIND $claims AS claim
MATCH (a:Article {id: claim.id})
WHERE a.claim = claim.token AND a.status = 'processing'
RETURN a.id AS id
"""

# Support from this batch's articles (row[2]) is added to a relationship that lacks it; a relationship
# already supported by all of them is not written again (an unchanged SET still costs a write).
SOURCES: LiteralString = """
ON CREATE SET r.sources = row[2]
WITH r, row WHERE r.sources IS NULL OR any(x IN row[2] WHERE NOT x IN r.sources)
SET r.sources = coalesce(r.sources, []) + [x IN row[2] WHERE NOT x IN coalesce(r.sources, [])]
"""

# One statement per relationship type: labels and types cannot be parameters.
LINKS: dict[str, LiteralString] = {
    "role_of_country": "UNWIND $rows AS row MATCH (s:Role {id: row[0]}) MATCH (t:Country {code: row[1]}) "
    "MERGE (s)-[:OF]->(t)",
    "role_of_organization": "UNWIND $rows AS row MATCH (s:Role {id: row[0]}) "
    "MATCH (t:Organization {id: row[1]}) MERGE (s)-[:OF]->(t)",
    "place_in": "UNWIND $rows AS row MATCH (s:Place {id: row[0]}) MATCH (t:Country {code: row[1]}) "
    "MERGE (s)-[:IN]->(t)",
    "represents": "UNWIND $rows AS row MATCH (s:Person {id: row[0]}) MATCH (t:Country {code: row[1]}) "
    "MERGE (s)-[r:REPRESENTS]->(t)" + SOURCES,
    "held_in_place": "UNWIND $rows AS row MATCH (s:Meeting {id: row[0]}) MATCH (t:Place {id: row[1]}) "
    "MERGE (s)-[r:HELD_IN]->(t)" + SOURCES,
    "held_in_country": "UNWIND $rows AS row MATCH (s:Meeting {id: row[0]}) "
    "MATCH (t:Country {code: row[1]}) MERGE (s)-[r:HELD_IN]->(t)" + SOURCES,
    # Topics are a controlled vocabulary seeded by graph.schema: an id outside the tree is not linked.
    "about": "UNWIND $rows AS row MATCH (s:Meeting {id: row[0]}) MATCH (t:Topic {id: row[1]}) "
    "MERGE (s)-[r:ABOUT]->(t)" + SOURCES,
}

# HOLDS also keeps when the person was seen in the role (the dated meetings that name them in it), so
# that an unnamed "foreign minister of X" can be matched to whoever held the role then.
MERGE_HOLDS: LiteralString = """
UNWIND $rows AS row
MATCH (s:Person {id: row[0]})
MATCH (t:Role {id: row[1]})
MERGE (s)-[r:HOLDS]->(t)
ON CREATE SET r.sources = row[2], r.first_seen = row[3], r.last_seen = row[4]
WITH r, row
WHERE r.sources IS NULL OR any(x IN row[2] WHERE NOT x IN r.sources)
   OR row[3] < r.first_seen OR row[4] > r.last_seen OR (r.first_seen IS NULL AND row[3] IS NOT NULL)
SET r.sources = coalesce(r.sources, []) + [x IN row[2] WHERE NOT x IN coalesce(r.sources, [])],
    r.first_seen = CASE WHEN r.first_seen IS NULL OR row[3] < r.first_seen THEN row[3] ELSE r.first_seen END,
    r.last_seen = CASE WHEN r.last_seen IS NULL OR row[4] > r.last_seen THEN row[4] ELSE r.last_seen END
"""

# The inline path (`didar ingest` without --queue) stores the article itself; the worker's is stored.
# `ingested_at` keeps the input's order within one call (the earliest of one text is the original).
UPSERT_ARTICLES: LiteralString = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a.ingested_at = datetime() + duration({nanoseconds: row.seq}), a.attempts = 0
SET a.title = row.title, a.text = row.text, a.url = row.url, a.source = row.source,
    a.published = row.published, a.content_hash = row.content_hash
"""

FINISH_ARTICLES: LiteralString = """
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.status = row.status, a.error = row.error, a.extractor_version = row.extractor_version,
    a.extractor_fingerprint = row.extractor_fingerprint,
    a.meeting_count = row.meeting_count, a.normalized_text = row.normalized_text,
    a.updated_at = datetime(), a.processed_at = datetime(), a.due = null, a.lease_until = null,
    a.claim = null,
    a.attempts = CASE WHEN $inline THEN coalesce(a.attempts, 0) + 1 ELSE a.attempts END
"""

# Names fill in but are never erased (a later article may know only the code), and a node is written
# only when something is new: an unchanged SET still costs a write.
MERGE_COUNTRIES: LiteralString = """
UNWIND $rows AS row
MERGE (c:Country {code: row.code})
ON CREATE SET c.name_fa = row.name_fa, c.name_en = row.name_en, c.name_key = row.name_key
WITH c, row
WHERE (c.name_fa IS NULL AND row.name_fa IS NOT NULL) OR (c.name_en IS NULL AND row.name_en IS NOT NULL)
SET c.name_fa = coalesce(c.name_fa, row.name_fa), c.name_en = coalesce(c.name_en, row.name_en),
    c.name_key = coalesce(c.name_key, row.name_key)
"""

MERGE_ORGANIZATIONS: LiteralString = """
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
ON CREATE SET o.name = row.name, o.name_en = row.name_en
WITH o, row WHERE (o.name IS NULL AND row.name IS NOT NULL) OR (o.name_en IS NULL AND row.name_en IS NOT NULL)
SET o.name = coalesce(o.name, row.name), o.name_en = coalesce(o.name_en, row.name_en)
"""

MERGE_PLACES: LiteralString = """
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
ON CREATE SET p.name = row.name, p.name_en = row.name_en
WITH p, row WHERE (p.name IS NULL AND row.name IS NOT NULL) OR (p.name_en IS NULL AND row.name_en IS NOT NULL)
SET p.name = coalesce(p.name, row.name), p.name_en = coalesce(p.name_en, row.name_en)
"""

MERGE_ROLES: LiteralString = """
UNWIND $rows AS row
MERGE (r:Role {id: row.id})
ON CREATE SET r.name = row.name, r.name_en = row.name_en
WITH r, row WHERE (r.name IS NULL AND row.name IS NOT NULL) OR (r.name_en IS NULL AND row.name_en IS NOT NULL)
SET r.name = coalesce(r.name, row.name), r.name_en = coalesce(r.name_en, row.name_en)
"""

# The fullest name (most letters, spaces aside) wins; the keys resolution looks persons up by follow it.
MERGE_PERSONS: LiteralString = """
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p.unnamed = row.unnamed, p.name = row.name, p.name_key = row.name_key,
              p.search_key = row.search_key,
              p.compact_key = row.compact_key, p.surname_key = row.surname_key, p.tail_key = row.tail_key,
              p.spelling_key = row.spelling_key, p.name_en = row.name_en, p.latin_key = row.latin_key,
              p.name_source = row.name_source
WITH p, row, row.compact_key IS NOT NULL
    AND (p.compact_key IS NULL OR size(row.compact_key) > size(p.compact_key)) AS fuller
WHERE fuller OR (p.name_en IS NULL AND row.name_en IS NOT NULL)
   OR (row.name_source = 'text' AND coalesce(p.name_source, '') <> 'text')
SET p.name = CASE WHEN fuller THEN row.name ELSE p.name END,
    p.name_key = CASE WHEN fuller THEN row.name_key ELSE p.name_key END,
    p.search_key = CASE WHEN fuller THEN row.search_key ELSE p.search_key END,
    p.compact_key = CASE WHEN fuller THEN row.compact_key ELSE p.compact_key END,
    p.surname_key = CASE WHEN fuller THEN row.surname_key ELSE p.surname_key END,
    p.tail_key = CASE WHEN fuller THEN row.tail_key ELSE p.tail_key END,
    p.spelling_key = CASE WHEN fuller THEN row.spelling_key ELSE p.spelling_key END,
    p.name_en = coalesce(p.name_en, row.name_en), p.latin_key = coalesce(p.latin_key, row.latin_key),
    p.name_source = CASE WHEN 'text' IN [p.name_source, row.name_source] THEN 'text'
                         ELSE coalesce(row.name_source, p.name_source) END
"""

MERGE_MEETINGS: LiteralString = """
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
ON CREATE SET m.kind = row.kind, m.status = row.status, m.parties_key = row.parties_key, m.date = row.date,
              m.approx_date = row.approx_date
WITH m, row
WHERE (m.date IS NULL AND row.date IS NOT NULL) OR (m.approx_date IS NULL AND row.approx_date IS NOT NULL)
SET m.date = coalesce(m.date, row.date)
SET m.approx_date = coalesce(m.date, m.approx_date, row.approx_date)
"""

# Writing an article first removed its earlier reports (forget_previous): a report is always new.
MERGE_REPORTS: LiteralString = """
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
MATCH (a:Article {id: row.article})
MERGE (m)-[r:REPORTED_IN]->(a)
ON CREATE SET r.evidence = row.evidence, r.start = row.start, r.end = row.end, r.rule = row.rule,
              r.status = row.status
"""

# A participation some article states directly keeps `rule` null even if another only infers it.
MERGE_PARTICIPATIONS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (m:Meeting {id: row.meeting})
MERGE (p)-[r:PARTICIPATED_IN]->(m)
ON CREATE SET r.rule = row.rule, r.role = row.role, r.role_en = row.role_en, r.role_id = row.role_id,
              r.person_key = row.person_key, r.name = row.name, r.name_en = row.name_en,
              r.name_key = row.name_key, r.sources = row.sources
WITH r, row WHERE r.sources IS NULL OR any(x IN row.sources WHERE NOT x IN r.sources)
SET r.rule = CASE WHEN r.rule IS NULL THEN null ELSE row.rule END,
    r.role = row.role, r.role_en = row.role_en, r.role_id = row.role_id, r.person_key = row.person_key,
    r.name = coalesce(row.name, r.name), r.name_en = coalesce(row.name_en, r.name_en),
    r.name_key = coalesce(row.name_key, r.name_key),
    r.sources = coalesce(r.sources, []) + [x IN row.sources WHERE NOT x IN coalesce(r.sources, [])]
"""


def _write_rows(tx: ManagedTransaction, rows: Rows) -> None:
    for statement, values in (
        (MERGE_COUNTRIES, rows.countries.values()),
        (MERGE_ORGANIZATIONS, rows.organizations.values()),
        (MERGE_PLACES, rows.places.values()),
        (MERGE_ROLES, rows.roles.values()),
        (MERGE_PERSONS, rows.persons.values()),
        (MERGE_MEETINGS, rows.meetings.values()),
        (MERGE_REPORTS, rows.reports.values()),
        (MERGE_PARTICIPATIONS, rows.participations.values()),
    ):
        if values:
            tx.run(statement, rows=list(values)).consume()
    for kind, statement in LINKS.items():
        if link_rows := rows.link_rows(kind):
            tx.run(statement, rows=link_rows).consume()
    if holds := rows.holds_rows():
        tx.run(MERGE_HOLDS, rows=holds).consume()
    write_merges(tx, rows.merges.values())
    record_use(tx, rows.corrections)


@dataclass
class _Batch:
    done: list[tuple[Article, Extraction]]
    failed: list[Failure]
    claims: dict[str, str] | None
    store: list[Article]
    holder: str
    store_chars: int | None = None
    rows: Rows | None = None
    lost: list[str] = field(default_factory=list)
    lock_wait: float = 0.0
    copies: dict[str, str] = field(default_factory=dict)


def _write_batch(tx: ManagedTransaction, batch: _Batch) -> None:
    started = time.perf_counter()
    tx.run(TAKE_GRAPH_LOCK, holder=batch.holder).consume()
    batch.lock_wait += time.perf_counter() - started
    done, failed = batch.done, batch.failed
    if batch.claims is not None:
        claims = [{"id": key, "token": token} for key, token in batch.claims.items()]
        held = {row["id"] for row in tx.run(HELD_CLAIMS, claims=claims)}
        batch.lost = sorted(set(batch.claims) - held)
        done = [(article, extraction) for article, extraction in done if article.key in held]
        failed = [failure for failure in failed if failure.article_id in held]
    else:
        stored = [
            stored_article(article, max_chars=batch.store_chars) | {"seq": seq}
            for seq, article in enumerate(batch.store)
        ]
        tx.run(UPSERT_ARTICLES, rows=stored).consume()
    ids = sorted({article.key for article, _ in done} | {failure.article_id for failure in failed})
    if not ids:
        return
    copies = choose_canonicals(tx, [a.key for a, _ in done], [f.article_id for f in failed])
    forgotten = forget_previous(tx, ids)
    originals = [(article, extraction) for article, extraction in done if article.key not in copies]
    rows = build_rows(originals, lambda reports: GraphResolver(tx, reports))
    _write_rows(tx, rows)
    # A meeting's caption and listing derive from its topics and reports, which change only here: for
    # the meetings just written and those that lost reports (refreshing a deleted one does nothing).
    touched = sorted({*forgotten, *rows.meetings})
    refresh_derived(tx, touched)
    finished = list(rows.articles.values()) + [
        article_row(article, extraction) for article, extraction in done if article.key in copies
    ] + [
        {"id": f.article_id, "status": "failed", "error": f.error, "extractor_version": None,
         "extractor_fingerprint": None, "meeting_count": 0, "normalized_text": None}
        for f in failed
    ]  # fmt: skip
    tx.run(FINISH_ARTICLES, rows=finished, inline=batch.claims is None).consume()
    link_copies(tx, ids, copies)
    batch.copies = copies
    batch.rows = rows


def write_batch(
    graph: Graph,
    done: Sequence[tuple[Article, Extraction]],
    failed: Sequence[Failure] = (),
    *,
    claims: dict[str, str] | None = None,
    store: Sequence[Article] = (),
    store_chars: int | None = None,
    holder: str = "inline",
) -> WriteSummary:
    """Write one batch in one transaction. With `claims` ({article id: claim token}) only the articles
    still claimed with that token are written (a worker whose lease expired loses them to another);
    without, the articles of `store` (those done, by default) are stored first (the inline path), their
    texts cut at `store_chars`."""
    stored = list(store) or [article for article, _ in done]
    batch = _Batch(list(done), list(failed), claims, stored, holder, store_chars)
    graph.write(lambda tx: _write_batch(tx, batch))
    rows = batch.rows or Rows()
    written = len(rows.articles) + len(failed) - len([f for f in failed if f.article_id in batch.lost])
    return WriteSummary(
        written, len(rows.meetings), rows.meeting_ids, batch.lost, batch.lock_wait, batch.copies
    )


def write_extractions(graph: Graph, items: Iterable[tuple[Article, Extraction]]) -> WriteSummary:
    """Store and write one batch (callers chunk by BATCH_SIZE) of articles with their extractions."""
    return write_batch(graph, list(items))
