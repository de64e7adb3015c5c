"""The feeds the worker follows: when each is next due, its HTTP validators, and how often it failed.

A `(:Feed {url})` node per configured feed. Taking a due feed moves its `next_poll_at` forward under the
queue lock, so when several workers run only one polls a feed; a failing feed is polled less and less
often (the follower computes the wait, worker/sources/follow.py).
"""

from dataclasses import dataclass
from typing import Any, LiteralString

from graph.driver import Graph


@dataclass(frozen=True)
class FeedState:
    """A feed as the graph keeps it: its HTTP validators and how often it failed in a row."""

    url: str
    etag: str | None = None
    modified: str | None = None
    failures: int = 0


TAKE_DUE_FEEDS: LiteralString = """
MERGE (lock:Lock {name: 'queue'}) SET lock.holder = $holder
WITH 1 AS one
UNWIND $urls AS url
MERGE (f:Feed {url: url})
ON CREATE SET f.failures = 0, f.next_poll_at = datetime()
WITH f WHERE f.next_poll_at <= datetime()
SET f.next_poll_at = datetime() + duration({seconds: $hold_seconds})
RETURN f {.url, .etag, .modified, .failures} AS feed
"""


def take_due_feeds(graph: Graph, urls: list[str], *, holder: str, hold_seconds: float) -> list[FeedState]:
    """The configured feeds that are due, held for `hold_seconds` so no other worker polls them."""
    if not urls:
        return []
    rows = graph.write(
        lambda tx: tx.run(TAKE_DUE_FEEDS, urls=urls, holder=holder, hold_seconds=int(hold_seconds)).data()
    )
    return [
        FeedState(r["feed"]["url"], r["feed"]["etag"], r["feed"]["modified"], r["feed"]["failures"] or 0)
        for r in rows
    ]


RECORD_POLL: LiteralString = """
MATCH (f:Feed {url: $url})
SET f.last_polled_at = datetime(), f.next_poll_at = datetime() + duration({seconds: $next_seconds}),
    f.failures = $failures, f.last_error = $error,
    f.etag = coalesce($etag, f.etag), f.modified = coalesce($modified, f.modified),
    f.entries_queued = coalesce(f.entries_queued, 0) + $queued
"""


def record_poll(graph: Graph, state: FeedState, *, next_seconds: float, error: str | None, queued: int,
                etag: str | None = None, modified: str | None = None) -> None:  # fmt: skip
    """Remember how a poll went and when to poll next (a failure counts towards the backoff)."""
    params: dict[str, Any] = {
        "url": state.url,
        "next_seconds": int(next_seconds),
        "failures": state.failures + 1 if error else 0,
        "error": error,
        "etag": etag,
        "modified": modified,
        "queued": queued,
    }
    graph.write(lambda tx: tx.run(RECORD_POLL, **params).consume())


LIST_FEEDS: LiteralString = """
MATCH (f:Feed)
RETURN f {.url, .failures, .last_error, .entries_queued, last_polled_at: toString(f.last_polled_at),
          next_poll_at: toString(f.next_poll_at)} AS feed
ORDER BY f.url
"""


def list_feeds(graph: Graph) -> list[dict[str, Any]]:
    return [row["feed"] for row in graph.read(LIST_FEEDS)]
