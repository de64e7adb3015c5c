"""Query parameters shared by the routes: days in Gregorian or Jalali, opaque cursors, meeting filters.

A cursor is the base64url JSON of a list's sort key, tagged with the list it belongs to, so a cursor
from one endpoint is refused by another instead of silently paging something else.
"""

import base64
import binascii
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any

import jdatetime
from fastapi import Depends, Query

from app.deps import CatalogDep, ReaderDep
from app.errors import ApiError
from graph.catalog import Catalog, resolve_organization
from graph.filters import After, MeetingFilter
from graph.meetings import MAX_LIMIT
from graph.persons import PersonMatch, resolve_person
from graph.reader import Reader
from ingest.model import DAY, DIGITS, JALALI_BEFORE, MeetingKind, MeetingStatus

# A year 1000-2999, a month 1-12 and a day 1-31 in Latin, Persian or Arabic-Indic digits, so the spec
# refuses `0000/0/0` as the server does (a day its month lacks, `2023-02-30`, is the month's last day).
_ANY, _ZERO, _ONE, _ONE_OR_TWO, _THREE = "[0-9۰-۹٠-٩]", "[0۰٠]", "[1۱١]", "[12۱۲١٢]", "[3۳٣]"
_NONZERO, _ZERO_TO_TWO, _ZERO_OR_ONE = "[1-9۱-۹١-٩]", "[0-2۰-۲٠-٢]", "[01۰۱٠١]"
_MONTH = f"(?:{_ZERO}?{_NONZERO}|{_ONE}{_ZERO_TO_TWO})"
_MONTH_DAY = f"(?:{_ZERO}?{_NONZERO}|{_ONE_OR_TWO}{_ANY}|{_THREE}{_ZERO_OR_ONE})"
DAY_PATTERN = f"^{_ONE_OR_TWO}{_ANY}{{3}}[-/]{_MONTH}[-/]{_MONTH_DAY}$"
MONTH_PATTERN = f"^{_ONE_OR_TWO}{_ANY}{{3}}[-/]{_MONTH}$"
_MONTH_TEXT = re.compile(r"(\d{4})[-/](\d{1,2})")


def parse_day(text: str, name: str) -> date:
    """`2024-06-09`, `1403-03-20`, `۱۴۰۳/۰۳/۲۰`: a Gregorian or Jalali day, Latin or Persian digits."""
    match = DAY.fullmatch(text.strip().translate(DIGITS))
    if not match:
        raise ApiError(422, "invalid_request", f"invalid {name}: {text!r} is not a YYYY-MM-DD day")
    year, month, day = (int(part) for part in match.groups())
    if 1 <= month <= 12 and 28 < day <= 31 and year >= 1000:
        # A day past its month's end (`2024-02-30`, `1403-12-31`) is the month's last day: the spec's
        # pattern cannot know month lengths, and `until=...-31` most often means "to the month's end".
        day = min(day, _days_in_month(year, month))
    try:
        if year < JALALI_BEFORE:
            gregorian: date = jdatetime.date(year, month, day).togregorian()
            return gregorian
        return date(year, month, day)
    except ValueError as error:
        raise ApiError(422, "invalid_request", f"invalid {name}: {text!r} is not a day ({error})") from error


def _days_in_month(year: int, month: int) -> int:
    first, last = period(year, month)
    return (last - first).days + 1


