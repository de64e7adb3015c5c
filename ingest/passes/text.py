"""Pass: the normalised text of the article, title line first."""

from ingest.doc import Doc
from ingest.normalize import normalize


def normalize_text(doc: Doc) -> Doc:
    doc.text = normalize(f"{doc.article.title or ''}\n{doc.article.text}")
    return doc
