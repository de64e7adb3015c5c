"""Pass: the mentions of each sentence (places, organisations, titles, known people, honorifics), its
words with plural titles made singular, and where it starts after its lead-in."""

from ingest.doc import Doc
from ingest.mentions import read_mentions


def find_mentions(doc: Doc) -> Doc:
    doc.mentions = [read_mentions(sentence) for sentence in doc.sentences]
    return doc
