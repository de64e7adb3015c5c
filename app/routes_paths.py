"""Paths: how two persons are connected through meetings."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import ReaderDep
from app.errors import ERROR_RESPONSES, ApiError
from app.schemas_graph import Paths
from app.security import ReadAccess
from graph.paths import MAX_HOPS, MAX_PATHS, shortest_paths
from graph.persons import resolve_person

router = APIRouter(
    tags=["paths"],
    dependencies=[ReadAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403, 404, 422)},
)

PersonTerm = Annotated[
    str,
    Query(min_length=1, max_length=200, description="A person id, or a name (its best match is taken)"),
]


@router.get("/paths")
async def paths(
    reader: ReaderDep,
    source: Annotated[
        str, Query(alias="from", min_length=1, max_length=200, description="A person id or name")
    ],
    target: Annotated[
        str, Query(alias="to", min_length=1, max_length=200, description="A person id or name")
    ],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="Meetings in a chain at most")] = 3,
    limit: Annotated[int, Query(ge=1, le=MAX_PATHS, description="Paths at most")] = 10,
) -> Paths:
    """The shortest chains of meetings from one person to another (A met B, who met C ...): all chains of
    the least length within `max_hops` meetings, up to `limit`; none when they are further apart."""
    first = (await resolve_person(reader, source)).ids[0]
    second = (await resolve_person(reader, target)).ids[0]
    if first == second:
        raise ApiError(422, "invalid_request", "invalid to: it is the same person as from")
    found = await shortest_paths(reader, first, second, max_hops=max_hops, limit=limit)
    return Paths.model_validate({"source": first, "target": second, "max_hops": max_hops, "paths": found})
