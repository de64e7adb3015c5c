"""Pass: the clauses of each sentence, as the factuality reader cuts them (ingest/factuality.py)."""

from ingest.doc import Doc
from ingest.factuality import Clauses


def cut_clauses(doc: Doc) -> Doc:
    doc.clauses = [Clauses(sentence) for sentence in doc.sentences]
    return doc
