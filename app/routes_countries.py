"""Countries: the list with counts, one country's meetings, the relations between two countries."""

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Path

from app.deps import CatalogDep, ReaderDep
from app.errors import ERROR_RESPONSES
from app.params import (
    CommonQuery,
    CursorQuery,
    LimitQuery,
    MeetingQuery,
    bad_cursor,
    decode_cursor,
    encode_cursor,
    meeting_query,
    resolve_filter,
)
from app.routes_meetings import meeting_page
from app.schemas import Country, MeetingPage
from app.schemas_graph import CountryList, CountrySummary, Relations
from app.security import ReadAccess
from graph.catalog import Catalog
from graph.countries import relation_summary

router = APIRouter(
    tags=["countries"],
    dependencies=[ReadAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403, 404, 422)},
)

CountryPath = Annotated[
    str,
    Path(min_length=1, max_length=100, description="ISO code, English or Persian name", examples=["IR"]),
]


def _country(catalog: Catalog, code: str) -> Country:
    known = catalog.country(code)
    if known is None:
        return Country(code=code, name_fa=None, name_en=None)
    return Country(code=code, name_fa=known.name_fa, name_en=known.name_en)


@router.get("/countries")
async def countries(catalog: CatalogDep, limit: LimitQuery = 200, cursor: CursorQuery = None) -> CountryList:
    """Every country with an official in the graph, by code, with how many persons and meetings (counts
    are refreshed every CATALOG_TTL_SECONDS)."""
    after = (decode_cursor(cursor, "countries") or {}).get("code", "")
    if not isinstance(after, str):
        raise bad_cursor("the cursor is damaged")
    listed = [c for c in catalog.countries if c.code > after]
    page = listed[:limit]
    more = len(listed) > limit
    return CountryList(
        countries=[
            CountrySummary(
                code=c.code, name_fa=c.name_fa, name_en=c.name_en, persons=c.persons, meetings=c.meetings
            )
            for c in page
        ],
        limit=limit,
        next_cursor=encode_cursor("countries", {"code": page[-1].code}) if more else None,
    )


@router.get("/countries/{code}/meetings")
async def country_meetings(
    reader: ReaderDep,
    catalog: CatalogDep,
    code: CountryPath,
    query: Annotated[MeetingQuery, Depends(meeting_query)],
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> MeetingPage:
    """Meetings an official of the country took part in, newest first (the filters of /meetings apply;
    `country` is the path's)."""
    selection = await resolve_filter(query, reader, catalog, countries=(catalog.resolve_country(code),))
    return await meeting_page(reader, catalog, selection, limit, cursor)


@router.get("/countries/{code}/relations/{other}")
async def relations(
    reader: ReaderDep,
    catalog: CatalogDep,
    code: CountryPath,
    other: CountryPath,
    query: CommonQuery,
    limit: LimitQuery = 20,
    cursor: CursorQuery = None,
) -> Relations:
    """All meetings between officials of two countries: how many, first and last, by topic, by year and
    by kind, and the meetings themselves (newest first, paged)."""
    first, second = catalog.resolve_country(code), catalog.resolve_country(other)
    selection = await resolve_filter(query, reader, catalog, countries=(first,))
    selection = replace(selection, with_countries=(second,))
    summary = await relation_summary(reader, catalog, selection)
    page = await meeting_page(reader, catalog, selection, limit, cursor)
    return Relations.model_validate(
        summary | {"country": _country(catalog, first), "other": _country(catalog, second), "page": page}
    )
