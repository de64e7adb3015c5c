"""Pass: the day each sentence gives the meetings it reports, and the day of a journey it dates
("قرار است X فردا به کابل سفر کند"), for the meetings on that journey later sentences tell."""

from datetime import date

from ingest.dates import TRAVEL_WORDS, meeting_date
from ingest.doc import Doc
from ingest.factuality import Clauses
from ingest.lexicon import one_word
from ingest.parties import SentenceParties
from ingest.sentence_meeting import SentenceMeeting
from ingest.triggers import Trigger, meeting_status

_THIS = one_word("this")
_MULTI_DAY = one_word("multi_day")


def date_meetings(doc: Doc) -> Doc:
    published = doc.article.published
    for readings in doc.readings:
        for reports in readings.distinct():
            _date_reports(reports, published)
    doc.trip_days = [
        _trip_day(analysis, clauses, published)
        for analysis, clauses in zip(doc.parties, doc.clauses, strict=True)
    ]
    return doc


def _date_reports(reports: list[SentenceMeeting], published: date | None) -> None:
    """Several meetings from different words of one sentence: each is dated by its own word; else by
    any of the sentence's meeting words."""
    own_word = len({found.trigger.first for found in reports}) > 1
    for found in reports:
        anchors = (found.trigger.first,) if own_word else tuple(trigger.first for trigger in found.triggers)
        planned = found.status == "planned"
        found.day = meeting_date(found.sentence, published, planned=planned, anchors=anchors)


def _trip_day(analysis: SentenceParties, clauses: Clauses, published: date | None) -> date | None:
    """The day of a journey a sentence dates: "قرار است X فردا به کابل سفر کند"."""
    words = analysis.words
    journey = next(
        (i for i, word in enumerate(words) if word in TRAVEL_WORDS and (i == 0 or words[i - 1] != _THIS)),
        None,
    )
    if journey is None or _MULTI_DAY in words:
        return None  # a trip of several days ("سفر دو روزه") dates none of its meetings
    trigger = Trigger(journey, journey + 1, "meeting")
    planned = meeting_status(clauses, trigger) == "planned"
    return meeting_date(analysis.sentence, published, planned=planned, anchors=(journey,))
