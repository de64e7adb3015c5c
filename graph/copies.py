"""Copies: an article whose text (title and body, `content_hash`) is a stored article's is another source
of that article, not a second report of its meetings.

The canonical article of a text is the earliest stored one (`ingested_at`, then id) among the articles of
that hash that have been written (done, not a copy) and the ones this batch writes; every other article
of the batch with that hash becomes a copy: `(copy:Article)-[:COPY_OF]->(canonical:Article)`. A copy
keeps its own id, URL, source and date, and holds no reports: its meetings are the canonical's. Run
inside the writer's transaction, after the graph lock (graph/articles.py), so two batches never choose
two canonicals for one text.

When a canonical is written again with another text, or fails, its copies lose the link and are queued
to be written on their own; when it turns out to be a copy itself (an older copy of its text), its copies
follow it to that canonical.
"""

from collections.abc import Iterable
from typing import LiteralString

from neo4j import ManagedTransaction

# The hash-mates of the batch's articles that may be canonical, earliest first: the batch's own, and the
# written articles that are no copies (an article that failed has no meetings to share).
HASH_MATES: LiteralString = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
WITH DISTINCT a.content_hash AS hash WHERE hash IS NOT NULL
MATCH (c:Article {content_hash: hash})
WHERE c.id IN $ids
   OR (c.processed_at IS NOT NULL AND c.status <> 'failed' AND NOT c.id IN $failed
       AND NOT EXISTS { (c)-[:COPY_OF]->() })
WITH hash, c ORDER BY c.ingested_at IS NULL, c.ingested_at, c.id
RETURN hash, collect(c.id) AS ids
"""


def choose_canonicals(tx: ManagedTransaction, done: Iterable[str], failed: Iterable[str]) -> dict[str, str]:
    """{article id: the canonical article it is a copy of} for the batch's written (`done`) articles."""
    ids = sorted(set(done))
    if not ids:
        return {}
    batch = set(ids)
    copies: dict[str, str] = {}
    for row in tx.run(HASH_MATES, ids=ids, failed=sorted(set(failed))):
        canonical, *others = row["ids"]
        copies |= {other: canonical for other in others if other in batch}
    return copies


UNLINK: LiteralString = """
MATCH (a:Article)-[r:COPY_OF]->() WHERE a.id IN $ids
DELETE r
"""

LINK: LiteralString = """
UNWIND $rows AS row
MATCH (copy:Article {id: row.copy})
MATCH (canonical:Article {id: row.canonical})
MERGE (copy)-[:COPY_OF]->(canonical)
"""

# The copies of a batch article that is now a copy itself follow it to its canonical.
FOLLOW: LiteralString = """
UNWIND $rows AS row
MATCH (old:Article {id: row.copy})<-[r:COPY_OF]-(other:Article)
MATCH (canonical:Article {id: row.canonical})
DELETE r
MERGE (other)-[:COPY_OF]->(canonical)
"""

# The copies of a batch article whose text changed, or that failed, are written on their own.
RELEASE_STALE: LiteralString = """
MATCH (a:Article)<-[r:COPY_OF]-(other:Article) WHERE a.id IN $ids
  AND (a.status = 'failed' OR coalesce(other.content_hash, '') <> coalesce(a.content_hash, ''))
DELETE r
WITH other WHERE other.status IN ['done', 'failed']
SET other.status = 'queued', other.due = datetime(), other.queued_at = datetime(), other.attempts = 0,
    other.claim = null, other.lease_until = null
RETURN count(other) AS requeued
"""


def link_copies(tx: ManagedTransaction, ids: list[str], copies: dict[str, str]) -> int:
    """Record the batch's copies (`ids`: every article the batch wrote, done or failed), re-point the
    copies of its new copies, and queue the copies of its changed or failed articles; how many were
    queued."""
    rows = [{"copy": copy, "canonical": canonical} for copy, canonical in sorted(copies.items())]
    tx.run(UNLINK, ids=ids).consume()
    if rows:
        tx.run(LINK, rows=rows).consume()
        tx.run(FOLLOW, rows=rows).consume()
    record = tx.run(RELEASE_STALE, ids=ids).single()
    return record["requeued"] if record else 0
