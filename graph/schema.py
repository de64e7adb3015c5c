"""Versioned, idempotent schema migrations, plus the topic tree as a repeatable seed.

Each migration is a numbered list of `... IF NOT EXISTS` statements; the versions applied are recorded as
`(:Migration {version})` nodes, so start-up applies only what is new and a second run (or two processes
starting at once) is harmless. A migration that derives new properties backfills them for the meetings
already written; from then on the writer keeps them (graph/articles.py). The topic tree
(ingest/data/topics.tsv) is seeded with MERGE and re-seeded whenever the file changes (its checksum is
kept in a `(:Seed {name: "topic-tree"})` node), so editing the lexicon needs no new migration.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from graph import lexicons
from graph.derived import backfill_derived
from graph.driver import Graph
from graph.keys import NAME_FOLDS, latin_key, name_key, spelling_key
from graph.rows import name_forms


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[LiteralString, ...]
    # Derives new properties for what is already in the graph, after the statements; idempotent.
    backfill: Callable[[Graph], object] | None = None


PERSONS_WITH_ENGLISH_NAMES: LiteralString = """
MATCH (p:Person) WHERE p.name_en IS NOT NULL AND p.latin_key IS NULL
RETURN p.id AS id, p.name_en AS name
"""
SET_LATIN_KEYS: LiteralString = "UNWIND $rows AS row MATCH (p:Person {id: row.id}) SET p.latin_key = row.key"


def backfill_latin_keys(graph: Graph) -> None:
    """Persons written before the writer kept `latin_key` get it from their English name (idempotent)."""
    rows = [{"id": r["id"], "key": latin_key(r["name"])} for r in graph.read(PERSONS_WITH_ENGLISH_NAMES)]
    for start in range(0, len(rows), 5000):
        graph.write(partial(_set_latin_keys, rows[start : start + 5000]))


def _set_latin_keys(rows: list[dict[str, str]], tx: ManagedTransaction) -> None:
    tx.run(SET_LATIN_KEYS, rows=rows).consume()


# Reports written before they kept their own status say their meeting's.
REPORT_STATUS: LiteralString = """
MATCH (m:Meeting)-[r:REPORTED_IN]->()
WHERE r.status IS NULL
CALL (m, r) { SET r.status = m.status } IN TRANSACTIONS OF 10000 ROWS
"""


def backfill_report_status(graph: Graph) -> None:
    graph.run_in_transactions(REPORT_STATUS)


# Persons and mentions written before names were compared without middle initials (graph/keys.py).
PERSONS_WITH_INITIALS: LiteralString = """
MATCH (p:Person) WHERE p.name_key CONTAINS '.'
RETURN p.id AS id, p.name AS name,
       [(p)-[t:PARTICIPATED_IN]->(m:Meeting) WHERE t.name_key CONTAINS '.' | {meeting: m.id, name: t.name}]
           AS mentions
"""
SET_NAME_KEYS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.name_key = row.key, p.compact_key = row.compact, p.surname_key = row.surname, p.tail_key = row.tail
WITH p, row
UNWIND row.mentions AS mention
MATCH (p)-[t:PARTICIPATED_IN]->(:Meeting {id: mention.meeting})
SET t.name_key = mention.key
"""


