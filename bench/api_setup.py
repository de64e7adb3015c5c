"""The API bench's Neo4j and graph: its own server (never the demo's), built once and reused, and the
parameters the load is drawn from (real ids, topics and countries of that graph)."""

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import LiteralString

from app.settings import PROJECT_ROOT, Settings
from bench.api_graph import batches
from graph.articles import write_extractions
from graph.driver import Graph, connect
from graph.schema import migrate
from graph.server import LocalNeo4j

BENCH_PASSWORD = "didar-bench-password"
BENCH_HOME = PROJECT_ROOT / "var" / "neo4j-bench"
BATCH = 1000


def bench_neo4j() -> LocalNeo4j:
    return LocalNeo4j(
        BENCH_HOME, bolt_port=27687, http_port=27474, password=BENCH_PASSWORD, heap="1g", pagecache="1g"
    )


def bench_graph(server: LocalNeo4j) -> Graph:
    return connect(Settings(neo4j_uri=server.bolt_uri, neo4j_password=BENCH_PASSWORD).neo4j)


LAST_ARTICLE: LiteralString = "MATCH (a:Article {id: $id}) RETURN COUNT { MATCH (b:Article) } AS articles"
DELETE_IN_CHUNKS: LiteralString = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"


def ensure_graph(server: LocalNeo4j, articles: int, seed: int) -> float:
    """Build the bench graph unless it is already there; the seconds spent building (0 if reused)."""
    graph = bench_graph(server)
    try:
        found = graph.read(LAST_ARTICLE, id=f"bench-api-{seed}-{articles - 1:06d}")
        if found and found[0]["articles"] == articles:
            migrate(graph)
            return 0.0
        started = time.monotonic()
        with graph.driver.session(database=graph.database) as session:
            session.run(DELETE_IN_CHUNKS).consume()
        migrate(graph)
        done = 0
        for batch in batches(articles, seed, BATCH):
            write_extractions(graph, batch)
            done += len(batch)
            print(f"\rbuilding the bench graph: {done:,}/{articles:,} articles", end="", flush=True)
        print(f" in {time.monotonic() - started:.0f} s", flush=True)
        return time.monotonic() - started
    finally:
        graph.close()


@dataclass(frozen=True)
class Samples:
    persons: list[str]  # ids, busiest first, then some quieter ones
    person_pairs: list[tuple[str, str]]
    names: list[str]
    topics: list[str]
    country_pairs: list[tuple[str, str]]
    meetings: list[str]
    days: list[str]


BUSY_PERSONS: LiteralString = """
MATCH (p:Person) WHERE NOT p.unnamed
RETURN p.id AS id, p.name AS name, p.name_en AS name_en, COUNT { (p)-[:PARTICIPATED_IN]->() } AS meetings
ORDER BY meetings DESC, id LIMIT 400
"""
TOPICS: LiteralString = "MATCH (t:Topic) RETURN t.id AS id, t.label_en AS en, t.label_fa AS fa ORDER BY id"
COUNTRIES: LiteralString = "MATCH (c:Country) RETURN c.code AS code ORDER BY code"
MEETINGS: LiteralString = "MATCH (m:Meeting) RETURN m.id AS id ORDER BY id LIMIT 5000"


def samples(seed: int) -> Samples:
    """Parameters for each endpoint, from the bench graph (deterministic for a seed)."""
    pick = random.Random(seed)
    graph = bench_graph(bench_neo4j())
    try:
        persons = graph.read(BUSY_PERSONS)
        topics = graph.read(TOPICS)
        codes = [row["code"] for row in graph.read(COUNTRIES)]
        meetings = [row["id"] for row in graph.read(MEETINGS)]
    finally:
        graph.close()
    busy, quiet = persons[:40], persons[40:]
    chosen = busy[:20] + pick.sample(quiet, 30)
    names = [row["name"].split()[-1] for row in chosen[:25]] + [
        (row["name_en"] or row["name"]).split()[-1].lower() for row in busy[:25] if row["name_en"]
    ]
    others = [code for code in codes if code != "IR"]
    country_pairs = [("IR", code) for code in pick.sample(others, 10)] + [
        tuple(pick.sample(others, 2))
        for _ in range(10)  # type: ignore[misc]
    ]
    labels = [row[key] for row in topics for key in ("id", "en", "fa")]
    day = date(2004, 1, 1)
    days = [(day + timedelta(days=pick.randrange(8000))).isoformat() for _ in range(30)]
    return Samples(
        persons=[row["id"] for row in chosen],
        person_pairs=[(pick.choice(chosen)["id"], pick.choice(persons)["id"]) for _ in range(30)],
        names=names,
        topics=labels,
        country_pairs=country_pairs,
        meetings=pick.sample(meetings, 100),
        days=days,
    )
