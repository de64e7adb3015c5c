"""`didar worker`: process queued articles (and follow the configured feeds) until stopped.

SIGTERM or Ctrl-C ends a worker after the article in hand: what it extracted is written, the rest of its
claim released. `--processes N` runs N workers side by side (one per core: extraction is CPU-bound
Python), each with its own connection; `--burst` ends once nothing is queued or being processed.
`--supervise` runs the worker in a child process and starts it again whenever it dies (worker/supervisor.py).
"""

import json
import logging
import multiprocessing
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console

from app.settings import Settings, get_settings
from graph.driver import connect
from worker.feeds import follow_feeds
from worker.loop import Worker, wait_for_graph
from worker.supervisor import stop_on_signals, supervise

console = Console(stderr=True, soft_wrap=True)
LOG_FORMAT = "%(asctime)s %(processName)s %(name)s %(levelname)s %(message)s"


def _stop_on_signals(stop: threading.Event) -> None:
    def handle(signum: int, frame: FrameType | None) -> None:
        logging.getLogger("didar.worker").info("signal %d: finishing the article in hand", signum)
        stop.set()
        signal.signal(signum, signal.SIG_DFL)  # a second signal ends the process at once

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)


def run_worker(settings: Settings, *, burst: bool, follow: bool) -> dict[str, Any]:
    """One worker in this process: connect (waiting for Neo4j), follow feeds if asked, work, report."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    stop = threading.Event()
    _stop_on_signals(stop)
    graph = connect(settings.neo4j)
    feeds: threading.Thread | None = None
    try:
        worker = Worker(graph, settings.worker, stop=stop)
        if wait_for_graph(worker):
            feeds = follow_feeds(graph, settings.worker, stop) if follow else None
            worker.run(burst=burst)
        return worker.stats.finish()
    finally:
        stop.set()
        if feeds is not None:
            feeds.join(timeout=settings.http_timeout_seconds)
        graph.close()


def _child(settings: Settings, burst: bool, follow: bool, results: Any) -> None:
    results.put(run_worker(settings, burst=burst, follow=follow))


def _run_processes(settings: Settings, processes: int, *, burst: bool, follow: bool) -> list[dict[str, Any]]:
    """N workers in N processes; SIGTERM to this one is passed on to each, and their stats gathered."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    children = [
        context.Process(target=_child, args=(settings, burst, follow and i == 0, results), name=f"worker-{i}")
        for i in range(processes)
    ]
    for child in children:
        child.start()

    def pass_on(signum: int, frame: FrameType | None) -> None:
        for child in children:
            if child.pid and child.is_alive():
                child.terminate()  # SIGTERM: each finishes its article in hand

    signal.signal(signal.SIGTERM, pass_on)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal sends Ctrl-C to the children itself
    stats = [results.get() for child in children if _joined(child)]
    return stats


def _joined(child: Any) -> bool:
    child.join()
    return child.exitcode == 0


def _summary(stats: list[dict[str, Any]]) -> dict[str, Any]:
    total = {
        key: sum(s[key] for s in stats)
        for key in ("batches", "done", "failed", "lost", "released", "retries")
    }
    for key in ("claim_seconds", "extract_seconds", "write_seconds", "lock_wait_seconds"):
        total[key] = round(sum(s[key] for s in stats), 3)
    total["elapsed_seconds"] = max((s["elapsed_seconds"] for s in stats), default=0.0)
    total["peak_rss_mb"] = [s["peak_rss_mb"] for s in stats]
    total["workers"] = stats
    return total


def worker(
    processes: Annotated[
        int | None, typer.Option(help="Workers to run side by side (default: settings)")
    ] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per claim and write transaction")] = None,
    burst: Annotated[bool, typer.Option(help="Stop once no article is queued or being processed")] = False,
    feeds: Annotated[bool, typer.Option(help="Follow the feeds of settings.feeds")] = True,
    stats: Annotated[
        Path | None, typer.Option(help="Write what the workers did as JSON to this file")
    ] = None,
    supervise_: Annotated[
        bool, typer.Option("--supervise", help="Run the worker in a child process; restart it when it dies")
    ] = False,
) -> None:
    """Process queued articles until stopped (SIGTERM finishes the article in hand, then exits)."""
    if supervise_:
        _supervise(processes=processes, batch_size=batch_size, burst=burst, feeds=feeds)
        return
    settings = get_settings()
    updates = {"worker_processes": processes, "worker_batch_size": batch_size}
    settings = settings.model_copy(update={k: v for k, v in updates.items() if v is not None})
    count = max(1, settings.worker_processes)
    if count == 1:
        results = [run_worker(settings, burst=burst, follow=feeds)]
    else:
        results = _run_processes(settings, count, burst=burst, follow=feeds)
    summary = _summary(results)
    if stats:
        stats.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    peaks = ", ".join(f"{mb:.0f}" for mb in summary["peak_rss_mb"])
    console.print(
        f"Worker stopped: {summary['done']} done, {summary['failed']} failed, "
        f"{summary['released']} released; peak RSS {peaks} MB.",
        markup=False,
        highlight=False,
    )


def _supervise(*, processes: int | None, batch_size: int | None, burst: bool, feeds: bool) -> None:
    """`didar worker` with the same options in a child process, restarted whenever it dies."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    command = [sys.executable, "-m", "app.cli", "worker"]
    command += [f"--processes={processes}"] if processes else []
    command += [f"--batch-size={batch_size}"] if batch_size else []
    command += ["--burst"] if burst else []
    command += [] if feeds else ["--no-feeds"]
    stop = threading.Event()
    stop_on_signals(stop)
    status = supervise(command, stop)
    raise typer.Exit(status if status > 0 else 0)


def register(app: typer.Typer) -> None:
    app.command()(worker)
