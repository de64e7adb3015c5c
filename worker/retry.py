"""The worker's retry policy, kept apart from its loop: what is never retried, and how long to wait.

An article either cannot be processed by any later try (`PermanentError`: too long, undecodable, the
extractor fails on it), and is marked failed at once with the reason; or the failure belongs to the
moment (Neo4j down, a deadlock, a timeout), and the same batch is tried again after a backoff that
doubles up to a cap. Which errors are transient is the graph layer's knowledge (`graph.queue.is_transient`),
handed to `RetryPolicy` by the worker.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

from ingest.model import Article

REPLACEMENT = "\ufffd"


class PermanentError(Exception):
    """No later try can process this article; the message is the reason the API shows."""


def check_article(article: Article, *, max_chars: int) -> None:
    """Refuse, before extraction, what no extractor version can read."""
    size = len(article.text)
    if size > max_chars:
        raise PermanentError(f"the article has {size:,} characters, over the limit of {max_chars:,}")
    bad = article.text.count(REPLACEMENT) + article.text.count("\x00")
    if bad > max(3, size // 100):
        raise PermanentError(f"the text is not decodable: {bad:,} characters were lost in decoding (U+FFFD)")


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter: base, base*factor, ... up to cap seconds."""

    is_transient: Callable[[BaseException], bool]
    base: float = 0.5
    factor: float = 2.0
    cap: float = 30.0
    jitter: float = 0.2

    def delay(self, failures: int) -> float:
        """Seconds to wait after the `failures`-th failure in a row (1 for the first)."""
        plain = min(self.cap, self.base * self.factor ** max(0, failures - 1))
        return plain * (1 + random.uniform(-self.jitter, self.jitter))
