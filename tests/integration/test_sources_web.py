"""Pages and feeds from a local HTTP server (127.0.0.1) serving tests/fixtures/web: `didar ingest URL`,
and the worker's feed follower (seen by URL and by content, conditional GET, backoff)."""

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from app.cli import app
from app.settings import Settings
from graph.driver import Graph
from graph.feeds import list_feeds
from tests.integration.workers import drain, statuses, wait_until
from worker.feeds import GraphFeedStore, follow_feeds
from worker.sources.follow import FeedFollower
from worker.sources.web import Fetcher

FIXTURES = Path(__file__).parent.parent / "fixtures" / "web"
runner = CliRunner()


class FixtureServer(ThreadingHTTPServer):
    """Serves the fixture files with {{base}} filled in, ETags, and /status/<code> for failures."""

    requests: Counter[str]
    not_modified: Counter[str]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: FixtureServer

    def do_GET(self) -> None:
        self.server.requests[self.path] += 1
        if self.path.startswith("/status/"):
            self.send_error(int(self.path.rsplit("/", 1)[1]))
            return
        file = (FIXTURES / self.path.lstrip("/")).resolve()
        if not file.is_relative_to(FIXTURES) or not file.is_file():
            self.send_error(404)
            return
        body = file.read_text(encoding="utf-8").replace("{{base}}", self.server.base).encode()
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match") == etag:
            self.server.not_modified[self.path] += 1
            self.send_response(304)
            self.end_headers()
            return
        kind = "application/rss+xml" if file.suffix in (".rss", ".atom") else "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return


@pytest.fixture
def web() -> Iterator[FixtureServer]:
    server = FixtureServer(("127.0.0.1", 0), Handler)
    server.requests, server.not_modified = Counter(), Counter()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _meetings(driver: Driver) -> list[int]:
    records, _, _ = driver.execute_query("MATCH (m:Meeting) RETURN count { (m)-[:REPORTED_IN]->() } AS n")
    return [r["n"] for r in records]


def test_ingesting_a_feed_reads_each_entrys_page(
    web: FixtureServer, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    result = runner.invoke(app, ["ingest", f"{web.base}/feeds/news.rss"])

    assert result.exit_code == 1, result.output  # one entry's page is gone
    assert f"{web.base}/pages/gone.html: HTTP 404" in result.output
    assert "Articles: 3 new, 0 already known, 1 failed." in result.output
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Article) RETURN a.url AS url, toString(a.published) AS published ORDER BY url"
    )
    assert [r["url"] for r in records] == [
        f"{web.base}/pages/{name}.html" for name in ("araghchi-copy", "araghchi-surname", "araghchi-yerevan")
    ]
    assert {r["published"] for r in records} == {"2024-05-01"}
    # One meeting, reported by two outlets (one of them undated); the republished page is another source
    # of the first, not a third report.
    assert _meetings(neo4j_driver) == [2]
    copies, _, _ = neo4j_driver.execute_query(
        "MATCH (c:Article)-[:COPY_OF]->(a:Article) RETURN c.url AS copy, a.url AS original"
    )
    assert [(r["copy"], r["original"]) for r in copies] == [
        (f"{web.base}/pages/araghchi-copy.html", f"{web.base}/pages/araghchi-yerevan.html")
    ]
    people, _, _ = neo4j_driver.execute_query("MATCH (p:Person) RETURN p.name AS name ORDER BY name")
    assert [r["name"] for r in people] == ["آرارات میرزویان", "عباس عراقچی"]


def test_a_page_url_once_then_already_known(
    web: FixtureServer, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    page = f"{web.base}/pages/araghchi-surname.html"

    first = runner.invoke(app, ["ingest", page])
    again = runner.invoke(app, ["ingest", page])

    assert "Articles: 1 new, 0 already known, 0 failed." in first.output, first.output
    assert "Articles: 0 new, 1 already known, 0 failed." in again.output


def test_a_queued_feed_is_processed_by_the_worker(
    web: FixtureServer, neo4j_driver: Driver, graph: Graph, neo4j_settings: Settings
) -> None:
    result = runner.invoke(app, ["ingest", "--queue", f"{web.base}/feeds/news.atom"])

    assert "Articles: 1 new, 0 already known, 0 failed (queued for the worker)." in result.output, (
        result.output
    )
    assert statuses(neo4j_driver) == {"queued": 1}
    drain(graph, neo4j_settings)
    assert statuses(neo4j_driver) == {"done": 1}


def _follower(graph: Graph, url: str, interval: float = 60) -> FeedFollower:
    store = GraphFeedStore(graph, [url], holder="test", hold_seconds=600)
    return FeedFollower(store, Fetcher(timeout=5), interval=interval, max_backoff=interval * 5)


def test_a_followed_feed_queues_what_it_has_not_seen(
    web: FixtureServer, graph: Graph, neo4j_driver: Driver
) -> None:
    feed = f"{web.base}/feeds/news.rss"
    follower = _follower(graph, feed)

    assert follower.poll() == 2  # the republished copy has the same content; the gone page is retried later
    assert follower.poll() == 0  # not due again before the interval
    neo4j_driver.execute_query("MATCH (f:Feed) SET f.next_poll_at = datetime()")
    assert follower.poll() == 0
    assert web.not_modified["/feeds/news.rss"] == 1  # the second poll was a conditional GET: 304
    assert web.requests["/pages/araghchi-yerevan.html"] == 1  # a seen URL is not fetched again
    assert statuses(neo4j_driver) == {"queued": 2}


def test_a_failing_feed_is_polled_less_and_less_often(
    web: FixtureServer, graph: Graph, neo4j_driver: Driver
) -> None:
    follower = _follower(graph, f"{web.base}/status/503", interval=10)

    waits = []
    for _ in range(3):
        follower.poll()
        [state] = list_feeds(graph)
        records, _, _ = neo4j_driver.execute_query(
            "MATCH (f:Feed) RETURN duration.inSeconds(datetime(), f.next_poll_at).seconds AS wait"
        )
        waits.append(records[0]["wait"])
        neo4j_driver.execute_query("MATCH (f:Feed) SET f.next_poll_at = datetime()")

    assert state["failures"] == 3 and state["last_error"] == "HTTP 503"
    assert [round(w, -1) for w in waits] == [20, 40, 50]  # doubling, capped at 5 intervals


def test_the_worker_follows_configured_feeds(
    web: FixtureServer, graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    settings = neo4j_settings.model_copy(update={"feeds": [f"{web.base}/feeds/news.atom"]})
    stop = threading.Event()

    thread = follow_feeds(graph, settings.worker, stop)
    try:
        wait_until(lambda: statuses(neo4j_driver)["queued"] == 1, timeout=30, what="the feed's entry")
    finally:
        stop.set()
        assert thread is not None
        thread.join(timeout=10)
    assert list_feeds(graph)[0]["entries_queued"] == 1
