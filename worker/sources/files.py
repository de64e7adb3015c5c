"""Articles from files: JSONL (one article a line), .txt (title line, then text), .html pages, feed
files (.xml/.rss/.atom, whose entries' pages are fetched), and directories of them, recursively."""

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from worker.sources.base import Item, Located, Problem, as_article, decode_text
from worker.sources.html import article_from_html

ARTICLE_SUFFIXES = (".jsonl", ".txt", ".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SUFFIXES = ARTICLE_SUFFIXES + FEED_SUFFIXES

# A feed document (bytes) and its origin in, its entries' articles out (see worker.sources.web).
FeedReader = Callable[[bytes, str], Iterator[Item]]


def input_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """The files to read: each file named, and every readable file under each directory, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif not path.exists():
            yield Problem(str(path), "no such file or directory")
        elif path.suffix.lower() not in SUFFIXES:
            yield Problem(str(path), f"not a {', '.join(SUFFIXES)} file")
        else:
            yield path


def read_jsonl(path: Path) -> Iterator[Item]:
    """One article per non-blank line: `{"id","title","text","published","url","source"}`, text required."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            line = decode_text(raw)
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                fields = json.loads(line)
            except json.JSONDecodeError as error:
                yield Problem(origin, f"invalid JSON: {error.msg} (column {error.colno})")
                continue
            yield as_article(fields, origin)


def read_txt(path: Path) -> Item:
    """A plain-text article: the first line is its title, the rest its text."""
    title, _, text = decode_text(path.read_bytes()).strip().partition("\n")
    return as_article({"title": title.strip() or None, "text": text.strip()}, str(path))


def read_html(path: Path) -> Item:
    """A saved web page; its URL, if any, comes from the page's canonical link (trafilatura)."""
    return article_from_html(decode_text(path.read_bytes()), url=None, origin=str(path))


def read_files(paths: Iterable[Path], *, read_feed: FeedReader | None = None) -> Iterator[Item]:
    """Every article (or problem) in the given files and directories, in order."""
    for item in input_files(paths):
        if isinstance(item, Problem):
            yield item
        elif item.suffix == ".jsonl":
            yield from read_jsonl(item)
        elif item.suffix == ".txt":
            yield read_txt(item)
        elif item.suffix.lower() in (".html", ".htm"):
            yield read_html(item)
        elif read_feed is None:
            yield Problem(str(item), "feed files need the web (their entries' pages are fetched)")
        else:
            yield from read_feed(item.read_bytes(), str(item))


def count_files(paths: Iterable[Path]) -> int | None:
    """How many items `read_files` will yield, for a progress bar; None when a feed makes it unknown."""
    total = 0
    for item in input_files(paths):
        if isinstance(item, Path) and item.suffix == ".jsonl":
            with item.open(encoding="utf-8", errors="replace") as lines:
                total += sum(1 for line in lines if line.strip())
        elif isinstance(item, Path) and item.suffix.lower() in FEED_SUFFIXES:
            return None
        else:
            total += 1
    return total


__all__ = ["Located", "Problem", "count_files", "input_files", "read_files", "read_jsonl", "read_txt"]
