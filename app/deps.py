"""Request dependencies: the graph from the app's lifespan, with the schema made current on first use."""

import threading
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from graph.driver import Graph
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


GraphDep = Annotated[Graph, Depends(get_graph)]
RawGraphDep = Annotated[Graph, Depends(get_graph_unmigrated)]