# Persons written before foreign names were compared across transliterations (graph/keys.py).
NAMED_PERSONS: LiteralString = """
MATCH (p:Person) WHERE NOT p.unnamed AND p.name_key IS NOT NULL AND p.spelling_key IS NULL
RETURN p.id AS id, p.name_key AS key
"""
SET_SPELLING_KEYS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.spelling_key = row.spelling
"""


def backfill_spelling_keys(graph: Graph) -> None:
    rows = [
        {"id": row["id"], "spelling": spelling}
        for row in graph.read(NAMED_PERSONS)
        if (spelling := spelling_key(row["key"]))
    ]
    for start in range(0, len(rows), 5000):
        graph.write(partial(_set_spelling_keys, rows[start : start + 5000]))


def _set_spelling_keys(rows: list[dict[str, Any]], tx: ManagedTransaction) -> None:
    tx.run(SET_SPELLING_KEYS, rows=rows).consume()


def backfill_name_keys(graph: Graph) -> None:
    rows = []
    for row in graph.read(PERSONS_WITH_INITIALS):
        forms = name_forms(name_key(row["name"]))
        mentions = [{"meeting": m["meeting"], "key": name_key(m["name"])} for m in row["mentions"]]
        rows.append({"id": row["id"], "key": forms.key, "compact": forms.compact, "surname": forms.surname,
                     "tail": forms.tail, "mentions": mentions})  # fmt: skip
    for start in range(0, len(rows), 5000):
        graph.write(partial(_set_name_keys, rows[start : start + 5000]))


def _set_name_keys(rows: list[dict[str, Any]], tx: ManagedTransaction) -> None:
    tx.run(SET_NAME_KEYS, rows=rows).consume()


# Persons written before names were compared with their hamza seats folded (graph/keys.py `compared`).
PERSONS_WITH_SEATS: LiteralString = """
MATCH (p:Person)
WHERE NOT p.unnamed AND p.name_key IS NOT NULL AND any(seat IN $seats WHERE p.name_key CONTAINS seat)
RETURN p.id AS id, p.name_key AS key
"""
SET_COMPARED_KEYS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.compact_key = row.compact, p.surname_key = row.surname, p.tail_key = row.tail,
    p.spelling_key = row.spelling
"""


def backfill_compared_keys(graph: Graph) -> None:
    rows = []
    for row in graph.read(PERSONS_WITH_SEATS, seats=[seat for seat, _ in NAME_FOLDS]):
        forms = name_forms(row["key"])
        rows.append({"id": row["id"], "compact": forms.compact, "surname": forms.surname, "tail": forms.tail,
                     "spelling": forms.spelling})  # fmt: skip
    for start in range(0, len(rows), 5000):
        graph.write(partial(_set_compared_keys, rows[start : start + 5000]))


def _set_compared_keys(rows: list[dict[str, Any]], tx: ManagedTransaction) -> None:
    tx.run(SET_COMPARED_KEYS, rows=rows).consume()


# Persons written before search read names with their hamza seats folded (graph/keys.py `compared`,
# whose NAME_FOLDS are `$folds`).
SET_SEARCH_KEYS: LiteralString = """
MATCH (p:Person) WHERE p.name_key IS NOT NULL AND p.search_key IS NULL
SET p.search_key = reduce(key = p.name_key, fold IN $folds | replace(key, fold[0], fold[1]))
"""


def backfill_search_keys(graph: Graph) -> None:
    graph.write(_set_search_keys)


