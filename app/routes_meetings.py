"""Meetings: who met whom, the list with filters, one meeting."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.deps import GraphDep
from app.errors import ERROR_RESPONSES
from app.schemas import Meeting, MeetingList, WhoMetWhom
from graph.countries import resolve_country
from graph.meetings import MAX_LIMIT, find_meetings, find_who_met_whom, get_meeting
from graph.topics import resolve_topic

router = APIRouter(tags=["meetings"], responses={422: ERROR_RESPONSES[422]})

TopicQuery = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=200,
        description="A topic id (`caucasus`), English label (`South Caucasus`, `Caucasus`) or Persian label "
        "(`قفقاز`); subtopics are included",
    ),
]
LimitQuery = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}")]
OffsetQuery = Annotated[int, Query(ge=0, le=1_000_000)]


@router.get("/who-met-whom", responses={404: ERROR_RESPONSES[404]})
def who_met_whom(
    graph: GraphDep, topic: TopicQuery = None, limit: LimitQuery = 100, offset: OffsetQuery = 0
) -> WhoMetWhom:
    """Pairs of persons who met (about the topic, if given), newest meeting first, with the evidence."""
    topic_ids = resolve_topic(graph, topic) if topic else None
    pairs = find_who_met_whom(graph, topics=topic_ids, limit=limit, offset=offset)
    return WhoMetWhom.model_validate(
        {"topic_ids": topic_ids, "pairs": pairs, "limit": limit, "offset": offset}
    )


@router.get("/meetings", responses={404: ERROR_RESPONSES[404]})
def list_meetings(
    graph: GraphDep,
    topic: TopicQuery = None,
    person: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Part of a participant's name (fa or en)")
    ] = None,
    country: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="ISO code, English or Persian name: a participant represents it or it was held there",
        ),
    ] = None,
    limit: LimitQuery = 100,
    offset: OffsetQuery = 0,
) -> MeetingList:
    """Meetings matching every filter given, newest first."""
    meetings = find_meetings(
        graph,
        topics=resolve_topic(graph, topic) if topic else None,
        countries=resolve_country(graph, country) if country else None,
        person=person,
        limit=limit,
        offset=offset,
    )
    return MeetingList.model_validate({"meetings": meetings, "limit": limit, "offset": offset})


@router.get("/meetings/{meeting_id}", responses={404: ERROR_RESPONSES[404]})
def meeting(graph: GraphDep, meeting_id: Annotated[str, Path(max_length=100)]) -> Meeting:
    """One meeting with its participants and every report of it."""
    return Meeting.model_validate(get_meeting(graph, meeting_id))
