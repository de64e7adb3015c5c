"""Pass: the events the article reports as news; an event of two parties the event model
(`ingest.event_model`) finds unlikely news goes."""

from ingest.doc import Doc
from ingest.event_model import is_news


def judge_events(doc: Doc) -> Doc:
    doc.events = [event for event in doc.events if is_news(doc, event)]
    return doc