def _set_search_keys(tx: ManagedTransaction) -> None:
    tx.run(SET_SEARCH_KEYS, folds=[list(fold) for fold in NAME_FOLDS]).consume()


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "uniqueness constraints on every node key",
        (
            "CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE",
            "CREATE CONSTRAINT seed_name IF NOT EXISTS FOR (n:Seed) REQUIRE n.name IS UNIQUE",
            "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE",
            "CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE",
        ),
    ),
    Migration(
        2,
        "indexes for the filters of the API",
        (
            "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
            "CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.name_key)",
            "CREATE INDEX person_unnamed IF NOT EXISTS FOR (n:Person) ON (n.unnamed)",
            "CREATE INDEX country_name_key IF NOT EXISTS FOR (n:Country) ON (n.name_key)",
        ),
    ),
    Migration(
        3,
        "the article queue, feeds, cross-article person and meeting resolution",
        (
            # The claim query seeks these in order: queued articles have `due`, leased ones `lease_until`.
            "CREATE INDEX article_due IF NOT EXISTS FOR (n:Article) ON (n.due)",
            "CREATE INDEX article_lease_until IF NOT EXISTS FOR (n:Article) ON (n.lease_until)",
            "CREATE INDEX article_status IF NOT EXISTS FOR (n:Article) ON (n.status)",
            "CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)",
            "CREATE INDEX article_content_hash IF NOT EXISTS FOR (n:Article) ON (n.content_hash)",
            "CREATE INDEX article_extractor_version IF NOT EXISTS FOR (n:Article) ON (n.extractor_version)",
            "CREATE INDEX person_compact_key IF NOT EXISTS FOR (n:Person) ON (n.compact_key)",
            "CREATE INDEX person_surname_key IF NOT EXISTS FOR (n:Person) ON (n.surname_key)",
            "CREATE INDEX person_tail_key IF NOT EXISTS FOR (n:Person) ON (n.tail_key)",
            "CREATE INDEX meeting_parties_key IF NOT EXISTS FOR (n:Meeting) ON (n.parties_key)",
            "CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (n:Merge) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX merge_key IF NOT EXISTS FOR (n:Merge) ON (n.key)",
            "CREATE INDEX merge_person IF NOT EXISTS FOR (n:Merge) ON (n.person)",
            "CREATE CONSTRAINT lock_name IF NOT EXISTS FOR (n:Lock) REQUIRE n.name IS UNIQUE",
            "CREATE CONSTRAINT feed_url IF NOT EXISTS FOR (n:Feed) REQUIRE n.url IS UNIQUE",
        ),
    ),
    Migration(
        4,
        "the query API: meetings newest first, person name search",
        (
            # Lists walk this index newest first and stop after a page (graph/filters.py).
            "CREATE INDEX meeting_date_id IF NOT EXISTS FOR (n:Meeting) ON (n.date, n.id)",
            # name_key is the ingest normaliser's key; queries are normalised alike (graph/persons.py).
            "CREATE FULLTEXT INDEX person_names IF NOT EXISTS FOR (n:Person) ON EACH [n.name_key, n.name_en] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', "
            "`fulltext.eventually_consistent`: false}}",
        ),
    ),
    Migration(
        5,
        "meetings written before the writer kept them get their listing and Browser caption",
        (),
        backfill=backfill_derived,
    ),
    Migration(
        6,
        "Latin name search by transliteration variants: the person index also covers `latin_key`",
        (
            "DROP INDEX person_names IF EXISTS",
            "CREATE FULLTEXT INDEX person_search IF NOT EXISTS FOR (n:Person) "
            "ON EACH [n.name_key, n.name_en, n.latin_key] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', "
            "`fulltext.eventually_consistent`: false}}",
        ),
        backfill=backfill_latin_keys,
    ),
    Migration(
        7,
        "analysts' corrections of identity (graph/corrections.py)",
        ("CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (n:Correction) REQUIRE n.id IS UNIQUE",),
    ),
    Migration(
        8,
        "meetings across outlets: a report finds the meetings of its day and the days beside it, and "
        "keeps whether it says the meeting is planned or held",
        ("CREATE INDEX meeting_approx_date IF NOT EXISTS FOR (n:Meeting) ON (n.approx_date)",),
        backfill=backfill_report_status,
    ),
    Migration(9, "person names compared without middle initials", (), backfill=backfill_name_keys),
    Migration(
        10,
        "a mention the knowledge base recognised finds the person of the same English name",
        ("CREATE INDEX person_name_en IF NOT EXISTS FOR (n:Person) ON (n.name_en)",),
    ),
    Migration(
        11,
        "a foreign name finds the person of another transliteration of it",
        ("CREATE INDEX person_spelling_key IF NOT EXISTS FOR (n:Person) ON (n.spelling_key)",),
        backfill=backfill_spelling_keys,
    ),
    Migration(
        12,
        'person names compared with their hamza seats folded ("رئیسی" / "رییسی")',
        (),
        backfill=backfill_compared_keys,
    ),
    Migration(
        13,
        'person search reads names with their hamza seats folded ("رییسی" finds "رئیسی")',
        (
            "DROP INDEX person_search IF EXISTS",
            "CREATE FULLTEXT INDEX person_search_folded IF NOT EXISTS FOR (n:Person) "
            "ON EACH [n.search_key, n.name_en, n.latin_key] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', "
            "`fulltext.eventually_consistent`: false}}",
        ),
        backfill=backfill_search_keys,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


TOPIC_SEED = "topic-tree"


@dataclass(frozen=True)
class MigrationReport:
    applied: list[int]
    version: int
    topics_seeded: bool


APPLIED_VERSIONS: LiteralString = "MATCH (m:Migration) RETURN m.version AS version"


def applied_versions(graph: Graph) -> set[int]:
    return {row["version"] for row in graph.read(APPLIED_VERSIONS)}


RECORD_MIGRATION: LiteralString = """
MERGE (m:Migration {version: $version})
ON CREATE SET m.description = $description, m.applied_at = datetime()
"""


def _run(statement: LiteralString, tx: ManagedTransaction) -> None:
    tx.run(statement).consume()


def _apply(graph: Graph, migration: Migration) -> None:
    # Neo4j refuses schema and data changes in one transaction: each statement gets its own.
    for statement in migration.statements:
        graph.write(partial(_run, statement))
    if migration.backfill is not None:
        migration.backfill(graph)
    graph.write(
        lambda tx: tx.run(
            RECORD_MIGRATION, version=migration.version, description=migration.description
        ).consume()
    )


def topic_rows() -> list[dict[str, Any]]:
    """The topic tree as rows for the seed; parent None for a root."""
    return [
        {
            "id": row["id"],
            "parent": row["parent"] or None,
            "label_en": row["label_en"],
            "label_fa": row["label_fa"],
        }
        for row in lexicons.rows("topics")
    ]


def _checksum(rows: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


SEED_CHECKSUM: LiteralString = "MATCH (s:Seed {name: $name}) RETURN s.checksum AS checksum"

MERGE_TOPICS: LiteralString = """
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
SET t.label_en = row.label_en, t.label_fa = row.label_fa, t.parent = row.parent
"""

# A topic whose parent changed loses its old SUBTOPIC_OF edge before it gets the new one.
LINK_TOPICS: LiteralString = """
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
OPTIONAL MATCH (t)-[old:SUBTOPIC_OF]->(previous:Topic)
WHERE previous.id <> coalesce(row.parent, '')
DELETE old
WITH DISTINCT t, row
WHERE row.parent IS NOT NULL
MATCH (parent:Topic {id: row.parent})
MERGE (t)-[:SUBTOPIC_OF]->(parent)
"""

RECORD_SEED: LiteralString = """
MERGE (s:Seed {name: $name})
SET s.checksum = $checksum, s.applied_at = datetime()
"""


def _seed_topics(tx: ManagedTransaction, rows: list[dict[str, Any]], checksum: str) -> None:
    tx.run(MERGE_TOPICS, rows=rows).consume()
    tx.run(LINK_TOPICS, rows=rows).consume()
    tx.run(RECORD_SEED, name=TOPIC_SEED, checksum=checksum).consume()


def seed_topics(graph: Graph) -> bool:
    """MERGE the topic tree unless the graph already holds this version of it; True if it was written."""
    rows = topic_rows()
    checksum = _checksum(rows)
    recorded = graph.read(SEED_CHECKSUM, name=TOPIC_SEED)
    if recorded and recorded[0]["checksum"] == checksum:
        return False
    graph.write(lambda tx: _seed_topics(tx, rows, checksum))
    return True


AWAIT_INDEXES: LiteralString = "CALL db.awaitIndexes(300)"


def migrate(graph: Graph) -> MigrationReport:
    """Apply the migrations the graph lacks, in order, then (re)seed the topic tree if it changed."""
    done = applied_versions(graph)
    applied = []
    for migration in MIGRATIONS:
        if migration.version not in done:
            _apply(graph, migration)
            applied.append(migration.version)
    if applied:
        graph.write(lambda tx: tx.run(AWAIT_INDEXES).consume())
    seeded = seed_topics(graph)
    return MigrationReport(applied=applied, version=LATEST_VERSION, topics_seeded=seeded)
