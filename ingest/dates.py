"""The date of a meeting from the words of its sentence and the article's publication day."""

import re
from datetime import date, timedelta
from functools import cache

import jdatetime

from ingest.gazetteer import Gazetteer
from ingest.lexicon import rows
from ingest.segment import Sentence

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_NUMERIC_DATE = re.compile(r"(\d{4})\s*/\s*(\d{1,2})\s*/\s*(\d{1,2})")


@cache
def _months() -> Gazetteer[tuple[str, int]]:
    return Gazetteer((row["form"], (row["calendar"], int(row["month"]))) for row in rows("months"))


@cache
def _day_words() -> dict[str, int]:
    return {row["form"]: int(row["offset"]) for row in rows("day_words") if row["offset"] != "none"}


@cache
def _weekdays() -> Gazetteer[int]:
    return Gazetteer((row["form"], int(row["weekday"])) for row in rows("weekdays"))


def _number(text: str) -> int | None:
    text = text.translate(_PERSIAN_DIGITS)
    return int(text) if text.isdigit() else None


def _calendar_date(calendar: str, year: int, month: int, day: int) -> date | None:
    try:
        if calendar == "jalali":
            return jdatetime.date(year, month, day).togregorian()
        return date(year, month, day)
    except ValueError:
        return None


def explicit_date(sentence: Sentence, published: date | None) -> date | None:
    """"۲۰ اردیبهشت ۱۴۰۵", "۱۷ اوت", "1403/02/20": a day the text writes out."""
    numeric = _NUMERIC_DATE.search(sentence.text.translate(_PERSIAN_DIGITS))
    if numeric:
        y, m, d = (int(part) for part in numeric.groups())
        return _calendar_date("jalali" if y < 1700 else "gregorian", y, m, d)
    words = [token.text for token in sentence.tokens]
    for index in range(1, len(words)):
        found = _months().match_at(words, index)
        day_number = _number(words[index - 1])
        if not found or day_number is None or not 1 <= day_number <= 31:
            continue
        calendar, month = found.value
        year = _number(words[found.last]) if found.last < len(words) else None
        if year is None and published is not None:
            year = jdatetime.date.fromgregorian(date=published).year if calendar == "jalali" else published.year
        if year is not None:
            return _calendar_date(calendar, year, month, day_number)
    return None


def relative_date(sentence: Sentence, published: date | None, *, planned: bool) -> date | None:
    """امروز / دیروز / فردا, or a weekday of the publication week (the next one for a plan)."""
    if published is None:
        return None
    words = [token.text for token in sentence.tokens]
    day_words = _day_words()
    for word in words:
        if word in day_words:
            return published + timedelta(days=day_words[word])
    for index in range(len(words)):
        weekday = _weekdays().match_at(words, index)
        if weekday is None or (index > 0 and words[index - 1] in ("هر", "روزهای")):
            continue
        shift = (weekday.value - published.weekday()) % 7
        if planned:
            return published + timedelta(days=shift)
        return published - timedelta(days=(7 - shift) % 7)
    return None


def meeting_date(sentence: Sentence, published: date | None, *, planned: bool) -> date | None:
    return explicit_date(sentence, published) or relative_date(sentence, published, planned=planned)
