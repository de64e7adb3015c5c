"""The article queue: each Article node is its own queue entry, so an article and its facts commit together.

State lives on the node: `status` (queued / processing / done / failed), `attempts`, `error`, and two
properties the claim query seeks: `due` (when a queued article may be taken; FIFO, a retry waits) and
`lease_until` (when a processing article's claim runs out). Done and failed articles have neither, so
the two indexes hold only the live queue and a claim stays two ordered index seeks however many articles
the graph keeps. Expired leases are taken first: a batch whose worker died is retried before newer work,
with the same articles, so the graph ends as if the worker had not died. Claims are serialised by a lock
node (one per batch, not per article), so two workers never take the same article from one read.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j.exceptions import (
    DatabaseUnavailable,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.driver import Graph
from graph.errors import GraphUnavailable, NotFound
from graph.meetings import MEETING_DETAIL_FIELDS, tidy_meeting
from ingest.model import Article, content_hash

STATUSES = ("queued", "processing", "done", "failed")


def is_transient(error: BaseException) -> bool:
    """Errors that a later try may not meet: Neo4j down or restarting, a deadlock, a timeout."""
    if isinstance(error, GraphUnavailable | ServiceUnavailable | SessionExpired | DatabaseUnavailable):
        return True
    if isinstance(error, TransientError):
        return True
    if isinstance(error, Neo4jError) and any(word in (error.code or "") for word in ("TimedOut", "Timeout")):
        return True  # e.g. Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration
    return isinstance(error, TimeoutError | ConnectionError)


@dataclass(frozen=True)
class Claim:
    """An article a worker holds until `token` is cleared or its lease runs out."""

    article: Article
    token: str
    attempts: int


@dataclass(frozen=True)
class Enqueued:
    queued: list[str]  # new, or known with a changed text
    known: list[str]  # the same id with the same content: left as it was


def stored_article(article: Article, *, max_chars: int | None = None) -> dict[str, Any]:
    """An article's properties as the Article node keeps them; `max_chars` bounds the text kept (an
    oversized article that fails keeps its reason and a prefix), while the content hash is always of the
    whole text, so the same input is still known the next time."""
    return {
        "id": article.key,
        "title": article.title,
        "text": article.text if max_chars is None else article.text[:max_chars],
        "url": article.url,
        "source": article.source,
        "published": article.published,
        "content_hash": content_hash(article),
    }


ENQUEUE: LiteralString = """
UNWIND $rows AS row
OPTIONAL MATCH (old:Article {id: row.id})
WITH row, old
WHERE old IS NULL OR $force OR coalesce(old.content_hash, '') <> row.content_hash
MERGE (a:Article {id: row.id})
ON CREATE SET a.ingested_at = datetime() + duration({nanoseconds: row.seq})
SET a.title = row.title, a.text = row.text, a.url = row.url, a.source = row.source,
    a.published = row.published, a.content_hash = row.content_hash,
    a.status = 'queued', a.due = datetime() + duration({nanoseconds: row.seq}), a.queued_at = datetime(),
    a.attempts = 0, a.error = null, a.claim = null, a.lease_until = null, a.updated_at = datetime()
RETURN a.id AS id
"""


def enqueue(graph: Graph, articles: Iterable[Article], *, force: bool = False) -> Enqueued:
    """Store articles and queue them; an article already stored with the same content stays as it was
    (unless `force`), so posting or ingesting the same input twice does nothing the second time."""
    rows = list({article.key: stored_article(article) for article in articles}.values())
    for seq, row in enumerate(rows):
        # Strict FIFO within one call (`due` ties would be taken in no fixed order), and the order stored
        # (`ingested_at`: the earliest of one text is the original, graph/copies.py).
        row["seq"] = seq
    if not rows:
        return Enqueued([], [])
    queued = [row["id"] for row in graph.write(lambda tx: tx.run(ENQUEUE, rows=rows, force=force).data())]
    fresh = set(queued)
    return Enqueued(queued, [row["id"] for row in rows if row["id"] not in fresh])


# `claimed_at` is the workers' heartbeat that /health reads (`queue_health`).
TAKE_QUEUE_LOCK: LiteralString = (
    "MERGE (lock:Lock {name: 'queue'}) SET lock.holder = $token, lock.claimed_at = datetime()"
)

# Expired leases first, then the queue in order; an article whose lease ran out max_attempts times
# (its worker died each time) fails instead of being handed out again.
CLAIM: LiteralString = """
CALL () {
    MATCH (a:Article) WHERE a.lease_until <= datetime()
    WITH a ORDER BY a.lease_until LIMIT $limit
    RETURN a
    UNION ALL
    MATCH (a:Article) WHERE a.due <= datetime()
    WITH a ORDER BY a.due LIMIT $limit
    RETURN a
}
WITH a LIMIT $limit
WITH a, coalesce(a.attempts, 0) >= $max_attempts AS exhausted
SET a.attempts = coalesce(a.attempts, 0) + CASE WHEN exhausted THEN 0 ELSE 1 END,
    a.status = CASE WHEN exhausted THEN 'failed' ELSE 'processing' END,
    a.error = CASE WHEN exhausted
        THEN 'gave up after ' + toString(a.attempts) + ' attempts: '
             + coalesce(a.error, 'the worker holding it stopped before finishing')
        ELSE a.error END,
    a.lease_until = CASE WHEN exhausted THEN null ELSE datetime() + duration({milliseconds: $lease_ms}) END,
    a.due = null, a.claim = CASE WHEN exhausted THEN null ELSE $token END,
    a.worker = $worker, a.claimed_at = datetime()
