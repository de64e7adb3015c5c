"""Helpers for the worker tests: a corpus, worker processes on the test Neo4j, counts and waiting."""

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j import Driver

from app.settings import Settings
from bench.corpus import generate
from graph.driver import Graph
from ingest.model import Article
from worker.loop import Worker

DIDAR = Path(sys.executable).parent / "didar"


def corpus(n: int, seed: int = 7) -> list[Article]:
    """n synthetic Persian articles from the bench generator (the team's own templates)."""
    return [Article.model_validate(item) for item in generate(n, seed)]


def worker_env(settings: Settings, **worker: Any) -> dict[str, str]:
    """The environment of a worker process on the test Neo4j, with short leases and small batches."""
    env = {
        **os.environ,
        "NEO4J_URI": settings.bolt_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "NEO4J_DATABASE": settings.neo4j_database,
        "WORKER_BATCH_SIZE": "10",
        "WORKER_LEASE_SECONDS": "3",
        "WORKER_POLL_SECONDS": "0.2",
        "WORKER_RETRY_CAP_SECONDS": "1",
        "FEEDS": "[]",
    }
    env.update({f"WORKER_{key.upper()}": str(value) for key, value in worker.items()})
    return env


def start_worker(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen[bytes]:
    """`didar worker` as a real process; its output goes to `log`."""
    with log.open("ab") as out:
        return subprocess.Popen([str(DIDAR), "worker", *args], env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_until(check: Callable[[], bool], *, timeout: float, every: float = 0.05, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or check}")
        time.sleep(every)


def graph_counts(driver: Driver) -> tuple[int, int]:
    """Nodes and relationships in the whole graph."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    relationships, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return nodes[0]["n"], relationships[0]["n"]


def statuses(driver: Driver) -> Counter[str]:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.status AS status, count(*) AS n")
    return Counter({r["status"]: r["n"] for r in records})


def drain(graph: Graph, settings: Settings, **kwargs: Any) -> Worker:
    """Run a worker here until the queue is empty (burst)."""
    worker = Worker(graph, settings.worker, **kwargs)
    worker.run(burst=True)
    return worker
