"""The ingest worker: claim a batch of queued articles, extract them, write them in one transaction.

The loop (`Worker.run`) is the whole story: wait until an article is due (reading the queue, never
writing it), claim, extract, write, repeat.
What may go wrong is handled in three places: an article no try can process fails alone
(`worker.retry.PermanentError`, or a write error isolated by halving the batch); a transient error (Neo4j
down, deadlock) waits and retries the same step (`worker.retry.RetryPolicy`); a worker killed mid-batch
leaves its claim to expire, and the next claim hands the articles to another worker. `stop` (SIGTERM)
ends the loop after the article in hand: what is extracted is written, the rest released.

The feeds the worker follows beside the loop are worker/feeds.py.
"""

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from graph.articles import Failure, write_batch
from graph.driver import Graph
from graph.queue import Claim, claim, is_transient, release, seconds_until_due
from ingest.model import Article, Extraction
from worker.config import WorkerConfig
from worker.retry import PermanentError, RetryPolicy, check_article

log = logging.getLogger("didar.worker")

Extract = Callable[[Article], Extraction]


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, in MB (Linux /proc)."""
    fields = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            fields[name] = value.split()[0] if value.split() else "0"
    return int(fields.get("VmRSS", 0)) / 1024, int(fields.get("VmHWM", 0)) / 1024


@dataclass
class WorkerStats:
    """What one worker did; printed (as JSON with --stats) when it stops."""

    worker: str
    batches: int = 0
    done: int = 0
    failed: int = 0
    lost: int = 0  # claims that expired and went to another worker before this one wrote them
    released: int = 0
    retries: int = 0
    polls: int = 0  # reads of an idle queue
    claim_seconds: float = 0.0
    extract_seconds: float = 0.0
    write_seconds: float = 0.0  # in write transactions, less the wait for the graph lock
    lock_wait_seconds: float = 0.0
    started: float = field(default_factory=time.monotonic)
    elapsed_seconds: float = 0.0
    rss_mb: float = 0.0
    peak_rss_mb: float = 0.0

    def finish(self) -> dict[str, Any]:
        self.elapsed_seconds = round(time.monotonic() - self.started, 3)
        self.rss_mb, self.peak_rss_mb = (round(x, 1) for x in rss_mb())
        return {
            k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items() if k != "started"
        }


def default_extract() -> Extract:
    """The pipeline's `extract`, each Extraction stamped with the fingerprint of the extractor that made
    it (so `didar reprocess` can find what another extractor wrote)."""
    from ingest.fingerprint import extractor_fingerprint
    from ingest.pipeline import extract  # loads the lexicons: only in a process that extracts

    fingerprint = extractor_fingerprint()

    def stamped(article: Article) -> Extraction:
        return extract(article).model_copy(update={"extractor_fingerprint": fingerprint})

    return stamped


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class Worker:
    def __init__(
        self,
        graph: Graph,
        config: WorkerConfig,
        *,
        extract: Extract | None = None,
        stop: threading.Event | None = None,
        name: str | None = None,
    ) -> None:
        self.graph = graph
        self.config = config
        self.extract = extract or default_extract()
        self.stop = stop or threading.Event()
        self.stats = WorkerStats(name or worker_name())
        self.policy = RetryPolicy(is_transient, cap=config.retry_cap_seconds)
        self.on_batch: Callable[[], None] | None = None  # e.g. a progress bar

    def run(self, *, burst: bool = False) -> WorkerStats:
        """Work until stopped; with `burst`, also stop once no article is queued or being processed."""
        while self._wait_for_work(burst):
            started = time.monotonic()
            claims = self.retrying("claim", self._claim)
            self.stats.claim_seconds += time.monotonic() - started
            if claims is None:
                break  # stopped while Neo4j was away
            if claims:
                self._process(claims)
        return self.stats

    def _claim(self) -> list[Claim]:
        c = self.config
        return claim(
            self.graph,
            worker=self.stats.worker,
            limit=c.batch_size,
            lease_seconds=c.lease_seconds,
            max_attempts=c.max_attempts,
        )

    def _process(self, claims: list[Claim]) -> None:
        done: list[tuple[Article, Extraction]] = []
        failed: list[Failure] = []
        started = time.monotonic()
        for index, held in enumerate(claims):
            if self.stop.is_set():
                self._release(claims[index:])
                claims = claims[:index]
                break
            try:
                done.append((held.article, self._extract(held.article)))
            except PermanentError as error:
                failed.append(Failure(held.article.key, str(error)))
        self.stats.extract_seconds += time.monotonic() - started
        self._write(claims, done, failed)
        self.stats.batches += 1
        if self.on_batch:
            self.on_batch()

    def _extract(self, article: Article) -> Extraction:
        check_article(article, max_chars=self.config.max_article_chars)
        try:
            return self.extract(article)
        except Exception as error:  # the extractor's bug on this input: the article fails, the worker goes on
            log.exception("extraction failed for article %s", article.key)
            raise PermanentError(f"the extractor failed: {type(error).__name__}: {error}") from error

    def _write(
        self, claims: Sequence[Claim], done: list[tuple[Article, Extraction]], failed: list[Failure]
    ) -> None:
        """Write a batch in one transaction; a non-transient error is narrowed down by halves to the
        article that causes it, which fails alone."""
        if not claims:
            return
        tokens = {held.article.key: held.token for held in claims}
        started = time.monotonic()
        try:
            summary = self.retrying("write", lambda: write_batch(
                self.graph, done, failed, claims=tokens, holder=self.stats.worker
            ))  # fmt: skip
        except Exception as error:
            self._split(claims, done, failed, error)
            return
        if summary is None:
            return  # stopped while Neo4j was away: the lease will hand the batch to another worker
        lost = set(summary.lost)
        self.stats.write_seconds += time.monotonic() - started - summary.lock_wait_seconds
        self.stats.lock_wait_seconds += summary.lock_wait_seconds
        self.stats.lost += len(lost)
        self.stats.done += len([d for d in done if d[0].key not in lost])
        self.stats.failed += len([f for f in failed if f.article_id not in lost])
        log.info("batch of %d: %d done, %d failed, %d lost", len(claims), len(done), len(failed), len(lost))

    def _split(
        self,
        claims: Sequence[Claim],
        done: list[tuple[Article, Extraction]],
        failed: list[Failure],
        error: Exception,
    ) -> None:
        if len(claims) == 1:
            reason = f"writing its facts failed: {type(error).__name__}: {error}"
            log.error("article %s: %s", claims[0].article.key, reason)
            self._write(claims, [], [Failure(claims[0].article.key, reason)])
            return
        half = len(claims) // 2
        for part in (claims[:half], claims[half:]):
            keys = {held.article.key for held in part}
            self._write(
                part, [d for d in done if d[0].key in keys], [f for f in failed if f.article_id in keys]
            )

    def _release(self, claims: Sequence[Claim]) -> None:
        """Stopping: give back what this worker will not process (the attempt does not count)."""
        try:
            release(self.graph, claims)
            self.stats.released += len(claims)
        except Exception as error:  # Neo4j away: the lease hands them on when it expires
            log.warning("could not release %d articles (%s); their lease will expire", len(claims), error)

    def retrying[T](self, what: str, step: Callable[[], T]) -> T | None:
        """Run `step`, retrying transient errors with backoff until it succeeds or the worker stops."""
        failures = 0
        while True:
            try:
                return step()
            except Exception as error:
                if not self.policy.is_transient(error):
                    raise
                failures += 1
                self.stats.retries += 1
                delay = self.policy.delay(failures)
                log.warning("%s failed (%s); retrying in %.1f s", what, error, delay)
                if self.stop.wait(delay):
                    return None

    def _wait_for_work(self, burst: bool) -> bool:
        """Sleep until an article is due, polling with reads only (an idle worker writes nothing: a claim
        is a write); False when the worker should end (stopped, or burst and nothing left)."""
        while True:
            wait = self.retrying("queue check", lambda: seconds_until_due(self.graph))
            self.stats.polls += 1
            if self.stop.is_set() or (wait is None and burst):
                return False
            if wait == 0:
                return True
            pause = self.config.poll_seconds if wait is None else min(max(wait, 0.05), 5.0)
            if self.stop.wait(pause):
                return False


def wait_for_graph(worker: Worker) -> bool:
    """Block until Neo4j answers and the schema is current (a worker may start before the database);
    False if stopped first."""
    from graph.schema import migrate

    def ready() -> bool:
        worker.graph.ping()
        migrate(worker.graph)
        return True

    return bool(worker.retrying("connect", ready))
