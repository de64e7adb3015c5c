#!/usr/bin/env python3
"""Is `didar extract` still byte for byte what it was? Runs it over dev, probe and 2,000 pool items.

A refactor of ingest/ must not change what it extracts. This script runs the `didar extract` command of a
checkout (this one by default, another directory with `--code`, or a git revision with `--rev`, exported
to a temporary directory) over three sets, and either saves the outputs as a baseline or compares them
line by line with one:

    bench/same_output.py save var/same-output/base --rev main     # the baseline, from main's code
    bench/same_output.py check var/same-output/base                # this checkout against it
    bench/same_output.py compare DIR_A DIR_B                        # two saved runs

The sets: `../shared/eval/dev/articles.jsonl`, `bench/data/probe/articles.jsonl`, and the first 2,000
items of `../shared/corpus/pool.jsonl.gz` by sha256 of their id (the order `bench/extract --pool` uses)
outside blind's hash class: the differences it prints are text, and blind's side of the pool (blind and its
reserve) is read by annotators only.
`check` and `compare` print, per set, how many articles are identical and how many differ, and the first
differences; the exit status is 1 when any article differs.
"""

import argparse
import difflib
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_split import CONFIG, in_blind_class  # noqa: E402

SHARED = Path(os.environ.get("DIDAR_SHARED", ROOT.parent / "shared"))
POOL_ITEMS = 2000
SETS = ("dev", "probe", "pool")
# The pool set is cut in pieces run side by side: one process per piece.
POOL_PIECES = 2


def _pool_items(count: int) -> list[dict]:
    """The first `count` pool items by sha256 of their id, as `bench/extract --pool` orders them, of
    those outside blind's hash class."""
    path = Path(os.environ.get("DIDAR_POOL", SHARED / "corpus" / "pool.jsonl.gz"))
    seed = json.loads(CONFIG.read_text(encoding="utf-8"))["seed"]
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()]
    items = [item for item in items if not in_blind_class(item["id"], seed)]
    items.sort(key=lambda item: hashlib.sha256(item["id"].encode()).hexdigest())
    return [
        {**item, "title": item.get("title") or "", "text": item.get("text") or ""} for item in items[:count]
    ]


def _inputs(work: Path, pool: int) -> dict[str, list[Path]]:
    """The input JSONL files of each set (the pool in pieces)."""
    items = _pool_items(pool)
    pieces = []
    size = -(-len(items) // POOL_PIECES)
    for number in range(POOL_PIECES):
        piece = work / f"pool-{number}.jsonl"
        chunk = items[number * size : (number + 1) * size]
        piece.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in chunk), "utf-8")
        pieces.append(piece)
    return {
        "dev": [SHARED / "eval" / "dev" / "articles.jsonl"],
        "probe": [ROOT / "bench" / "data" / "probe" / "articles.jsonl"],
        "pool": pieces,
    }


def _exported(rev: str, work: Path) -> Path:
    """The tree of a git revision of this repository, in a directory of its own."""
    target = work / "code"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def _extract(code: Path, source: Path) -> str:
    """`didar extract SOURCE` with the ingest/ and app/ of `code`, run by this checkout's venv."""
    python = ROOT / ".venv" / "bin" / "python"
    env = {**os.environ, "PYTHONPATH": str(code)}
    program = "import sys; from app.cli import main; sys.argv = ['didar', 'extract', sys.argv[1]]; main()"
    done = subprocess.run(
        [str(python), "-c", program, str(source)], cwd=code, env=env, capture_output=True, text=True
    )
    if done.returncode not in (0, 1) or not done.stdout:
        sys.exit(f"didar extract {source} failed in {code}:\n{done.stderr[-2000:]}")
    return done.stdout


def _run(code: Path, pool: int) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        inputs = _inputs(Path(folder), pool)
        jobs = [(name, source) for name in SETS for source in inputs[name]]
        with ThreadPoolExecutor(max_workers=len(jobs)) as runner:
            outputs = list(runner.map(lambda job: _extract(code, job[1]), jobs))
    found: dict[str, list[str]] = {name: [] for name in SETS}
    for (name, _), output in zip(jobs, outputs, strict=True):
        found[name].extend(output.splitlines())
    return found


def _code(args: argparse.Namespace, work: Path) -> Path:
    if args.rev:
        return _exported(args.rev, work)
    return Path(args.code).resolve() if args.code else ROOT


def _save(outputs: dict[str, list[str]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in outputs.items():
        (folder / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), "utf-8")


def _load(folder: Path) -> dict[str, list[str]]:
    return {name: (folder / f"{name}.jsonl").read_text("utf-8").splitlines() for name in SETS}


def _key(line: str) -> str:
    return json.loads(line)["id"]


def _difference(before: str, after: str) -> str:
    """The lines of the two pretty-printed extractions that differ."""
    a = json.dumps(json.loads(before), ensure_ascii=False, indent=1).splitlines()
    b = json.dumps(json.loads(after), ensure_ascii=False, indent=1).splitlines()
    changed = [
        line for line in difflib.unified_diff(a, b, lineterm="", n=1) if not line.startswith(("---", "+++"))
    ]
    return "\n".join("      " + line for line in changed[:24])


def _compare(before: dict[str, list[str]], after: dict[str, list[str]], show: int) -> bool:
    same = True
    for name in SETS:
        old = {_key(line): line for line in before[name]}
        new = {_key(line): line for line in after[name]}
        identical = [key for key in old if new.get(key) == old[key]]
        different = [key for key in old if key in new and new[key] != old[key]]
        missing = [key for key in old if key not in new] + [key for key in new if key not in old]
        print(
            f"{name:<6} {len(identical):>5} identical  {len(different):>4} different",
            f"{len(missing):>3} missing",
        )
        for key in different[:show]:
            print(f"    {key}:\n{_difference(old[key], new[key])}")
        same = same and not different and not missing
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("action", choices=("save", "check", "compare"))
    parser.add_argument("folder", help="the saved outputs (save: where to write them)")
    parser.add_argument("other", nargs="?", help="compare: a second folder of saved outputs")
    parser.add_argument("--rev", help="run the code of this git revision (e.g. main)")
    parser.add_argument("--code", help="run the code of this checkout directory")
    parser.add_argument("--pool", type=int, default=POOL_ITEMS, help="pool items (default 2000)")
    parser.add_argument("--show", type=int, default=3, help="differences shown per set (default 3)")
    parser.add_argument("--keep", help="check: also save this run's outputs in this folder")
    args = parser.parse_args()
    folder = Path(args.folder)
    if args.action == "compare":
        if not args.other:
            parser.error("compare needs two folders")
        return 0 if _compare(_load(folder), _load(Path(args.other)), args.show) else 1
    with tempfile.TemporaryDirectory() as work:
        outputs = _run(_code(args, Path(work)), args.pool)
    if args.action == "save":
        _save(outputs, folder)
        print(
            ", ".join(f"{name}: {len(lines)} articles" for name, lines in outputs.items()),
            f"saved in {folder}",
        )
        return 0
    if args.keep:
        _save(outputs, Path(args.keep))
    return 0 if _compare(_load(folder), outputs, args.show) else 1


if __name__ == "__main__":
    sys.exit(main())
