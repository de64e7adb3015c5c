"""The HTTP API: `create_app()` builds it; the lifespan opens, verifies, migrates and closes the graph.

Reads go through the async `Reader` (read-routed transactions with a timeout), writes and migrations
through the sync `Graph`; both come from the same settings, so pointing NEO4J_URI at a cluster or Aura
(`neo4j+s://...`) spreads the reads over its secondaries with no change here.
"""

import asyncio
import contextlib
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app import (
    routes_admin,
    routes_articles,
    routes_browser,
    routes_countries,
    routes_graph,
    routes_meetings,
    routes_paths,
    routes_persons,
    routes_system,
    routes_topics,
)
from app.cache import ResponseCache
from app.deps import ensure_schema
from app.docs import install_docs
from app.errors import ERROR_RESPONSES, install_error_handlers
from app.security import BodySizeLimit, document_key_use
from app.settings import Settings, get_settings
from graph.catalog import CatalogCache
from graph.circuit import Circuit, probe_while_open
from graph.driver import connect
from graph.errors import GraphUnavailable
from graph.reader import open_reader

log = logging.getLogger(__name__)

DESCRIPTION = """
Who met whom in Persian news: persons, the meetings they took part in (date, place, kind, topics) and the
sentences that report them, as a Neo4j graph.

- Every list is newest first (or best first), takes `limit` (at most 200) and returns `next_cursor` for
  the next page.
- Names may be given in Persian or Latin letters; spacing, ZWNJ and Arabic ye/kaf do not matter. Days
  may be Gregorian (`2024-06-09`) or Jalali (`1403-03-20`).
- Errors have one body: `{"error": {"code", "message", "details"}}`.
- Writes need the `X-API-Key` header (reads too when the server sets `READS_REQUIRE_KEY`).
"""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    circuit = Circuit(settings.neo4j_probe_seconds)
    retry = settings.api_retry_seconds
    graph = connect(settings.neo4j, retry_seconds=retry, circuit=circuit)
    reader = open_reader(settings.neo4j, retry_seconds=retry, circuit=circuit)
    app.state.graph = graph
    app.state.reader = reader
    app.state.catalog = CatalogCache(reader, settings.catalog_ttl_seconds)
    app.state.schema_lock = threading.Lock()
    app.state.schema_ready = False
    try:
        # A server that is down at start-up must not keep the API from starting: it answers 503 until
        # Neo4j is back, then migrates on the first request (see app.deps.ensure_schema).
        await run_in_threadpool(ensure_schema, app)
    except GraphUnavailable as error:
        log.warning("%s; serving 503 until it answers", error)
    probe = asyncio.create_task(probe_while_open(circuit, reader.probe))
    try:
        yield
    finally:
        probe.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await probe
        await reader.close()
        graph.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new app bound to `settings` (default: the environment's); nothing connects until it starts."""
    settings = settings or get_settings()
    app = FastAPI(
        title="didar",
        summary="Diplomatic meetings reported in Persian news, as a graph",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        responses={503: ERROR_RESPONSES[503]},
        docs_url=None,
        redoc_url=None,
    )
    install_docs(app)
    app.state.settings = settings
    install_error_handlers(app)
    # Middleware added last runs first: the body limit, then CORS, then the response cache.
    app.add_middleware(ResponseCache, seconds=settings.response_cache_seconds)
    # The Browser (another origin) fetches the style and the guide from here.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.browser_origins,
        allow_methods=["GET"],
        allow_headers=["X-API-Key", "Cache-Control", "Pragma"],
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    routers = [
        module.router
        for module in (
            routes_meetings,
            routes_persons,
            routes_countries,
            routes_topics,
            routes_paths,
            routes_graph,
            routes_articles,
            routes_admin,
            routes_browser,
            routes_system,
        )
    ]
    for router in routers:
        app.include_router(router)
    document_key_use(app, settings, routers)
    return app
