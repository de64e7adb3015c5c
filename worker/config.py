"""What the worker needs to know, and nothing else: app/ fills it in from its settings (`Settings.worker`)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class WorkerConfig:
    # A claim expires after the lease, so a killed worker's batch goes to another one; keep the lease well
    # above the time one batch takes.
    batch_size: int = 100
    lease_seconds: float = 120.0
    poll_seconds: float = 1.0
    max_attempts: int = 3
    retry_cap_seconds: float = 30.0  # the longest wait between retries of a transient error
    max_article_chars: int = 100_000
    # Feeds to follow, polled every feed_interval_seconds; a failing feed waits twice as long after each
    # failure, up to feed_max_backoff_seconds.
    feeds: tuple[str, ...] = field(default=())
    feed_interval_seconds: float = 300.0
    feed_max_backoff_seconds: float = 3600.0
    http_timeout_seconds: float = 15.0
