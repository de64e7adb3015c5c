"""Persons: search by name, one person's roles over time, their meetings and their contacts."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.deps import CatalogDep, ReaderDep
from app.errors import ERROR_RESPONSES
from app.params import (
    CursorQuery,
    LimitQuery,
    MeetingQuery,
    bad_cursor,
    decode_cursor,
    encode_cursor,
    resolve_filter,
    with_country_query,
)
from app.routes_meetings import meeting_page
from app.schemas import MeetingPage
from app.schemas_persons import ContactPage, Person, PersonPage
from app.security import ReadAccess
from graph.persons import (
    MAX_SEARCH_RESULTS,
    ContactKey,
    find_contacts,
    get_person,
    list_persons,
    require_person,
    search_persons,
)

router = APIRouter(
    tags=["persons"],
    dependencies=[ReadAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403, 404, 422)},
)

PersonPath = Annotated[str, Path(min_length=1, max_length=100, examples=["p-5d1c0e0e8f3a2b71"])]


@router.get("/persons")
async def persons(
    reader: ReaderDep,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Part of a name in Persian or Latin letters (`عراقچی`, `araghchi`, `عبداللهیان`); "
            "ZWNJ, Arabic ye and kaf and spacing do not matter",
        ),
    ] = None,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> PersonPage:
    """Persons by name, best match first (those met most often first among equals); without `q`, every
    person in id order."""
    key = decode_cursor(cursor, "persons") or {}
    if q:
        offset = key.get("o", 0)
        if not isinstance(offset, int) or not 0 <= offset < MAX_SEARCH_RESULTS:
            raise bad_cursor("the cursor is damaged")
        found = await search_persons(reader, q, limit=limit, offset=offset)
        more = len(found) > limit and offset + limit < MAX_SEARCH_RESULTS
        next_key = {"o": offset + limit}
    else:
        after = key.get("id", "")
        if not isinstance(after, str):
            raise bad_cursor("the cursor is damaged")
        found = await list_persons(reader, limit=limit, after=after)
        more = len(found) > limit
        next_key = {"id": found[limit - 1]["id"]} if more else {}
    return PersonPage.model_validate(
        {
            "persons": found[:limit],
            "limit": limit,
            "next_cursor": encode_cursor("persons", next_key) if more else None,
        }
    )


@router.get("/persons/{person_id}")
async def person(reader: ReaderDep, person_id: PersonPath) -> Person:
    """A person (named or unnamed): the countries they represent and the roles the reports gave them,
    each with the first and last day they were seen in it."""
    return Person.model_validate(await get_person(reader, person_id))


@router.get("/persons/{person_id}/meetings")
async def person_meetings(
    reader: ReaderDep,
    catalog: CatalogDep,
    person_id: PersonPath,
    query: Annotated[MeetingQuery, Depends(with_country_query)],
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> MeetingPage:
    """A person's timeline: their meetings, newest first (topic, dates, kind, status and the other
    side's country filter it)."""
    person = await require_person(reader, person_id)
    selection = await resolve_filter(query, reader, catalog, persons=person)
    return await meeting_page(reader, catalog, selection, limit, cursor)


@router.get("/persons/{person_id}/contacts")
async def contacts(
    reader: ReaderDep, person_id: PersonPath, limit: LimitQuery = 20, cursor: CursorQuery = None
) -> ContactPage:
    """Who the person met: how many meetings, first and last time, and the topics they met about most."""
    key = decode_cursor(cursor, "contacts")
    try:
        after = ContactKey(int(key["n"]), str(key["id"])) if key else None
    except (KeyError, TypeError, ValueError) as error:
        raise bad_cursor("the cursor is damaged") from error
    rows, last = await find_contacts(reader, person_id, limit=limit, after=after)
    return ContactPage.model_validate(
        {
            "person_id": person_id,
            "contacts": rows,
            "limit": limit,
            "next_cursor": encode_cursor("contacts", {"n": last.meetings, "id": last.id}) if last else None,
        }
    )
