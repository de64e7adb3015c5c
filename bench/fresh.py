"""What the extractor reads in pool items nobody has read: precision and recall by eye, outside the gold.

Train's errors are what the rules were fitted on; blind may not be read. The pool items of train's hash
class that no annotated set holds are neither: taken in the order of a salt of the reader's choosing (a
new salt each session, so that no item is read twice), they show what the rules do to unseen text.
Blind's hash class and its reserve are never printed.

  .venv/bin/python -m bench.fresh --salt s34 -n 30                # items with output: text and meetings
  .venv/bin/python -m bench.fresh --salt s34 -n 30 --skip 30      # the next 30
  .venv/bin/python -m bench.fresh --salt s34 -n 30 --silent       # items with a meeting word, no output
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus_split  # noqa: E402
from bench.quality import load  # noqa: E402
from ingest.model import Article, Extraction  # noqa: E402
from ingest.pipeline import extract  # noqa: E402

TEXT_SHOWN = 1200  # characters of an item's text printed
SILENT_MAX_CHARS = 3000  # a silent item is read whole, sentence by sentence


def fresh_order(items: Iterable[dict], *, salt: str, seed: str, taken: set[str]) -> list[dict]:
    """The items outside blind's hash class (by the split's `seed`) and outside `taken`, in
    sha256(salt:id) order."""
    kept = corpus_split.outside_blind(items, seed, taken)
    return sorted(kept, key=lambda item: hashlib.sha256(f"{salt}:{item['id']}".encode()).hexdigest())


def fresh_items(salt: str) -> list[dict]:
    """The pool's items that neither blind's hash class nor an annotated set holds, in the salt's order."""
    seed = json.loads(corpus_split.CONFIG.read_text(encoding="utf-8"))["seed"]
    taken = {article["id"] for name in ("dev", "probe", "train") for article in load(name).articles}
    return fresh_order(corpus_split.pool_items(), salt=salt, seed=seed, taken=taken)


def _extraction(item: dict) -> Extraction:
    return extract(Article(**{**item, "title": item.get("title") or "", "text": item.get("text") or ""}))


def _meeting_words() -> re.Pattern[str]:
    config = json.loads(corpus_split.CONFIG.read_text(encoding="utf-8"))
    return re.compile("|".join(map(re.escape, config["meeting_words"])))


def read(salt: str, count: int, skip: int, *, silent: bool) -> Iterator[str]:
    """The report of each item shown: with output (its text and meetings), or `silent` (a meeting word
    in a short item and no output: the sentences with a meeting word)."""
    words = _meeting_words()
    shown = 0
    for item in fresh_items(salt):
        text = item.get("text") or ""
        if silent and (len(text) > SILENT_MAX_CHARS or not words.search(text)):
            continue
        meetings = _extraction(item).meetings
        if bool(meetings) == silent:
            continue
        shown += 1
        if shown <= skip:
            continue
        lines = [f"===== {item['id']} {item.get('published') or ''}", f"TITLE: {item.get('title') or ''}"]
        if silent:
            lines += [f"    {s.strip()}" for s in re.split(r"(?<=[.!؟\n])", text) if words.search(s)]
        else:
            lines.append(text[:TEXT_SHOWN].replace("\n", " ¶ "))
            for meeting in meetings:
                parties = [(p.name, p.role, p.country) for p in meeting.participants]
                lines += [f"  OUT {meeting.status} {meeting.kind} {parties}", f"      EV: {meeting.evidence}"]
        yield "\n".join(lines)
        if shown >= skip + count:
            return


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--salt", required=True, help="the order's salt: a new one each session")
    parser.add_argument("-n", type=int, default=30, help="items shown")
    parser.add_argument("--skip", type=int, default=0, help="items of this order already read")
    parser.add_argument("--silent", action="store_true", help="items with a meeting word and no output")
    arguments = parser.parse_args()
    for report in read(arguments.salt, arguments.n, arguments.skip, silent=arguments.silent):
        print(report)


if __name__ == "__main__":
    main()
