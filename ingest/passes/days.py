"""Pass: a day for the candidate events whose sentences write none, from what the sentences around them
tell: "صبح همان روز" and "سپس" (the day of the meeting before), "در این سفر" (the day of the journey the
article dated), and a later sentence that dates the meeting just told ("این نشست قرار است روز جمعه
برگزار شود")."""

from datetime import date

from ingest.dates import meeting_date
from ingest.doc import Doc, Event
from ingest.lexicon import one_word, phrases, word_class
from ingest.meeting_context import meeting_referred_to
from ingest.parties import SentenceParties
from ingest.sentence_meeting import SentenceMeeting

_MEETING_NOUNS = word_class("meeting_noun")
_DEMONSTRATIVES = word_class("demonstrative")
_MULTI_DAY = one_word("multi_day")
_HELD_WORDS = word_class("held_noun")
_SEQUENCE = word_class("sequence_adverb")
_AFTER = phrases("after")
_SAME_DAY = phrases("same_day")
_THIS_TRIP = phrases("this_trip")


def date_from_context(doc: Doc) -> Doc:
    """The candidates in text order, each dated from the ones before it, as the candidates pass made
    them: a sentence read as the article's first report when no candidate came before it."""
    made: dict[int, list[Event]] = {}
    for event in doc.candidates:
        made.setdefault(event.reports[0].sentence.index, []).append(event)
    earlier: list[Event] = []
    trip_day: date | None = None
    for analysis, readings, day in zip(doc.parties, doc.readings, doc.trip_days, strict=True):
        trip_day = day or trip_day
        reports = readings.reports(told_before=bool(earlier))
        for event in made.get(analysis.sentence.index, []):
            _date_from_context(event, analysis, event.reports[0], earlier, trip_day)
            earlier.append(event)
        if not reports and earlier and earlier[-1].day is None:
            earlier[-1].day = _day_told_later(analysis, earlier[-1], doc.article.published)
    return doc


def _date_from_context(
    event: Event,
    analysis: SentenceParties,
    found: SentenceMeeting,
    events: list[Event],
    trip_day: date | None,
) -> None:
    """A day the sentence does not write, from the reports before it."""
    if event.day is None and events and _same_day_as_before(analysis.words):
        event.day = events[-1].day  # "صبح همان روز": the day of the meeting told before
    if event.day is None and event.status == "held" and events and _next_in_sequence(analysis, found):
        event.day = events[-1].day  # "سپس با X دیدار کرد": the day of the meeting before
    if event.day is None and _on_this_trip(analysis.words):
        event.day = trip_day  # "X فردا به کابل سفر می‌کند ... در این سفر با Y": the trip's day


def _next_in_sequence(analysis: SentenceParties, found: SentenceMeeting) -> bool:
    """ "سپس با X دیدار کرد", "پس از این دیدار با X گفت‌وگو کرد": next on the same day."""
    words = analysis.words[: found.trigger.first]
    return not _SEQUENCE.isdisjoint(words) or any(
        tuple(words[i : i + 2]) in _AFTER
        and words[i + 2] in _DEMONSTRATIVES
        and words[i + 3] in _MEETING_NOUNS
        for i in range(len(words) - 3)
    )


def _same_day_as_before(words: list[str]) -> bool:
    return any(tuple(words[i : i + 2]) in _SAME_DAY for i in range(len(words) - 1))


def _on_this_trip(words: list[str]) -> bool:
    """ "در این سفر با X دیدار خواهد کرد"; not "در این سفر دو روزه", which spans several days."""
    return _MULTI_DAY not in words and any(
        tuple(words[i : i + 2]) in _THIS_TRIP for i in range(len(words) - 1)
    )


def _day_told_later(analysis: SentenceParties, event: Event, published: date | None) -> date | None:
    """ "این نشست قرار است روز جمعه برگزار شود": a later sentence dates the meeting just told."""
    words = analysis.words
    if not _HELD_WORDS.intersection(words):
        return None
    anaphora = meeting_referred_to(words)
    if anaphora is None:
        return None
    return meeting_date(
        analysis.sentence, published, planned=event.status == "planned", anchors=(anaphora + 1,)
    )
