"""Following feeds: poll each configured feed when it is due, queue the entries not seen before.

An entry is new unless the graph holds an article with its URL, or (once its page is read) with the same
content: the same story under a second URL is queued once. A feed that fails (unreachable, an error
status, not a feed) waits interval * 2^failures, up to a cap, before the next try; a feed that answers
304 Not Modified costs one request. Where state lives (which feeds are due, what was seen, the queue)
is the `FeedStore` the worker hands in, so this module never touches the graph itself.
"""

import logging
import threading
from collections.abc import Sequence
from typing import Protocol

from graph.feeds import FeedState
from ingest.model import Article, content_hash
from worker.sources.base import Located
from worker.sources.web import Fetcher, FetchError, entry_link, parse_feed, read_entry

log = logging.getLogger("didar.feeds")


class FeedStore(Protocol):
    def take_due(self) -> list[FeedState]:
        """The feeds due for a poll, held so that no other worker polls them meanwhile."""

    def record(self, state: FeedState, *, next_seconds: float, error: str | None, queued: int,
               etag: str | None, modified: str | None) -> None:  # fmt: skip
        """How the poll went and when the feed is next due."""

    def seen(self, *, urls: Sequence[str], hashes: Sequence[str]) -> set[str]:
        """Which of these URLs and content hashes are already in the graph."""

    def enqueue(self, articles: list[Article]) -> int:
        """Queue articles; how many were new."""


class FeedFollower:
    def __init__(self, store: FeedStore, fetcher: Fetcher, *, interval: float, max_backoff: float) -> None:
        self.store = store
        self.fetcher = fetcher
        self.interval = interval
        self.max_backoff = max_backoff

    def backoff(self, failures: int) -> float:
        """Seconds before the next poll of a feed that has failed `failures` times in a row."""
        return min(self.max_backoff, self.interval * 2**failures)

    def poll(self) -> int:
        """Poll every due feed once; how many articles were queued."""
        return sum(self.poll_feed(state) for state in self.store.take_due())

    def poll_feed(self, state: FeedState) -> int:
        try:
            page = self.fetcher.get(state.url, etag=state.etag, modified=state.modified)
        except FetchError as error:
            return self._failed(state, str(error))
        if page.not_modified:
            self.store.record(
                state, next_seconds=self.interval, error=None, queued=0, etag=None, modified=None
            )
            return 0
        entries = parse_feed(page.content, state.url)
        if not isinstance(entries, list):
            return self._failed(state, entries.reason)
        links = [link for entry in entries if (link := entry_link(entry))]
        known = self.store.seen(urls=links, hashes=())
        articles = []
        for entry in entries:
            if entry_link(entry) in known:
                continue
            item = read_entry(entry, self.fetcher, state.url)
            if isinstance(item, Located):
                articles.append(item.article)
            else:  # left unseen: tried again at the next poll
                log.warning("feed %s: %s", state.url, item)
        hashes = {content_hash(article): article for article in articles}
        duplicates = self.store.seen(urls=(), hashes=list(hashes))
        queued = self.store.enqueue([a for h, a in hashes.items() if h not in duplicates])
        self.store.record(
            state,
            next_seconds=self.interval,
            error=None,
            queued=queued,
            etag=page.etag,
            modified=page.modified,
        )
        log.info("feed %s: %d entries, %d new articles queued", state.url, len(entries), queued)
        return queued

    def _failed(self, state: FeedState, reason: str) -> int:
        wait = self.backoff(state.failures + 1)
        log.warning("feed %s failed (%s); next try in %.0f s", state.url, reason, wait)
        self.store.record(state, next_seconds=wait, error=reason, queued=0, etag=None, modified=None)
        return 0

    def run(self, stop: threading.Event, *, wake_seconds: float = 5.0) -> None:
        """Poll due feeds until `stop`; an error of the store (Neo4j away) waits for the next wake-up."""
        while not stop.is_set():
            try:
                self.poll()
            except Exception as error:  # keep following: the next wake-up tries again
                log.warning("following feeds failed: %s: %s", type(error).__name__, error)
            stop.wait(min(wake_seconds, self.interval))
