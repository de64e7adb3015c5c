"""Admin actions: each needs the API key."""

from fastapi import APIRouter
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from app.deps import GraphDep
from app.errors import ERROR_RESPONSES
from app.security import WriteAccess
from graph.derived import backfill_derived

router = APIRouter(
    tags=["admin"],
    dependencies=[WriteAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403)},
)


class CaptionsRefreshed(BaseModel):
    meetings: int


@router.post("/admin/captions")
async def refresh_captions(graph: GraphDep) -> CaptionsRefreshed:
    """Recompute every meeting's Browser caption (`topic_labels`) and listing, e.g. after the topic tree
    changed."""
    return CaptionsRefreshed(meetings=await run_in_threadpool(backfill_derived, graph))
