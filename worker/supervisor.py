"""Keep a worker process alive: start it again whenever it dies (`kill -9`, OOM, a crash), until stopped.
A worker that ends by itself with status 0 (`--burst` done, or its own SIGTERM) is not restarted.

`didar worker --supervise` runs this around `didar worker`; `make run` uses it, so the demo's queue keeps
moving after the worker is killed. A worker that keeps dying at once is restarted after a pause that
doubles up to `max_pause` seconds, so a broken setting does not spin a core. SIGTERM or Ctrl-C to the
supervisor is passed on to the worker (which finishes the article in hand) and ends the supervision.
"""

import logging
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from types import FrameType

log = logging.getLogger("didar.supervisor")

HEALTHY_SECONDS = 30.0  # a worker that lived this long died of something else than its start-up


def supervise(
    command: Sequence[str], stop: threading.Event, *, pause: float = 1.0, max_pause: float = 30.0
) -> int:
    """Run `command` again each time it dies, until it ends cleanly or `stop` is set; the exit status of the
    last run (negative: killed by that signal)."""
    wait = pause
    status = 0
    while not stop.is_set():
        started = time.monotonic()
        # Its own session: a Ctrl-C in the terminal reaches the supervisor only, which passes on one SIGTERM
        # (a second signal would end the worker at once, without writing what it extracted).
        child = subprocess.Popen(list(command), start_new_session=True)
        log.info("worker started (pid %d)", child.pid)
        while child.poll() is None:
            if stop.wait(0.2):
                child.terminate()  # SIGTERM: it finishes the article in hand
                break
        status = child.wait()
        if stop.is_set() or status == 0:
            break
        wait = pause if time.monotonic() - started > HEALTHY_SECONDS else min(max_pause, wait * 2)
        log.warning("worker (pid %d) ended with status %d; restarting in %.0f s", child.pid, status, wait)
        stop.wait(wait)
    return status


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM and SIGINT end the supervision (after the worker has stopped)."""

    def handle(signum: int, frame: FrameType | None) -> None:
        log.info("signal %d: stopping the worker", signum)
        stop.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
