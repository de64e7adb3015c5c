"""Person search on the large bench graph: does `/persons?q=NAME` list only the persons of that name?

Asks the API (in-process, on the bench graph of bench/api: 100,000 synthetic articles, bench/api_graph.py,
built once in its own Neo4j, var/neo4j-bench) for each query and prints every person it lists, marking
one whose Persian name lacks the expected surname and whose English name is not a spelling of the query
(graph/keys.py latin_key). Also prints whom `person=QUERY` stands for in meeting filters. A check, not a
timing: it exits 1 when a query lists someone of another name.

usage: python -m bench.search [--uri bolt://... --password ...] [QUERY=SURNAME ...]
(without --uri: the bench's own server, started and built if need be; with it: that server, built into
if it lacks the bench graph, which wipes it)
"""

import argparse
import sys

from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.api import create_app
from app.settings import Settings
from bench.api_setup import BENCH_PASSWORD, bench_neo4j, ensure_graph
from graph.keys import latin_key, text_key

ARTICLES, SEED = 100_000, 0
QUERIES = ("araghchi=عراقچی", "Araqchi=عراقچی", "عراقچی=عراقچی", "qalibaf=قالیباف", "Ghalibaf=قالیباف")


def _fits(person: dict[str, object], query: str, surname: str) -> bool:
    name = text_key(str(person.get("name") or ""))
    english = latin_key(str(person.get("name_en") or "")).split()
    return text_key(surname) in name.split() or any(word in english for word in latin_key(query).split())


def check(settings: Settings, queries: list[str]) -> int:
    wrong = 0
    with TestClient(create_app(settings)) as client:
        for pair in queries:
            query, _, surname = pair.partition("=")
            found = client.get("/persons", params={"q": query, "limit": 200}).json()["persons"]
            others = [p for p in found if not _fits(p, query, surname or query)]
            wrong += len(others)
            print(f"/persons?q={query}: {len(found)} persons, {len(others)} of another name")
            for person in found:
                mark = "  <-- another name" if person in others else ""
                said = f"{person['name']}  {person['name_en'] or '-'}  {person['meetings']} meetings"
                print(f"    {person['id']}  {said}{mark}")
            filters = client.get("/meetings", params={"person": query, "limit": 1}).json()["filters"]
            print(f"  person={query} stands for {len(filters['persons'])}: {', '.join(filters['persons'])}")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uri")
    parser.add_argument("--password", default=BENCH_PASSWORD)
    parser.add_argument("queries", nargs="*", default=list(QUERIES), help="QUERY=EXPECTED_PERSIAN_SURNAME")
    args = parser.parse_args()
    if args.uri:
        settings = Settings(neo4j_uri=args.uri, neo4j_password=SecretStr(args.password))
        ensure_graph_at(settings)
    else:
        server = bench_neo4j()
        server.start()
        ensure_graph(server, ARTICLES, SEED)
        settings = Settings(neo4j_uri=server.bolt_uri, neo4j_password=SecretStr(BENCH_PASSWORD))
    sys.exit(1 if check(settings, args.queries) else 0)


def ensure_graph_at(settings: Settings) -> None:
    """Build the bench graph on another server unless it holds it already."""
    from bench.api_graph import batches
    from bench.api_setup import LAST_ARTICLE
    from graph.articles import write_extractions
    from graph.driver import connect
    from graph.schema import migrate

    graph = connect(settings.neo4j)
    try:
        found = graph.read(LAST_ARTICLE, id=f"bench-api-{SEED}-{ARTICLES - 1:06d}")
        migrate(graph)
        if found and found[0]["articles"] == ARTICLES:
            return
        graph.run_in_transactions("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
        for batch in batches(ARTICLES, SEED, 1000):
            write_extractions(graph, batch)
    finally:
        graph.close()


if __name__ == "__main__":
    main()
