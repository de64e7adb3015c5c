#!/usr/bin/env python3
"""What the event model buys on text it has not seen, in seconds: k-fold cross-validation of the event
model alone over the annotated train split.

Each train item runs once through the pipeline with the judging pass's model left out (its interview rule
stays), keeping every event with the model's features, whether the model would judge it and whether a gold
meeting holds two of its parties (the model's label), and the contract's record of it. Then, for each
setting, one model per fold is trained on the other folds' events with the CRF parameters of
`ingest/models/events.json`, drops the held-out fold's judged events below the bar, and the kept records
are scored with the eval scorer's pairs over all of train, with the no-meeting items that keep a meeting
(false alarms). The first row keeps every event (no model).

    .venv/bin/python bench/event_cv.py                           # about 30 s on two cores
    .venv/bin/python bench/event_cv.py --threshold 0.2 --threshold 0.4 --judge two-party
    .venv/bin/python bench/event_cv.py --c1 1 --c1 3 --c2 0.3 --folds 6   # other CRF settings, other folds

Every combination of the repeated options is one row; `--c1` and `--c2` replace the config's L1 and L2
weights for that row (the config's when not given).

The name tagger is the shipped one, trained on these items, so the figures compare settings of the event
model with each other; `bench/crossval.py` (an hour of CPU) also retrains the tagger per fold. Needs
`../shared`, like `didar train`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zlib
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import quality  # noqa: E402
from ingest import event_model  # noqa: E402
from ingest.event_training import events, is_gold  # noqa: E402
from ingest.passes.judging import interview, judge_events  # noqa: E402
from ingest.pipeline import PASSES  # noqa: E402

_AFTER_JUDGING = PASSES[PASSES.index(judge_events) + 1 :]
_CONFIG = ROOT / "ingest" / "models" / "events.json"


@dataclass(frozen=True)
class Found:
    """One event of a train item as the rules find it."""

    features: list[str]
    judged: bool  # the shipped rule: the model reads it
    parties: int
    news: bool  # a gold meeting holds two of its parties
    record: dict  # the contract's meeting


# Which events a setting lets the model judge.
JUDGES: dict[str, Callable[[Found], bool]] = {
    "shipped": lambda found: found.judged,
    "two-party": lambda found: found.parties <= event_model.JUDGED_PARTIES,  # the lead's too
    "all": lambda found: True,
}


def _read(job: tuple[dict, list[dict]]) -> tuple[str, list[Found]]:
    """One item's events, with the passes after judging run over all of them."""
    article, meetings = job
    doc = events(article)
    doc.events = [event for event in doc.events if not interview(event)]
    found = [
        (
            event_model.features(doc, event),
            event_model.judged(event),
            len(event.parties),
            is_gold(event, meetings),
        )
        for event in doc.events
    ]
    for step in _AFTER_JUDGING:
        doc = step(doc)
    return article["id"], [
        Found(features, judged, parties, news, meeting.model_dump(mode="json"))
        for (features, judged, parties, news), meeting in zip(found, doc.meetings, strict=True)
    ]


def _pairs(score, gold: dict[str, dict], kept: dict[str, list[dict]]) -> str:
    predicted = {key: {"meetings": meetings} for key, meetings in kept.items()}
    tp, fp, fn = quality.tally(quality.pair_kinds(score, gold, predicted))
    alarms = sum(1 for key, entry in gold.items() if kept.get(key) and not entry.get("meetings"))
    quiet = sum(1 for entry in gold.values() if not entry.get("meetings"))
    precision, recall, f1 = quality.prf(tp, fp, fn)
    counts = f"tp {tp}, fp {fp}, fn {fn}; false alarms {alarms}/{quiet}"
    return f"pairs F1 {f1:.4f}  P {precision:.3f} R {recall:.3f}  ({counts})"


def crf_settings(config: dict, c1s: list[float] | None, c2s: list[float] | None) -> list[dict]:
    """The CRF parameters of each row: the config's, with every given L1 weight crossed with every given
    L2 weight in its place."""
    return [{**config, "c1": c1, "c2": c2} for c1 in c1s or [config["c1"]] for c2 in c2s or [config["c2"]]]


def _cross_validate(
    found: dict[str, list[Found]],
    folds: int,
    threshold: float,
    judge: Callable[[Found], bool],
    params: dict,
) -> dict[str, list[dict]]:
    """The records each fold's model keeps of its held-out items."""
    fold_of = {key: zlib.crc32(key.encode()) % folds for key in found}
    kept: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for fold in range(folds):
            trainer = pycrfsuite.Trainer(verbose=False)
            trainer.set_params(params)
            for key, items in found.items():
                if fold_of[key] != fold:
                    for item in items:
                        trainer.append(
                            [item.features], [event_model.NEWS if item.news else event_model.NOT_NEWS]
                        )
            path = f"{folder}/events-{fold}.crfsuite"
            trainer.train(path)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            for key, items in found.items():
                if fold_of[key] == fold:
                    kept[key] = [
                        item.record for item in items if not judge(item) or _chance(tagger, item) >= threshold
                    ]
    return kept


def _chance(tagger: pycrfsuite.Tagger, item: Found) -> float:
    tagger.set([item.features])
    return float(tagger.marginal(event_model.NEWS, 0))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=5, help="default 5")
    parser.add_argument(
        "--threshold",
        type=float,
        action="append",
        help=f"the model's bar (repeatable; default {event_model.THRESHOLD})",
    )
    parser.add_argument(
        "--judge",
        choices=sorted(JUDGES),
        action="append",
        help="which events the model reads (repeatable; default shipped)",
    )
    parser.add_argument("--c1", type=float, action="append", help="the CRF's L1 weight (repeatable)")
    parser.add_argument("--c2", type=float, action="append", help="the CRF's L2 weight (repeatable)")
    arguments = parser.parse_args()
    config = json.loads(_CONFIG.read_text(encoding="utf-8"))["crf"]
    bench = quality.load("train")
    gold = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in bench.gold_dir.glob("*.json")}
    jobs = [(article, gold[article["id"]].get("meetings", [])) for article in bench.articles]
    with ProcessPoolExecutor(2) as pool:
        found = dict(pool.map(_read, jobs, chunksize=20))
    score = quality.scorer()
    print(f"train {len(found)} items, {sum(map(len, found.values()))} events, {arguments.folds} folds")
    everything = {key: [item.record for item in items] for key, items in found.items()}
    print(f"{'no model':44} {_pairs(score, gold, everything)}")
    for params in crf_settings(config, arguments.c1, arguments.c2):
        for judge in arguments.judge or ["shipped"]:
            for threshold in arguments.threshold or [event_model.THRESHOLD]:
                kept = _cross_validate(found, arguments.folds, threshold, JUDGES[judge], params)
                setting = f"c1 {params['c1']}, c2 {params['c2']}, judge {judge}, bar {threshold}"
                print(f"{setting:44} {_pairs(score, gold, kept)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
