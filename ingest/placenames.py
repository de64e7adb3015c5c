"""Where a sentence names a place: the city or country at a word, and where its journeys go."""

from dataclasses import dataclass

from ingest.knowledge import GeoName, knowledge
from ingest.lexicon import one_word, phrases, word_class
from ingest.mentions import Kind
from ingest.parties import SentenceParties

_TRAVEL = word_class("journey")
_BEFORE = phrases("before")  # "پیش از سفر به X"
_REACH = 4  # "سفر رسمی دو روزه خود به X", "به دوحه سفر کرد": a journey word this near its place
# "وارد X شد", "عازم X شد": X is where the journey ends.
_ARRIVAL = word_class("arrival")
_ARRIVAL_VERBS = word_class("arrival_verb")
_TO = one_word("allative")
# After a city that is also a common word ("در آستانه ..." = "on the eve of"), only these words
# show that the city is meant.
_AFTER_AMBIGUOUS_CITY = word_class("after_city")


def place_at(analysis: SentenceParties, index: int) -> tuple[GeoName, int] | None:
    """The city or country (not its adjective) named at word `index` and the index after its name; a
    city whose name is also a common word only when the word after it shows a place."""
    words = analysis.words
    mention = analysis.mention_at.get(index)
    if mention is not None and mention.kind is Kind.GEO:
        geo, last = mention.geo, mention.last
    elif index not in analysis.covered and (match := knowledge().ambiguous_cities.match_at(words, index)):
        if match.last < len(words) and words[match.last] not in _AFTER_AMBIGUOUS_CITY:
            return None
        geo, last = match.value, match.last
    else:
        return None
    return (geo, last) if geo is not None and not geo.adjective else None


@dataclass(frozen=True)
class Destination:
    """Where a journey the sentence tells goes: the place's words, and how the sentence says it."""

    first: int
    last: int
    geo: GeoName
    arrival: bool  # "وارد پکن شد", "عازم مسکو شد"
    verb_after: bool  # "به دوحه سفر کرد": the journey word after the place, nothing between "به" and it
    told_before: bool  # "پیش از سفر به تهران": the journey comes after what the sentence tells


def destinations(analysis: SentenceParties) -> list[Destination]:
    """The sentence's journeys: "به دوحه سفر کرد", "وارد پکن شد", "عازم مسکو شد", "سفر خود به عراق"."""
    words = analysis.words
    found: list[Destination] = []
    if _TRAVEL.isdisjoint(words) and _ARRIVAL.isdisjoint(words):
        return found  # most sentences tell no journey: no place needs looking up
    for index in range(1, len(words)):
        named = place_at(analysis, index)
        if named is None:
            continue
        geo, last = named
        to = index - 1
        arrival = words[to] in _ARRIVAL and last < len(words) and words[last] in _ARRIVAL_VERBS
        near = range(max(0, to - _REACH), min(len(words), last + _REACH))
        journey = [i for i in near if words[i] in _TRAVEL]
        if not arrival and (words[to] != _TO or not journey):
            continue
        verb_after = bool(_TRAVEL.intersection(words[last : last + _REACH]))
        told_before = any(i >= 2 and tuple(words[i - 2 : i]) in _BEFORE for i in journey)
        found.append(Destination(index, last, geo, arrival, verb_after, told_before))
    return found


def journey_destination(analysis: SentenceParties) -> tuple[int, int, str] | None:
    """Where the sentence's journey goes when a verb tells it: "به دوحه سفر کرد", "وارد پکن شد", "عازم
    مسکو شد"; (first, last, country) of the place, or None."""
    told = next((d for d in destinations(analysis) if d.arrival or d.verb_after), None)
    return (told.first, told.last, told.geo.country) if told else None
