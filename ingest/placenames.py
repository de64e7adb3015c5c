"""Where a sentence names a place: the city or country at a word, and where a journey goes."""

from ingest.knowledge import GeoName, knowledge
from ingest.lexicon import one_word, word_class
from ingest.mentions import Kind
from ingest.parties import SentenceParties

_TRAVEL = word_class("journey")
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


def journey_destination(analysis: SentenceParties) -> tuple[int, int, str] | None:
    """Where the sentence's journey goes: "به دوحه سفر کرد", "وارد پکن شد", "عازم مسکو شد";
    (first, last, country) of the place, or None."""
    words = analysis.words
    for index in range(1, len(words)):
        named = place_at(analysis, index)
        if named is None:
            continue
        geo, last = named
        before, after = words[index - 1], words[last : last + 4]
        if (before == _TO and _TRAVEL.intersection(after)) or (
            before in _ARRIVAL and last < len(words) and words[last] in _ARRIVAL_VERBS
        ):
            return index, last, geo.country
    return None
