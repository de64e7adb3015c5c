"""Extraction quality on every annotated set, in one table: dev, probe, train and blind.

Each set runs through `didar extract` (the eval contract) and is scored by the eval's scorer
(../shared/eval/score.py, or DIDAR_SCORER). Train and blind are the drawn pool items of
bench/data/corpus (texts from ../shared/corpus) that have a gold file. Pair F1 and article-mean pair F1
carry a bootstrap 95% interval over articles. Blind prints figures only: `--show-errors` refuses it,
so that whoever tunes the extractor never reads blind's errors.

  bench/quality                          # the table
  bench/quality --set train --show-errors
  bench/quality --json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from bench import corpus_split  # noqa: E402

SETS = ("dev", "probe", "train", "blind")
NO_ERRORS = {"blind"}
RESAMPLES = 2000


@dataclass(frozen=True)
class Bench:
    name: str
    articles: list[dict]
    gold_dir: Path


def scorer() -> ModuleType:
    path = Path(os.environ.get("DIDAR_SCORER", SHARED / "eval" / "score.py"))
    if not path.is_file():
        raise SystemExit(f"bench/quality: the scorer is not at {path} (set DIDAR_SCORER)")
    spec = importlib.util.spec_from_file_location("didar_eval_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load(name: str) -> Bench:
    if name == "dev":
        folder = SHARED / "eval" / "dev"
        return Bench(name, _jsonl(folder / "articles.jsonl"), folder / "gold")
    if name == "probe":
        folder = ROOT / "bench" / "data" / "probe"
        return Bench(name, _jsonl(folder / "articles.jsonl"), folder / "gold")
    gold_dir = corpus_split.ids_path(name).parent / "gold"
    annotated = {path.stem for path in gold_dir.glob("*.json")}
    items = [item for item in corpus_split.articles(name) if item["id"] in annotated]
    return Bench(name, items, gold_dir)


def extract(articles: list[dict]) -> list[dict]:
    didar = ROOT / ".venv" / "bin" / "didar"
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        for item in articles:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    try:
        done = subprocess.run(
            [str(didar), "extract", handle.name], capture_output=True, text=True, check=False
        )
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        raise SystemExit(f"bench/quality: didar extract failed:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def _pair_tallies(
    score: ModuleType, gold: dict[str, dict], predicted: dict[str, dict]
) -> list[tuple[int, int, int]]:
    """(tp, fp, fn) of pairs per article with a meeting in gold or prediction, as the scorer counts them."""
    tallies = []
    for aid, entry in gold.items():
        gm = entry.get("meetings", [])
        pm = (predicted.get(aid) or {}).get("meetings") or []
        if not gm and not pm:
            continue
        tp = sum(score.n_pairs(len(matched)) for _, _, matched in score.align_meetings(pm, gm))
        fp = sum(score.n_pairs(len(m.get("participants", []))) for m in pm) - tp
        fn = sum(score.n_pairs(len(m.get("participants", []))) for m in gm) - tp
        tallies.append((tp, fp, fn))
    return tallies


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def bootstrap(tallies: list[tuple[int, int, int]], seed: int = 0) -> dict[str, list[float]]:
    """95% intervals of micro pair F1 and article-mean pair F1, resampling articles."""
    if not tallies:
        return {"pairs_f1": [], "article_mean_f1": []}
    rng = random.Random(seed)
    micro, mean = [], []
    for _ in range(RESAMPLES):
        sample = [tallies[rng.randrange(len(tallies))] for _ in tallies]
        micro.append(_f1(*(sum(column) for column in zip(*sample, strict=True))))
        mean.append(sum(_f1(*t) for t in sample) / len(sample))
    return {"pairs_f1": _interval(micro), "article_mean_f1": _interval(mean)}


def _interval(values: list[float]) -> list[float]:
    ordered = sorted(values)
    return [round(ordered[int(0.025 * len(ordered))], 3), round(ordered[int(0.975 * len(ordered)) - 1], 3)]


def measure(bench: Bench, show_errors: bool) -> dict:
    score = scorer()
    predicted = extract(bench.articles)
    ids = {item["id"] for item in bench.articles}
    with tempfile.TemporaryDirectory() as folder:
        gold_dir = Path(folder) / "gold"
        gold_dir.mkdir()
        for path in bench.gold_dir.glob("*.json"):
            if path.stem in ids:
                (gold_dir / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        pred_path = Path(folder) / "pred.jsonl"
        pred_path.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predicted), encoding="utf-8"
        )
        result = score.score(gold_dir, pred_path, show_errors=show_errors)
        gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json")}
    result["no_meeting_articles"] = sum(1 for g in gold.values() if not g.get("meetings"))
    result["interval"] = bootstrap(_pair_tallies(score, gold, {p["id"]: p for p in predicted}))
    return result


def _row(name: str, r: dict) -> str:
    def acc(key: str) -> str:
        value = r.get(key, {}).get("accuracy")
        return "  -  " if value is None else f"{value:.3f}"

    pairs, ci = r["pairs"], r["interval"]
    pair_ci = "[{:.2f}-{:.2f}]".format(*ci["pairs_f1"]) if ci["pairs_f1"] else ""
    mean_ci = "[{:.2f}-{:.2f}]".format(*ci["article_mean_f1"]) if ci["article_mean_f1"] else ""
    mean = r["pairs_article_mean_f1"]
    alarms = f"{r['articles_without_meetings_with_false_alarms']}/{r['no_meeting_articles']}"
    return (
        f"{name:6} {r['articles']:4d}  {pairs['precision']:.3f} {pairs['recall']:.3f} {pairs['f1']:.3f} "
        f"{pair_ci:13} {mean if mean is not None else 0:.3f} {mean_ci:13} "
        f"{r['participants']['f1']:.3f} {r['topics']['f1']:.3f}  {acc('country')} {acc('role')} "
        f"{acc('status')} {acc('date')}  {alarms}"
    )


HEADER = (
    "set    arts  pairs P R     F1    [95% CI]      art-mean [95% CI]     partF1 topicF1 country role "
    " status date   false alarms"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=SETS, action="append", help="only these sets (repeatable)")
    parser.add_argument("--show-errors", action="store_true", help="list each miss (not for blind)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    names = args.set or list(SETS)
    if args.show_errors and set(names) & NO_ERRORS:
        parser.error(
            "--show-errors is refused for blind: its errors are never read by whoever tunes the extractor"
        )
    results = {}
    for name in names:
        results[name] = measure(load(name), args.show_errors)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for name, result in results.items():
        for error in result.pop("errors", []):
            print(f"[{name}] {error}")
    print(HEADER)
    for name, result in results.items():
        print(_row(name, result))


if __name__ == "__main__":
    main()
