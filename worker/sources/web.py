"""Articles from the web: a page URL (its article), a feed URL or document (each entry's page fetched)."""

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import feedparser
import httpx

from worker.sources.base import Item, Problem
from worker.sources.html import article_from_html

log = logging.getLogger(__name__)

USER_AGENT = "didar/0.1 (+https://github.com/didar; diplomatic meetings from the news)"
FEED_TYPES = ("rss", "atom", "xml")


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class FetchError(Exception):
    """A URL that did not give a page: unreachable, timed out, or answered with an error status."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    content: bytes
    text: str
    content_type: str
    etag: str | None
    modified: str | None
    not_modified: bool = False


class Fetcher:
    """One HTTP client (connection reuse, timeouts, redirects) for every page and feed of a run."""

    def __init__(self, *, timeout: float = 15.0) -> None:
        self.client = httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}, trust_env=False
        )

    def get(self, url: str, *, etag: str | None = None, modified: str | None = None) -> Page:
        """GET a URL (conditionally, given a previous ETag / Last-Modified); FetchError if it fails."""
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
        try:
            response = self.client.get(url, headers=headers)
        except httpx.HTTPError as error:
            raise FetchError(f"{type(error).__name__}: {error}") from error
        if response.status_code == 304:
            return Page(url, b"", "", "", etag, modified, not_modified=True)
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code}")
        return Page(
            url=str(response.url),
            content=response.content,
            text=response.text,
            content_type=response.headers.get("content-type", "").lower(),
            etag=response.headers.get("etag"),
            modified=response.headers.get("last-modified"),
        )

    def close(self) -> None:
        self.client.close()


def looks_like_feed(page: Page) -> bool:
    if any(kind in page.content_type for kind in FEED_TYPES) and "html" not in page.content_type:
        return True
    head = page.content[:512].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed")) and b"<html" not in head


def read_url(url: str, fetcher: Fetcher) -> Iterator[Item]:
    """A page's article, or every entry of a feed."""
    try:
        page = fetcher.get(url)
    except FetchError as error:
        yield Problem(url, str(error))
        return
    if looks_like_feed(page):
        yield from read_feed(page.content, url, fetcher)
    else:
        yield article_from_html(page.text, url=page.url, origin=url)


def entry_link(entry: Any) -> str | None:
    link = entry.get("link")
    return str(link) if link else None


def entry_fields(entry: Any) -> dict[str, Any]:
    """What a feed entry says of its article, used where the page says nothing."""
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "title": entry.get("title") or None,
        "published": f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}"
        if published
        else None,
    }


def parse_feed(content: bytes, origin: str) -> list[Any] | Problem:
    """The entries of a feed document, or a Problem when it is not a feed."""
    parsed = feedparser.parse(content)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom entries"
        return Problem(origin, f"not a feed: {reason}")
    return list(parsed.entries)


def read_entry(entry: Any, fetcher: Fetcher, origin: str) -> Item:
    """Fetch an entry's page and read its article (the entry's title and date fill in)."""
    link = entry_link(entry)
    if not link:
        return Problem(origin, f"a feed entry without a link ({entry.get('title', 'untitled')})")
    try:
        page = fetcher.get(link)
    except FetchError as error:
        return Problem(link, str(error))
    return article_from_html(page.text, url=link, origin=link, fallback=entry_fields(entry))


def read_feed(content: bytes, origin: str, fetcher: Fetcher) -> Iterator[Item]:
    """Every entry of a feed document as an article (or problem), in feed order."""
    entries = parse_feed(content, origin)
    if isinstance(entries, Problem):
        yield entries
        return
    for entry in entries:
        yield read_entry(entry, fetcher, origin)
