"""Trains the person-name tagger of `ingest.names` from gold files with a `persons` layer.

`didar train` runs `train(config)`; the config (`ingest/models/names.json`) names the data and the
CRF's parameters, so the model file is rebuilt the same way from the same data. Items come from the
raw pool by the ids of an annotated split, or from a JSONL of articles; an item is used only where its
gold file has a `persons` layer (a tagger that saw only participants would learn that other names are
not names).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from ingest.crf import fit
from ingest.gazetteer import phrase_key
from ingest.names import BEGIN, INSIDE, OUTSIDE, features, spans, tag
from ingest.normalize import normalize
from ingest.segment import split_sentences


@dataclass(frozen=True)
class Labelled:
    words: tuple[str, ...]
    labels: tuple[str, ...]


def name_keys(gold: dict) -> list[tuple[str, ...]]:
    """Every written form of every person, as token tuples, longest first."""
    forms = {form for person in gold.get("persons", []) for form in person.get("names", [])}
    for meeting in gold.get("meetings", []):
        for party in meeting.get("participants", []):
            forms.update(party.get("names") or [])
    keys = {phrase_key(form) for form in forms}
    # Longest first; equal lengths in a fixed order (a set's order changes with the process's hash seed,
    # and which of two overlapping forms labels a word must not).
    return sorted((key for key in keys if key), key=lambda key: (-len(key), key))


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
    return fit(
        config_path,
        root,
        model_path,
        layer="persons",
        sequences=lambda article, gold: ((features(r.words), list(r.labels)) for r in label(article, gold)),
        unit="sentences",
        evaluate=evaluate,
    )


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
