"""Request dependencies: the graph (writes) and the reader (reads) from the app's lifespan, with the schema
made current on first use, and the catalog of topics and countries."""

import threading
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from starlette.concurrency import run_in_threadpool

from graph.catalog import Catalog, CatalogCache
from graph.driver import Graph
from graph.reader import Reader
from graph.schema import migrate


def ensure_schema(app: FastAPI) -> None:
    """Apply migrations once per process. When Neo4j was down at start-up this runs on the first request
    after it comes back (until then it raises GraphUnavailable, which the error handler turns into 503)."""
    state = app.state
    if state.schema_ready:
        return
    lock: threading.Lock = state.schema_lock
    with lock:
        if not state.schema_ready:
            state.graph.ping()  # fails at once, where a transaction would be retried for seconds
            migrate(state.graph)
            state.schema_ready = True


def get_graph(request: Request) -> Graph:
    ensure_schema(request.app)
    graph: Graph = request.app.state.graph
    return graph


def get_graph_unmigrated(request: Request) -> Graph:
    """For /health: answers whether Neo4j is up without touching the schema."""
    graph: Graph = request.app.state.graph
    return graph


async def get_reader(request: Request) -> Reader:
    """The async reader; the first request after a start with Neo4j down migrates first (in a thread)."""
    if not request.app.state.schema_ready:
        await run_in_threadpool(ensure_schema, request.app)
    reader: Reader = request.app.state.reader
    return reader


async def get_catalog(request: Request, reader: Annotated[Reader, Depends(get_reader)]) -> Catalog:
    cache: CatalogCache = request.app.state.catalog
    return await cache.get()


GraphDep = Annotated[Graph, Depends(get_graph)]
RawGraphDep = Annotated[Graph, Depends(get_graph_unmigrated)]
ReaderDep = Annotated[Reader, Depends(get_reader)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
