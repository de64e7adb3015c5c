"""Writing articles and extractions: the nodes and relationships they make, and idempotent re-ingest."""

import json
from datetime import date
from typing import Any

from neo4j import Driver

from graph.articles import meeting_ids, write_extractions
from graph.driver import Graph
from ingest.model import Extraction
from tests.integration.conftest import caucasus_article, phone_article


def _counts(driver: Driver) -> tuple[int, int]:
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    relationships, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return nodes[0]["n"], relationships[0]["n"]


def _labels(driver: Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n")
    return {record["label"]: record["n"] for record in records}


def test_an_extraction_becomes_the_graph_model(graph: Graph, neo4j_driver: Driver) -> None:
    article, extraction = caucasus_article()

    summary = write_extractions(graph, [(article, extraction)])

    assert (summary.articles, summary.meetings) == (1, 1)
    labels = _labels(neo4j_driver)
    assert {k: labels.get(k) for k in ("Article", "Meeting", "Person", "Role", "Country", "Place")} == {
        "Article": 1,
        "Meeting": 1,
        "Person": 2,
        "Role": 2,  # the same title in two countries is two roles
        "Country": 2,
        "Place": 1,
    }
    records, _, _ = neo4j_driver.execute_query(
        """
        MATCH (p:Person {name_en: 'Abbas Araghchi'})-[t:PARTICIPATED_IN]->(m:Meeting)
        MATCH (m)-[r:REPORTED_IN]->(a:Article)
        MATCH (p)-[:HOLDS]->(:Role)-[:OF]->(:Country {code: 'IR'})<-[:REPRESENTS]-(p)
        MATCH (m)-[:HELD_IN]->(:Place {name_en: 'Tehran'})-[:IN]->(:Country {code: 'IR'})
        RETURN m.date AS date, t.role AS role, r.evidence AS evidence, r.start AS start, r.end AS end,
               a.normalized_text AS text, [(m)-[:ABOUT]->(topic) | topic.id] AS topics
        """
    )
    row = records[0]
    assert row["date"].to_native() == date(2024, 5, 1)
    assert row["role"] == "وزیر امور خارجه"
    assert row["text"][row["start"] : row["end"]] == row["evidence"]
    assert sorted(row["topics"]) == ["caucasus", "karabakh"]


def test_ingesting_the_same_articles_twice_leaves_the_graph_unchanged(
    graph: Graph, neo4j_driver: Driver
) -> None:
    batch = [caucasus_article(), phone_article()]
    write_extractions(graph, batch)
    before = _counts(neo4j_driver)

    write_extractions(graph, batch)
    write_extractions(graph, batch[:1])

    assert _counts(neo4j_driver) == before


def test_an_unnamed_party_is_one_person_however_often_it_is_written(
    graph: Graph, neo4j_driver: Driver
) -> None:
    write_extractions(graph, [phone_article()])
    write_extractions(graph, [phone_article()])

    records, _, _ = neo4j_driver.execute_query(
        "MATCH (p:Person {unnamed: true})-[t:PARTICIPATED_IN]->(:Meeting {kind: 'phone'}) "
        "MATCH (p)-[:REPRESENTS]->(c:Country) RETURN p.name AS name, t.role AS role, c.code AS code"
    )
    assert [(r["name"], r["role"], r["code"]) for r in records] == [(None, "وزیر امور خارجه", "SA")]


def test_undated_meetings_of_two_articles_stay_apart_and_dated_ones_merge(
    graph: Graph, neo4j_driver: Driver
) -> None:
    write_extractions(graph, [phone_article("a-2"), phone_article("a-3"), caucasus_article("a-4")])
    write_extractions(graph, [caucasus_article("a-5"), caucasus_article("a-6")])  # one batch

    records, _, _ = neo4j_driver.execute_query(
        "MATCH (m:Meeting) RETURN m.kind AS kind, count { (m)-[:REPORTED_IN]->() } AS reports ORDER BY kind"
    )
    assert [(r["kind"], r["reports"]) for r in records] == [("in_person", 3), ("phone", 1), ("phone", 1)]
    unnamed, _, _ = neo4j_driver.execute_query("MATCH (p:Person {unnamed: true}) RETURN count(p) AS n")
    assert unnamed[0]["n"] == 2  # one per undated call: nothing says they are the same official


def test_reingesting_with_a_new_extraction_replaces_the_old_one(graph: Graph, neo4j_driver: Driver) -> None:
    article, extraction = phone_article()
    write_extractions(graph, [(article, extraction)])
    nothing_found = Extraction(id=article.key, meetings=[], extractor_version="test-2", text=extraction.text)

    write_extractions(graph, [(article, nothing_found)])

    labels = _labels(neo4j_driver)
    # Exactly what the article alone supported goes: its meeting, both persons and their roles;
    # countries are reference data and stay.
    assert {k: labels.get(k) for k in ("Meeting", "Person", "Role", "Country")} == {
        "Meeting": None,
        "Person": None,
        "Role": None,
        "Country": 2,
    }
    records, _, _ = neo4j_driver.execute_query("MATCH (a:Article) RETURN a.extractor_version AS version")
    assert records[0]["version"] == "test-2"


def test_meeting_ids_are_the_graph_ids(graph: Graph, neo4j_driver: Driver) -> None:
    article, extraction = caucasus_article()
    write_extractions(graph, [(article, extraction)])

    records, _, _ = neo4j_driver.execute_query("MATCH (m:Meeting) RETURN m.id AS id")

    assert [r["id"] for r in records] == meeting_ids(article, extraction)


def _derived(driver: Driver) -> tuple[list[str], dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (m:Meeting) RETURN m.topic_labels AS labels, m.listing AS listing"
    )
    assert len(records) == 1
    return records[0]["labels"], json.loads(records[0]["listing"])


def test_a_written_meeting_gets_its_caption_and_listing_and_keeps_them_current(
    graph: Graph, neo4j_driver: Driver
) -> None:
    first, second = caucasus_article("a-1"), caucasus_article("a-2")
    write_extractions(graph, [first])

    labels, listing = _derived(neo4j_driver)
    assert labels == ["قفقاز", "قره\u200cباغ"]  # the Browser caption, written with the meeting
    assert (listing["reports"], listing["topics"]) == (1, ["caucasus", "karabakh"])
    assert [item["article"]["id"] for item in listing["evidence"]] == ["a-1"]
    assert listing["evidence"][0]["article"]["published"] == "2024-05-01"

    write_extractions(graph, [second])  # another report of the same meeting
    assert _derived(neo4j_driver)[1]["reports"] == 2

    article, extraction = second
    nothing_found = Extraction(id=article.key, meetings=[], extractor_version="test-2", text=extraction.text)
    write_extractions(graph, [(article, nothing_found)])  # the meeting loses that report again
    labels, listing = _derived(neo4j_driver)
    assert labels == ["قفقاز", "قره\u200cباغ"]
    assert [item["article"]["id"] for item in listing["evidence"]] == ["a-1"]
    assert listing["reports"] == 1
