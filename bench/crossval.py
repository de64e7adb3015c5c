#!/usr/bin/env python3
"""Train figures the shipped models have not seen: k-fold cross-validation of the whole extractor on the
annotated train split. For each fold the name tagger and then the event model are trained on the other
folds (with the CRF parameters of `ingest/models/*.json`), and the fold's items are extracted with them;
pairs are scored over all of train as `bench/quality` scores them.

    .venv/bin/python bench/crossval.py              # five folds, about an hour of CPU (session 34)
    .venv/bin/python bench/crossval.py --folds 3 --jobs 2   # two folds at a time

`bench/quality --set train` runs the shipped models on the items they were trained on, so a step that
changes a model's training data (a lexicon row the tagger reads, a rule that changes the events the
event model is trained on) moves train by the model's fit as much as by the step. Blind stays the judge;
this is the honest train figure to read beside it. Needs `../shared`, like `didar train`.
"""

import argparse
import json
import multiprocessing
import sys
import zlib
from pathlib import Path
from tempfile import TemporaryDirectory

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.cli_extract import _output  # noqa: E402
from bench import quality  # noqa: E402
from ingest import event_model, names  # noqa: E402
from ingest.event_training import events, is_gold  # noqa: E402
from ingest.model import Extraction  # noqa: E402
from ingest.passes.judging import judge_events  # noqa: E402
from ingest.passes.records import write_meetings  # noqa: E402
from ingest.pipeline import EXTRACTOR_VERSION  # noqa: E402
from ingest.training import label  # noqa: E402

MODELS = ROOT / "ingest" / "models"


def _crf(model: str) -> dict:
    return json.loads((MODELS / f"{model}.json").read_text(encoding="utf-8"))["crf"]


def _tagger(trainer: pycrfsuite.Trainer, path: Path) -> pycrfsuite.Tagger:
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def _use(module: object, tagger: pycrfsuite.Tagger) -> None:
    """Make `module` read `tagger` instead of its shipped model (it calls `shipped(MODEL)`)."""
    module.shipped = lambda _model: tagger  # type: ignore[attr-defined]


def _fold(
    bench: quality.Bench, gold: dict[str, dict], folds: int, fold: int, folder: Path, taggers: Path | None
) -> dict[str, dict]:
    """The contract's output of one fold's items, extracted by models trained on the other folds."""
    fold_of = {item["id"]: zlib.crc32(item["id"].encode()) % folds for item in bench.articles}
    kept = taggers / f"names-{fold}.crfsuite" if taggers else None
    if kept and kept.is_file():
        tagger = pycrfsuite.Tagger()
        tagger.open(str(kept))
    else:
        trainer = pycrfsuite.Trainer(verbose=False)
        trainer.set_params(_crf("names"))
        for item in bench.articles:
            if fold_of[item["id"]] != fold and "persons" in gold[item["id"]]:
                for row in label(item, gold[item["id"]]):
                    trainer.append(names.features(row.words), list(row.labels))
        tagger = _tagger(trainer, kept or folder / f"names-{fold}.crfsuite")
    _use(names, tagger)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(_crf("events"))
    held_out = []
    for item in bench.articles:
        doc = events(item)
        if fold_of[item["id"]] == fold:
            held_out.append(doc)
            continue
        for event in doc.events:
            news = is_gold(event, gold[item["id"]].get("meetings", []))
            trainer.append(
                [event_model.features(doc, event)], [event_model.NEWS if news else event_model.NOT_NEWS]
            )
    _use(event_model, _tagger(trainer, folder / f"events-{fold}.crfsuite"))
    outputs = {}
    for doc in held_out:
        doc = write_meetings(judge_events(doc))
        extraction = Extraction(
            id=doc.article.key, meetings=doc.meetings, extractor_version=EXTRACTOR_VERSION, text=doc.text
        )
        outputs[doc.article.key] = json.loads(_output(extraction, doc.article))
    print(f"fold {fold + 1} of {folds} done", file=sys.stderr)
    return outputs


def crossval(
    bench: quality.Bench,
    gold: dict[str, dict],
    folds: int,
    jobs: int,
    folder: Path,
    taggers: Path | None = None,
) -> list[dict]:
    """The contract's output of every train item, each extracted by models that never saw it. Folds run
    in `jobs` forked processes; each sets its own models, so none sees another's."""
    arguments = [(bench, gold, folds, fold, folder, taggers) for fold in range(folds)]
    if jobs == 1:
        results = [_fold(*fold) for fold in arguments]
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.starmap(_fold, arguments)
    outputs = {key: output for result in results for key, output in result.items()}
    return [outputs[item["id"]] for item in bench.articles]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=5, help="default 5")
    parser.add_argument("--jobs", type=int, default=1, help="folds trained at once, one core each; default 1")
    parser.add_argument(
        "--taggers",
        type=Path,
        help="keep each fold's name tagger in this folder and reuse those already there: for a change the "
        "tagger does not see (an event-model feature, a rule after tagging); empty it when the tagger's "
        "data, features or lexicons change",
    )
    parser.add_argument("--save-tallies", type=Path, metavar="DIR", help="as bench/quality's (train.json)")
    parser.add_argument("--against", type=Path, metavar="DIR", help="as bench/quality's: the paired change")
    arguments = parser.parse_args()
    bench = quality.load("train")
    gold = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in bench.gold_dir.glob("*.json")}
    with TemporaryDirectory() as folder:
        if arguments.taggers:
            arguments.taggers.mkdir(parents=True, exist_ok=True)
        predicted = crossval(bench, gold, arguments.folds, arguments.jobs, Path(folder), arguments.taggers)
    score = quality.scorer()
    by_article = quality._pair_tallies(score, gold, {item["id"]: item for item in predicted})
    tallies = list(by_article.values())
    tp, fp, fn = (sum(column) for column in zip(*tallies, strict=True))
    false_alarms = sum(1 for item in predicted if item["meetings"] and not gold[item["id"]].get("meetings"))
    print(
        f"train, {arguments.folds} folds: pairs P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f} "
        f"F1 {quality._f1(tp, fp, fn):.3f}, article-mean "
        f"{sum(quality._f1(*tally) for tally in tallies) / len(tallies):.3f}, "
        f"false alarms {false_alarms}/{sum(1 for g in gold.values() if not g.get('meetings'))}"
    )
    if arguments.against:
        change = quality.paired(quality._read_tallies(arguments.against, "train"), by_article)
        print(quality._change_row("train", change, arguments.against))
    if arguments.save_tallies:
        arguments.save_tallies.mkdir(parents=True, exist_ok=True)
        (arguments.save_tallies / "train.json").write_text(json.dumps(by_article), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
