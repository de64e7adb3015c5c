"""Pass: an official the text gives no state is the outlet's by default; where the article says whose he is
otherwise, he is that state's.

- A speaker's colon naming one state before the meeting word: "وزارت امور خارجه قطر: نخست‌وزیر و وزیر
  امور خارجه در تماسی با ..." speaks of Qatar's officials.
- Foreign news (`Doc.foreign_state`: the article names states, none of them the outlet's): an event whose
  subject is a person the text names of the reported state takes its untitled partners into that state.
  An Iranian outlet's "وزیر جنگ" beside Netanyahu is Israel's, its "وزیر امور خارجه" beside al-Sisi
  Egypt's. A visit's host stays the outlet's: the untitled subject of "دیدار X با Y", or the partner of a
  delegation (no named person).

A party moved takes the knowledge base's holder in its new state. After the judging pass, so the event model
reads what it was trained on.
"""

from datetime import date

from ingest.doc import Doc, Event
from ingest.knowledge import knowledge
from ingest.lexicon import one_word
from ingest.resolve import Party

_COLON = one_word("colon")


def place_foreign_officials(doc: Doc) -> Doc:
    state = doc.foreign_state
    for event in doc.events:
        speaker = _speakers_state(event)
        if speaker is not None:
            movable = event.parties
        elif state is not None and _led_by_a_person_of(event, state):
            speaker, movable = state, event.parties[1:]
        else:
            continue
        for party in movable:
            if party.home_by_default:
                _move(party, speaker, doc.article.published)
    return doc


def _speakers_state(event: Event) -> str | None:
    """ "وزارت امور خارجه قطر: نخست‌وزیر و وزیر امور خارجه در تماسی با ...": the one state a speaker's
    colon before the meeting word names is the state of the officials it leaves untitled."""
    states = set()
    for report in event.reports:
        words = report.analysis.words
        if _COLON not in words[: report.trigger.first]:
            continue
        colon = words.index(_COLON)
        states |= {m.geo.country for m in report.analysis.mentions if m.geo and m.last <= colon}
        states |= {p.country for p in report.analysis.parties if p.country and p.last <= colon}
    return next(iter(states)) if len(states) == 1 else None


def _led_by_a_person_of(event: Event, state: str) -> bool:
    """The event's subject is a person the text names, of that state: "نتانیاهو با وزیر جنگ ...". Its
    partners, untitled, are his state's; "دیدار وزیر امور خارجه با عاصم منیر" has the untitled official
    for its subject, the visit's host."""
    lead = event.parties[0] if event.parties else None
    return bool(
        lead
        and lead.name
        and lead.name_source != "knowledge_base"
        and lead.country == state
        and not lead.group
    )


def _move(party: Party, state: str, day: date | None) -> None:
    party.country, party.home_by_default = state, False
    if party.name_source != "knowledge_base":
        return
    holder = knowledge().holder(party.title_id, state, day) if party.title_id and day else None
    party.name, party.person = (holder.name_fa, holder) if holder else (None, None)
    party.name_source = "knowledge_base" if holder else None
