"""Every curl example in the README and docs/ runs as written against a real server (uvicorn on the test
Neo4j, the same app `didar serve` runs): curl exits 0 and the answer is 200. Every runnable query of the
Browser guide runs on a written graph."""

import html
import re
import shlex
import socket
import subprocess
import threading
from collections.abc import Iterator

import pytest
import uvicorn
from neo4j import Driver

from app.api import create_app
from app.settings import PROJECT_ROOT, Settings
from graph.driver import Graph
from tests.integration.meetings_data import write_week
from tests.integration.workers import wait_until

DOCUMENTS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
SHELL_BLOCK = re.compile(r"```(?:sh|bash|shell)\n(.*?)```", re.DOTALL)
DOCUMENTED_HOST = "127.0.0.1:8000"


def _curl_examples() -> list[tuple[str, str]]:
    examples = []
    for document in DOCUMENTS:
        for block in SHELL_BLOCK.findall(document.read_text(encoding="utf-8")):
            for line in block.splitlines():
                if line.startswith("curl "):
                    examples.append((document.relative_to(PROJECT_ROOT).as_posix(), line))
    return examples


EXAMPLES = _curl_examples()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(neo4j_settings: Settings, graph: Graph) -> Iterator[str]:
    """The API, as `didar serve` runs it, on a free port; the host:port to use in place of the docs'."""
    write_week(graph)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(neo4j_settings), host="127.0.0.1", port=port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, timeout=60, what="uvicorn to start")
    yield f"127.0.0.1:{port}"
    server.should_exit = True
    thread.join()


def test_the_docs_have_curl_examples() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize(("document", "command"), EXAMPLES, ids=[f"{d}:{c[:40]}" for d, c in EXAMPLES])
def test_a_documented_curl_runs_as_written(served: str, document: str, command: str) -> None:
    assert DOCUMENTED_HOST in command, f"{document}: the example should name the demo's {DOCUMENTED_HOST}"
    words = shlex.split(command.replace(DOCUMENTED_HOST, served), comments=True)
    result = subprocess.run(
        [*words, "--output", "/dev/null", "--write-out", "%{http_code}"], capture_output=True, check=False
    )

    assert (result.returncode, result.stdout.decode()) == (0, "200"), f"{document}: {command}"


GUIDE = PROJECT_ROOT / "graph" / "browser" / "guide.html"
RUNNABLE = re.compile(r'<pre class="code runnable">(.*?)</pre>', re.DOTALL)


def test_every_query_of_the_browser_guide_runs_on_the_week(graph: Graph, neo4j_driver: Driver) -> None:
    """The guide's runnable queries as an analyst clicks them, on a written graph: none fails (an index it
    names exists, its parameters are the ones the guide says to set), and its name search finds the
    minister it searches for."""
    write_week(graph)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) WHERE p.name_en IN ['Abbas Araghchi', 'Ararat Mirzoyan'] "
        "RETURN p.id AS id ORDER BY p.name_en"
    )
    araghchi, mirzoyan = (record["id"] for record in records)
    queries = [html.unescape(query) for query in RUNNABLE.findall(GUIDE.read_text(encoding="utf-8"))]
    assert len(queries) >= 8
    for query in queries:
        rows, _, _ = neo4j_driver.execute_query(query, person=araghchi, **{"from": araghchi, "to": mirzoyan})
        if "fulltext" in query:
            assert "Abbas Araghchi" in [row["name_en"] for row in rows], query
