"""Who may do what, and how much a request may carry: the API key dependencies and the body-size limit.

Writes (POST /articles, admin actions) need the key from settings in the `X-API-Key` header; reads (every
data route: meetings, persons, articles, the queue ...) need it too when `reads_require_key` is set, and
the OpenAPI spec marks the key on exactly the routes that need it on this server (`document_key_use`).
The body limit is pure ASGI, so an oversized upload is refused from its Content-Length, or as soon as the
bytes read pass the limit, before anything parses it.
"""

import secrets
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Security
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import ApiError, error_response
from app.settings import Settings

API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Needed for writes; for reads too when the server sets READS_REQUIRE_KEY",
)
ApiKey = Annotated[str | None, Security(API_KEY_HEADER)]


def check_api_key(settings: Settings, provided: str | None) -> None:
    if not provided:
        raise ApiError(
            401,
            "api_key_required",
            "this needs an API key in the X-API-Key header",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    expected = settings.api_key.get_secret_value()
    if not secrets.compare_digest(provided.encode(), expected.encode()):
        raise ApiError(403, "api_key_invalid", "the API key is not valid")


async def require_write_key(request: Request, key: ApiKey) -> None:
    check_api_key(request.app.state.settings, key)


async def require_read_key(request: Request) -> None:
    # The header is read by hand, not through `Security`, so the spec shows no key on reads that a server
    # serves openly; `document_key_use` adds it where this server asks for one.
    settings: Settings = request.app.state.settings
    if settings.reads_require_key:
        check_api_key(settings, request.headers.get(API_KEY_HEADER.model.name))


WriteAccess = Depends(require_write_key)
ReadAccess = Depends(require_read_key)
SCHEME: dict[str, list[str]] = {API_KEY_HEADER.scheme_name: []}


def _uses(dependant: Dependant, call: Any) -> bool:
    return any(d.call is call or _uses(d, call) for d in dependant.dependencies)


def document_key_use(app: FastAPI, settings: Settings, routers: Sequence[APIRouter]) -> None:
    """With READS_REQUIRE_KEY, mark the key on every read route in the spec as well as on the writes
    (`routers`: those the app includes, without a prefix)."""
    if not settings.reads_require_key:
        return
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            for route in (route for router in routers for route in router.routes):
                if isinstance(route, APIRoute) and _uses(route.dependant, require_read_key):
                    for method in route.methods or ():
                        operation = spec["paths"][route.path_format][method.lower()]
                        operation["security"] = [SCHEME]
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


class BodySizeLimit:
    """Refuse request bodies over `max_bytes` with 413 and the API's error body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        seen = 0
        over = False

        async def counted() -> Message:
            # Past the limit the app is told the body ended; whatever it answers, the client gets 413.
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request" and not over:
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    over = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        async def replaced(message: Message) -> None:
            if not over:
                await send(message)
            elif message["type"] == "http.response.start":
                await self._refuse(scope, receive, send)

        await self.app(scope, counted, replaced)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"the request body is larger than {self.max_bytes} bytes"
        await error_response(ApiError(413, "too_large", message))(scope, receive, send)
