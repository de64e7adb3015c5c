"""Migrations: applied in order, recorded, idempotent; the topic tree seeded from the lexicon."""

from neo4j import Driver

from graph.driver import Graph
from graph.schema import (
    LATEST_VERSION,
    MIGRATIONS,
    backfill_compared_keys,
    backfill_search_keys,
    backfill_spelling_keys,
    migrate,
    topic_rows,
)


def _count(driver: Driver, query: str) -> int:
    records, _, _ = driver.execute_query(query)  # type: ignore[arg-type]
    return int(records[0][0])


def test_migrations_apply_in_order_and_a_second_run_changes_nothing(
    graph: Graph, neo4j_driver: Driver
) -> None:
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n")  # the fixture migrated: start over

    first = migrate(graph)
    nodes = _count(neo4j_driver, "MATCH (n) RETURN count(n)")
    relationships = _count(neo4j_driver, "MATCH ()-[r]->() RETURN count(r)")
    second = migrate(graph)

    assert first.applied == [m.version for m in MIGRATIONS]
    assert first.topics_seeded
    assert second.applied == []
    assert not second.topics_seeded
    assert second.version == LATEST_VERSION
    assert _count(neo4j_driver, "MATCH (n) RETURN count(n)") == nodes
    assert _count(neo4j_driver, "MATCH ()-[r]->() RETURN count(r)") == relationships


def test_every_node_key_has_a_uniqueness_constraint(graph: Graph, neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' "
        "RETURN labelsOrTypes[0] AS label, properties[0] AS key"
    )
    keys = {(record["label"], record["key"]) for record in records}

    for label in ("Article", "Person", "Role", "Organization", "Meeting", "Topic", "Place"):
        assert (label, "id") in keys
    assert ("Country", "code") in keys
    assert ("Migration", "version") in keys


def test_the_topic_tree_is_seeded_with_its_parents(graph: Graph, neo4j_driver: Driver) -> None:
    rows = topic_rows()

    assert _count(neo4j_driver, "MATCH (t:Topic) RETURN count(t)") == len(rows)
    assert _count(neo4j_driver, "MATCH (:Topic)-[r:SUBTOPIC_OF]->(:Topic) RETURN count(r)") == sum(
        1 for row in rows if row["parent"]
    )
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (:Topic {id: 'karabakh'})-[:SUBTOPIC_OF]->(p:Topic) "
        "RETURN p.label_en AS label, p.label_fa AS fa"
    )
    assert (records[0]["label"], records[0]["fa"]) == ("South Caucasus", "قفقاز")


def test_a_changed_topic_tree_is_reseeded(graph: Graph, neo4j_driver: Driver) -> None:
    neo4j_driver.execute_query("MATCH (s:Seed) SET s.checksum = 'stale'")
    neo4j_driver.execute_query("MATCH (t:Topic {id: 'karabakh'}) SET t.label_en = 'old label'")

    report = migrate(graph)

    records, _, _ = neo4j_driver.execute_query("MATCH (t:Topic {id: 'karabakh'}) RETURN t.label_en AS label")
    assert report.topics_seeded
    assert records[0]["label"] == "Karabakh"


def test_persons_written_before_spelling_keys_get_theirs(graph: Graph, neo4j_driver: Driver) -> None:
    """Migration 11's backfill: a foreign name gets the key its transliterations share, a Persian one
    none, and a person that has one keeps it."""
    neo4j_driver.execute_query(
        "CREATE (:Person {id: 'p-1', unnamed: false, name_key: 'مایک پامپئو'}), "
        "(:Person {id: 'p-2', unnamed: false, name_key: 'حسن روحانی'}), "
        "(:Person {id: 'p-3', unnamed: false, name_key: 'مایک پنس', spelling_key: 'kept'}), "
        "(:Person {id: 'p-4', unnamed: true})"
    )
    backfill_spelling_keys(graph)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) RETURN p.id AS id, p.spelling_key AS key ORDER BY id"
    )
    assert [(r["id"], r["key"]) for r in records] == [
        ("p-1", "مک پمپو"), ("p-2", None), ("p-3", "kept"), ("p-4", None)
    ]  # fmt: skip


def test_persons_written_before_hamza_seats_were_folded_get_folded_keys(
    graph: Graph, neo4j_driver: Driver
) -> None:
    """Migration 12's backfill: a name written with a hamza seat is compared without it; its own name
    stays as written, and a name without one is not touched."""
    neo4j_driver.execute_query(
        "CREATE (:Person {id: 'p-1', unnamed: false, name_key: 'ابراهیم رئیسی', compact_key: 'ابراهیمرئیسی', "
        "surname_key: 'رئیسی', tail_key: 'ابراهیمرئیسی'}), "
        "(:Person {id: 'p-2', unnamed: false, name_key: 'حسن روحانی', compact_key: 'untouched'})"
    )
    backfill_compared_keys(graph)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) RETURN p.id AS id, p.name_key AS name, p.compact_key AS compact, "
        "p.surname_key AS surname ORDER BY id"
    )
    assert [(r["id"], r["name"], r["compact"], r["surname"]) for r in records] == [
        ("p-1", "ابراهیم رئیسی", "ابراهیمرییسی", "رییسی"),
        ("p-2", "حسن روحانی", "untouched", None),
    ]


def test_persons_written_before_search_folded_hamza_seats_get_a_search_key(
    graph: Graph, neo4j_driver: Driver
) -> None:
    """Migration 13's backfill: the search key is the name key with its hamza seats folded; an unnamed
    person gets none, and a key already written stays."""
    neo4j_driver.execute_query(
        "CREATE (:Person {id: 'p-1', unnamed: false, name_key: 'ابراهیم رئیسی'}), "
        "(:Person {id: 'p-2', unnamed: false, name_key: 'اسکندر مؤمنی', search_key: 'kept'}), "
        "(:Person {id: 'p-3', unnamed: true})"
    )
    backfill_search_keys(graph)
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person) RETURN p.id AS id, p.name_key AS name, p.search_key AS search ORDER BY id"
    )
    assert [(r["id"], r["name"], r["search"]) for r in records] == [
        ("p-1", "ابراهیم رئیسی", "ابراهیم رییسی"),
        ("p-2", "اسکندر مؤمنی", "kept"),
        ("p-3", None, None),
    ]
