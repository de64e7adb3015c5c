"""Every curl example in the README and docs/ runs as written against a real server (uvicorn on the test
Neo4j, the same app `didar serve` runs): curl exits 0 and the answer is 200."""

import re
import shlex
import socket
import subprocess
import threading
from collections.abc import Iterator

import pytest
import uvicorn

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
