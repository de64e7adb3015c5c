"""Where a meeting took place: a city the sentence puts it in, else a country it is held in."""

from ingest.meetings import SentenceMeeting
from ingest.mentions import Kind
from ingest.model import Place

_LOCATIVE = {"در", "به", "وارد", "از"}


def meeting_place(found: SentenceMeeting) -> Place | None:
    analysis = found.analysis
    inside_parties = {i for p in analysis.parties for i in range(p.first, p.last)}
    words = analysis.words
    for mention in analysis.mentions:
        geo = mention.geo
        if mention.kind is not Kind.GEO or geo is None or geo.city is None:
            continue
        if mention.first > 0 and words[mention.first - 1] in _LOCATIVE:
            return Place(city=analysis.span_text(mention.first, mention.last), city_en=geo.city_en, country=geo.country)
    for mention in analysis.mentions:
        geo = mention.geo
        if mention.kind is not Kind.GEO or geo is None or geo.adjective or mention.first in inside_parties:
            continue
        if mention.first > 0 and words[mention.first - 1] == "در":
            return Place(country=geo.country)
    return None
