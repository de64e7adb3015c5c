"""`published` in every input path (JSONL, POST /articles, feeds): Gregorian or Jalali, Latin or Persian
digits; a year below 1700 is Jalali, as in the `since` filter."""

from datetime import date

import pytest
from pydantic import ValidationError

from ingest.model import Article


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2024-10-06", date(2024, 10, 6)),
        ("2024-10-06T08:00:00Z", date(2024, 10, 6)),
        ("1403-07-15", date(2024, 10, 6)),
        ("1403/07/15", date(2024, 10, 6)),
        ("۱۴۰۳/۰۷/۱۵", date(2024, 10, 6)),
        ("1403-07-15T08:00:00", date(2024, 10, 6)),
        (None, None),
        ("", None),
    ],
)
def test_published_is_read_as_gregorian_or_jalali(published: str | None, day: date | None) -> None:
    assert Article(text="متن", published=published).published == day


def test_a_day_that_is_not_jalali_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError, match="'1403-13-40' is not a Jalali day"):
        Article(text="متن", published="1403-13-40")
