"""What a meeting keeps derived from its topics and reports: its Browser caption (graph/captions.py),
its listing (graph/listings.py) and its status (held once any report says it was held). They change
only when an article reporting the meeting is written or forgotten, so the writer refreshes them in
that transaction (graph/articles.py); `backfill_derived` redoes every meeting (migration 5,
`POST /admin/captions`)."""

from functools import partial
from itertools import batched
from typing import LiteralString

from neo4j import ManagedTransaction

from graph.captions import refresh_captions
from graph.driver import Graph
from graph.listings import refresh_listings

BATCH = 2000  # meetings per backfill transaction
MEETING_IDS: LiteralString = "MATCH (m:Meeting) RETURN m.id AS id ORDER BY id"


# Reports of one meeting may say it is planned ("will meet today") or held ("met"): held wins.
REFRESH_STATUS: LiteralString = """
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
WITH m, [(m)-[r:REPORTED_IN]->() WHERE r.status IS NOT NULL | r.status] AS said
WITH m, CASE WHEN 'held' IN said THEN 'held' WHEN size(said) > 0 THEN 'planned' ELSE m.status END AS status
WHERE status <> m.status
SET m.status = status
"""


def refresh_derived(tx: ManagedTransaction, meeting_ids: list[str]) -> None:
    """Recompute the status, caption and listing of these meetings (ids of deleted meetings are
    skipped)."""
    tx.run(REFRESH_STATUS, ids=meeting_ids).consume()
    refresh_captions(tx, meeting_ids)
    refresh_listings(tx, meeting_ids)


def backfill_derived(graph: Graph) -> int:
    """Refresh every meeting, BATCH meetings per transaction; how many meetings there are."""
    ids = [row["id"] for row in graph.read(MEETING_IDS)]
    for chunk in batched(ids, BATCH):
        graph.write(partial(refresh_derived, meeting_ids=list(chunk)))
    return len(ids)
