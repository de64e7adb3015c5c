"""Following feeds beside the worker's loop: the follower (worker/sources/follow.py) with its state in
the graph (Feed nodes, the articles seen, the queue)."""

import threading
from collections.abc import Sequence

from graph.driver import Graph
from graph.feeds import FeedState, record_poll, take_due_feeds
from graph.queue import enqueue, seen
from ingest.model import Article
from worker.config import WorkerConfig
from worker.loop import worker_name
from worker.sources.follow import FeedFollower
from worker.sources.web import Fetcher

FEED_HOLD_SECONDS = 600.0


class GraphFeedStore:
    """The follower's state in the graph: Feed nodes, the articles seen, the queue."""

    def __init__(self, graph: Graph, urls: list[str], *, holder: str, hold_seconds: float) -> None:
        self.graph, self.urls, self.holder, self.hold_seconds = graph, urls, holder, hold_seconds

    def take_due(self) -> list[FeedState]:
        return take_due_feeds(self.graph, self.urls, holder=self.holder, hold_seconds=self.hold_seconds)

    def record(self, state: FeedState, *, next_seconds: float, error: str | None, queued: int,
               etag: str | None, modified: str | None) -> None:  # fmt: skip
        record_poll(self.graph, state, next_seconds=next_seconds, error=error, queued=queued, etag=etag,
                    modified=modified)  # fmt: skip

    def seen(self, *, urls: Sequence[str], hashes: Sequence[str]) -> set[str]:
        return seen(self.graph, urls=urls, hashes=hashes)

    def enqueue(self, articles: list[Article]) -> int:
        return len(enqueue(self.graph, articles).queued)


def follow_feeds(graph: Graph, config: WorkerConfig, stop: threading.Event) -> threading.Thread | None:
    """Follow config.feeds in a thread beside the loop (fetching is I/O, extraction is the loop's)."""
    if not config.feeds:
        return None
    # A poll reads every new entry's page: hold the feed long enough for that, then record the real wait.
    store = GraphFeedStore(graph, list(config.feeds), holder=worker_name(), hold_seconds=FEED_HOLD_SECONDS)
    follower = FeedFollower(
        store,
        Fetcher(timeout=config.http_timeout_seconds),
        interval=config.feed_interval_seconds,
        max_backoff=config.feed_max_backoff_seconds,
    )
    thread = threading.Thread(target=follower.run, args=(stop,), name="feeds", daemon=True)
    thread.start()
    return thread
