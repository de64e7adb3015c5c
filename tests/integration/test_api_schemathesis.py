"""Schemathesis against the OpenAPI spec: generated requests to every operation, none answered with a
server error, each answer in the documented shape, none the spec calls valid refused (so a cursor, a day
and a posted article are what the spec says they are). Bounded: a few dozen examples per operation.
The whole suite (`st run ... --checks all`, docs/api.md) is run by hand."""

import time
import warnings
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from neo4j import Driver
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import (
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from app.api import create_app
from app.settings import Settings
from graph.driver import connect
from graph.schema import migrate
from tests.conftest import TestNeo4j
from tests.integration.meetings_data import write_week

EXAMPLES = 30
BUDGET_SECONDS = 240.0


@pytest.fixture(scope="module")
def api_schema(neo4j_server: TestNeo4j, neo4j_session_driver: Driver) -> Iterator[schemathesis.BaseSchema]:
    neo4j_session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_server.database)
    app_settings = Settings(
        neo4j_uri=neo4j_server.uri,
        neo4j_user=neo4j_server.user,
        neo4j_password=neo4j_server.password,
        neo4j_database=neo4j_server.database,
    )
    graph = connect(app_settings.neo4j)
    migrate(graph)
    write_week(graph)
    graph.close()
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(app_settings))
    shutdown_lifespans()


def _fuzz(operation: schemathesis.APIOperation, key: str) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        derandomize=True,
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(
            headers={"X-API-Key": key},
            checks=[
                not_a_server_error,
                status_code_conformance,
                response_schema_conformance,
                positive_data_acceptance,
            ],
        )

    check()


def test_no_generated_request_gets_a_server_error(api_schema: schemathesis.BaseSchema) -> None:
    key = Settings().api_key.get_secret_value()
    failures = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    started = time.monotonic()
    for operation in operations:
        if time.monotonic() - started > BUDGET_SECONDS:
            warnings.warn(f"schemathesis: time budget spent before {operation.label}", stacklevel=1)
            break
        try:
            _fuzz(operation, key)
        except Exception as error:  # collect every operation's failure, then report them together
            failures.append(f"{operation.label}: {error}")
    assert len(operations) >= 15
    assert not failures, "\n\n".join(failures)
