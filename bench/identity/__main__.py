"""bench/identity: cross-article identity, from gold extractions (identity alone) and end to end.

Writes the annotated articles (dev, probe, train) into a clean graph, oldest first, in batches of 50,
once as their gold extractions and once through the extractor (`ingest.pipeline.extract`, as `didar
extract` runs it), and prints for each: B³ precision/recall/F1 of Person nodes over named mentions and
of Meeting nodes over reports, the Person nodes that share one knowledge-base holder (one English name)
and the nodes whose English name is another person's. When bench/data/identity/events exists (event
clusters: several outlets' reports of one meeting), its items are written the same two ways into a
clean graph of their own and meetings are scored over those clusters. How gold is read and what end to
end scores: bench/identity/scoring.py; gold person clusters: bench/data/identity/persons.tsv.

usage: python -m bench.identity [--uri bolt://127.0.0.1:47687] [--password ...] [--mode gold|e2e|both]
       [--show-errors]
(wipes that database). --show-errors prints every Person node holding mentions of several gold persons
(precision errors) and every gold person spread over several nodes (recall errors), with each mention's
name, title, country and article.
"""

import argparse
from collections.abc import Iterable
from typing import Any, LiteralString

from bench.identity.items import Item, event_clusters, event_items, extracted, set_items
from bench.identity.scoring import (
    Written,
    english_names,
    errors,
    event_reports,
    gold_meetings,
    gold_persons,
    meeting_scores,
    person_scores,
)
from graph.articles import write_extractions
from graph.config import GraphConfig
from graph.driver import connect
from graph.schema import migrate

BATCH = 50
MENTION_PERSONS: LiteralString = """
MATCH (g:Merge) WHERE NOT g.undone
RETURN g.key AS key, g.person AS person, g.sources AS sources
"""
PERSON_NAMES: LiteralString = "MATCH (p:Person) WHERE NOT p.unnamed RETURN p.id AS id, p.name_en AS name_en"


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write(uri: str, password: str, items: list[Item]) -> Written:
    """Write the items into a clean graph, as the worker would, and read back what identity made."""
    graph = connect(GraphConfig(uri=uri, password=password))
    graph.write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
    migrate(graph)
    meeting_of: dict[tuple[str, int], str] = {}
    for chunk in _chunks(items, BATCH):
        summary = write_extractions(graph, [(item.article, item.extraction) for item in chunk])
        for article, ids in summary.meeting_ids.items():
            meeting_of |= {(article, index): meeting for index, meeting in enumerate(ids) if meeting}
    merged = {
        (row["key"], source): row["person"]
        for row in graph.read(MENTION_PERSONS)
        for source in row["sources"]
    }
    english = {row["id"]: row["name_en"] for row in graph.read(PERSON_NAMES)}
    graph.close()
    return Written(meeting_of, merged, english)


def measure(
    uri: str, password: str, items: list[Item], events: list[Item], show_errors: bool
) -> dict[str, Any]:
    persons = gold_persons()
    written = write(uri, password, items)
    people = person_scores(items, written, persons)
    meetings, scored = meeting_scores(items, written, gold_meetings(items, persons))
    sharing, borrowed = english_names(people, written)
    reports = sum(len(item.gold.get("meetings", [])) for item in items)
    result: dict[str, Any] = {
        "articles": len(items),
        "named mentions scored": f"{people.scored} of {people.total}",
        "persons": people.prf,
        "meeting reports scored": f"{scored} of {reports}",
        "meetings": meetings,
        "person nodes": len(written.english),
        "nodes sharing a kb holder": sharing,
        "borrowed english names": borrowed,
    }
    if events:
        clusters = event_clusters() or {}
        gold = event_reports(events, clusters)
        written = write(uri, password, events)
        result["event clusters read"] = f"{len(set(clusters.values()))} ({len(events)} items)"
        result["event reports scored"] = f"{meeting_scores(events, written, gold)[1]} of {len(gold)}"
        result["meetings over events"] = meeting_scores(events, written, gold)[0]
    if show_errors:
        result["errors"] = errors(people)
    return result


def _print(title: str, result: dict[str, Any]) -> None:
    print(title)
    for line in result.pop("errors", []):
        print(line)
    for key, value in result.items():
        if isinstance(value, tuple):
            print(f"  {key:28} P={value[0]:.3f} R={value[1]:.3f} F1={value[2]:.3f}")
        else:
            print(f"  {key:28} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uri", default="bolt://127.0.0.1:47687")
    parser.add_argument("--password", default="didar-test-only")
    parser.add_argument("--mode", choices=("gold", "e2e", "both"), default="both")
    parser.add_argument("--show-errors", action="store_true", help="print merged and split persons")
    args = parser.parse_args()
    items = set_items()
    clusters = event_clusters()
    events = event_items(clusters) if clusters else []
    if args.mode in ("gold", "both"):
        _print("gold extractions", measure(args.uri, args.password, items, events, args.show_errors))
    if args.mode in ("e2e", "both"):
        result = measure(args.uri, args.password, extracted(items), extracted(events), args.show_errors)
        _print("end to end (the extractor)", result)


if __name__ == "__main__":
    main()
