"""Trains the person-name tagger of `ingest.names` from gold files with a `persons` layer.

`didar train` runs `train(config)`; the config (`ingest/models/names.json`) names the data and the
CRF's parameters, so the model file is rebuilt the same way from the same data. Items come from the
raw pool by the ids of an annotated split, or from a JSONL of articles; an item is used only where its
gold file has a `persons` layer (a tagger that saw only participants would learn that other names are
not names).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from ingest.gazetteer import phrase_key
from ingest.names import BEGIN, INSIDE, OUTSIDE, features, spans, tag
from ingest.normalize import normalize
from ingest.segment import split_sentences


@dataclass(frozen=True)
class Labelled:
    words: tuple[str, ...]
    labels: tuple[str, ...]


def _jsonl(path: Path) -> Iterator[dict]:
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
    articles = (item for item in _jsonl(root / source["articles"]) if item["id"] in golds)
    return sorted(((item, golds[item["id"]]) for item in articles), key=lambda pair: pair[0]["id"])


def _drawn(ids: Path, draw: dict[str, int]) -> set[str]:
    """The ids of an ids.tsv (id, stratum, rank, ...) whose rank in its stratum is under `draw`."""
    rows = (line.split("\t") for line in ids.read_text(encoding="utf-8").splitlines()[1:] if line)
    return {row[0] for row in rows if int(row[2]) < draw.get(row[1], 0)}


def name_keys(gold: dict) -> list[tuple[str, ...]]:
    """Every written form of every person, as token tuples, longest first."""
    forms = {form for person in gold.get("persons", []) for form in person.get("names", [])}
    for meeting in gold.get("meetings", []):
        for party in meeting.get("participants", []):
            forms.update(party.get("names") or [])
    keys = {phrase_key(form) for form in forms}
    return sorted((key for key in keys if key), key=len, reverse=True)


def label(article: dict, gold: dict) -> list[Labelled]:
    """The article's sentences with every occurrence of a gold name form marked B/I."""
    text = normalize(f"{article.get('title') or ''}\n{article.get('text') or ''}")
    keys = name_keys(gold)
    result = []
    for sentence in split_sentences(text):
        words = sentence.words
        labels = [OUTSIDE] * len(words)
        for key in keys:
            for start in range(len(words) - len(key) + 1):
                end = start + len(key)
                if tuple(words[start:end]) == key and all(lab == OUTSIDE for lab in labels[start:end]):
                    labels[start] = BEGIN
                    labels[start + 1 : end] = [INSIDE] * (len(key) - 1)
        result.append(Labelled(words, tuple(labels)))
    return result


def train(config_path: Path, root: Path, model_path: Path) -> dict[str, object]:
    """Train on the config's `train` sources; report span P/R/F1 on its `evaluate` sources."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(config["crf"])
    sentences = 0
    items = 0
    for source in config["train"]:
        for article, gold in load_source(source, root):
            items += 1
            for row in label(article, gold):
                trainer.append(features(row.words), list(row.labels))
                sentences += 1
    if not sentences:
        raise SystemExit(f"{config_path}: no training item has a persons layer")
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    report: dict[str, object] = {"items": items, "sentences": sentences}
    for source in config.get("evaluate", []):
        report[source["name"]] = evaluate(load_source(source, root), model_path)
    return report


def evaluate(pairs: list[tuple[dict, dict]], model_path: Path | None = None) -> dict:
    """Exact-span precision, recall and F1 of predicted names against gold occurrences."""
    tagger = None
    if model_path is not None:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
    tp = fp = fn = 0
    for article, gold in pairs:
        for row in label(article, gold):
            if not row.words:
                continue
            predicted = tagger.tag(features(row.words)) if tagger else tag(row.words)
            found, wanted = set(spans(predicted)), set(spans(row.labels))
            tp += len(found & wanted)
            fp += len(found - wanted)
            fn += len(wanted - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "items": len(pairs),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "names": tp + fn,
    }
