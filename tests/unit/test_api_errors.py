"""Every failure becomes the one error type with a stable code."""

import pytest

from app.errors import ApiError, as_api_error
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
