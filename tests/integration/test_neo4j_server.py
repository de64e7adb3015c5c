"""The project's own Neo4j server: the test instance starts, answers, and keeps away from the demo's."""

import httpx
import pytest
from neo4j import Driver

from app.settings import Settings
from graph.server import LocalNeo4j, find_entry_point
from tests.conftest import TestNeo4j

pytestmark = pytest.mark.integration


@pytest.fixture
def local(neo4j_server: TestNeo4j) -> LocalNeo4j:
    if neo4j_server.local is None:
        pytest.skip("DIDAR_TEST_NEO4J_URI points at an external server; nothing local to check")
    return neo4j_server.local


def test_a_second_start_is_harmless(local: LocalNeo4j) -> None:
    pid_before = local.status().pid

    started = local.start()

    assert started is False
    assert local.status().pid == pid_before


def test_status_reports_the_running_server(local: LocalNeo4j) -> None:
    state = local.status()

    assert state.running
    assert state.pid is not None
    assert state.bolt_uri == f"bolt://127.0.0.1:{local.bolt_port}"
    assert state.browser_url == f"http://127.0.0.1:{local.http_port}/browser/"


def test_browser_and_discovery_answer_on_the_test_ports(local: LocalNeo4j) -> None:
    discovery = httpx.get(f"http://127.0.0.1:{local.http_port}/", trust_env=False).json()
    browser = httpx.get(local.browser_url, trust_env=False)

    assert discovery["neo4j_edition"] == "community"
    assert discovery["neo4j_version"].startswith("5.26.")
    assert discovery["bolt_direct"] == local.bolt_uri  # so the Browser connects here, not to the demo
    assert browser.status_code == 200


def test_the_entry_point_comes_from_the_jars(local: LocalNeo4j) -> None:
    assert find_entry_point(local.lib) == "org.neo4j.server.CommunityEntryPoint"


def test_a_write_is_read_back(neo4j_driver: Driver) -> None:
    neo4j_driver.execute_query("CREATE (:Probe {name: $name})", name="دیدار")

    records, _, _ = neo4j_driver.execute_query("MATCH (p:Probe) RETURN p.name AS name")

    assert [record["name"] for record in records] == ["دیدار"]


def test_each_test_starts_from_an_empty_database(neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS nodes")

    assert records[0]["nodes"] == 0


def test_the_test_instance_is_not_the_demo(local: LocalNeo4j, neo4j_settings: Settings) -> None:
    demo = {name: field.default for name, field in Settings.model_fields.items()}
    demo_ports = {demo["neo4j_bolt_port"], demo["neo4j_http_port"]}

    assert local.home != demo["neo4j_home"].resolve()
    assert local.bolt_port not in demo_ports
    assert local.http_port not in demo_ports
    assert neo4j_settings.bolt_uri == local.bolt_uri
