"""Pass: the mentions and party phrases of each sentence."""

from ingest.doc import Doc
from ingest.parties import SentenceParties


def find_parties(doc: Doc) -> Doc:
    doc.parties = [
        SentenceParties(sentence, triggers)
        for sentence, triggers in zip(doc.sentences, doc.triggers, strict=True)
    ]
    return doc
