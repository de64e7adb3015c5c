#!/usr/bin/env python3
"""Where the knowledge base's officeholders lag the news: the pool's own appositions, month by month.

Every pool item outside blind's hash class (blind and its reserve) published since `--since` runs
through the extractor's passes up to the party phrases; each phrase that gives a name, a title and a
state ("علی الزیدی، نخست‌وزیر عراق") counts once for that office and month. An office is printed when,
in some month, at least `--min` of its phrases name someone other than the knowledge base's holder that
month (or the base has none), with the names the pool gives and an item for each, for whoever updates
`ingest/data/officeholders.tsv`: a successor the base lacks, a spelling its aliases lack (`پیت هگزث`),
an office it has no holder for. Offices many hold at once (ambassadors, senators) and misread phrases
print too: read it as a list of leads, not of facts.

    bench/officeholders.py --since 2026-01 --min 5

Needs `../shared` (the pool). Blind's items are not read.
"""

import argparse
import json
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_split import CONFIG, in_blind_class, pool_items  # noqa: E402
from ingest.doc import Doc  # noqa: E402
from ingest.knowledge import Officeholder, knowledge  # noqa: E402
from ingest.model import Article  # noqa: E402
from ingest.passes.parties import find_parties  # noqa: E402
from ingest.pipeline import PASSES  # noqa: E402
from ingest.resolve import same_name  # noqa: E402

_UP_TO_PARTIES = PASSES[: PASSES.index(find_parties) + 1]

Apposition = tuple[str, str, str, str, str]  # title id, state, month, name, item id


def appositions(item: dict) -> list[Apposition]:
    doc = Doc(Article.model_validate({**item, "text": item.get("text") or ""}))
    for step in _UP_TO_PARTIES:
        doc = step(doc)
    return [
        (phrase.title_id, phrase.country, item["published"][:7], phrase.name, item["id"])
        for analysis in doc.parties
        for phrase in analysis.parties
        # a group and one state's share of a plural title name nobody; a time word (former, then, new)
        # puts the holder in another month
        if phrase.name and phrase.title_id and phrase.country
        if not (phrase.group or phrase.of_plural_title or phrase.tense)
    ]


def _items(since: str) -> list[dict]:
    # blind and its reserve (bench/reserve.py) stay unread: the report prints items
    seed = json.loads(CONFIG.read_text(encoding="utf-8"))["seed"]
    return [
        item
        for item in pool_items()
        if not in_blind_class(item["id"], seed) and (item.get("published") or "") >= since
    ]


def _agrees(name: str, holder: Officeholder | None) -> bool:
    return holder is not None and any(same_name(name, form) for form in (holder.name_fa, *holder.aliases))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--since", default="2026-01", help="first month read (YYYY-MM)")
    parser.add_argument("--min", type=int, default=5, help="mentions of another name in one month")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with ProcessPoolExecutor(args.jobs) as pool:
        found = [a for batch in pool.map(appositions, _items(args.since), chunksize=50) for a in batch]
    by_office: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    an_item: dict[tuple[str, str, str], str] = {}
    for title_id, state, month, name, item_id in found:
        by_office[(title_id, state)][month][name] += 1
        an_item.setdefault((title_id, state, name), item_id)
    kb = knowledge()
    print(f"{len(found)} appositions since {args.since}")
    for (title_id, state), months in sorted(by_office.items()):
        lines, lagging = [], False
        for month, names in sorted(months.items()):
            year, number = map(int, month.split("-"))
            holder = kb.holder(title_id, state, date(year, number, 15))
            others = Counter({name: n for name, n in names.items() if not _agrees(name, holder)})
            lagging = lagging or sum(others.values()) >= args.min
            shown = ", ".join(
                f"{name} x{n} ({an_item[(title_id, state, name)]})" for name, n in others.most_common(3)
            )
            lines.append(f"  {month}  base: {holder.name_fa if holder else '-'}  pool: {shown or 'agrees'}")
        if lagging:
            print(f"{title_id} {state}")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
