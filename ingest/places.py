"""Where a meeting took place: a city the sentence puts it in, else a country it is held in."""

from functools import cache

from ingest.gazetteer import Gazetteer
from ingest.knowledge import GeoName
from ingest.lexicon import one_word, phrases, rows, word_class
from ingest.mentions import Kind
from ingest.model import Place
from ingest.parties import SentenceParties
from ingest.placenames import place_at
from ingest.sentence_meeting import SentenceMeeting

_LOCATIVE = word_class("place_marker")
_SITUATIONS = word_class("situation")
_TRAVEL = word_class("journey")
_GOING = word_class("going")
_PLACE_NOUNS = word_class("place_noun")
_VENUES = word_class("meeting_venue")
_VENUE_NAME_WORDS = 4  # "در کاخ ریاست جمهوری ارمنستان": how far after the venue word its place may come
_IN = one_word("locative")
_TO = one_word("allative")
_FROM = one_word("ablative")
_PURPOSE = word_class("purpose")
_AFTER = phrases("after")
_BEFORE = phrases("before")
_COMMA = one_word("persian_comma")


@cache
def _landmarks() -> Gazetteer[str]:
    """Seats of government and other places news names instead of the city ("کاخ سفید")."""
    return Gazetteer((row["form"], row["country"]) for row in rows("landmarks"))


def meeting_place(found: SentenceMeeting) -> Place | None:
    analysis = found.analysis
    words = analysis.words
    inside_parties = {i for p in analysis.parties for i in range(p.first, p.last)}
    after_locative = [
        i + 2 if words[i + 1] in _PLACE_NOUNS and i + 2 < len(words) else i + 1  # "در شهر پکن"
        for i, word in enumerate(words[:-1])
        if word in _LOCATIVE
        and not _journey_before(words, i)
        and not _next_stop(words, i, found.trigger.first)
    ]
    for index in after_locative:
        named = place_at(analysis, index)
        in_situation = index >= 2 and words[index - 2] in _SITUATIONS  # "آتش‌بس در غزه"
        if named is not None and named[0].city is not None and not in_situation:
            return named_place(analysis, index, *named)
    for index in after_locative:
        landmark = _landmarks().match_at(words, index)
        if landmark is not None and words[index - 1] == _IN:
            return Place(country=landmark.value)
        if words[index] in _VENUES and words[index - 1] == _IN:
            # "در هتل کوبورگ وین", "در کاخ ریاست‌جمهوری ارمنستان": the venue's city or country.
            for after in range(index + 1, min(index + 1 + _VENUE_NAME_WORDS, len(words))):
                if (named := place_at(analysis, after)) is not None:
                    return named_place(analysis, after, *named)
    # A country is a place only where the sentence sets the meeting in it, before the meeting word:
    # "در حاشیه نشست ... در قرقیزستان با ... دیدار کرد", not "درباره آتش‌بس در لبنان".
    for index in after_locative:
        mention = analysis.mention_at.get(index)
        geo = mention.geo if mention and mention.kind is Kind.GEO else None
        if (
            geo is not None
            and not geo.adjective
            and index not in inside_parties
            and words[index - 1] == _IN
            and index < found.trigger.first
            and (index < 2 or words[index - 2] not in _SITUATIONS)
        ):
            return Place(country=geo.country)
        # "برای دیدار با X به ایران سفر کرد": the journey's destination is where the meeting is.
        if (
            geo is not None
            and not geo.adjective
            and index not in inside_parties
            and words[index - 1] == _TO
            and found.trigger.first > 0
            and words[found.trigger.first - 1] in _PURPOSE
            and index > found.trigger.first
            and _TRAVEL.intersection(words[index : index + 4])
        ):
            return Place(country=geo.country)
    return None


def _next_stop(words: tuple[str, ...] | list[str], to: int, trigger: int) -> bool:
    """ "بعد از این سفر و گفت‌وگو با X، امروز به برلین می‌رود": after the meeting told as past, the
    city someone goes on to is not where they met."""
    if to <= trigger or _COMMA not in words[trigger:to]:
        return False
    return any(tuple(words[i : i + 2]) in _AFTER for i in range(max(0, trigger - 6), trigger - 1))


def named_place(analysis: SentenceParties, first: int, geo: GeoName, last: int) -> Place:
    """The place a city or country names at words `first` to `last`: the city as written, or the country."""
    if geo.city is None:
        return Place(country=geo.country)
    return Place(city=analysis.span_text(first, last), city_en=geo.city_en, country=geo.country)


def _journey_before(words: tuple[str, ...] | list[str], to: int) -> bool:
    """ "پیش از سفر به X", "قبل از بازگشت به X": X is where the person goes next, not where they met."""
    return (
        to >= 3 and words[to] == _TO and words[to - 1] in _GOING and tuple(words[to - 3 : to - 1]) in _BEFORE
    )


def dateline_place(analysis: SentenceParties) -> Place | None:
    """ "به گزارش خبرگزاری فارس از اصفهان، ...": the city the report was filed from."""
    words = analysis.words
    for index in range(1, analysis.lead_in):
        if words[index - 1] == _FROM and (named := place_at(analysis, index)) and named[0].city:
            return named_place(analysis, index, *named)
    return None
