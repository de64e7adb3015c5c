"""A worker that dies is started again (`didar worker --supervise`, what `make run` runs), and /health says
`degraded` when work waits and no worker claims it."""

import os
import re
import signal
from pathlib import Path

from fastapi.testclient import TestClient
from neo4j import Driver

from app.api import create_app
from app.settings import Settings
from graph.driver import Graph
from graph.queue import enqueue
from ingest.model import Article, Extraction
from tests.integration.workers import corpus, drain, start_worker, statuses, wait_until, worker_env

STARTED = re.compile(r"worker started \(pid (\d+)\)")


def _nothing_found(article: Article) -> Extraction:
    return Extraction(id=article.key, meetings=[], extractor_version="test", text=article.text)


def test_health_is_degraded_while_work_waits_for_no_worker_and_ok_once_one_claims(
    graph: Graph, neo4j_settings: Settings
) -> None:
    enqueue(graph, [Article(id=f"h-{i}", text=f"متن خبر شماره {i}") for i in range(3)])
    strict = neo4j_settings.model_copy(update={"worker_stuck_seconds": 0.0})

    with TestClient(create_app(strict)) as client:
        stuck = client.get("/health")
        drain(graph, neo4j_settings, extract=_nothing_found)
        moving = client.get("/health")

    assert stuck.status_code == 200
    assert stuck.json()["status"] == "degraded"
    assert stuck.json()["queue"]["oldest_waiting_seconds"] >= 0
    assert stuck.json()["queue"]["last_claim_seconds_ago"] is None
    assert stuck.json()["queue"]["worker_claimed_recently"] is False
    assert "the queue is stuck" in stuck.json()["problems"][0]
    assert moving.json()["status"] == "ok"
    assert moving.json()["problems"] == []
    assert moving.json()["queue"]["oldest_waiting_seconds"] is None
    assert moving.json()["queue"]["last_claim_seconds_ago"] is not None


def test_a_supervised_worker_killed_with_sigkill_is_started_again(
    neo4j_driver: Driver, graph: Graph, neo4j_settings: Settings, tmp_path: Path
) -> None:
    log = tmp_path / "worker.log"
    supervisor = start_worker(worker_env(neo4j_settings), log, "--supervise")
    try:
        wait_until(lambda: STARTED.search(log.read_text()) is not None, timeout=60, what="the worker")
        first = int(STARTED.findall(log.read_text())[0])
        os.kill(first, signal.SIGKILL)
        wait_until(lambda: len(STARTED.findall(log.read_text())) == 2, timeout=60, what="a second worker")
        enqueue(graph, corpus(3))
        wait_until(lambda: statuses(neo4j_driver)["done"] == 3, timeout=180, what="the articles")
    finally:
        supervisor.terminate()
        status = supervisor.wait(timeout=60)

    assert status == 0, log.read_text()
    assert first not in [int(pid) for pid in STARTED.findall(log.read_text())[1:]]
    assert "ended with status -9; restarting" in log.read_text()
