"""A circuit breaker for Neo4j: once a query finds the server gone, later ones fail at once until a
background probe finds it back, so a caller gets its answer (503) while a person is still waiting."""

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable

from graph.errors import GraphUnavailable

log = logging.getLogger(__name__)


class Circuit:
    """Closed while Neo4j answers; open (every call refused) from a failure until `close()`."""

    def __init__(self, probe_seconds: float) -> None:
        self.probe_seconds = probe_seconds
        self._lock = threading.Lock()
        self._reason: str | None = None
        self._opened_at = 0.0

    @property
    def is_open(self) -> bool:
        return self._reason is not None

    def check(self) -> None:
        """Raise at once while open, instead of letting the driver wait for a server that is gone."""
        reason = self._reason
        if reason is not None:
            ago = time.monotonic() - self._opened_at
            raise GraphUnavailable(f"{reason} ({ago:.0f} s ago; probing every {self.probe_seconds:g} s)",
                                   retry_after=self.probe_seconds)  # fmt: skip

    def open(self, reason: str) -> None:
        with self._lock:
            if self._reason is None:
                log.warning("%s: answering 503 until a probe finds it back", reason)
                self._reason = reason
                self._opened_at = time.monotonic()

    def close(self) -> None:
        with self._lock:
            if self._reason is not None:
                log.warning("Neo4j answers again after %.1f s", time.monotonic() - self._opened_at)
            self._reason = None


async def probe_while_open(circuit: Circuit, probe: Callable[[], Awaitable[object]]) -> None:
    """Forever (until cancelled): every `probe_seconds` while the circuit is open, call `probe` and close
    the circuit when it succeeds; recovery needs no restart and no request."""
    while True:
        await asyncio.sleep(circuit.probe_seconds)
        if not circuit.is_open:
            continue
        try:
            await probe()
        except Exception as error:  # still down (any driver error): try again at the next tick
            log.debug("Neo4j probe failed: %s", error)
        else:
            circuit.close()
