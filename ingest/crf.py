"""The extractor's CRF models (python-crfsuite): a shipped model loaded once, and a model trained from a
config (`ingest/models/*.json`: the CRF's parameters, the sources to train on and to evaluate on)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ingest.training_data import load_source

# One training sequence: a feature list per item, a label per item.
Sequence = tuple[list[list[str]], list[str]]


@cache
def shipped(model: str) -> pycrfsuite.Tagger:
    """The model file `model` of the package (`models/...`), opened once."""
    tagger = pycrfsuite.Tagger()
    path = resources.files("ingest").joinpath(model)
    with resources.as_file(path) as file:
        tagger.open(str(file))
    return tagger


def fit(
    config_path: Path,
    root: Path,
    model_path: Path,
    *,
    layer: str,
    sequences: Callable[[dict, dict], Iterable[Sequence]],
    unit: str,
    evaluate: Callable[[list[tuple[dict, dict]], Path], dict],
) -> dict[str, object]:
    """Train on the config's `train` sources (the items whose gold has `layer`, each giving its
    `sequences`); report the items, the sequences (`unit`) and `evaluate` on each `evaluate` source."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(config["crf"])
    items = count = 0
    for source in config["train"]:
        for article, gold in load_source(source, root, layer=layer):
            items += 1
            for found, labels in sequences(article, gold):
                trainer.append(found, labels)
                count += 1
    if not count:
        raise SystemExit(f"{config_path}: no {unit} in the training items (gold with a {layer} layer)")
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    report: dict[str, object] = {"items": items, unit: count}
    for source in config.get("evaluate", []):
        report[source["name"]] = evaluate(load_source(source, root, layer=layer), model_path)
    return report
