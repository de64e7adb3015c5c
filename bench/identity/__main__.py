"""bench/identity: cross-article identity measured on gold extractions (identity alone).

Writes the gold extractions of the annotated articles (dev, probe, train) into a clean graph, oldest
first, in batches of 50, then prints B³ precision/recall/F1 of Person nodes over named mentions and of
Meeting nodes over reports, the Person nodes that share one knowledge-base holder (one English name) and
the nodes whose English name is another person's (its gold cluster is not the one that English name's
holder belongs to most). Gold person clusters: bench/data/identity/persons.tsv (README there).

usage: python -m bench.identity [--uri bolt://127.0.0.1:47687] [--password ...] [--show-errors]
(wipes that database). --show-errors prints every Person node holding mentions of several gold persons
(precision errors) and every gold person spread over several nodes (recall errors), with each mention's
name, title, country and article.
"""

import argparse
import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from graph.articles import write_extractions
from graph.config import GraphConfig
from graph.driver import connect
from graph.keys import named_person_key, office_of, text_key
from graph.schema import migrate
from ingest.model import Article, Extraction, Meeting, Party, Place, Span

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "dev": ROOT.parent / "shared" / "eval" / "dev" / "gold",
    "probe": ROOT / "bench" / "data" / "probe" / "gold",
    "train": ROOT / "bench" / "data" / "corpus" / "train" / "gold",
}
PERSONS = ROOT / "bench" / "data" / "identity" / "persons.tsv"
BATCH = 50


def _party(gold: dict[str, Any]) -> Party:
    names = gold.get("names") or []
    name = max(names, key=len) if names else None
    return Party(name=name, role=gold.get("role"), country=gold.get("country"), org=gold.get("org"))


def _meeting(gold: dict[str, Any]) -> Meeting:
    place = gold.get("place") or None
    return Meeting(
        participants=[_party(p) for p in gold["participants"]],
        kind=gold.get("kind") or "in_person",
        status=gold.get("status") or "held",
        date=date.fromisoformat(gold["date"]) if gold.get("date") else None,
        place=Place(city=place.get("city"), country=place.get("country")) if place else None,
        topics=[],
        evidence=gold.get("evidence") or "",
        evidence_span=Span(start=0, end=0),
    )


def gold_items() -> list[tuple[Article, Extraction]]:
    items = []
    for label, folder in SETS.items():
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            key = f"{label}:{path.stem}"
            published = date.fromisoformat(gold["published"]) if gold.get("published") else None
            meetings = [_meeting(m) for m in gold.get("meetings", [])]
            article = Article(id=key, text=f"(gold {key})", published=published)  # one text each
            items.append((article, Extraction(id=key, meetings=meetings, extractor_version="gold", text="")))
    return sorted(items, key=lambda item: (item[0].published or date.max, item[0].key))


def gold_persons() -> dict[tuple[str, str], str]:
    """(name key, country) -> the real person's id, from the reviewed list."""
    with PERSONS.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {(text_key(row["name"]), row["country"]): row["person"] for row in rows}


def b_cubed(system: dict[Any, str], gold: dict[Any, str]) -> tuple[float, float, float]:
    items = [item for item in gold if item in system]
    by_system: dict[str, set[Any]] = defaultdict(set)
    by_gold: dict[str, set[Any]] = defaultdict(set)
    for item in items:
        by_system[system[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        same = len(by_system[system[item]] & by_gold[gold[item]])
        precision += same / len(by_system[system[item]])
        recall += same / len(by_gold[gold[item]])
    p, r = precision / len(items), recall / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


MENTION_PERSONS = """
MATCH (g:Merge) WHERE NOT g.undone
RETURN g.key AS key, g.person AS person, g.sources AS sources
"""
PERSON_NAMES = "MATCH (p:Person) WHERE NOT p.unnamed RETURN p.id AS id, p.name_en AS name_en"


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def measure(uri: str, password: str) -> dict[str, Any]:
    graph = connect(GraphConfig(uri=uri, password=password))
    graph.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    migrate(graph)
    items = gold_items()
    meeting_of: dict[tuple[str, int], str] = {}
    for chunk in _chunks(items, BATCH):
        summary = write_extractions(graph, chunk)
        for article, ids in summary.meeting_ids.items():
            meeting_of |= {(article, index): meeting for index, meeting in enumerate(ids)}
    merged = {
        (row["key"], source): row["person"]
        for row in graph.read(MENTION_PERSONS)
        for source in row["sources"]
    }
    english = {row["id"]: row["name_en"] for row in graph.read(PERSON_NAMES)}
    graph.close()
    persons = gold_persons()
    system_people: dict[tuple[str, int, int], str] = {}
    gold_people: dict[tuple[str, int, int], str] = {}
    said: dict[tuple[str, int, int], str] = {}
    gold_meetings: dict[tuple[str, int], str] = {}
    for article, extraction in items:
        for index, meeting in enumerate(extraction.meetings):
            sides = []
            for position, party in enumerate(meeting.participants):
                if not party.name:
                    sides.append(f"{office_of(party)}/{party.country or party.org}")
                    continue
                surface = named_person_key(party)
                mention = (article.key, index, position)
                system_people[mention] = merged.get((surface, article.key), surface)
                real = persons.get((text_key(party.name), party.country or ""), f"?{surface}")
                gold_people[mention] = real
                said[mention] = f"{party.name} | {party.role or '-'} | {party.country or party.org or '-'}"
                sides.append(real)
            day = meeting.date or article.published
            gold_meetings[(article.key, index)] = json.dumps(
                [sorted(sides), meeting.kind, meeting.status, str(day)]
            )
    shared = Counter(name for name in english.values() if name)
    return {
        "articles": len(items),
        "named_mentions": len(gold_people),
        "persons": b_cubed(system_people, gold_people),
        "meetings": b_cubed({k: v for k, v in meeting_of.items() if v}, gold_meetings),
        "person_nodes": len(english),
        "nodes_sharing_a_kb_holder": sum(n for n in shared.values() if n > 1),
        "errors": _errors(system_people, gold_people, said),
    }


def _errors(
    system: dict[tuple[str, int, int], str],
    gold: dict[tuple[str, int, int], str],
    said: dict[tuple[str, int, int], str],
) -> list[str]:
    """Nodes that hold several gold persons, then gold persons spread over several nodes."""
    lines: list[str] = []
    for title, by, other in (("MERGED", system, gold), ("SPLIT", gold, system)):
        clusters: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for mention in sorted(by):
            clusters[by[mention]].append(mention)
        for key, mentions in sorted(clusters.items()):
            if len({other[m] for m in mentions}) < 2:
                continue
            lines.append(f"{title} {key}")
            for mention in sorted(mentions, key=lambda m: (other[m], m)):
                lines.append(f"    {other[mention][:20]:20}  {said[mention]}  [{mention[0]}]")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uri", default="bolt://127.0.0.1:47687")
    parser.add_argument("--password", default="didar-test-only")
    parser.add_argument("--show-errors", action="store_true", help="print merged and split persons")
    args = parser.parse_args()
    result = measure(args.uri, args.password)
    errors = result.pop("errors")
    if args.show_errors:
        print("\n".join(errors))
    for key, value in result.items():
        if isinstance(value, tuple):
            print(f"{key:28} P={value[0]:.3f} R={value[1]:.3f} F1={value[2]:.3f}")
        else:
            print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
