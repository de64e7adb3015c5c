"""Shared fixtures: the TEST Neo4j (its own home and ports, never the demo's) and a clean database per test.

Environment knobs:
  DIDAR_TEST_NEO4J_URI (+ _USER, _PASSWORD, _DATABASE): use that server instead of starting one.
  DIDAR_TEST_NEO4J_HOME, DIDAR_TEST_NEO4J_BOLT_PORT, DIDAR_TEST_NEO4J_HTTP_PORT: where the local one lives.
Tests under tests/integration, and any test that asks for a Neo4j fixture, are marked `integration`.
Two pytest sessions at once (two people in one tree) need different test homes and ports: they would
wipe each other's data, and the session that started the server stops it at its end.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from app.settings import PROJECT_ROOT, Settings, get_settings
from graph.server import LocalNeo4j, Neo4jServerError

NEO4J_FIXTURES = {"neo4j_server", "neo4j_session_driver", "neo4j_settings", "neo4j_driver", "clean_db"}
TEST_PASSWORD = "didar-test-password"
DELETE_ALL_NODES = "MATCH (n) DETACH DELETE n"


@dataclass(frozen=True)
class TestNeo4j:
    """Where the test server answers, and the local instance if this session manages one."""

    __test__ = False  # a dataclass, not a test class

    uri: str
    user: str
    password: str
    database: str
    local: LocalNeo4j | None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    integration_dir = Path(__file__).parent / "integration"
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.path.is_relative_to(integration_dir) or fixtures & NEO4J_FIXTURES:
            item.add_marker(pytest.mark.integration)


def _local_test_instance() -> LocalNeo4j:
    server = LocalNeo4j(
        Path(os.environ.get("DIDAR_TEST_NEO4J_HOME", PROJECT_ROOT / "var" / "neo4j-test")),
        bolt_port=int(os.environ.get("DIDAR_TEST_NEO4J_BOLT_PORT", "17687")),
        http_port=int(os.environ.get("DIDAR_TEST_NEO4J_HTTP_PORT", "17474")),
        password=TEST_PASSWORD,
        heap="512m",
        pagecache="128m",
    )
    demo = Settings()  # not get_settings(): its cache may hold a test's settings
    if server.home == demo.neo4j_home.resolve() or {server.bolt_port, server.http_port} & {
        demo.neo4j_bolt_port,
        demo.neo4j_http_port,
    }:
        pytest.exit("the test Neo4j must not share the demo's home or ports: tests wipe its data", 2)
    return server


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[TestNeo4j]:
    """The test server: an external one from DIDAR_TEST_NEO4J_URI, else a local one started here."""
    external_uri = os.environ.get("DIDAR_TEST_NEO4J_URI")
    if external_uri:
        yield TestNeo4j(
            uri=external_uri,
            user=os.environ.get("DIDAR_TEST_NEO4J_USER", "neo4j"),
            password=os.environ.get("DIDAR_TEST_NEO4J_PASSWORD", TEST_PASSWORD),
            database=os.environ.get("DIDAR_TEST_NEO4J_DATABASE", "neo4j"),
            local=None,
        )
        return
    server = _local_test_instance()
    try:
        started_here = server.start()
    except Neo4jServerError as error:
        pytest.fail(f"could not start the test Neo4j: {error}", pytrace=False)
    try:
        yield TestNeo4j(
            uri=server.bolt_uri, user="neo4j", password=TEST_PASSWORD, database="neo4j", local=server
        )
    finally:
        if started_here:
            server.stop()


@pytest.fixture(scope="session")
def neo4j_session_driver(neo4j_server: TestNeo4j) -> Iterator[Driver]:
    """One driver for the whole session, connected to the test server."""
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.verify_connectivity()
        yield driver


@pytest.fixture
def neo4j_settings(neo4j_server: TestNeo4j, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings aimed at the test server; `get_settings()` returns the same during the test."""
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_server.database)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


@pytest.fixture
def clean_db(neo4j_session_driver: Driver, neo4j_server: TestNeo4j, neo4j_settings: Settings) -> Driver:
    """Delete every node and relationship (constraints and indexes stay) before the test.

    Also points `get_settings()` at the test server, so code under test never reaches the demo's.
    """
    neo4j_session_driver.execute_query(DELETE_ALL_NODES, database_=neo4j_server.database)
    return neo4j_session_driver


@pytest.fixture
def neo4j_driver(clean_db: Driver) -> Driver:
    """A driver on an empty test database."""
    return clean_db
