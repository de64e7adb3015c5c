"""The annotated items a model trains on: an (article, gold) pair per item of a configured source (a JSONL
of articles, or the raw pool by the ids of an annotated split, and a folder of gold files)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path


def jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _golds(folder: Path) -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))}


def load_source(source: dict, root: Path, layer: str = "persons") -> list[tuple[dict, dict]]:
    """(article, gold) pairs of one configured source, in a stable order, where the gold has `layer`;
    with a `draw`, only the items the split had drawn at that size (the sample grows by prefixes of a
    fixed order, so a model stays reproducible after more items are annotated)."""
    golds = {key: gold for key, gold in _golds(root / source["gold"]).items() if layer in gold}
    if "draw" in source:
        drawn = _drawn(root / source["ids"], source["draw"])
        golds = {key: gold for key, gold in golds.items() if key in drawn}
    articles = (item for item in jsonl(root / source["articles"]) if item["id"] in golds)
    return sorted(((item, golds[item["id"]]) for item in articles), key=lambda pair: pair[0]["id"])


def _drawn(ids: Path, draw: dict[str, int]) -> set[str]:
    """The ids of an ids.tsv (id, stratum, rank, ...) whose rank in its stratum is under `draw`."""
    rows = (line.split("\t") for line in ids.read_text(encoding="utf-8").splitlines()[1:] if line)
    return {row[0] for row in rows if int(row[2]) < draw.get(row[1], 0)}
