"""One error type for the API and one handler, so every failure answers with the same JSON body:
`{"error": {"code": ..., "message": ..., "details": ...}}`, never a traceback or a bare 500."""

import logging
import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.schemas import ErrorBody
from graph.errors import Conflict, GraphError, GraphUnavailable, NotFound
from graph.reader import QueryTimedOut

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5  # when nothing better is known (a query timeout)
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    405: "method_not_allowed",
    413: "too_large",
}


class ApiError(Exception):
    """An answer other than success: its HTTP status, a stable machine code and a sentence for people."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        retry_after: float | None = None,
    ):
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers


def _validation_error(error: RequestValidationError) -> ApiError:
    details = [
        {
            "location": [str(part) for part in item.get("loc", ())],
            "message": item.get("msg", ""),
            "type": item.get("type", ""),
        }
        for item in error.errors()
    ]
    first = details[0] if details else {"location": [], "message": "invalid request", "type": ""}
    if first["type"] == "json_invalid":
        reason = (error.errors()[0].get("ctx") or {}).get("error", "")
        message = f"the request body is not valid JSON: {reason}".rstrip(": ")
    else:
        where = ".".join(first["location"][1:]) or ".".join(first["location"]) or "request"
        message = f"invalid {where}: {first['message']}"
    return ApiError(422, "invalid_request", message, details)


def as_api_error(error: Exception) -> ApiError:
    """Translate any exception the app may meet into the one error type."""
    match error:
        case ApiError():
            return error
        case NotFound():
            return ApiError(404, "not_found", str(error))
        case Conflict():
            return ApiError(409, "conflict", str(error))
        case QueryTimedOut():
            log.warning("query timed out: %s", error)
            return ApiError(
                503, "query_timeout", "the question took the database too long; narrow it (filters, limit)"
            )
        case GraphUnavailable():
            log.warning("Neo4j unavailable: %s", error)
            return ApiError(
                503,
                "neo4j_unavailable",
                "the graph database (Neo4j) does not answer; try again later",
                retry_after=error.retry_after,
            )
        case GraphError():
            log.exception("graph error", exc_info=error)
            return ApiError(500, "graph_error", str(error))
        case RequestValidationError():
            return _validation_error(error)
        case StarletteHTTPException():
            message = str(error.detail)
            if error.status_code == 400 and message == "There was an error parsing the body":
                message = "the request body cannot be read: it is not UTF-8 text (or not a form)"
            # Keep the exception's headers: a 405 names the allowed methods in Allow (RFC 9110).
            return ApiError(
                error.status_code, _HTTP_CODES.get(error.status_code, "http_error"), message,
                headers=dict(error.headers or {}),
            )  # fmt: skip
        case _:
            log.exception("unexpected error", exc_info=error)
            return ApiError(500, "internal_error", "an unexpected error occurred; it has been logged")


def error_response(api_error: ApiError) -> JSONResponse:
    body = ErrorBody.model_validate(
        {"error": {"code": api_error.code, "message": api_error.message, "details": api_error.details}}
    )
    headers = dict(api_error.headers or {})
    if api_error.status == 503:
        headers["Retry-After"] = str(max(1, math.ceil(api_error.retry_after or RETRY_AFTER_SECONDS)))
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=api_error.status, headers=headers or None
    )


async def handle_error(request: Request, error: Exception) -> JSONResponse:
    """The one handler: render the error type as JSON."""
    return error_response(as_api_error(error))


def install_error_handlers(app: FastAPI) -> None:
    for error_type in (ApiError, GraphError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(error_type, handle_error)


# Documented on every route, so clients see the error body in the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The request body cannot be read (not UTF-8)"},
    401: {"model": ErrorBody, "description": "No API key (X-API-Key) where one is needed"},
    403: {"model": ErrorBody, "description": "The API key is not valid"},
    404: {"model": ErrorBody, "description": "Not found"},
    409: {"model": ErrorBody, "description": "The graph as it is does not allow it"},
    413: {"model": ErrorBody, "description": "The request body is too large"},
    422: {"model": ErrorBody, "description": "Invalid request"},
    503: {"model": ErrorBody, "description": "Neo4j does not answer, or the query took too long"},
}
