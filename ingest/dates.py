"""The date of a meeting from the words of its sentence and the article's publication day."""

import re
from datetime import date, timedelta
from functools import cache

import jdatetime

from ingest.gazetteer import Gazetteer
from ingest.lexicon import one_word, rows, verb_forms, word_class, word_values
from ingest.segment import Sentence

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_NUMERIC_DATE = re.compile(r"(\d{4})\s*/\s*(\d{1,2})\s*/\s*(\d{1,2})")
# How many words from the meeting word a day may stand and still date it.
_REACH = 20
_FAR_REACH = 35
_REPORTED = word_class("reported")
# How far back a "که" may open the clause a day stands in ("که ۲۷ ژانویه (۷ بهمن) ... برگزار می‌شود").
_CLAUSE_LOOKBACK = 8
_CLAUSE_VERBS = verb_forms("dated_clause_verb") | word_class("copula")
_RELATIVE = one_word("relativizer")
_PAUSES = word_class("comma") | {one_word("full_stop")}
_AND = one_word("and")


@cache
def _months() -> Gazetteer[tuple[str, int]]:
    return Gazetteer((row["form"], (row["calendar"], int(row["month"]))) for row in rows("months"))


@cache
def _day_words() -> Gazetteer[int]:
    """امروز, دیروز, "روز گذشته" ...: days counted from the publication day."""
    return Gazetteer(
        (row["form"], int(row["offset"])) for row in rows("day_words") if row["offset"] != "none"
    )


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


# Days written as ordinals: "اول آبان", "بیست و چهارم مهرماه", "سی‌ام" (read as "سی" "ام").
_ORDINAL_UNITS = {form: int(value) for form, value in word_values("day_ordinal").items()}
_TENS = {form: int(value) for form, value in word_values("day_tens").items()}
_ORDINAL_SUFFIX = one_word("ordinal_suffix")
_MONTH = one_word("month_noun")
# How far a day written without its year may fall on the wrong side of the publication day before
# it is read as next (or last) year's.
_YEAR_TURN_DAYS = 7


def _day_before(words: list[str], index: int) -> int | None:
    """The day of the month written just before `index` ("۲۴", "چهارم", "بیست و چهارم", "سی ام")."""
    if index < 1:
        return None
    word = words[index - 1]
    number = _number(word)
    if number is not None:
        return number
    if word == _ORDINAL_SUFFIX and index >= 2 and words[index - 2] in _TENS:
        return _TENS[words[index - 2]]
    unit = _ORDINAL_UNITS.get(word)
    if unit is None:
        return None
    if unit < 10 and index >= 3 and words[index - 2] == _AND and words[index - 3] in _TENS:
        return _TENS[words[index - 3]] + unit
    return unit


def _explicit_dates(words: list[str], published: date | None, *, planned: bool) -> list[tuple[int, date]]:
    """ "۲۰ اردیبهشت ۱۴۰۵", "۱۷ اوت", "بیست و چهارم مهرماه": days the text writes out, with their
    token positions."""
    found: list[tuple[int, date]] = []
    months = _months()
    for index in months.starts(words):
        month = months.match_at(words, index) if index > 0 else None  # the day comes before it
        day_number = _day_before(words, index) if month else None
        if not month or day_number is None or not 1 <= day_number <= 31:
            continue
        calendar, month_number = month.value
        after = month.last + 1 if month.last < len(words) and words[month.last] == _MONTH else month.last
        year = _number(words[after]) if after < len(words) else None
        if year is not None:
            day = _calendar_date(calendar, year, month_number, day_number)
        elif published is not None:
            day = _nearest_year(calendar, month_number, day_number, published, planned=planned)
        else:
            day = None
        if day is not None:
            found.append((index, day))
    return found


def _nearest_year(calendar: str, month: int, day: int, published: date, *, planned: bool) -> date | None:
    """A day written without its year: in the publication's year, unless that puts a plan in the past
    ("اول فروردین" in an Esfand article) or a held meeting weeks ahead ("۲۸ دسامبر" on 2 January)."""
    year = jdatetime.date.fromgregorian(date=published).year if calendar == "jalali" else published.year
    found = _calendar_date(calendar, year, month, day)
    if found is None:
        return None
    if planned and found < published - timedelta(days=_YEAR_TURN_DAYS):
        return _calendar_date(calendar, year + 1, month, day) or found
    if not planned and found > published + timedelta(days=_YEAR_TURN_DAYS):
        return _calendar_date(calendar, year - 1, month, day) or found
    return found


# Before a weekday, words that make it no day of this week; "وارد دوشنبه شد", "در دوشنبه" are
# Dushanbe (a day is "روز دوشنبه").
_NOT_A_DAY_AFTER = word_class("not_a_weekday_after")


