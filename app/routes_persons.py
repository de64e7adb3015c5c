"""Persons: one person with their roles and meetings."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.deps import GraphDep
from app.errors import ERROR_RESPONSES
from app.schemas import Person
from graph.meetings import MAX_LIMIT
from graph.persons import get_person

router = APIRouter(tags=["persons"], responses={404: ERROR_RESPONSES[404], 422: ERROR_RESPONSES[422]})


@router.get("/persons/{person_id}")
def person(
    graph: GraphDep,
    person_id: Annotated[str, Path(max_length=100)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Meetings at most")] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Person:
    """A person (named or unnamed), the roles they hold and their meetings, newest first."""
    return Person.model_validate(get_person(graph, person_id, limit=limit, offset=offset))