WITH a WHERE NOT exhausted
RETURN a {.id, .text, .title, .url, .source, .published, .attempts} AS article
"""


def claim(graph: Graph, *, worker: str, limit: int, lease_seconds: float, max_attempts: int) -> list[Claim]:
    """Take up to `limit` due articles (queued, or leased by a worker that has gone quiet), oldest first."""
    token = f"{worker}:{uuid.uuid4().hex[:12]}"

    def work(tx: Any) -> list[dict[str, Any]]:
        tx.run(TAKE_QUEUE_LOCK, token=token).consume()
        params = {"limit": limit, "max_attempts": max_attempts, "lease_ms": int(lease_seconds * 1000)}
        return [row["article"] for row in tx.run(CLAIM, token=token, worker=worker, **params)]

    claims = []
    for row in graph.write(work):
        attempts = row.pop("attempts")
        published = row.pop("published")
        row["published"] = published.to_native() if published is not None else None
        claims.append(Claim(Article.model_validate(row), token, attempts))
    return claims


RETRY_LATER: LiteralString = """
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE a.claim = row.token
SET a.status = 'queued', a.claim = null, a.error = row.error, a.lease_until = null,
    a.due = datetime() + duration({milliseconds: row.delay_ms}),
    a.attempts = a.attempts - CASE WHEN row.counts THEN 0 ELSE 1 END
"""


def release(graph: Graph, claims: Iterable[Claim], *, delay_seconds: float = 0.0, error: str | None = None,
            counts: bool = False) -> None:  # fmt: skip
    """Give claimed articles back to the queue, due after `delay_seconds`. `counts` False (a worker
    stopping) gives the attempt back too; True (a transient error) keeps it, and the error with it."""
    rows = [
        {"id": c.article.key, "token": c.token, "delay_ms": int(delay_seconds * 1000), "error": error,
         "counts": counts}
        for c in claims
    ]  # fmt: skip
    if rows:
        graph.write(lambda tx: tx.run(RETRY_LATER, rows=rows).consume())


NEXT_DUE: LiteralString = """
CALL () {
    MATCH (a:Article) WHERE a.due IS NOT NULL
    WITH a ORDER BY a.due LIMIT 1
    RETURN a.due AS next
    UNION ALL
    MATCH (a:Article) WHERE a.lease_until IS NOT NULL
    WITH a ORDER BY a.lease_until LIMIT 1
    RETURN a.lease_until AS next
}
WITH duration.inSeconds(datetime(), min(next)) AS wait
RETURN wait.seconds + wait.nanosecondsOfSecond / 1e9 AS wait
"""


def seconds_until_due(graph: Graph) -> float | None:
    """How long until the next article is due (0 if one is now); None when the queue is empty."""
    rows = graph.read(NEXT_DUE)
    wait = rows[0]["wait"] if rows else None
    return None if wait is None else max(0.0, float(wait))


# The oldest article a worker could take now (due, or leased by a worker that has gone quiet), by the two
# queue indexes, and the last claim any worker made.
QUEUE_HEALTH: LiteralString = """
CALL () {
    MATCH (a:Article) WHERE a.due <= datetime()
    WITH a ORDER BY a.due LIMIT 1
    RETURN a.due AS since
    UNION ALL
    MATCH (a:Article) WHERE a.lease_until <= datetime()
    WITH a ORDER BY a.lease_until LIMIT 1
    RETURN a.lease_until AS since
}
WITH min(since) AS since
OPTIONAL MATCH (lock:Lock {name: 'queue'})
WITH since, lock.claimed_at AS claimed, datetime() AS now
RETURN CASE WHEN since IS NULL THEN null ELSE duration.inSeconds(since, now).seconds END AS waiting,
       CASE WHEN claimed IS NULL THEN null ELSE duration.inSeconds(claimed, now).seconds END AS last_claim
