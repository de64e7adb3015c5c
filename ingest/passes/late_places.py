"""Pass: a call is held nowhere (the gold of every set gives none; "X در تهران در تماس تلفنی با Y" is
where the caller was). A meeting in person that the sentence's own place rules (the places pass) set
nowhere is held in the city its meeting word names ("در آغاز مذاکرات ژنو"), where the summit on whose
sidelines it was is ("در حاشیه نشست گروه هفت در فرانسه"), else where the journey it is on goes: one its
sentence tells before the meeting word ("X در نخستین سفر خود به عراق با Y دیدار کرد"), or the one told
last before a sentence that says "در این سفر".

After the judging pass, so the event model reads what it was trained on (whether an event has a place is
one of its features)."""

from ingest.doc import Doc, Event
from ingest.lexicon import one_word, phrases, word_class
from ingest.model import Place
from ingest.parties import SentenceParties
from ingest.placenames import Destination, destinations, place_at
from ingest.places import named_place
from ingest.segment import is_punctuation
from ingest.triggers import Trigger

_AFTER = phrases("after")
_BEFORE = phrases("before")
_THIS_TRIP = phrases("this_trip")
_MARGIN = word_class("venue_margin")
_MEETING_NOUNS = word_class("meeting_noun")
_HELD_KINDS = ("talk", "session")  # triggers.tsv's kinds that are meetings held, not documents signed
_IN = one_word("locative")
_SUMMIT_REACH = 10  # "در حاشیه چهاردهمین نشست بین‌المللی امنیت در مسکو": how far the summit's place may stand
_ORDER_REACH = 3  # "پس از دیدار", "بعد از این دیدار": how near "after" / "before" stands to a meeting word


def place_remaining_meetings(doc: Doc) -> Doc:
    journeys = _Journeys(doc.parties)
    for event in doc.events:
        if event.kind != "in_person":
            event.place = None  # a call is held nowhere: "X در تهران در تماس تلفنی با Y" places the caller
        elif event.place is None:
            event.place = (
                _named_by_meeting(event) or _sidelines(event) or _journey_place(event, doc.parties, journeys)
            )
    return doc


def _named_by_meeting(event: Event) -> Place | None:
    """ "در آغاز مذاکرات ژنو", "در نشست دوحه": a city right after a meeting word is where it is held."""
    for report in event.reports:
        analysis = report.analysis
        for trigger in report.triggers:
            if not _names_a_meeting(analysis.words, trigger):
                continue  # "تفاهم‌نامه اسلام‌آباد", "بیانیه ژنو": a document named for where it was signed
            after = trigger.last
            named = place_at(analysis, after) if after < len(analysis.words) else None
            if named is not None and named[0].city is not None:
                return named_place(analysis, after, *named)
    return None


def _names_a_meeting(words: list[str], trigger: Trigger) -> bool:
    return trigger.kind in _HELD_KINDS or words[trigger.first] in _MEETING_NOUNS


def _sidelines(event: Event) -> Place | None:
    """ "در دیدار با X در حاشیه نشست گروه هفت در فرانسه": the place a summit is held in, after "در حاشیه"."""
    for report in event.reports:
        analysis = report.analysis
        words = analysis.words
        for margin in range(1, len(words)):
            if words[margin] not in _MARGIN or words[margin - 1] != _IN:
                continue
            for index in range(margin + 2, min(len(words), margin + _SUMMIT_REACH)):
                if is_punctuation(words[index - 1]):
                    break
                named = place_at(analysis, index) if words[index - 1] == _IN else None
                if named is not None:
                    return named_place(analysis, index, *named)
    return None


class _Journeys:
    """The journeys each sentence tells (not those told as coming after), read when first asked for."""

    def __init__(self, analyses: list[SentenceParties]) -> None:
        self.analyses = analyses
        self.read: dict[int, list[Destination]] = {}

    def __getitem__(self, index: int) -> list[Destination]:
        if index not in self.read:
            self.read[index] = [d for d in destinations(self.analyses[index]) if not d.told_before]
        return self.read[index]


def _journey_place(event: Event, analyses: list[SentenceParties], journeys: _Journeys) -> Place | None:
    """The destination of the journey a report of the event tells before its meeting word, else of the
    journey told last before a report that says "در این سفر"."""
    for report in event.reports:
        index, trigger = report.sentence.index, report.trigger.first
        words = analyses[index].words
        if _ordered(words, trigger):
            continue
        on_it = [journey for journey in journeys[index] if journey.first < trigger]  # "در سفر به عراق با X"
        if on_it:
            return _place(analyses[index], on_it[-1])
        if _on_this_trip(words):
            told = next((at for at in range(index - 1, -1, -1) if journeys[at]), None)
            if told is not None:
                return _place(analyses[told], journeys[told][-1])
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
