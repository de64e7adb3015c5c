"""The HTTP API: `create_app()` builds it; the lifespan opens, verifies, migrates and closes the graph."""

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from app import routes_articles, routes_meetings, routes_persons, routes_system
from app.deps import ensure_schema
from app.errors import ERROR_RESPONSES, install_error_handlers
from app.settings import Settings, get_settings
from graph.driver import connect
from graph.errors import GraphUnavailable

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    graph = connect(settings)
    app.state.graph = graph
    app.state.schema_lock = threading.Lock()
    app.state.schema_ready = False
    try:
        # A server that is down at start-up must not keep the API from starting: it answers 503 until
        # Neo4j is back, then migrates on the first request (see app.deps.ensure_schema).
        await run_in_threadpool(ensure_schema, app)
    except GraphUnavailable as error:
        log.warning("%s; serving 503 until it answers", error)
    try:
        yield
    finally:
        graph.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new app bound to `settings` (default: the environment's); nothing connects until it starts."""
    app = FastAPI(
        title="didar",
        summary="Diplomatic meetings reported in Persian news, as a graph",
        version="0.1.0",
        lifespan=lifespan,
        responses={503: ERROR_RESPONSES[503]},
    )
    app.state.settings = settings or get_settings()
    install_error_handlers(app)
    for module in (routes_meetings, routes_persons, routes_articles, routes_system):
        app.include_router(module.router)
    return app
