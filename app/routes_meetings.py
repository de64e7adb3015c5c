"""Meetings: who met whom, the list with filters, one meeting."""

from typing import Annotated

from fastapi import APIRouter, Path

from app.deps import CatalogDep, ReaderDep
from app.errors import ERROR_RESPONSES
from app.params import CursorQuery, FilterDep, LimitQuery, after_from_cursor, cursor_from_after
from app.schemas import Filters, Meeting, MeetingPage, WhoMetWhom
from app.security import ReadAccess
from graph.filters import MeetingFilter
from graph.meetings import find_meetings, find_who_met_whom, get_meeting

router = APIRouter(
    tags=["meetings"],
    dependencies=[ReadAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403, 404, 422)},
)

IdPath = Annotated[str, Path(min_length=1, max_length=100, examples=["m-0f2c4a9e1b7d3c55"])]


def filters_of(selection: MeetingFilter) -> Filters:
    return Filters.model_validate(selection.parameters())


@router.get("/who-met-whom")
async def who_met_whom(
    reader: ReaderDep,
    catalog: CatalogDep,
    selection: FilterDep,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> WhoMetWhom:
    """Pairs of persons who met, newest meeting first, with both persons (their role at the time and
    country), the meeting (date, place, kind, topics) and the sentences that report it.

    Filters combine: `topic` (with its subtopics), `person` and `country` describe one side (`person_a`),
    `with_country` the other (`person_b`); `since`/`until` take Gregorian or Jalali days."""
    page = await find_who_met_whom(
        reader, catalog, selection, limit=limit, after=after_from_cursor(cursor, "pairs")
    )
    return WhoMetWhom.model_validate(
        {
            "pairs": page.items,
            "filters": filters_of(selection),
            "limit": limit,
            "next_cursor": cursor_from_after(page.after, "pairs"),
        }
    )


async def meeting_page(
    reader: ReaderDep, catalog: CatalogDep, selection: MeetingFilter, limit: int, cursor: str | None
) -> MeetingPage:
    page = await find_meetings(
        reader, catalog, selection, limit=limit, after=after_from_cursor(cursor, "meetings")
    )
    return MeetingPage.model_validate(
        {
            "meetings": page.items,
            "filters": filters_of(selection),
            "limit": limit,
            "next_cursor": cursor_from_after(page.after, "meetings"),
        }
    )


@router.get("/meetings")
async def list_meetings(
    reader: ReaderDep,
    catalog: CatalogDep,
    selection: FilterDep,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> MeetingPage:
    """Meetings matching every filter given (as for /who-met-whom), newest first, with participants and
    their latest reports."""
    return await meeting_page(reader, catalog, selection, limit, cursor)


@router.get("/meetings/{meeting_id}")
async def meeting(reader: ReaderDep, meeting_id: IdPath) -> Meeting:
    """One meeting: participants with their roles, topics, place, and every article that reports it
    with its evidence sentence."""
    return Meeting.model_validate(await get_meeting(reader, meeting_id))
