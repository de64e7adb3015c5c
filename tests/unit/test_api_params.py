"""Query parameters: Gregorian and Jalali days, opaque cursors."""

from datetime import date

import pytest

from app.errors import ApiError
from app.params import (
    after_from_cursor,
    cursor_from_after,
    decode_cursor,
    encode_cursor,
    parse_day,
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
    "text", ["2024-02-30", "1403-13-01", "1403-12-31", "0000-00-00", "24-06-09", "yesterday"]
)
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
def test_damaged_cursors_are_422(cursor: str) -> None:
    with pytest.raises(ApiError) as raised:
        after_from_cursor(cursor, "pairs")
    assert (raised.value.status, raised.value.code) == (422, "invalid_cursor")


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