def period(year: int, month: int | None) -> tuple[date, date]:
    """The first and last Gregorian day of a year, or of one month of it: Jalali when the year is below
    1700 (`1403` is 2024-03-20 to 2025-03-20; month 1 is Farvardin), else Gregorian."""
    if month is None:
        first, after = (year, 1), (year + 1, 1)
    else:
        first, after = (year, month), (year + month // 12, month % 12 + 1)
    if year < JALALI_BEFORE:
        start: date = jdatetime.date(*first, 1).togregorian()
        end: date = jdatetime.date(*after, 1).togregorian()
    else:
        start, end = date(*first, 1), date(*after, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def bad_cursor(message: str) -> ApiError:
    """A cursor this list never gave out: 404, as for any other id that names nothing (a cursor is any
    string to the spec, so a 422 would refuse what the spec accepts)."""
    return ApiError(404, "invalid_cursor", message)


def parse_month(text: str) -> tuple[int, int]:
    """`2024-06`, `1403/3`, `۱۴۰۳-۰۳`: a year and a month (Jalali when the year is below 1700)."""
    match = _MONTH_TEXT.fullmatch(text.strip().translate(DIGITS))
    if not match or not 1 <= int(match[2]) <= 12:
        raise ApiError(422, "invalid_request", f"invalid month: {text!r} is not a YYYY-MM month")
    return int(match[1]), int(match[2])


def encode_cursor(kind: str, key: dict[str, Any]) -> str:
    payload = json.dumps({"k": kind, **key}, ensure_ascii=False, separators=(",", ":"), default=str)
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, kind: str) -> dict[str, Any] | None:
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise bad_cursor("the cursor is not one this API gave out") from error
    if not isinstance(key, dict) or key.pop("k", None) != kind:
        raise bad_cursor(f"the cursor is not one of this list ({kind})")
    return key


def after_from_cursor(cursor: str | None, kind: str) -> After | None:
    key = decode_cursor(cursor, kind)
    if key is None:
        return None
    try:
        day = key.get("d")
        return After(date.fromisoformat(day) if day else None, str(key["m"]), key.get("a"), key.get("b"))
    except (KeyError, TypeError, ValueError) as error:
        raise bad_cursor("the cursor is damaged") from error


def cursor_from_after(after: After | None, kind: str) -> str | None:
    if after is None:
        return None
    key = {"d": after.date.isoformat() if after.date else None, "m": after.meeting}
    if after.a is not None:
        key |= {"a": after.a, "b": after.b}
    return encode_cursor(kind, key)


LimitQuery = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page, at most {MAX_LIMIT}")]
CursorQuery = Annotated[
    str | None, Query(max_length=1000, description="The `next_cursor` of the previous page")
]


@dataclass(frozen=True)
class MeetingQuery:
    """The filter parameters as given (each route takes the ones that make sense for it)."""

    topic: str | None = None
    since: str | None = None
    until: str | None = None
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None
    year: int | None = None
    month: str | None = None
    person: str | None = None
    country: str | None = None
    with_country: str | None = None
    organization: str | None = None


def common_query(
    topic: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="A topic id (`caucasus`), English label (`South Caucasus`) or Persian label "
            "(`قفقاز`); its subtopics are included",
        ),
    ] = None,
    since: Annotated[
        str | None,
        Query(pattern=DAY_PATTERN, description="From this day: `2024-06-09`, or Jalali `1403-03-20`"),
    ] = None,
    until: Annotated[str | None, Query(pattern=DAY_PATTERN, description="Up to this day (inclusive)")] = None,
    kind: MeetingKind | None = None,
    status: MeetingStatus | None = None,
    year: Annotated[
        int | None,
        Query(
            ge=1000, le=2999, description="In this year: Gregorian (`2024`) or Jalali (`1403`, below 1700)"
        ),
    ] = None,
    month: Annotated[
        str | None,
        Query(
            pattern=MONTH_PATTERN,
            description="In this month: Gregorian `2024-06` or Jalali `1403-03` (Khordad), Latin or Persian "
            "digits",
        ),
    ] = None,
) -> MeetingQuery:
    return MeetingQuery(
        topic=topic, since=since, until=until, kind=kind, status=status, year=year, month=month
    )


CommonQuery = Annotated[MeetingQuery, Depends(common_query)]
WithCountryQuery = Annotated[
    str | None, Query(min_length=1, max_length=100, description="The other side's country")
]


def with_country_query(common: CommonQuery, with_country: WithCountryQuery = None) -> MeetingQuery:
    return replace(common, with_country=with_country)


def meeting_query(
    common: CommonQuery,
    person: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="A person id, or a name in Persian or Latin letters (the best matches)",
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(
            min_length=1, max_length=100, description="ISO code, English or Persian name: one side's country"
        ),
    ] = None,
    with_country: WithCountryQuery = None,
    organization: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="An organisation whose official took part: id (`eu`), English or Persian name "
            "(`United Nations`, `حماس`)",
        ),
    ] = None,
) -> MeetingQuery:
    return replace(
        common, person=person, country=country, with_country=with_country, organization=organization
    )


async def resolve_filter(
    query: MeetingQuery,
    reader: Reader,
    catalog: Catalog,
    *,
    persons: PersonMatch | None = None,
    countries: tuple[str, ...] | None = None,
) -> MeetingFilter:
    """The filter with its terms resolved to ids and codes (NotFound for a term that names nothing);
    `persons` and `countries` given by the route (from its path) take the place of the terms."""
    since = parse_day(query.since, "since") if query.since else None
    until = parse_day(query.until, "until") if query.until else None
    periods = [period(query.year, None)] if query.year is not None else []
    periods += [period(*parse_month(query.month))] if query.month else []
    for first, last in periods:  # every bound given holds: the meetings in all of them
        since, until = max(since or first, first), min(until or last, last)
    # since after until is an empty range: no meeting, as the spec allows (not a 422 it does not foresee)
    if persons is None and query.person:
        persons = await resolve_person(reader, query.person)
    if countries is None and query.country:
        countries = (catalog.resolve_country(query.country),)
    return MeetingFilter(
        topics=tuple(catalog.resolve_topic(query.topic)) if query.topic else None,
        persons=tuple(persons.ids) if persons else None,
        person_meetings=persons.meetings if persons else None,
        countries=countries,
        with_countries=(catalog.resolve_country(query.with_country),) if query.with_country else None,
        organizations=(resolve_organization(query.organization),) if query.organization else None,
        since=since,
        until=until,
        kind=query.kind,
        status=query.status,
    )


async def meeting_filter(
    query: Annotated[MeetingQuery, Depends(meeting_query)], reader: ReaderDep, catalog: CatalogDep
) -> MeetingFilter:
    return await resolve_filter(query, reader, catalog)


FilterDep = Annotated[MeetingFilter, Depends(meeting_filter)]
