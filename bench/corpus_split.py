"""Draws the annotated train/blind sample of the raw news pool by a fixed rule, before anyone reads it.

The rule (config: bench/data/corpus/split.json):
- Each pool item falls in one stratum by its own text, never by the extractor: (a) one sentence holds a
  meeting word and an official's title word, (b) some other meeting word, (c) none. Items longer than
  `max_chars` are left out (annotation cost).
- Within a stratum the items are ordered by sha256(seed:id), taken round-robin over outlets (so that
  Telegram's many posts do not crowd out the news sites) and drawn as a prefix of `draw[stratum]` items.
  Raising a prefix only adds items; nothing drawn before changes.
- The same hash puts a drawn item in blind (hash mod 3 == 0) or train.

  .venv/bin/python -m bench.corpus_split              # writes bench/data/corpus/{train,blind}/ids.tsv
  .venv/bin/python -m bench.corpus_split --export var/annot --batch 20
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "bench" / "data" / "corpus" / "split.json"
POOL = ROOT.parent / "shared" / "corpus" / "pool.jsonl.gz"
SETS = ("train", "blind")
_SENTENCE_END = re.compile(r"[.!?؟\n:؛]")
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u200c": " ", "ـ": ""})


@dataclass(frozen=True)
class Drawn:
    id: str
    stratum: str
    outlet: str
    published: str
    chars: int
    rank: int
    split: str


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_FOLD))


def _hash(seed: str, item_id: str) -> int:
    return int(hashlib.sha256(f"{seed}:{item_id}".encode()).hexdigest(), 16)


def in_blind_class(item_id: str, seed: str) -> bool:
    """Whether the hash puts an item on blind's side, drawn or not (the drawn ones are blind, the rest
    blind's reserve: `bench/reserve.py`). No tool prints such an item's text to whoever tunes rules."""
    return _hash(seed, item_id) % 3 == 0


def outside_blind(items: Iterable[dict], seed: str, taken: set[str]) -> list[dict]:
    """The items of train's side of the hash that no annotated set holds (`taken`): what the team may
    read and no gold covers (bench/rule_use.py, bench/fresh.py)."""
    return [item for item in items if item["id"] not in taken and not in_blind_class(item["id"], seed)]


def outlet(item_id: str) -> str:
    """`tg-farsna-123` -> `tg-farsna`, `tabnak-953290` -> `tabnak`."""
    head, _, rest = item_id.partition("-")
    return f"{head}-{rest.rsplit('-', 1)[0]}" if head == "tg" else head


def stratum(title: str, text: str, config: dict) -> str:
    meeting = [_fold(w) for w in config["meeting_words"]]
    titles = [_fold(w) for w in config["title_words"]]
    whole = _fold(f"{title}\n{text}")
    for sentence in _SENTENCE_END.split(f"{title}\n{text}"):
        folded = _fold(sentence)
        if any(w in folded for w in meeting) and any(t in folded for t in titles):
            return "a"
    return "b" if any(w in whole for w in meeting) else "c"


def pool_items(path: Path = POOL) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def draw(config: dict, items: Iterator[dict]) -> list[Drawn]:
    seed = config["seed"]
    by_stratum: dict[str, dict[str, list[tuple[int, dict]]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        chars = len(item.get("title") or "") + len(item.get("text") or "")
        if chars > config["max_chars"]:
            continue
        key = stratum(item.get("title") or "", item.get("text") or "", config)
        by_stratum[key][outlet(item["id"])].append((_hash(seed, item["id"]), item))
    drawn: list[Drawn] = []
    for key in sorted(config["draw"]):
        queues = {name: sorted(rows, key=lambda row: row[0]) for name, rows in by_stratum[key].items()}
        for rank, (_, item) in enumerate(_round_robin(queues)):
            if rank >= config["draw"][key]:
                break
            drawn.append(
                Drawn(
                    id=item["id"],
                    stratum=key,
                    outlet=outlet(item["id"]),
                    published=item.get("published") or "",
                    chars=len(item.get("title") or "") + len(item.get("text") or ""),
                    rank=rank,
                    split="blind" if in_blind_class(item["id"], seed) else "train",
                )
            )
    return drawn


def _round_robin(queues: dict[str, list[tuple[int, dict]]]) -> Iterator[tuple[int, dict]]:
    position = 0
    names = sorted(queues)
    while any(position < len(queues[name]) for name in names):
        for name in names:
            if position < len(queues[name]):
                yield queues[name][position]
        position += 1


def ids_path(split: str) -> Path:
    return ROOT / "bench" / "data" / "corpus" / split / "ids.tsv"


def write_ids(drawn: list[Drawn]) -> None:
    for split in SETS:
        path = ids_path(split)
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = [d for d in drawn if d.split == split]
        with path.open("w", encoding="utf-8") as out:
            out.write("id\tstratum\trank\toutlet\tpublished\tchars\n")
            for d in rows:
                out.write(f"{d.id}\t{d.stratum}\t{d.rank}\t{d.outlet}\t{d.published}\t{d.chars}\n")


def read_ids(split: str) -> list[str]:
    lines = ids_path(split).read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t", 1)[0] for line in lines if line]


def articles(split: str, pool: Path = POOL) -> list[dict]:
    """The drawn items of one split, in ids.tsv order, in the extract contract's shape."""
    wanted = read_ids(split)
    wanted_set = set(wanted)
    found = {item["id"]: item for item in pool_items(pool) if item["id"] in wanted_set}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise SystemExit(f"{ids_path(split)}: {len(missing)} ids not in {pool}, e.g. {missing[0]}")
    return [found[i] for i in wanted]


def export(directory: Path, batch: int) -> None:
    """JSONL batches for annotators, `SPLIT-NN.jsonl`, in draw order. Items already in a batch of the
    folder stay where they are: a larger draw only adds batches."""
    directory.mkdir(parents=True, exist_ok=True)
    for split in SETS:
        done = {
            json.loads(line)["id"]
            for part in directory.glob(f"{split}-*.jsonl")
            for line in part.read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
        items = [item for item in articles(split) if item["id"] not in done]
        first = len(list(directory.glob(f"{split}-*.jsonl"))) + 1
        write_batches(items, batch, directory, split, first)


def write_batches(items: list[dict], batch: int, directory: Path, prefix: str, first: int = 1) -> int:
    """Annotators' JSONL batches of `batch` items, `PREFIX-NN.jsonl` numbered from `first`; returns how
    many were written."""
    parts = 0
    for start in range(0, len(items), batch):
        with (directory / f"{prefix}-{first + parts:02d}.jsonl").open("w", encoding="utf-8") as out:
            for item in items[start : start + batch]:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        parts += 1
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--export", type=Path, help="write annotators' JSONL batches into this folder")
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    if args.export:
        export(args.export, args.batch)
        return
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    drawn = draw(config, pool_items())
    write_ids(drawn)
    for split in SETS:
        rows = [d for d in drawn if d.split == split]
        strata = {k: sum(d.stratum == k for d in rows) for k in sorted(config["draw"])}
        print(f"{split}: {len(rows)} items, strata {strata}")


if __name__ == "__main__":
    main()
