"""Extraction quality on every annotated set, in one table: dev, probe, train and blind.

Each set runs through `didar extract` (the eval contract) and is scored by the eval's scorer
(../shared/eval/score.py, or DIDAR_SCORER). Train and blind are the drawn pool items of
bench/data/corpus (texts from ../shared/corpus) that have a gold file. Pair F1 and article-mean pair F1
carry a bootstrap 95% interval over articles. Blind prints figures only: `--show-errors` refuses it,
so that whoever tunes the extractor never reads blind's errors. The same for blind's reserve
(`bench/reserve.py`: the items of blind's hash class that steps changed, read once it has gold).

A step moves blind by less than the interval of either reading, so two readings are compared paired:
`--save-tallies DIR` keeps each article's pair counts (tp, fp, fn) of a run, and `--against DIR` prints
the difference of a later run from them, with a bootstrap interval that resamples the same articles for
both readings, and how many articles read better or worse. Only those figures are printed.

`--kinds` adds where each set's pairs go, by the scorer's alignment: found; false in meetings the gold has
not (on no-meeting items, beside real ones) and from wrong parties of meetings it has (of two, of three
or more); missed in meetings not found and inside found ones. Counts only, blind's too.

`--outlets` adds each set's pairs by the outlet its items' ids name (Telegram channels' short posts against
news sites' long articles read very differently): items, pairs precision, recall and F1. Figures only.

`--parties` adds the gold's parties found, by what the gold writes of them: a name from the text, a name
from general knowledge, a title alone, a state alone, an organisation alone (found: matched inside the
output meeting the scorer aligns with theirs). Figures only.

  bench/quality                          # the table
  bench/quality --kinds                  # and where the pairs go
  bench/quality --outlets                # and the pairs of each outlet
  bench/quality --parties                # and the gold's parties found, by kind
  bench/quality --set train --show-errors
  bench/quality --json
  bench/quality --set blind --save-tallies var/base   # before a step
  bench/quality --set blind --against var/base        # after it: the paired difference
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from bench import corpus_split  # noqa: E402

SETS = ("dev", "probe", "train", "blind", "reserve")
# blind's reserve (bench/reserve.py) is blind's hash class: figures only, and only paired ones mean much
NO_ERRORS = {"blind", "reserve"}
RESAMPLES = 2000
Tallies = dict[str, tuple[int, int, int]]


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


# Where a pair goes (bench/quality --kinds), in the order printed.
PAIR_KINDS = (
    "found",
    "false: made up, no-meeting item",
    "false: made up, beside real ones",
    "false: wrong party, of two",
    "false: wrong party, of 3+",
    "missed: meeting not found",
    "missed: inside a found one",
)


def kinds_by_article(
    score: ModuleType, gold: dict[str, dict], predicted: dict[str, dict]
) -> dict[str, dict[str, int]]:
    """Where each article's pairs go, by the scorer's alignment (one pass per article), for each article
    with a meeting in gold or prediction: found; false in meetings the gold has not (on items with no
    meeting, and beside real ones) and from wrong parties of meetings it has (of two parties, of three or
    more); missed in meetings not found and inside found ones."""
    by_article = {}
    for aid, entry in gold.items():
        gm = entry.get("meetings", [])
        pm = (predicted.get(aid) or {}).get("meetings") or []
        if not gm and not pm:
            continue
        kinds = dict.fromkeys(PAIR_KINDS, 0)
        aligned = score.align_meetings(pm, gm)
        found = {i for i, _, _ in aligned}
        kept = {j for _, j, _ in aligned}
        made_up = "false: made up, no-meeting item" if not gm else "false: made up, beside real ones"
        for i, meeting in enumerate(pm):
            if i not in found:
                kinds[made_up] += score.n_pairs(len(meeting["participants"]))
        for j, meeting in enumerate(gm):
            if j not in kept:
                kinds["missed: meeting not found"] += score.n_pairs(len(meeting["participants"]))
        for i, j, matched in aligned:
            size, expected = len(pm[i]["participants"]), len(gm[j]["participants"])
            kinds["found"] += score.n_pairs(len(matched))
            wrong = "false: wrong party, of two" if size == 2 else "false: wrong party, of 3+"
            kinds[wrong] += score.n_pairs(size) - score.n_pairs(len(matched))
            kinds["missed: inside a found one"] += score.n_pairs(expected) - score.n_pairs(len(matched))
        by_article[aid] = kinds
    return by_article


def pair_kinds(score: ModuleType, gold: dict[str, dict], predicted: dict[str, dict]) -> dict[str, int]:
    """The pairs of all articles by kind (`kinds_by_article`)."""
    return _summed(kinds_by_article(score, gold, predicted).values())


def _summed(articles: Iterable[dict[str, int]]) -> dict[str, int]:
    total = dict.fromkeys(PAIR_KINDS, 0)
    for kinds in articles:
        for kind, count in kinds.items():
            total[kind] += count
    return total


def tally(kinds: dict[str, int]) -> tuple[int, int, int]:
    """(tp, fp, fn) of pairs, as the scorer counts them, from their kinds."""
    false = sum(count for kind, count in kinds.items() if kind.startswith("false"))
    missed = sum(count for kind, count in kinds.items() if kind.startswith("missed"))
    return kinds["found"], false, missed


# What the gold writes of a party (bench/quality --parties), in the order printed.
PARTY_KINDS = ("named", "named by knowledge", "titled", "state", "organisation")


def party_kind(participant: dict) -> str:
    """A gold party by what the annotator wrote of it: the text's name, a holder's name from general
    knowledge where the text gives none, else a title, else a state or an organisation alone."""
    if participant.get("names"):
        return "named"
    if participant.get("kb_names"):
        return "named by knowledge"
    if participant.get("role"):
        return "titled"
    return "state" if participant.get("country") else "organisation"


def parties_found(
    score: ModuleType, gold: dict[str, dict], predicted: dict[str, dict]
) -> dict[str, tuple[int, int]]:
    """The gold's parties of each kind: (found, all). Found is matched, as the scorer matches, inside the
    output meeting it aligns with the party's meeting."""
    counts = {kind: [0, 0] for kind in PARTY_KINDS}
    for aid, entry in gold.items():
        gm = entry.get("meetings", [])
        pm = (predicted.get(aid) or {}).get("meetings") or []
        matched = {j: {g for _, g in pairs} for _, j, pairs in score.align_meetings(pm, gm)}
        for j, meeting in enumerate(gm):
            for index, participant in enumerate(meeting["participants"]):
                tally = counts[party_kind(participant)]
                tally[0] += index in matched.get(j, set())
                tally[1] += 1
    return {kind: (found, total) for kind, (found, total) in counts.items()}


