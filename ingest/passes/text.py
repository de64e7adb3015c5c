"""Pass: the normalised text of the article, title line first."""

from ingest.doc import Doc
from ingest.normalize import normalize

# Shorter titles ("گزارش", "خبر فوری") recur inside ordinary sentences.
_MIN_TITLE = 15


def normalize_text(doc: Doc) -> Doc:
    title = (doc.article.title or "").strip()
    doc.text = normalize(f"{title}\n{_unglue_title(title, doc.article.text)}")
    return doc


def _unglue_title(title: str, text: str) -> str:
    """The body with its repeated headline ended by a line break where a page's markup had run the
    headline into the lead ("روحانی وارد توکیو شدبه گزارش فارس، ..."): the lead, where the meeting is
    told, is a sentence of its own again."""
    if len(title) < _MIN_TITLE:
        return text
    at = text.find(title)
    end = at + len(title)
    if at < 0 or end >= len(text) or not text[end].isalpha():
        return text
    return f"{text[:end]}\n{text[end:]}"