def _relative_dates(words: list[str], published: date, *, planned: bool) -> list[tuple[int, date]]:
    """امروز / دیروز / فردا, or a weekday of the publication week (the next one for a plan)."""
    found: list[tuple[int, date]] = []
    day_words, weekdays = _day_words(), _weekdays()
    end = 0  # after the last match: the next one starts there or later
    for index in sorted({*day_words.starts(words), *weekdays.starts(words)}):
        if index < end:
            continue
        if relative := day_words.match_at(words, index):
            found.append((index, published + timedelta(days=relative.value)))
            end = relative.last
            continue
        weekday = weekdays.match_at(words, index)
        if weekday is None:
            continue
        # "سه‌شنبه" is two tokens; its "شنبه" is not Saturday, so go on after the whole match.
        if index == 0 or words[index - 1] not in _NOT_A_DAY_AFTER:
            shift = (weekday.value - published.weekday()) % 7
            day = (
                published + timedelta(days=shift) if planned else published - timedelta(days=(7 - shift) % 7)
            )
            found.append((index, day))
        end = weekday.last
    return found


def _in_closed_clause(words: list[str], position: int, trigger: int) -> bool:
    """A day inside "که ... آغاز خواهد شد" before the meeting word, or in what someone said after
    it ("... گفت که از ۳۰ سپتامبر ..."), dates something else."""
    if position > trigger:
        return any(word in _REPORTED for word in words[trigger:position])
    opened = False
    for word in reversed(words[max(0, position - _CLAUSE_LOOKBACK) : position]):
        if word in _PAUSES:
            break
        if word == _RELATIVE:
            opened = True
            break
    closed = any(word in _CLAUSE_VERBS for word in words[position + 1 : trigger])
    # "X که عصر امروز وارد دوشنبه شد، با Y دیدار کرد": the day X arrived is the day X met Y.
    arrival = not TRAVEL_WORDS.isdisjoint(words[position + 1 : trigger])
    return opened and closed and not arrival


_PURPOSE = word_class("purpose")
_PURPOSE_CLAUSE = one_word("purpose_conjunction")
TRAVEL_WORDS = word_class("journey") | word_class("arrival")  # a journey: its day may be the meeting's


def _dates_the_trip(words: list[str], position: int, trigger: int) -> bool:
    """ "عصر دیروز برای دیدار با X به تهران سفر کرد", "بامداد امروز عازم مسکو شد تا در نشستی با X
    گفت‌وگو کند": the day is the journey's; the meeting's is not written."""
    if position >= trigger or trigger == 0:
        return False
    if words[trigger - 1] in _PURPOSE and bool(TRAVEL_WORDS & set(words[trigger:])):
        return True
    between = words[position:trigger]
    return _PURPOSE_CLAUSE in between and not TRAVEL_WORDS.isdisjoint(
        between[: between.index(_PURPOSE_CLAUSE)]
    )


def meeting_date(
    sentence: Sentence, published: date | None, *, planned: bool, anchors: tuple[int, ...] = (0,)
) -> date | None:
    """The date the sentence gives its meeting: the written or relative day nearest a meeting word
    (`anchors`: their token positions)."""
    # Only a text with a "/" can hold a numeric date: most have none, and translating costs more.
    text = sentence.text
    numeric = _NUMERIC_DATE.search(text.translate(_PERSIAN_DIGITS)) if "/" in text else None
    if numeric:
        y, m, d = (int(part) for part in numeric.groups())
        return _calendar_date("jalali" if y < 1700 else "gregorian", y, m, d)
    words = list(sentence.words)
    candidates = _explicit_dates(words, published, planned=planned)
    if published is not None:
        candidates += _relative_dates(words, published, planned=planned)

    def nearest(position: int) -> int:
        return min(anchors, key=lambda anchor: abs(anchor - position))

    candidates = [
        (position, day)
        for position, day in candidates
        if not _in_closed_clause(words, position, nearest(position))
        and not _dates_the_trip(words, position, nearest(position))
    ]
    near = [(position, day) for position, day in candidates if abs(position - nearest(position)) <= _REACH]
    if not near:
        # "روز پنجشنبه، هنگامی که ... ، با یکدیگر دیدار خواهند کرد": a long clause may separate the
        # meeting's only day, written before it, from the meeting word.
        far = [(p, day) for p, day in candidates if 0 <= nearest(p) - p <= _FAR_REACH]
        return far[0][1] if len(far) == 1 and len(candidates) == 1 else None
    candidates = near
    return min(candidates, key=lambda candidate: abs(candidate[0] - nearest(candidate[0])))[1]