_ID_NUMBER = re.compile(r"[-_]?\d+$")


def outlet(article_id: str) -> str:
    """The outlet an item's id names: "tg-alonews-121979" is tg-alonews's, "farsnews-8305040279" farsnews's;
    an id of a number alone (dev's) names none."""
    return _ID_NUMBER.sub("", article_id) or "-"


def by_outlet(tallies: Tallies) -> dict[str, tuple[int, int, int]]:
    """The pair counts (tp, fp, fn) of each outlet, summed over its articles."""
    summed: dict[str, tuple[int, int, int]] = {}
    for aid, (tp, fp, fn) in tallies.items():
        source = outlet(aid)
        before = summed.get(source, (0, 0, 0))
        summed[source] = (before[0] + tp, before[1] + fp, before[2] + fn)
    return summed


def _pair_tallies(score: ModuleType, gold: dict[str, dict], predicted: dict[str, dict]) -> Tallies:
    """(tp, fp, fn) of pairs by article, for each with a meeting in gold or prediction, as scored."""
    return {aid: tally(kinds) for aid, kinds in kinds_by_article(score, gold, predicted).items()}


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
        micro.append(_micro(sample))
        mean.append(sum(_f1(*t) for t in sample) / len(sample))
    return {"pairs_f1": _interval(micro), "article_mean_f1": _interval(mean)}


def _micro(rows: list[tuple[int, int, int]]) -> float:
    return _f1(*(sum(column) for column in zip(*rows, strict=True)))


def _article_mean(rows: list[tuple[int, int, int]]) -> float:
    """The scorer's article mean: articles with no pair in gold or prediction do not count."""
    scored = [_f1(*row) for row in rows if any(row)]
    return sum(scored) / len(scored) if scored else 1.0


def paired(before: Tallies, after: Tallies, seed: int = 0) -> dict:
    """The change from one reading to another of the same articles: micro and article-mean pair F1,
    each with a 95% interval from resampling articles (the same draw for both readings)."""
    ids = sorted(before.keys() | after.keys())
    empty = (0, 0, 0)
    rows = [(before.get(aid, empty), after.get(aid, empty)) for aid in ids]

    def deltas(sample: list[tuple[tuple[int, int, int], tuple[int, int, int]]]) -> tuple[float, float]:
        old = [row[0] for row in sample]
        new = [row[1] for row in sample]
        return _micro(new) - _micro(old), _article_mean(new) - _article_mean(old)

    rng = random.Random(seed)
    micro, mean = [], []
    for _ in range(RESAMPLES):
        d_micro, d_mean = deltas([rows[rng.randrange(len(rows))] for _ in rows])
        micro.append(d_micro)
        mean.append(d_mean)
    d_micro, d_mean = deltas(rows)
    changed = [(old, new) for old, new in rows if old != new]
    return {
        "pairs_f1": round(d_micro, 4),
        "pairs_f1_interval": _interval(micro, digits=4),
        "article_mean_f1": round(d_mean, 4),
        "article_mean_f1_interval": _interval(mean, digits=4),
        "articles_changed": len(changed),
        "articles_better": sum(1 for old, new in changed if _f1(*new) > _f1(*old)),
        "articles_worse": sum(1 for old, new in changed if _f1(*new) < _f1(*old)),
    }


