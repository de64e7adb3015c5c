"""An article from a web page: its main text and metadata (title, date, site) found by trafilatura."""

from typing import Any
from urllib.parse import urlsplit

import trafilatura

from worker.sources.base import Item, Problem, as_article

ZWNJ = "\u200c"
# trafilatura drops every non-printable character, ZWNJ included, which would glue Persian words
# together (گفت‌وگو -> گفتوگو): it travels through as a printable stand-in that Persian text never uses.
ZWNJ_STAND_IN = "\u2e3b"


def _restore(text: str | None) -> str | None:
    return text.replace(ZWNJ_STAND_IN, ZWNJ).strip() if text else None


def article_from_html(
    page: str, *, url: str | None, origin: str, fallback: dict[str, Any] | None = None
) -> Item:
    """The article a page carries; `fallback` (e.g. a feed entry's title and date) fills what the page
    lacks. A page without article text is a Problem."""
    document = trafilatura.bare_extraction(
        page.replace(ZWNJ, ZWNJ_STAND_IN),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    text = _restore(getattr(document, "text", None))
    if not text:
        return Problem(origin, "no article text found in the page")
    title = _restore(getattr(document, "title", None))
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest.strip()  # the headline repeated as the body's first line
    fields = dict(fallback or {})
    fields.update(
        {
            key: value
            for key, value in (("title", title), ("published", getattr(document, "date", None)))
            if value
        }
    )
    fields["text"] = text
    fields["url"] = url
    site = getattr(document, "sitename", None) or (urlsplit(url).hostname if url else None)
    fields.setdefault("source", site)
    return as_article(fields, origin)
