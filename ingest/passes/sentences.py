"""Pass: the sentences of the normalised text, with their tokens."""

from ingest.doc import Doc
from ingest.segment import split_sentences


def split_into_sentences(doc: Doc) -> Doc:
    doc.sentences = split_sentences(doc.text)
    return doc
