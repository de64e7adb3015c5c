"""Blind's reserve: judging a step that changes too few blind items to show.

A rule that fires in one item of a thousand changes one or two of blind's 899 items, so blind cannot
tell whether it helps. The reserve is the rest of blind's hash class: pool items the sample's hash puts
on blind's side (`corpus_split.in_blind_class`) that were not drawn, of the sample's size limit. Nobody
who writes extraction code reads them. For a step, `draw` runs the extractor of a revision before it and
of this checkout over the whole reserve, and the items the two read differently are the step's judges:
their texts go out to annotators (helpers, as for blind), their ids into `reserve/ids.tsv`, and
`bench/quality --set reserve --against DIR` then reads the step's paired change on them, figures only.

Only items a step changes are drawn, so the reserve's own F1 means nothing; its paired change is the
step's whole change on the reserve (every item it leaves alone changes by zero), on items it was not
written from.

  .venv/bin/python -m bench.reserve draw REV [--after REV2] --step NAME --export var/reserve
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_split import (  # noqa: E402
    CONFIG,
    SETS,
    ids_path,
    in_blind_class,
    outlet,
    pool_items,
    read_ids,
    write_batches,
)
from bench.same_output import _exported, _extract  # noqa: E402

HEADER = "id\tstep\toutlet\tpublished\tchars\n"


def _chars(item: dict) -> int:
    return len(item.get("title") or "") + len(item.get("text") or "")


def reserve_items(items: Iterable[dict], config: dict, drawn: set[str]) -> list[dict]:
    """Blind's hash class outside the drawn sample, within the sample's size limit, in pool order."""
    return [
        {**item, "title": item.get("title") or "", "text": item.get("text") or ""}
        for item in items
        if item["id"] not in drawn
        and _chars(item) <= config["max_chars"]
        and in_blind_class(item["id"], config["seed"])
    ]


def _meetings(code: Path, source: Path) -> dict[str, list[dict]]:
    """The meetings `didar extract` of the code at `code` reads in each item of `source`."""
    rows = (json.loads(line) for line in _extract(code, source).splitlines() if line.strip())
    return {row["id"]: row.get("meetings") or [] for row in rows}


def _reading(meetings: list[dict]) -> str:
    """An item's meetings as one string, whatever their order."""
    return json.dumps(sorted(json.dumps(m, sort_keys=True, ensure_ascii=False) for m in meetings))


def changed(rev: str, items: list[dict], after_rev: str | None = None) -> list[str]:
    """Ids of the items that `rev`'s extractor and `after_rev`'s (or this checkout's) read differently."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "reserve.jsonl"
        source.write_text(
            "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8"
        )
        (Path(work) / "before").mkdir()
        (Path(work) / "after").mkdir()
        before = _meetings(_exported(rev, Path(work) / "before"), source)
        after = _meetings(_exported(after_rev, Path(work) / "after") if after_rev else ROOT, source)
    return [
        item["id"]
        for item in items
        if _reading(before.get(item["id"], [])) != _reading(after.get(item["id"], []))
    ]


def _listed() -> dict[str, str]:
    path = ids_path("reserve")
    if not path.is_file():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line)
    return {row[0]: row[1] for row in rows}


def record(step: str, items: list[dict]) -> list[dict]:
    """Adds the items not yet listed to reserve/ids.tsv under `step`; returns those it added."""
    listed = _listed()
    new = [item for item in items if item["id"] not in listed]
    path = ids_path("reserve")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file():
        path.write_text(HEADER, encoding="utf-8")
    with path.open("a", encoding="utf-8") as out:
        for item in new:
            out.write(
                f"{item['id']}\t{step}\t{outlet(item['id'])}\t{item.get('published') or ''}\t{_chars(item)}\n"
            )
    return new


def export(directory: Path, step: str, items: list[dict], batch: int) -> int:
    """Annotators' JSONL batches `reserve-STEP-NN.jsonl`; returns how many were written."""
    directory.mkdir(parents=True, exist_ok=True)
    return write_batches(items, batch, directory, f"reserve-{step}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw", help="draw the reserve items a step changes")
    drawing.add_argument("rev", help="the revision before the step")
    drawing.add_argument("--after", help="the revision of the step (default: this checkout)")
    drawing.add_argument("--step", required=True, help="a short name for the step (letters, digits, -)")
    drawing.add_argument("--export", type=Path, help="write the new items' annotators' batches here")
    drawing.add_argument("--batch", type=int, default=10)
    args = parser.parse_args()
    if not args.step.replace("-", "").isalnum():
        parser.error(f"--step {args.step!r}: letters, digits and '-' only")
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    drawn = {item_id for split in SETS for item_id in read_ids(split)}
    items = reserve_items(pool_items(), config, drawn)
    ids = set(changed(args.rev, items, args.after))
    new = record(args.step, [item for item in items if item["id"] in ids])
    # counts only: the reserve is blind's, and its texts are for annotators
    print(f"{len(ids)} of {len(items)} reserve items read differently; {len(new)} not listed before")
    if args.export and new:
        parts = export(args.export, args.step, new, args.batch)
        print(f"{parts} batches written to {args.export}")


if __name__ == "__main__":
    main()
