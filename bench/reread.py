"""Annotation drift: a fresh reading of a sample of a gold set, compared with its gold in figures only.

A gold set read years of briefs ago may follow older conventions than the readers of today's briefs.
`draw` takes a fixed-hash sample of a set's annotated items (a share with a meeting in gold, the rest
without) and exports them in annotators' batches; helpers read them afresh, without the old gold, into
a folder of their own (two readers apart: their agreement is today's reader noise, against which the
old gold's agreement with them shows drift). `compare` then prints figures only (blind's texts and gold
stay unread):

- agreement: every two readings (the old gold and the fresh ones) scored as readings of one another
  (meetings, participants, pairs and topics F1, false alarms);
- the extractor scored on the sample against each reading (pairs F1 with its interval, false alarms).

  python -m bench.reread draw --set blind --size 80 --with-meetings 60 --salt drift-s23 --export var/drift
  python -m bench.reread compare --set blind --sample var/drift/ids.txt \\
      --reading var/drift/gold-A --reading var/drift/gold-B
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import quality  # noqa: E402
from bench.agreement import as_prediction  # noqa: E402
from bench.corpus_split import articles, ids_path, write_batches  # noqa: E402


def _gold_dir(name: str) -> Path:
    return ids_path(name).parent / "gold"


def _has_meeting(path: Path) -> bool:
    return bool(json.loads(path.read_text(encoding="utf-8")).get("meetings"))


def sample(gold_dir: Path, size: int, with_meetings: int, salt: str) -> list[str]:
    """`with_meetings` annotated items whose gold has a meeting and `size - with_meetings` whose gold
    has none, each in sha256(salt:id) order: chosen before anyone reads an item."""
    order = sorted(
        (path.stem for path in gold_dir.glob("*.json")),
        key=lambda item_id: hashlib.sha256(f"{salt}:{item_id}".encode()).hexdigest(),
    )
    meeting = {item_id for item_id in order if _has_meeting(gold_dir / f"{item_id}.json")}
    chosen = {*[i for i in order if i in meeting][:with_meetings]}
    chosen |= {*[i for i in order if i not in meeting][: size - with_meetings]}
    return [item_id for item_id in order if item_id in chosen]


def export(name: str, chosen: list[str], directory: Path, batch: int) -> int:
    """`ids.txt` and JSONL batches `reread-NN.jsonl` of the chosen items; returns the batches written."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "ids.txt").write_text("".join(f"{i}\n" for i in chosen), encoding="utf-8")
    wanted = set(chosen)
    items = [item for item in articles(name) if item["id"] in wanted]
    return write_batches(items, batch, directory, "reread")


def _copy(source: Path, ids: list[str], target: Path) -> None:
    target.mkdir()
    for item_id in ids:
        path = source / f"{item_id}.json"
        (target / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")


def _as_prediction(gold_dir: Path, ids: list[str], path: Path) -> None:
    """A gold folder written as the extract contract's JSONL, so the scorer reads it as a prediction."""
    rows = [as_prediction(i, json.loads((gold_dir / f"{i}.json").read_text(encoding="utf-8"))) for i in ids]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def _figures(result: dict) -> dict:
    keep = ("meetings", "participants", "pairs", "topics")
    return {f"{key}_f1": result[key]["f1"] for key in keep} | {
        "pairs_article_mean_f1": result["pairs_article_mean_f1"],
        "false_alarms": result["articles_without_meetings_with_false_alarms"],
    }


def compare(name: str, ids: list[str], readings: list[Path]) -> dict:
    """The old gold and each fresh reading scored as readings of one another (every pair, the later
    one as gold), then the extractor against each; figures only."""
    for reading in readings:
        missing = [i for i in ids if not (reading / f"{i}.json").is_file()]
        if missing:
            raise SystemExit(f"bench/reread: {len(missing)} items of the sample have no file in {reading}")
    score = quality.scorer()
    wanted = set(ids)
    predicted = quality.extract([item for item in articles(name) if item["id"] in wanted])
    out: dict = {"items": len(ids)}
    with tempfile.TemporaryDirectory() as folder:
        folders = {"old": Path(folder) / "old"}
        _copy(_gold_dir(name), ids, folders["old"])
        for reading in readings:
            folders[reading.name] = Path(folder) / reading.name
            _copy(reading, ids, folders[reading.name])
        labels = list(folders)
        for at, first in enumerate(labels):
            first_as_read = Path(folder) / f"{first}.jsonl"
            _as_prediction(folders[first], ids, first_as_read)
            for second in labels[at + 1 :]:
                out[f"agreement_{first}_against_{second}"] = _figures(
                    score.score(folders[second], first_as_read)
                )
        pred = Path(folder) / "pred.jsonl"
        pred.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predicted), encoding="utf-8"
        )
        for label in labels:
            result = _figures(score.score(folders[label], pred))
            gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folders[label].glob("*.json")}
            tallies = quality._pair_tallies(score, gold, {p["id"]: p for p in predicted})
            result["pairs_f1_interval"] = quality.bootstrap(list(tallies.values()))["pairs_f1"]
            out[f"extractor_against_{label}"] = result
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    verbs = parser.add_subparsers(dest="verb", required=True)
    draw = verbs.add_parser("draw", help="choose and export the sample")
    draw.add_argument("--set", default="blind", choices=("train", "blind"))
    draw.add_argument("--size", type=int, default=80)
    draw.add_argument("--with-meetings", type=int, default=60)
    draw.add_argument("--salt", required=True)
    draw.add_argument("--export", type=Path, required=True)
    draw.add_argument("--batch", type=int, default=20)
    read = verbs.add_parser("compare", help="agreement and the extractor's figures against both readings")
    read.add_argument("--set", default="blind", choices=("train", "blind"))
    read.add_argument("--sample", type=Path, required=True, help="ids.txt written by draw")
    read.add_argument(
        "--reading", type=Path, action="append", required=True, help="a fresh reading's gold folder"
    )
    args = parser.parse_args()
    if args.verb == "draw":
        chosen = sample(_gold_dir(args.set), args.size, args.with_meetings, args.salt)
        parts = export(args.set, chosen, args.export, args.batch)
        print(f"{len(chosen)} items of {args.set} in {parts} batches under {args.export}")
        return
    ids = [line for line in args.sample.read_text(encoding="utf-8").splitlines() if line]
    print(json.dumps(compare(args.set, ids, args.reading), indent=2))


if __name__ == "__main__":
    main()
