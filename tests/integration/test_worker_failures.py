"""What the worker does when things go wrong, in-process on the real test Neo4j: an extractor that
crashes, a batch that cannot be written, a claim that expires, a worker asked to stop mid-batch."""

import time

from neo4j import Driver

from app.settings import Settings
from graph.articles import write_batch
from graph.driver import Graph
from graph.queue import claim, enqueue, get_article
from ingest.model import Article, Extraction, Span
from tests.integration.conftest import caucasus_article
from tests.integration.workers import drain, graph_counts, statuses
from worker.loop import Worker

ARTICLES = [Article(id=f"w-{i}", text=f"متن خبر شماره {i}") for i in range(6)]


def _settings(settings: Settings, **update: object) -> Settings:
    return settings.model_copy(update={"worker_batch_size": 4, "worker_lease_seconds": 1.0, **update})


def _meeting_of(article: Article) -> Extraction:
    """A small real-looking extraction for any article: Araghchi meets Mirzoyan on a per-article day."""
    day = int(article.key.split("-")[1]) + 1
    _, extraction = caucasus_article(article.key)
    meeting = extraction.meetings[0].model_copy(update={"date": extraction.meetings[0].date.replace(day=day)})
    return extraction.model_copy(update={"meetings": [meeting]})


def test_an_extractor_crash_fails_that_article_only(graph: Graph, neo4j_settings: Settings) -> None:
    enqueue(graph, ARTICLES)

    def extract(article: Article) -> Extraction:
        if article.key == "w-2":
            raise ValueError("a rule met something it did not expect")
        return _meeting_of(article)

    worker = drain(graph, _settings(neo4j_settings), extract=extract)

    failed = get_article(graph, "w-2")
    assert (failed["status"], failed["attempts"]) == ("failed", 1)
    assert failed["error"] == "the extractor failed: ValueError: a rule met something it did not expect"
    assert (worker.stats.done, worker.stats.failed) == (5, 1)
    assert get_article(graph, "w-3")["status"] == "done"


def test_an_article_that_cannot_be_written_is_found_and_failed_alone(
    graph: Graph, neo4j_settings: Settings, neo4j_driver: Driver
) -> None:
    enqueue(graph, ARTICLES)

    def extract(article: Article) -> Extraction:
        extraction = _meeting_of(article)
        if article.key == "w-1":  # an offset no Neo4j integer can hold: the whole batch write fails
            meeting = extraction.meetings[0]
            broken = meeting.model_copy(update={"evidence_span": Span(start=0, end=2**70)})
            return extraction.model_copy(update={"meetings": [broken]})
        return extraction

    drain(graph, _settings(neo4j_settings), extract=extract)

    assert statuses(neo4j_driver) == {"done": 5, "failed": 1}
    assert get_article(graph, "w-1")["error"].startswith("writing its facts failed:")
    assert len(get_article(graph, "w-0")["meetings"]) == 1  # its batch-mates were written


def test_an_expired_claim_goes_to_another_worker_and_the_late_write_is_dropped(
    graph: Graph, neo4j_settings: Settings, neo4j_driver: Driver
) -> None:
    enqueue(graph, ARTICLES[:2])
    stalled = claim(graph, worker="stalled", limit=10, lease_seconds=0.5, max_attempts=3)
    assert {c.article.key for c in stalled} == {"w-0", "w-1"}
    assert claim(graph, worker="other", limit=10, lease_seconds=60, max_attempts=3) == []  # held
    time.sleep(0.6)

    drain(graph, _settings(neo4j_settings), extract=_meeting_of)
    before = graph_counts(neo4j_driver)
    late = write_batch(
        graph,
        [(c.article, _meeting_of(c.article)) for c in stalled],
        claims={c.article.key: c.token for c in stalled},
    )

    assert sorted(late.lost) == ["w-0", "w-1"]
    assert graph_counts(neo4j_driver) == before
    assert [get_article(graph, key)["attempts"] for key in ("w-0", "w-1")] == [2, 2]


def test_an_article_whose_worker_dies_every_time_fails_after_max_attempts(
    graph: Graph, neo4j_settings: Settings
) -> None:
    enqueue(graph, ARTICLES[:1])
    for _ in range(2):
        assert claim(graph, worker="doomed", limit=1, lease_seconds=0.05, max_attempts=2)
        time.sleep(0.1)

    assert claim(graph, worker="doomed", limit=1, lease_seconds=0.05, max_attempts=2) == []
    failed = get_article(graph, "w-0")
    assert failed["status"] == "failed"
    assert failed["error"] == "gave up after 2 attempts: the worker holding it stopped before finishing"


def test_a_stopped_worker_writes_what_it_extracted_and_releases_the_rest(
    graph: Graph, neo4j_settings: Settings, neo4j_driver: Driver
) -> None:
    enqueue(graph, ARTICLES)
    worker = Worker(graph, _settings(neo4j_settings, worker_batch_size=6).worker, extract=_meeting_of)

    def extract_then_stop(article: Article) -> Extraction:
        if article.key == "w-1":
            worker.stop.set()  # SIGTERM arrives while the second article is being extracted
        return _meeting_of(article)

    worker.extract = extract_then_stop
    worker.run()

    assert statuses(neo4j_driver) == {"done": 2, "queued": 4}
    assert worker.stats.released == 4
    assert get_article(graph, "w-4")["attempts"] == 0  # a release gives the attempt back
