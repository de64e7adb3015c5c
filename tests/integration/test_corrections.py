"""Analysts' corrections of identity against the real test Neo4j: merge, split, undo, re-applied when
articles are written again, and bad input refused with the id named (graph, API, CLI)."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from app.cli import app
from app.settings import Settings
from graph.articles import write_extractions
from graph.corrections import (
    SPLIT_RULE,
    list_corrections,
    merge_persons,
    person_mentions,
    split_person,
    split_person_id,
    undo_correction,
)
from graph.driver import Graph
from graph.errors import Conflict, NotFound
from graph.queue import get_article
from ingest.model import Article, Extraction, Meeting, Party, Span
from tests.integration.workers import drain

runner = CliRunner()
JOLANI = Party(name="ابومحمد جولانی", role="رهبر", country="SY")
SHARAA = Party(name="احمد الشرع", role="رئیس‌جمهور", country="SY")
FIDAN = Party(name="حاکان فیدان", role="وزیر امور خارجه", country="TR")
ALI = Party(name="علی لاریجانی", role="رئیس مجلس", country="IR")
SPEAKER = Party(name="لاریجانی", role="رئیس مجلس", country="IR")
PUTIN = Party(name="ولادیمیر پوتین", role="رئیس‌جمهور", country="RU")

Item = tuple[Article, Extraction]


def _article(article_id: str, *parties: Party, day: date) -> Item:
    sentence = "دیدار کردند."
    article = Article(id=article_id, title=f"خبر {article_id}", text=sentence, published=day)
    meeting = Meeting(
        participants=list(parties),
        date=day,
        evidence=sentence,
        evidence_span=Span(start=0, end=len(sentence)),
    )
    return article, Extraction(id=article_id, meetings=[meeting], extractor_version="t", text=sentence)


def _write(graph: Graph, *items: Item) -> dict[str, Item]:
    for item in items:
        write_extractions(graph, [item])
    return {article.key: (article, extraction) for article, extraction in items}


def _rewrite(graph: Graph, settings: Settings, items: dict[str, Item]) -> None:
    """The worker rewrites the queued articles (their extraction as the test wrote it)."""
    drain(graph, settings, extract=lambda article: items[article.key][1])


def _people(driver: Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (p:Person) RETURN p.name AS name, count { (p)-[:PARTICIPATED_IN]->() } AS meetings"
    )
    return {r["name"]: r["meetings"] for r in records}


def _by_id(driver: Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (p:Person) RETURN p.id AS id, count { (p)-[:PARTICIPATED_IN]->() } AS meetings"
    )
    return {r["id"]: r["meetings"] for r in records}


def _person_id(driver: Driver, name: str) -> str:
    records, _, _ = driver.execute_query("MATCH (p:Person {name: $name}) RETURN p.id AS id", name=name)
    [record] = records
    return str(record["id"])


def _one_man_under_two_names(graph: Graph, driver: Driver, prefix: str) -> tuple[str, str]:
    """Two articles, `{prefix}-1` with Jolani and `{prefix}-2` with al-Sharaa meeting Fidan on one day;
    the ids of al-Sharaa's and Jolani's nodes."""
    day = date(2025, 1, 8)
    _write(
        graph,
        _article(f"{prefix}-1", JOLANI, FIDAN, day=day),
        _article(f"{prefix}-2", SHARAA, FIDAN, day=day),
    )
    return _person_id(driver, "احمد الشرع"), _person_id(driver, "ابومحمد جولانی")


def _reports(driver: Driver) -> list[int]:
    records, _, _ = driver.execute_query(
        "MATCH (m:Meeting) RETURN count { (m)-[:REPORTED_IN]->() } AS n ORDER BY n DESC"
    )
    return [r["n"] for r in records]


def test_a_merge_makes_one_person_and_one_meeting_and_holds_when_articles_come_again(
    graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    day = date(2025, 1, 8)
    items = _write(graph, _article("m-1", JOLANI, FIDAN, day=day), _article("m-2", SHARAA, FIDAN, day=day))
    assert _people(neo4j_driver) == {"ابومحمد جولانی": 1, "احمد الشرع": 1, "حاکان فیدان": 2}
    sharaa, jolani = _person_id(neo4j_driver, "احمد الشرع"), _person_id(neo4j_driver, "ابومحمد جولانی")

    done = merge_persons(graph, sharaa, jolani, why="Jolani is al-Sharaa's nom de guerre", by="analyst-1")

    assert done.requeued == 1 and get_article(graph, "m-1")["status"] == "queued"
    _rewrite(graph, neo4j_settings, items)
    # B is gone; A keeps its id and, as any person, the fullest name of its mentions.
    assert _by_id(neo4j_driver) == {sharaa: 1, _person_id(neo4j_driver, "حاکان فیدان"): 1}
    assert _reports(neo4j_driver) == [2]  # one meeting: the same parties on the same day
    [correction] = list_corrections(graph)
    assert (correction["kind"], correction["person"], correction["other"]) == ("merge", sharaa, jolani)
    assert (correction["why"], correction["by"], correction["sources"]) == (
        "Jolani is al-Sharaa's nom de guerre",
        "analyst-1",
        ["m-1"],
    )
    assert correction["created_at"].startswith(str(date.today().year))
    assert {m["article"] for m in person_mentions(graph, sharaa)} == {"m-1", "m-2"}

    _write(graph, *items.values())  # re-processed: the correction is applied again
    later = _write(graph, _article("m-3", JOLANI, FIDAN, day=date(2025, 2, 1)))  # and to new articles
    assert set(_by_id(neo4j_driver).values()) == {2} and sharaa in _by_id(neo4j_driver)

    undone = undo_correction(graph, correction["id"], by="analyst-2")
    assert undone.correction["undone_by"] == "analyst-2" and undone.requeued == 2  # m-1 and m-3
    _rewrite(graph, neo4j_settings, items | later)
    assert _people(neo4j_driver) == {"ابومحمد جولانی": 2, "احمد الشرع": 1, "حاکان فیدان": 3}
    assert _person_id(neo4j_driver, "ابومحمد جولانی") == jolani  # the same id as before the merge
    assert list_corrections(graph) == [] and len(list_corrections(graph, undone=True)) == 1


def test_a_split_moves_one_articles_mention_to_a_new_person_and_holds(
    graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    items = _write(
        graph,
        _article("s-1", ALI, PUTIN, day=date(2012, 3, 1)),
        _article("s-2", SPEAKER, PUTIN, day=date(2012, 3, 9)),
        _article("s-3", SPEAKER, PUTIN, day=date(2012, 4, 1)),
    )
    ali = _person_id(neo4j_driver, "علی لاریجانی")
    assert _people(neo4j_driver)["علی لاریجانی"] == 3
    assert {m["article"] for m in person_mentions(graph, ali)} == {"s-1", "s-2", "s-3"}

    done = split_person(graph, ali, ["s-3"], why="s-3 is about his brother Sadegh", by="analyst-1")

    new = split_person_id(done.correction["id"])
    assert (done.correction["other"], done.requeued) == (new, 1)
    _rewrite(graph, neo4j_settings, items)
    assert _people(neo4j_driver) == {"علی لاریجانی": 2, "لاریجانی": 1, "ولادیمیر پوتین": 3}
    assert [(m["article"], m["rule"]) for m in person_mentions(graph, new)] == [("s-3", SPLIT_RULE)]

    _write(graph, *items.values())  # re-processed: still split
    _write(graph, _article("s-4", SPEAKER, PUTIN, day=date(2012, 5, 1)))  # no rule joins the split-off one
    assert _people(neo4j_driver) == {"علی لاریجانی": 3, "لاریجانی": 1, "ولادیمیر پوتین": 4}

    undo_correction(graph, done.correction["id"], by="analyst-1")
    _rewrite(graph, neo4j_settings, items)
    assert _people(neo4j_driver) == {"علی لاریجانی": 4, "ولادیمیر پوتین": 4}


def test_bad_corrections_are_refused_and_change_nothing(graph: Graph, neo4j_driver: Driver) -> None:
    _write(
        graph,
        _article("b-1", ALI, PUTIN, day=date(2012, 3, 1)),
        _article("b-2", ALI, PUTIN, day=date(2013, 1, 1)),
    )
    ali, putin = _person_id(neo4j_driver, "علی لاریجانی"), _person_id(neo4j_driver, "ولادیمیر پوتین")

    with pytest.raises(NotFound, match="no person matches 'p-nobody'"):
        merge_persons(graph, ali, "p-nobody", why="x", by="a")
    with pytest.raises(NotFound, match="no person matches 'p-nobody'"):
        split_person(graph, "p-nobody", ["b-1"], why="x", by="a")
    with pytest.raises(NotFound, match="'nowhere'"):
        split_person(graph, ali, ["b-1", "nowhere"], why="x", by="a")
    with pytest.raises(Conflict, match="itself"):
        merge_persons(graph, ali, ali, why="x", by="a")
    with pytest.raises(Conflict, match="leave it nothing"):
        split_person(graph, putin, ["b-1", "b-2"], why="x", by="a")
    with pytest.raises(NotFound, match="no correction matches 'c-nothing'"):
        undo_correction(graph, "c-nothing", by="a")
    done = merge_persons(graph, ali, putin, why="a test", by="a")
    with pytest.raises(Conflict, match="already merged"):
        merge_persons(graph, ali, putin, why="again", by="a")
    undo_correction(graph, done.correction["id"], by="a")
    with pytest.raises(Conflict, match="already undone"):
        undo_correction(graph, done.correction["id"], by="a")

    assert len(list_corrections(graph, undone=True)) == 1  # the refused ones left nothing behind


def test_the_admin_routes_merge_list_and_undo(client: TestClient, graph: Graph, neo4j_driver: Driver) -> None:
    sharaa, jolani = _one_man_under_two_names(graph, neo4j_driver, "r")

    merged = client.post(
        f"/admin/persons/{sharaa}/merge", json={"other": jolani, "why": "one man", "by": "a"}
    )
    listed = client.get("/admin/corrections", params={"person": jolani})
    mentions = client.get(f"/admin/persons/{sharaa}/mentions")
    undone = client.post(f"/admin/corrections/{merged.json()['correction']['id']}/undo", json={"by": "b"})

    assert merged.status_code == 202 and merged.json()["requeued"] == 1
    assert [c["id"] for c in listed.json()["corrections"]] == [merged.json()["correction"]["id"]]
    assert [m["article"] for m in mentions.json()["mentions"]] == ["r-2"]
    assert undone.status_code == 200 and undone.json()["correction"]["undone_by"] == "b"
    unknown = client.post("/admin/persons/p-nobody/merge", json={"other": jolani, "why": "x", "by": "a"})
    assert (unknown.status_code, unknown.json()["error"]["message"]) == (404, "no person matches 'p-nobody'")
    again = client.post(f"/admin/corrections/{merged.json()['correction']['id']}/undo", json={"by": "b"})
    assert (again.status_code, again.json()["error"]["code"]) == (409, "conflict")
    no_why = client.post(f"/admin/persons/{sharaa}/split", json={"mentions": ["r-2"], "why": " ", "by": "a"})
    assert no_why.status_code == 422


def test_the_cli_merges_lists_and_names_an_unknown_id(
    graph: Graph, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    sharaa, jolani = _one_man_under_two_names(graph, neo4j_driver, "c")

    merged = runner.invoke(
        app, ["persons", "merge", sharaa, jolani, "--why", "one man", "--by", "a", "--queue"]
    )
    listed = runner.invoke(app, ["persons", "corrections"])
    unknown = runner.invoke(app, ["persons", "split", "p-nobody", "--mentions", "c-1", "--why", "x"])
    undo_unknown = runner.invoke(app, ["persons", "undo", "c-nothing", "--queue"])

    assert merged.exit_code == 0, merged.output
    assert f"{jolani} merged into {sharaa}" in merged.output and "1 articles queued" in merged.output
    assert "one man" in listed.output and "merge" in listed.output
    assert unknown.exit_code == 1 and "no person matches 'p-nobody'" in unknown.output
    assert undo_unknown.exit_code == 1 and "no correction matches 'c-nothing'" in undo_unknown.output
