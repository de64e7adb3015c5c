"""Pass: the events the article reports as news; an event of two parties the event model
(`ingest.event_model`) finds unlikely news goes, and so does an interview."""

from ingest.doc import Doc, Event
from ingest.event_model import is_news
from ingest.lexicon import word_class
from ingest.resolve import Party

_CONVERSATION = word_class("conversation_head")


def judge_events(doc: Doc) -> Doc:
    doc.events = [event for event in doc.events if is_news(doc, event) and not interview(event)]
    return doc


def interview(event: Event) -> bool:
    """ "ترامپ در گفت‌وگو با هیو هیویت گفت": a conversation of an official with a named person the
    article gives no title, office or organisation, and the knowledge base does not know, is an
    interview (GUIDELINE: statements and interviews are no meetings). Negotiations and consultations
    ("مذاکره", "رایزنی") are never one, nor is a call ("گفت‌وگوی تلفنی" with a general the text names
    by his rank)."""
    if len(event.parties) != 2 or event.kind != "in_person":
        return False
    if not all(report.analysis.words[report.trigger.first] in _CONVERSATION for report in event.reports):
        return False
    first, second = event.parties
    return (_private(first) and _official(second)) or (_private(second) and _official(first))


def _official(party: Party) -> bool:
    return bool(party.role or party.person or party.org_id or party.group)


def _private(party: Party) -> bool:
    return bool(party.name) and not _official(party)
