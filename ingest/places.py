"""Where a meeting took place: a city the sentence puts it in, else a country it is held in."""

from ingest.knowledge import knowledge
from ingest.meetings import SentenceMeeting
from ingest.mentions import Kind
from ingest.model import Place

_LOCATIVE = {"در", "به", "وارد", "عازم"}
_SITUATIONS = {
    "آتش‌بس",
    "بس",
    "تحولات",
    "اوضاع",
    "جنگ",
    "بحران",
    "امنیت",
    "ثبات",
    "صلح",
    "حملات",
    "نقض",
    "حضور",
}


def meeting_place(found: SentenceMeeting) -> Place | None:
    analysis = found.analysis
    words = analysis.words
    inside_parties = {i for p in analysis.parties for i in range(p.first, p.last)}
    after_locative = [i + 1 for i, word in enumerate(words[:-1]) if word in _LOCATIVE]
    for index in after_locative:
        mention = analysis.mention_at.get(index)
        geo, last = (mention.geo, mention.last) if mention and mention.kind is Kind.GEO else (None, index)
        if geo is None and index not in analysis.covered:
            match = knowledge().ambiguous_cities.match_at(words, index)
            geo, last = (match.value, match.last) if match else (None, index)
        if geo is not None and geo.city is not None:
            return Place(city=analysis.span_text(index, last), city_en=geo.city_en, country=geo.country)
    # A country is a place only where the sentence sets the meeting in it, before the meeting word:
    # "در حاشیه نشست ... در قرقیزستان با ... دیدار کرد", not "درباره آتش‌بس در لبنان".
    for index in after_locative:
        mention = analysis.mention_at.get(index)
        geo = mention.geo if mention and mention.kind is Kind.GEO else None
        if (
            geo is not None
            and not geo.adjective
            and index not in inside_parties
            and words[index - 1] == "در"
            and index < found.trigger.first
            and (index < 2 or words[index - 2] not in _SITUATIONS)
        ):
            return Place(country=geo.country)
    return None
