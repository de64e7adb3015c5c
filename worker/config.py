"""What the worker needs to know, and nothing else: app/ fills it in from its settings (`Settings.worker`),
which hold the defaults and their reasons."""

from dataclasses import dataclass


@dataclass(frozen=True)
class WorkerConfig:
    batch_size: int
    lease_seconds: float
    poll_seconds: float
    max_attempts: int
    retry_cap_seconds: float
    max_article_chars: int
    feeds: tuple[str, ...]
    feed_interval_seconds: float
    feed_max_backoff_seconds: float
    http_timeout_seconds: float
