"""Every failure becomes the one error type with a stable code."""

import pytest
from fastapi.testclient import TestClient

from app.api import create_app
from app.errors import ApiError, as_api_error
from app.settings import LOCAL_API_KEY, Settings
from graph.errors import GraphUnavailable, NotFound
from graph.reader import QueryTimedOut


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (NotFound("topic", "atlantis"), 404, "not_found"),
        (GraphUnavailable("down"), 503, "neo4j_unavailable"),
        (QueryTimedOut("slow"), 503, "query_timeout"),
        (ApiError(401, "api_key_required", "no key"), 401, "api_key_required"),
        (RuntimeError("bug"), 500, "internal_error"),
    ],
)
def test_errors_map_to_a_status_and_code(error: Exception, status: int, code: str) -> None:
    api_error = as_api_error(error)

    assert (api_error.status, api_error.code) == (status, code)


def _app_without_neo4j() -> TestClient:
    # Nothing listens on port 1: these answers never reach the database.
    return TestClient(create_app(Settings(neo4j_uri="bolt://127.0.0.1:1")))


def test_a_method_a_path_does_not_have_is_405_with_allow() -> None:
    with _app_without_neo4j() as client:
        trace = client.request("TRACE", "/meetings")
        put = client.put("/articles", json={})

    assert (trace.status_code, trace.headers["allow"]) == (405, "GET")
    assert (put.status_code, put.headers["allow"]) == (405, "POST")
    assert trace.json()["error"]["code"] == "method_not_allowed"


def test_a_body_that_is_not_utf8_is_a_documented_400() -> None:
    with _app_without_neo4j() as client:
        spec = client.get("/openapi.json").json()
        response = client.post(
            "/articles",
            content=b'{"id": "\xff\xfe"}',
            headers={"content-type": "application/json", "X-API-Key": LOCAL_API_KEY},
        )

    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("the request body cannot be read")
    assert "400" in spec["paths"]["/articles"]["post"]["responses"]
