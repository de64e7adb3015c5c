"""An idle worker reads the queue and writes nothing (issue 14, item 10): claiming is a write, so it claims
only once an article is due."""

import threading

from neo4j import Driver

from app.settings import Settings
from graph.driver import Graph
from graph.queue import enqueue
from ingest.model import Article, Extraction
from tests.integration.workers import graph_counts, statuses, wait_until
from worker.loop import Worker

QUEUE_LOCK = "MATCH (lock:Lock {name: 'queue'}) RETURN count(lock) AS n"


def _nothing_found(article: Article) -> Extraction:
    return Extraction(id=article.key, meetings=[], extractor_version="test", text=article.text)


def test_an_idle_worker_polls_without_writing_and_claims_once_work_is_due(
    neo4j_driver: Driver, graph: Graph, neo4j_settings: Settings
) -> None:
    before = graph_counts(neo4j_driver)
    config = neo4j_settings.model_copy(update={"worker_poll_seconds": 0.05}).worker
    worker = Worker(graph, config, extract=_nothing_found)
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        wait_until(lambda: worker.stats.polls >= 10, timeout=60, what="ten polls of the empty queue")
        idle = graph_counts(neo4j_driver), neo4j_driver.execute_query(QUEUE_LOCK).records[0]["n"]
        enqueue(graph, [Article(id="i-1", text="متن خبر")])
        wait_until(lambda: statuses(neo4j_driver)["done"] == 1, timeout=60, what="the article")
    finally:
        worker.stop.set()
        thread.join()

    assert idle == (before, 0)  # no claim, not even of the queue's lock node
    assert worker.stats.done == 1