"""


@dataclass(frozen=True)
class QueueHealth:
    """Whether the queue moves: how long its oldest claimable article has waited (None: nothing waits)
    and how long ago a worker last claimed (None: never)."""

    oldest_waiting_seconds: int | None
    last_claim_seconds_ago: int | None
    stuck_seconds: float

    @property
    def worker_claimed_recently(self) -> bool:
        return self.last_claim_seconds_ago is not None and self.last_claim_seconds_ago <= self.stuck_seconds

    @property
    def stuck(self) -> bool:
        """Work has waited longer than `stuck_seconds` and no worker has claimed for as long."""
        waiting = self.oldest_waiting_seconds
        return waiting is not None and waiting >= self.stuck_seconds and not self.worker_claimed_recently


def queue_health(graph: Graph, *, stuck_seconds: float) -> QueueHealth:
    """The queue's oldest waiting age and the workers' last claim (two index seeks and one node)."""
    rows = graph.read(QUEUE_HEALTH)
    row = rows[0] if rows else {"waiting": None, "last_claim": None}
    return QueueHealth(row["waiting"], row["last_claim"], stuck_seconds)


QUEUE_COUNTS: LiteralString = """
MATCH (a:Article) WHERE a.status IN $statuses
RETURN a.status AS status, count(*) AS n
"""


def queue_counts(graph: Graph) -> dict[str, int]:
    """How many articles are in each state."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in graph.read(QUEUE_COUNTS, statuses=list(STATUSES)):
        counts[row["status"]] = row["n"]
    return counts


# A copy (graph/copies.py) shows the meetings of the article it copies: its own text reports them.
GET_ARTICLE: LiteralString = (
    """
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:COPY_OF]->(canonical:Article)
WITH a, canonical, coalesce(canonical, a) AS reporting
RETURN a {.id, .title, .url, .source, .status, .attempts, .error, .extractor_version, .extractor_fingerprint,
          .meeting_count, .worker, published: toString(a.published), queued_at: toString(a.queued_at),
          processed_at: toString(a.processed_at),
          lease_until: toString(a.lease_until)} AS article,
       canonical.id AS copy_of,
       COLLECT { MATCH (copy:Article)-[:COPY_OF]->(a)
                 RETURN copy {.id, .title, .url, .source, published: toString(copy.published)} AS copy
                 ORDER BY copy.id } AS copies,
       [(reporting)<-[:REPORTED_IN]-(m:Meeting) | """
    + MEETING_DETAIL_FIELDS
    + "] AS meetings"
)


def get_article(graph: Graph, article_id: str) -> dict[str, Any]:
    """An article's place in the queue and, once done, the meetings the graph holds from it; for a copy
    of another article's text, the article it copies and that article's meetings."""
    rows = graph.read(GET_ARTICLE, id=article_id)
    if not rows:
        raise NotFound("article", article_id)
    article = rows[0]["article"] | {"copy_of": rows[0]["copy_of"], "copies": rows[0]["copies"]}
    article["status"] = "done" if article["status"] == "extracted" else article["status"]  # before the queue
    article["attempts"] = article["attempts"] or 0
    article["meetings"] = sorted((tidy_meeting(m) for m in rows[0]["meetings"]), key=lambda m: m["id"])
    return article


KNOWN_ARTICLES: LiteralString = """
MATCH (a:Article) WHERE a.id IN $ids
RETURN a.id AS id, a.content_hash AS content_hash, a.status AS status,
       a.extractor_fingerprint AS fingerprint
"""


def known_articles(graph: Graph, ids: list[str]) -> dict[str, dict[str, Any]]:
    """What the graph holds of these ids: content hash, status and extractor fingerprint."""
    return {row["id"]: row for row in graph.read(KNOWN_ARTICLES, ids=ids)} if ids else {}


SEEN: LiteralString = """
MATCH (a:Article) WHERE a.url IN $urls
RETURN 'url' AS kind, a.url AS value
UNION
MATCH (a:Article) WHERE a.content_hash IN $hashes
RETURN 'hash' AS kind, a.content_hash AS value
"""


def seen(graph: Graph, *, urls: Iterable[str] = (), hashes: Iterable[str] = ()) -> set[str]:
    """Which of these URLs and content hashes the graph already holds an article for."""
    return {row["value"] for row in graph.read(SEEN, urls=list(urls), hashes=list(hashes))}


# Every article in `statuses` (all of them with $fingerprint null) whose extraction another extractor
# made: a different fingerprint, whether older or newer, or none recorded.
REQUEUE: LiteralString = """
MATCH (a:Article)
WHERE a.status IN $statuses
  AND ($fingerprint IS NULL OR coalesce(a.extractor_fingerprint, '') <> $fingerprint)
WITH a LIMIT $limit
SET a.status = 'queued', a.due = datetime(), a.queued_at = datetime(), a.attempts = 0, a.claim = null,
    a.lease_until = null
RETURN count(a) AS n
"""

REQUEUE_BATCH = 5000


def requeue(
    graph: Graph, *, other_than: str | None, statuses: tuple[str, ...] = ("done", "failed", "extracted")
) -> int:
    """Queue articles in `statuses` again (those whose extractor fingerprint is not `other_than`, or all
    if None), in transactions of REQUEUE_BATCH so a large graph never needs one huge transaction;
    returns how many."""
    total = 0
    params = {"fingerprint": other_than, "statuses": list(statuses), "limit": REQUEUE_BATCH}
    while True:
        rows = graph.write(lambda tx: tx.run(REQUEUE, params).data())
        count = rows[0]["n"] if rows else 0
        total += count
        if count < REQUEUE_BATCH:
            return total
