"""Admin actions: each needs the API key. Browser captions; the analysts' corrections of identity
(merge two persons, split a person's mentions off, list and undo them: graph/corrections.py)."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from app.deps import GraphDep
from app.errors import ERROR_RESPONSES
from app.schemas_corrections import (
    CorrectionApplied,
    CorrectionList,
    MentionList,
    MergeRequest,
    SplitRequest,
    UndoRequest,
)
from app.security import WriteAccess
from graph.corrections import (
    list_corrections,
    merge_persons,
    person_mentions,
    split_person,
    undo_correction,
)
from graph.derived import backfill_derived

router = APIRouter(
    tags=["admin"],
    dependencies=[WriteAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403)},
)
CHANGES: dict[int | str, dict[str, Any]] = {code: ERROR_RESPONSES[code] for code in (404, 409, 422)}
READS: dict[int | str, dict[str, Any]] = {code: ERROR_RESPONSES[code] for code in (404, 422)}
PersonPath = Annotated[str, Path(min_length=1, max_length=100, examples=["p-5d1c0e0e8f3a2b71"])]
LIMIT_MAX = 1000


class CaptionsRefreshed(BaseModel):
    meetings: int


@router.post("/admin/captions")
async def refresh_captions(graph: GraphDep) -> CaptionsRefreshed:
    """Recompute every meeting's Browser caption (`topic_labels`) and listing, e.g. after the topic tree
    changed."""
    return CaptionsRefreshed(meetings=await run_in_threadpool(backfill_derived, graph))


@router.post("/admin/persons/{person_id}/merge", status_code=status.HTTP_202_ACCEPTED, responses=CHANGES)
def merge(graph: GraphDep, person_id: PersonPath, body: MergeRequest) -> CorrectionApplied:
    """`other` is the person of the path (a named person, whose id stays): stored with who and why, and
    applied whenever articles are written; the other person's articles are queued for the worker."""
    done = merge_persons(graph, person_id, body.other, why=body.why, by=body.by)
    return CorrectionApplied.model_validate(done, from_attributes=True)


@router.post("/admin/persons/{person_id}/split", status_code=status.HTTP_202_ACCEPTED, responses=CHANGES)
def split(graph: GraphDep, person_id: PersonPath, body: SplitRequest) -> CorrectionApplied:
    """The person's mentions in these articles are another person (a new node); those articles are
    queued for the worker."""
    done = split_person(graph, person_id, body.mentions, why=body.why, by=body.by)
    return CorrectionApplied.model_validate(done, from_attributes=True)


@router.get("/admin/persons/{person_id}/mentions", responses=READS)
def mentions(
    graph: GraphDep,
    person_id: PersonPath,
    limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = 200,
) -> MentionList:
    """A person's mentions, newest first: the article (what a split names), the meeting, the sentence."""
    found = person_mentions(graph, person_id, limit=limit)
    return MentionList.model_validate({"person_id": person_id, "mentions": found})


@router.get("/admin/corrections", responses=READS)
def corrections(
    graph: GraphDep,
    person: Annotated[
        str | None, Query(min_length=1, max_length=100, description="About this person")
    ] = None,
    undone: Annotated[bool, Query(description="Include undone corrections")] = False,
    limit: Annotated[int, Query(ge=1, le=LIMIT_MAX)] = 200,
) -> CorrectionList:
    """The analysts' corrections, newest first: what, who, when and why."""
    found = list_corrections(graph, person=person, undone=undone, limit=limit)
    return CorrectionList.model_validate({"corrections": found})


@router.post("/admin/corrections/{correction_id}/undo", responses=CHANGES)
def undo(
    graph: GraphDep,
    correction_id: Annotated[str, Path(min_length=1, max_length=100, examples=["c-3f9a0c2d4b6e8f10"])],
    body: UndoRequest,
) -> CorrectionApplied:
    """Undo a correction; the articles it was applied to are queued to be rewritten without it."""
    done = undo_correction(graph, correction_id, by=body.by)
    return CorrectionApplied.model_validate(done, from_attributes=True)