def _interval(values: list[float], digits: int = 3) -> list[float]:
    ordered = sorted(values)
    low, high = ordered[int(0.025 * len(ordered))], ordered[int(0.975 * len(ordered)) - 1]
    return [round(low, digits), round(high, digits)]


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
    by_id = {p["id"]: p for p in predicted}
    by_article = kinds_by_article(score, gold, by_id)
    tallies = {aid: tally(kinds) for aid, kinds in by_article.items()}
    result["pair_kinds"] = _summed(by_article.values())
    pairs_of = by_outlet(tallies)
    result["outlets"] = {
        name: {"items": items, "pairs": pairs_of.get(name, (0, 0, 0))}
        for name, items in Counter(outlet(item["id"]) for item in bench.articles).most_common()
    }
    result["parties"] = parties_found(score, gold, by_id)
    result["interval"] = bootstrap(list(tallies.values()))
    result["tallies"] = tallies
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
    parser.add_argument(
        "--kinds",
        action="store_true",
        help="also where the pairs go: found, false and missed by kind (figures)",
    )
    parser.add_argument(
        "--outlets", action="store_true", help="also the pairs of each outlet the ids name (figures)"
    )
    parser.add_argument(
        "--parties", action="store_true", help="also the gold's parties found, by kind (figures)"
    )
    parser.add_argument(
        "--save-tallies", type=Path, metavar="DIR", help="keep each article's pair counts, one file per set"
    )
    parser.add_argument(
        "--against", type=Path, metavar="DIR", help="print the paired change from the counts saved there"
    )
    args = parser.parse_args()
    names = args.set or [name for name in SETS if name != "reserve" or corpus_split.ids_path(name).is_file()]
    if args.show_errors and set(names) & NO_ERRORS:
        parser.error(
            "--show-errors is refused for blind and its reserve: their errors are never read by whoever "
            "tunes the extractor"
        )
    if args.against:  # before the sets are read, not after
        for name in names:
            _read_tallies(args.against, name)
    results = {}
    for name in names:
        results[name] = measure(load(name), args.show_errors)
    changes = {}
    for name, result in results.items():
        tallies = result.pop("tallies")
        if args.against:
            changes[name] = paired(_read_tallies(args.against, name), tallies)
        if args.save_tallies:
            args.save_tallies.mkdir(parents=True, exist_ok=True)
            (args.save_tallies / f"{name}.json").write_text(json.dumps(tallies), encoding="utf-8")
    if args.json:
        results = {name: {**result, "change": changes.get(name)} for name, result in results.items()}
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for name, result in results.items():
        for error in result.pop("errors", []):
            print(f"[{name}] {error}")
    print(HEADER)
    for name, result in results.items():
        print(_row(name, result))
    for name, change in changes.items():
        print(_change_row(name, change, args.against))
    if args.kinds:
        print("pairs by kind: " + "; ".join(f"{kind}" for kind in PAIR_KINDS))
        for name, result in results.items():
            print(f"{name:6} " + " ".join(f"{result['pair_kinds'][kind]:5d}" for kind in PAIR_KINDS))
    if args.outlets:
        print("pairs by outlet: set, outlet, items, tp fp fn, P R F1")
        for name, result in results.items():
            for source, row in result["outlets"].items():
                tp, fp, fn = row["pairs"]
                print(f"{name:6} {source:22} {row['items']:5d}  {tp:4d} {fp:4d} {fn:4d}  {_prf(tp, fp, fn)}")
    if args.parties:
        print("gold parties found, by kind: " + "; ".join(f"{kind} (found/all)" for kind in PARTY_KINDS))
        for name, result in results.items():
            print(
                f"{name:6} "
                + "  ".join(f"{found:4d}/{total:<4d}" for found, total in result["parties"].values())
            )


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of pair counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, _f1(tp, fp, fn)


def _prf(tp: int, fp: int, fn: int) -> str:
    if not tp + fp + fn:
        return "   -    -    -"  # no meeting in gold or output
    return "{:.2f} {:.2f} {:.2f}".format(*prf(tp, fp, fn))


def _read_tallies(folder: Path, name: str) -> Tallies:
    path = folder / f"{name}.json"
    if not path.is_file():
        raise SystemExit(f"bench/quality: no saved counts for {name} at {path} (run --save-tallies first)")
    saved = json.loads(path.read_text(encoding="utf-8"))
    return {aid: (row[0], row[1], row[2]) for aid, row in saved.items()}


def _change_row(name: str, change: dict, against: Path) -> str:
    return (
        f"{name:6} against {against}: pairs F1 {change['pairs_f1']:+.4f} [{{:+.4f}} {{:+.4f}}]".format(
            *change["pairs_f1_interval"]
        )
        + f", art-mean {change['article_mean_f1']:+.4f} "
        + "[{:+.4f} {:+.4f}]".format(*change["article_mean_f1_interval"])
        + f"; {change['articles_changed']} articles changed: {change['articles_better']} better, "
        f"{change['articles_worse']} worse"
    )


if __name__ == "__main__":
    main()
