"""Where articles come from: files, directories, web pages and RSS/Atom feeds.

Every reader yields `Located` (an article and where it came from) or `Problem` (what could not be read,
and why) and never raises on bad input, so one bad line or page never stops a long ingest.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path

from worker.sources.base import Item, Located, Problem
from worker.sources.files import count_files, read_files
from worker.sources.web import Fetcher, is_url, read_feed, read_url


def read_sources(sources: Iterable[str], fetcher: Fetcher) -> Iterator[Item]:
    """Every article of every source (a path or an http(s) URL), in order."""
    for source in sources:
        if is_url(source):
            yield from read_url(source, fetcher)
        else:
            yield from read_files(
                [Path(source)], read_feed=lambda data, origin: read_feed(data, origin, fetcher)
            )


def count_sources(sources: Iterable[str]) -> int | None:
    """How many items `read_sources` will yield, or None when a URL or feed makes it unknown."""
    sources = list(sources)
    if any(is_url(source) for source in sources):
        return None
    return count_files(Path(source) for source in sources)


__all__ = ["Fetcher", "Item", "Located", "Problem", "count_sources", "read_sources"]
