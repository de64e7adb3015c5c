"""The graph itself: a subgraph as nodes and edges for visualisation, and streamed exports."""

import enum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from app.deps import CatalogDep, ReaderDep
from app.errors import ERROR_RESPONSES
from app.exports import FORMATS, Format, stream
from app.params import CursorQuery, FilterDep, LimitQuery, after_from_cursor, cursor_from_after
from app.routes_meetings import filters_of
from app.schemas_graph import Subgraph
from app.security import ReadAccess
from graph.export import meeting_chunks
from graph.meetings import find_meetings
from graph.subgraph import View, build

router = APIRouter(
    tags=["graph"],
    dependencies=[ReadAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403, 404, 422)},
)

MAX_EXPORT = 1_000_000


@router.get("/graph")
async def subgraph(
    reader: ReaderDep,
    catalog: CatalogDep,
    selection: FilterDep,
    view: Annotated[
        View, Query(description="`meetings`: the graph model; `persons`: persons linked by MET edges")
    ] = View.MEETINGS,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Subgraph:
    """The meetings the filters of /who-met-whom select (`limit` at most, newest first) as nodes and
    edges, ready for a graph library; `next_cursor` gives the next meetings."""
    page = await find_meetings(
        reader, catalog, selection, limit=limit, after=after_from_cursor(cursor, "graph"), evidence=0
    )
    elements = build(page.items, view)
    return Subgraph.model_validate(
        {
            "view": view.value,
            "nodes": list(elements.nodes.values()),
            "edges": list(elements.edges.values()),
            "filters": filters_of(selection),
            "limit": limit,
            "next_cursor": cursor_from_after(page.after, "graph"),
        }
    )


class ExportFormat(enum.StrEnum):
    JSONL = "jsonl"
    GRAPHML = "graphml"
    CSV = "csv"


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The export, streamed",
            "content": {fmt.media_type: {"schema": {"type": "string"}} for fmt in FORMATS.values()},
        }
    },
)
async def export(
    reader: ReaderDep,
    catalog: CatalogDep,
    selection: FilterDep,
    format: Annotated[
        ExportFormat,
        Query(
            description="`jsonl`: one node or relationship per line; `graphml`: for Gephi, yEd, Cytoscape; "
            "`csv`: one row per pair that met (the /who-met-whom table)"
        ),
    ] = ExportFormat.JSONL,
    limit: Annotated[int, Query(ge=1, le=MAX_EXPORT, description="Meetings at most")] = MAX_EXPORT,
) -> StreamingResponse:
    """The whole graph, or the part the filters of /who-met-whom select, streamed as it is read (in
    short read transactions of a few hundred meetings each)."""
    chosen: Format = FORMATS[format.value]
    chunks = meeting_chunks(reader, catalog, selection, max_meetings=limit)
    return StreamingResponse(
        stream(chosen, chunks),
        media_type=chosen.media_type,
        headers={"Content-Disposition": f'attachment; filename="didar.{chosen.extension}"'},
    )
