"""Pass: the meeting words of each sentence."""

from ingest.doc import Doc
from ingest.triggers import find_triggers


def find_meeting_words(doc: Doc) -> Doc:
    doc.triggers = [find_triggers(sentence) for sentence in doc.sentences]
    return doc
