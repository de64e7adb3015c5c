"""Pass: where a meeting on a journey took place, when its sentences set it in no place of their own: the
journey's destination. "X در نخستین سفر خود به عراق با Y دیدار کرد", "X به دوحه سفر کرد و با Y دیدار کرد",
and a later sentence's "در این سفر با Z دیدار کرد" for the journey the article told before it.

After the judging pass, so the event model reads what it was trained on (whether an event has a place is
one of its features)."""

from ingest.doc import Doc, Event
from ingest.lexicon import phrases
from ingest.model import Place
from ingest.parties import SentenceParties
from ingest.placenames import Destination, destinations
from ingest.places import named_place

_AFTER = phrases("after")
_BEFORE = phrases("before")
_THIS_TRIP = phrases("this_trip")
_ORDER_REACH = 3  # "پس از دیدار", "بعد از این دیدار": how near "after" / "before" stands to a meeting word


def place_journeys(doc: Doc) -> Doc:
    journeys = [[d for d in destinations(analysis) if not d.told_before] for analysis in doc.parties]
    for event in doc.events:
        if event.place is None and event.kind == "in_person":
            event.place = _journey_place(event, doc.parties, journeys)
    return doc


def _journey_place(
    event: Event, analyses: list[SentenceParties], journeys: list[list[Destination]]
) -> Place | None:
    """The destination of the journey a report of the event tells before its meeting word, else of the
    journey told last before a report that says "در این سفر"."""
    for report in event.reports:
        index, trigger = report.sentence.index, report.trigger.first
        words = analyses[index].words
        if _ordered(words, trigger):
            continue
        before = [journey for journey in journeys[index] if journey.first < trigger]
        if before:
            return _place(analyses[index], before[-1])
        told = [(at, sentence[-1]) for at, sentence in enumerate(journeys[:index]) if sentence]
        if told and _on_this_trip(words):
            at, journey = told[-1]
            return _place(analyses[at], journey)
    return None


def _ordered(words: list[str], trigger: int) -> bool:
    """ "پس از دیدار با X به مسکو سفر کرد", "این سفر بعد از دیدار X با Y است": a meeting told as before or
    after something else is not on the journey ("پس از سفری به پاکستان و دیدار با ..." is)."""
    return any(
        tuple(words[i : i + 2]) in _AFTER | _BEFORE for i in range(max(0, trigger - _ORDER_REACH), trigger)
    )


def _on_this_trip(words: list[str]) -> bool:
    return any(tuple(words[i : i + 2]) in _THIS_TRIP for i in range(len(words) - 1))


def _place(analysis: SentenceParties, journey: Destination) -> Place:
    return named_place(analysis, journey.first, journey.geo, journey.last)
