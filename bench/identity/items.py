"""What bench/identity writes: the annotated articles (dev, probe, train) and the multi-outlet event
clusters (bench/data/identity/events), each as its gold extraction or through the extractor.

An `Item` is one article with its gold (the guideline's JSON) and the extraction written for it: the
gold converted to the `Extraction` contract (identity alone: names as the gold gives them, an unnamed
party as the text leaves it), or what `ingest.pipeline.extract` makes of the article's text (end to end).
"""

import csv
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from bench.corpus_split import articles as split_articles
from bench.corpus_split import pool_items
from ingest.model import Article, Extraction, Meeting, Party, Place, Span

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SETS = {
    "dev": (SHARED / "eval" / "dev" / "gold", SHARED / "eval" / "dev" / "articles.jsonl"),
    "probe": (
        ROOT / "bench" / "data" / "probe" / "gold",
        ROOT / "bench" / "data" / "probe" / "articles.jsonl",
    ),
    "train": (ROOT / "bench" / "data" / "corpus" / "train" / "gold", None),  # texts: the pool
}
PERSONS = ROOT / "bench" / "data" / "identity" / "persons.tsv"
EVENTS = ROOT / "bench" / "data" / "identity" / "events"


@dataclass(frozen=True)
class Item:
    article: Article
    gold: dict[str, Any]
    extraction: Extraction

    @property
    def key(self) -> str:
        return self.article.key


def _party(gold: dict[str, Any]) -> Party:
    names = gold.get("names") or []
    name = max(names, key=len) if names else None
    return Party(name=name, role=gold.get("role"), country=gold.get("country"), org=gold.get("org"))


def _meeting(gold: dict[str, Any]) -> Meeting:
    place = gold.get("place") or None
    return Meeting(
        participants=[_party(p) for p in gold["participants"]],
        kind=gold.get("kind") or "in_person",
        status=gold.get("status") or "held",
        date=date.fromisoformat(gold["date"]) if gold.get("date") else None,
        place=Place(city=place.get("city"), country=place.get("country")) if place else None,
        topics=[],
        evidence=gold.get("evidence") or "",
        evidence_span=Span(start=0, end=0),
    )


def _item(key: str, gold: dict[str, Any]) -> Item:
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    article = Article(id=key, text=f"(gold {key})", published=published)  # one text each: no copies
    meetings = [_meeting(m) for m in gold.get("meetings", [])]
    return Item(article, gold, Extraction(id=key, meetings=meetings, extractor_version="gold", text=""))


def _oldest_first(items: Iterable[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (item.article.published or date.max, item.key))


def _gold_files(folder: Path) -> dict[str, dict[str, Any]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}


def set_items() -> list[Item]:
    """The annotated articles of dev, probe and train as gold extractions, oldest first; ids `SET:FILE`."""
    return _oldest_first(
        _item(f"{label}:{stem}", gold)
        for label, (folder, _) in SETS.items()
        for stem, gold in _gold_files(folder).items()
    )


def gold_items() -> list[tuple[Article, Extraction]]:
    """The sets as (article, gold extraction) pairs (bench/identity/propose_persons.py)."""
    return [(item.article, item.extraction) for item in set_items()]


def event_clusters() -> dict[str, str] | None:
    """item id -> its event cluster, from events/clusters.tsv; None when there is no such directory."""
    path = EVENTS / "clusters.tsv"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        return {row["item"]: row["cluster"] for row in csv.DictReader(handle, delimiter="\t")}


def event_items(clusters: dict[str, str]) -> list[Item]:
    """The clustered items with a gold file, as gold extractions, oldest first; ids are the pool's."""
    files = _gold_files(EVENTS / "gold")
    missing = sorted(set(clusters) - set(files))
    if missing:
        print(
            f"bench/identity: {len(missing)} clustered items have no gold file, e.g. {missing[0]}",
            file=sys.stderr,
        )
    return _oldest_first(_item(stem, gold) for stem, gold in files.items() if stem in clusters)


def _texts(items: list[Item]) -> dict[str, dict[str, Any]]:
    """Each item's article as the extract contract has it (title, text, published), by item key."""
    texts: dict[str, dict[str, Any]] = {}
    by_set: dict[str, list[str]] = {}
    for item in items:
        label, _, stem = item.key.rpartition(":")
        by_set.setdefault(label, []).append(stem)
    for label, stems in by_set.items():
        if label in ("dev", "probe"):
            path = SETS[label][1]
            assert path is not None
            lines = path.read_text(encoding="utf-8").splitlines()
            found = {row["id"]: row for row in map(json.loads, filter(str.strip, lines))}
        elif label == "train":
            found = {row["id"]: row for row in split_articles("train")}
        else:  # event items: the pool by id
            wanted = set(stems)
            found = {row["id"]: row for row in pool_items() if row["id"] in wanted}
        for stem in stems:
            texts[f"{label}:{stem}" if label else stem] = found[stem]
    return texts


def extracted(items: list[Item]) -> list[Item]:
    """The same articles through the extractor (as `didar extract` runs it), their texts from the
    sets' articles or the pool; gold stays for scoring."""
    from ingest.pipeline import extract  # loads the lexicons and the name tagger

    texts = _texts(items)
    done = []
    for item in items:
        row = texts[item.key]
        article = Article.model_validate({**row, "id": item.key})
        article = article.model_copy(update={"published": article.published or item.article.published})
        done.append(replace(item, article=article, extraction=extract(article)))
    return done
