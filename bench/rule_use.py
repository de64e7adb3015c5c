#!/usr/bin/env python3
"""How many articles a rule of ingest/ serves: each switch turns one function off, and what the
extractor outputs with it is compared item by item with what it outputs without it, over dev, probe,
train and pool items outside blind's hash class. Counts only, and for dev, probe and train how many of
the changed articles read better or worse in pairs (bench/quality's scorer).

The review's house rule takes out a rule that serves at most one article (bench/README, "The steps of
session 24"). Pairs alone miss what a rule does to a role, a country or a date, so every field counts
here; blind is never read (a rule kept or dropped on blind's pairs is judged by bench/quality, figures
only, after the change).

    .venv/bin/python -m bench.rule_use ingest.meetings:MeetingReader._heads_clause=false
    .venv/bin/python -m bench.rule_use ingest.parties:SentenceParties._joined_groups=same --pool 2000

A switch is MODULE:NAME=VALUE. NAME is a function of MODULE or a CLASS.METHOD; VALUE is what it returns
instead: `false`, `none`, `empty` (a new empty list) or `same` (its first argument, after `self` for a
method: a pass over a list that leaves it as it was). A function that another module imports by name is
switched where it is called (`ingest.meetings:is_venue=false`). About 20 s per switch on two cores for
dev, probe, train and 5,000 pool items.
"""

import argparse
import hashlib
import importlib
import json
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus_split  # noqa: E402
from bench.quality import load, scorer  # noqa: E402

ANNOTATED = ("dev", "probe", "train")
POOL_ITEMS = 5000
WORKERS = 2
RETURNS: dict[str, Callable[[tuple], object]] = {
    "false": lambda arguments: False,
    "none": lambda arguments: None,
    "empty": lambda arguments: [],
    "same": lambda arguments: arguments[0],
}


@dataclass(frozen=True)
class Switch:
    module: str
    owner: str | None  # the class of a method, None for a module's function
    name: str
    value: str

    @classmethod
    def parse(cls, text: str) -> "Switch":
        try:
            target, value = text.rsplit("=", 1)
            module, path = target.split(":", 1)
        except ValueError:
            raise SystemExit(f"bench/rule_use: {text!r} is no MODULE:NAME=VALUE switch") from None
        if value not in RETURNS:
            raise SystemExit(f"bench/rule_use: {text!r}: the value is one of {', '.join(RETURNS)}")
        owner, _, name = path.rpartition(".")
        return cls(module, owner or None, name, value)

    def apply(self) -> None:
        """Replace the function in this process: it returns the switch's value."""
        module = importlib.import_module(self.module)
        holder = getattr(module, self.owner) if self.owner else module
        if not callable(getattr(holder, self.name, None)):
            raise SystemExit(f"bench/rule_use: {self.module} has no function {self.owner or ''}.{self.name}")
        returns = RETURNS[self.value]
        skip = 1 if self.owner else 0  # a method's first argument is the instance

        def switched(*arguments: object, **_: object) -> object:
            return returns(arguments[skip:])

        setattr(holder, self.name, switched)

    def __str__(self) -> str:
        return f"{self.owner + '.' if self.owner else ''}{self.name}={self.value}"


def _items(pool: int) -> tuple[list[dict], dict[str, str]]:
    """The items with their set: dev, probe and train, then the first `pool` pool items by sha256 of
    their id that are in none of them and outside blind's hash class."""
    items: list[dict] = []
    set_of: dict[str, str] = {}
    for name in ANNOTATED:
        for article in load(name).articles:
            key = f"{name}:{article['id']}"
            items.append({**article, "id": key})
            set_of[key] = name
    seed = json.loads(corpus_split.CONFIG.read_text(encoding="utf-8"))["seed"]
    taken = {key.split(":", 1)[1] for key in set_of}
    others = corpus_split.outside_blind(corpus_split.pool_items(), seed, taken)
    others.sort(key=lambda item: hashlib.sha256(item["id"].encode()).hexdigest())
    for item in others[:pool]:
        key = f"pool:{item['id']}"
        items.append({**item, "id": key})
        set_of[key] = "pool"
    return items, set_of


def _extract(switch: str | None, items: list[dict]) -> dict[str, dict]:
    """The contract's record of each item, with `switch` applied (in a process of its own)."""
    if switch is not None:
        Switch.parse(switch).apply()
    from app.cli_extract import _output
    from ingest.model import Article
    from ingest.pipeline import extract

    found = {}
    for item in items:
        article = Article(**{**item, "title": item.get("title") or "", "text": item.get("text") or ""})
        found[item["id"]] = json.loads(_output(extract(article), article))
    return found


def _run(switch: str | None, items: list[dict]) -> dict[str, dict]:
    pieces = [items[start::WORKERS] for start in range(WORKERS)]
    with ProcessPoolExecutor(WORKERS) as workers:
        parts = list(workers.map(_extract, [switch] * WORKERS, pieces))
    return {key: record for part in parts for key, record in part.items()}


@cache
def _scorer() -> ModuleType:
    return scorer()


def _pair_score(gold: dict, record: dict) -> int:
    """tp - fp - fn of pairs: higher is better."""
    score = _scorer()
    truth, predicted = gold.get("meetings", []), record.get("meetings") or []
    tp = sum(score.n_pairs(len(matched)) for _, _, matched in score.align_meetings(predicted, truth))
    fp = sum(score.n_pairs(len(m.get("participants", []))) for m in predicted) - tp
    fn = sum(score.n_pairs(len(m.get("participants", []))) for m in truth) - tp
    return tp - fp - fn


def _move(gold: dict, before: dict, after: dict) -> int:
    """1 where the switched record reads better in pairs, -1 worse, 0 the same."""
    old, new = _pair_score(gold, before), _pair_score(gold, after)
    return (new > old) - (new < old)


def _gold() -> dict[str, dict]:
    found = {}
    for name in ANNOTATED:
        for path in load(name).gold_dir.glob("*.json"):
            found[f"{name}:{path.stem}"] = json.loads(path.read_text(encoding="utf-8"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("switches", nargs="+", help="MODULE:NAME=VALUE")
    parser.add_argument("--pool", type=int, default=POOL_ITEMS, help=f"pool items (default {POOL_ITEMS})")
    args = parser.parse_args()
    switches = [Switch.parse(text) for text in args.switches]
    items, set_of = _items(args.pool)
    gold = _gold()
    base = _run(None, items)
    sizes = Counter(set_of.values())
    print(f"items: {', '.join(f'{name} {sizes[name]}' for name in (*ANNOTATED, 'pool'))}")
    for switch, text in zip(switches, args.switches, strict=True):
        records = _run(text, items)
        changed = [key for key, record in records.items() if record != base[key]]
        parts = []
        for name in (*ANNOTATED, "pool"):
            keys = [key for key in changed if set_of[key] == name]
            part = f"{name} {len(keys)}"
            if name != "pool" and keys:
                moves = Counter(_move(gold[key], base[key], records[key]) for key in keys if key in gold)
                part += f" (pairs: {moves[1]} better, {moves[-1]} worse)"
            parts.append(part)
        print(f"{switch}: changes {len(changed)}: {'; '.join(parts)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
