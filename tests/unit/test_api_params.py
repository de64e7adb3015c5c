"""Query parameters: Gregorian and Jalali days, opaque cursors."""

import re
from datetime import date

import jdatetime
import pytest

from app.errors import ApiError
from app.params import (
    DAY_PATTERN,
    MONTH_PATTERN,
    after_from_cursor,
    cursor_from_after,
    decode_cursor,
    encode_cursor,
    parse_day,
    parse_month,
    period,
)
from graph.filters import After


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06-09", date(2024, 6, 9)),
        ("2024/6/9", date(2024, 6, 9)),
        ("1403-03-20", date(2024, 6, 9)),  # Jalali
        ("۱۴۰۳-۰۳-۲۰", date(2024, 6, 9)),  # Persian digits
        ("١٤٠٣/٠٣/٢٠", date(2024, 6, 9)),  # Arabic-Indic digits
        ("1402-12-29", date(2024, 3, 19)),
        ("1403-01-01", date(2024, 3, 20)),  # Nowruz
        ("1999-12-31", date(1999, 12, 31)),
    ],
)
def test_days_in_either_calendar(text: str, expected: date) -> None:
    assert parse_day(text, "since") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-30", date(2024, 2, 29)),
        ("2023-02-31", date(2023, 2, 28)),
        ("1403-12-31", date(2025, 3, 20)),  # Esfand 1403 has 30 days
        ("1402-12-30", date(2024, 3, 19)),  # ... and Esfand 1402 29
        ("1579/11/31", jdatetime.date(1579, 11, 30).togregorian()),  # schemathesis found it: a 422 then
    ],
)
def test_a_day_past_its_months_end_is_the_months_last_day(text: str, expected: date) -> None:
    assert parse_day(text, "until") == expected


@pytest.mark.parametrize("text", ["1403-13-01", "2024-06-32", "0000-00-00", "24-06-09", "yesterday"])
def test_impossible_days_are_422(text: str) -> None:
    with pytest.raises(ApiError) as raised:
        parse_day(text, "since")
    assert raised.value.status == 422
    assert "since" in raised.value.message


@pytest.mark.parametrize(
    "after",
    [
        After(date(2024, 6, 9), "m-1", "p-a", "p-b"),
        After(None, "m-2", "p-a", "p-b"),
        After(date(2024, 6, 9), "m-3"),
        After(None, "m-عربی"),
    ],
)
def test_a_cursor_round_trips(after: After) -> None:
    assert after_from_cursor(cursor_from_after(after, "pairs"), "pairs") == after


DAMAGED = [
    "%%%",
    "bm90IGpzb24",
    encode_cursor("pairs", {"d": "2024-13-01", "m": "x"}),
    encode_cursor("pairs", {"d": None}),
]


@pytest.mark.parametrize("cursor", DAMAGED)
def test_damaged_cursors_are_404(cursor: str) -> None:
    with pytest.raises(ApiError) as raised:
        after_from_cursor(cursor, "pairs")
    assert (raised.value.status, raised.value.code) == (404, "invalid_cursor")


@pytest.mark.parametrize(
    ("text", "in_spec"),
    [
        ("2024-06-09", True),
        ("1403/3/20", True),
        ("۱۴۰۳/۰۳/۲۰", True),
        ("1403-12-30", True),
        ("0000/0/0", False),  # schemathesis: the spec took it, the server refused it
        ("2024-13-01", False),
        ("2024-12-32", False),
        ("0999-01-01", False),
    ],
)
def test_the_spec_day_pattern_refuses_what_is_no_day(text: str, in_spec: bool) -> None:
    assert bool(re.fullmatch(DAY_PATTERN, text)) is in_spec


def test_a_cursor_belongs_to_its_list() -> None:
    with pytest.raises(ApiError):
        decode_cursor(encode_cursor("meetings", {"m": "m-1"}), "pairs")
    assert decode_cursor(None, "pairs") is None


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (2024, None, date(2024, 1, 1), date(2024, 12, 31)),
        (2024, 2, date(2024, 2, 1), date(2024, 2, 29)),
        (2024, 12, date(2024, 12, 1), date(2024, 12, 31)),
        (1403, None, date(2024, 3, 20), date(2025, 3, 20)),  # Jalali: Nowruz to Nowruz (a leap year)
        (1403, 1, date(2024, 3, 20), date(2024, 4, 19)),  # Farvardin
        (1402, 12, date(2024, 2, 20), date(2024, 3, 19)),  # Esfand of a common year
    ],
)
def test_a_year_or_month_in_either_calendar(year: int, month: int | None, first: date, last: date) -> None:
    assert period(year, month) == (first, last)


@pytest.mark.parametrize(
    ("text", "expected"), [("2024-06", (2024, 6)), ("1403/3", (1403, 3)), ("۱۴۰۳-۰۳", (1403, 3))]
)
def test_months_in_either_calendar_and_script(text: str, expected: tuple[int, int]) -> None:
    assert re.fullmatch(MONTH_PATTERN, text)
    assert parse_month(text) == expected


@pytest.mark.parametrize("text", ["2024-13", "2024-00", "0000-1", "2024"])
def test_the_spec_month_pattern_refuses_what_is_no_month(text: str) -> None:
    assert not re.fullmatch(MONTH_PATTERN, text)
