"""Pass: in foreign news, an official the text gives no state is the reported state's, not the outlet's.

An Iranian outlet's "وزیر جنگ" beside Netanyahu, or its "وزیر امور خارجه" beside al-Sisi, is Israel's and
Egypt's: where the article names states and none is the outlet's (`Doc.foreign_state`), an event whose
subject is a person the text names of that state takes its untitled partners into that state, with the
knowledge base's holder there. A visit's host stays the outlet's: the untitled subject of "دیدار X با Y",
or the partner of a delegation (no named person). After the judging pass, so the event model reads what
it was trained on.
"""

from datetime import date

from ingest.doc import Doc, Event
from ingest.knowledge import knowledge
from ingest.resolve import Party


def place_foreign_officials(doc: Doc) -> Doc:
    state = doc.foreign_state
    if state is not None:
        for event in doc.events:
            if _led_by_a_person_of(event, state):
                for party in event.parties[1:]:
                    if party.home_by_default:
                        _move(party, state, doc.article.published)
    return doc


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
