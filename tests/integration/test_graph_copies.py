"""An article whose title and text a stored article has is another source of it, not a second report of
its meetings (graph/copies.py), against the real test Neo4j, through the inline writer, the queue and the
API."""

from fastapi.testclient import TestClient
from neo4j import Driver

from app.settings import Settings
from graph.articles import write_extractions
from graph.driver import Graph
from graph.queue import enqueue, get_article
from ingest.model import Article, Extraction
from tests.integration.conftest import caucasus_article
from tests.integration.workers import drain, graph_counts


def _copy(
    article: Article, extraction: Extraction, article_id: str, **changes: object
) -> tuple[Article, Extraction]:
    """The same page under another id: fetched from another URL, or read from a file."""
    copy = article.model_copy(update={"id": article_id, **changes})
    return copy, extraction.model_copy(update={"id": article_id})


def _reports(driver: Driver) -> list[tuple[str, str]]:
    records, _, _ = driver.execute_query(
        "MATCH (m:Meeting)-[:REPORTED_IN]->(a:Article) RETURN m.id AS m, a.id AS a ORDER BY a"
    )
    return [(r["m"], r["a"]) for r in records]


def test_the_same_text_under_another_id_is_another_source_not_another_report(
    graph: Graph, neo4j_driver: Driver
) -> None:
    page, extraction = caucasus_article("page")
    from_file = _copy(page, extraction, "file", url=None, source="file")
    write_extractions(graph, [(page, extraction)])
    nodes, relationships = graph_counts(neo4j_driver)

    summary = write_extractions(graph, [from_file])

    assert summary.copies == {"file": "page"}
    [(meeting, article)] = _reports(neo4j_driver)
    assert article == "page"
    assert graph_counts(neo4j_driver) == (nodes + 1, relationships + 1)  # the article and its COPY_OF
    copy = get_article(graph, "file")
    assert (copy["id"], copy["status"], copy["copy_of"]) == ("file", "done", "page")
    assert [m["id"] for m in copy["meetings"]] == [meeting]  # what its text reports: the page's meeting
    original = get_article(graph, "page")
    assert original["copy_of"] is None
    assert [(c["id"], c["source"]) for c in original["copies"]] == [("file", "file")]

    write_extractions(graph, [from_file])  # again: still a copy, nothing new
    write_extractions(graph, [(page, extraction)])  # the original again: still the original
    assert graph_counts(neo4j_driver) == (nodes + 1, relationships + 1)
    assert _reports(neo4j_driver) == [(meeting, "page")]


def test_copies_in_one_batch_keep_the_first_stored_as_the_original(
    graph: Graph, neo4j_driver: Driver
) -> None:
    page, extraction = caucasus_article("b-page")
    items = [_copy(page, extraction, key) for key in ("b-3", "b-1", "b-2")]
    summary = write_extractions(graph, items)

    assert summary.copies == {"b-1": "b-3", "b-2": "b-3"}  # stored at once: the first of the input
    assert [a for _, a in _reports(neo4j_driver)] == ["b-3"]


def test_a_changed_original_lets_its_copies_report_on_their_own(
    graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    page, extraction = caucasus_article("q-page")
    copy = _copy(page, extraction, "q-file", url=None)
    extractions = {"q-page": extraction, "q-file": extraction}
    enqueue(graph, [page])
    enqueue(graph, [copy[0]])  # stored later: the copy, though its id sorts first
    drain(graph, neo4j_settings, extract=lambda article: extractions[article.key])
    assert get_article(graph, "q-file")["copy_of"] == "q-page"
    assert [a for _, a in _reports(neo4j_driver)] == ["q-page"]

    edited = page.model_copy(update={"text": page.text + " این خبر به‌روز شد."})
    assert enqueue(graph, [edited]).queued == ["q-page"]
    drain(graph, neo4j_settings, extract=lambda article: extractions[article.key])

    assert get_article(graph, "q-file")["copy_of"] is None  # the page's text is no longer the file's
    assert get_article(graph, "q-page")["copies"] == []
    assert [a for _, a in _reports(neo4j_driver)] == ["q-file", "q-page"]  # two reports of one meeting
    assert len({m for m, _ in _reports(neo4j_driver)}) == 1


def test_the_api_shows_an_articles_copies(client: TestClient, graph: Graph) -> None:
    page, extraction = caucasus_article("api-page")
    write_extractions(graph, [(page, extraction)])
    write_extractions(graph, [_copy(page, extraction, "api-file", url=None)])

    copy = client.get("/articles/api-file").json()
    original = client.get("/articles/api-page").json()

    assert copy["copy_of"] == "api-page" and copy["copies"] == []
    assert [m["participants"][0]["name"] for m in copy["meetings"]] == ["عباس عراقچی"]
    assert [c["id"] for c in original["copies"]] == ["api-file"] and original["copy_of"] is None
