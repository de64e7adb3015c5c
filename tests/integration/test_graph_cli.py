"""`didar migrate` and `didar ingest` against the test Neo4j (settings come from the conftest's env)."""

from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from app.cli import app
from app.settings import Settings
from graph.schema import MIGRATIONS

runner = CliRunner()


def test_migrate_twice(neo4j_driver: Driver, neo4j_settings: Settings) -> None:
    first = runner.invoke(app, ["migrate"])
    second = runner.invoke(app, ["migrate"])

    assert first.exit_code == 0, first.output
    versions = ", ".join(str(migration.version) for migration in MIGRATIONS)
    assert f"migrations applied: {versions}." in first.output
    assert "already current" in second.output


def test_ingest_writes_good_lines_and_reports_bad_ones(
    neo4j_driver: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(
        '{"id": "n1", "text": "متن خبر"}\n{broken\n{"id": "n2", "text": "خبر دوم"}\n', encoding="utf-8"
    )

    result = runner.invoke(app, ["ingest", str(source)])
    again = runner.invoke(app, ["ingest", str(source)])

    assert result.exit_code == 1
    assert f"{source}:2: invalid JSON" in result.output
    assert "Articles: 2 new, 0 already known, 1 failed." in result.output
    records, _, _ = neo4j_driver.execute_query("MATCH (a:Article) RETURN a.id AS id ORDER BY id")
    assert [record["id"] for record in records] == ["n1", "n2"]
    assert again.exit_code == 1
    assert "Articles: 0 new, 2 already known, 1 failed." in again.output


def test_reprocess_reextracts_what_another_extractor_wrote_then_all(
    neo4j_driver: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    from ingest.fingerprint import extractor_fingerprint
    from ingest.pipeline import EXTRACTOR_VERSION

    current = extractor_fingerprint()
    source = tmp_path / "news.jsonl"
    source.write_text(
        '{"id": "n1", "text": "متن خبر"}\n{"id": "n2", "text": "خبر دوم"}\n{"id": "n3", "text": "سوم"}\n',
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", str(source)]).exit_code == 0
    # Same human version, other code or data; and a "newer" version: both differ from this extractor.
    neo4j_driver.execute_query(
        "MATCH (a:Article {id: 'n1'}) SET a.extractor_fingerprint = '0123456789abcdef'"
    )
    neo4j_driver.execute_query(
        "MATCH (a:Article {id: 'n2'}) SET a.extractor_version = '9.9.9', a.extractor_fingerprint = null"
    )

    changed = runner.invoke(app, ["reprocess"])
    nothing = runner.invoke(app, ["reprocess"])
    every = runner.invoke(app, ["reprocess", "--all", "--queue"])

    assert changed.exit_code == 0, changed.output
    assert "2 articles queued again" in changed.output and "Reprocessed: 2 done, 0 failed." in changed.output
    assert f"0 articles queued again (extractor {EXTRACTOR_VERSION}, fingerprint {current})" in nothing.output
    assert "3 articles queued again" in every.output
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.status AS status, a.extractor_version AS version, "
        "a.extractor_fingerprint AS fingerprint ORDER BY id"
    )
    assert [(r["id"], r["status"], r["version"], r["fingerprint"]) for r in records] == [
        ("n1", "queued", EXTRACTOR_VERSION, current),
        ("n2", "queued", EXTRACTOR_VERSION, current),
        ("n3", "queued", EXTRACTOR_VERSION, current),
    ]


def test_ingest_extracts_again_what_another_extractor_wrote(neo4j_driver: Driver, tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text('{"id": "n1", "text": "متن خبر"}\n', encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(source)]).exit_code == 0
    same = runner.invoke(app, ["ingest", str(source)])
    neo4j_driver.execute_query("MATCH (a:Article {id: 'n1'}) SET a.extractor_fingerprint = 'older'")
    changed = runner.invoke(app, ["ingest", str(source)])

    assert "Articles: 0 new, 1 already known, 0 failed." in same.output
    assert "Articles: 1 new, 0 already known, 0 failed." in changed.output


def test_an_unreachable_neo4j_names_the_fix(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.settings import get_settings

    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("NEO4J_BOLT_PORT", "1")
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["migrate"])
    finally:
        get_settings.cache_clear()

    assert result.exit_code == 2
    assert "didar neo4j start" in result.output


def test_ingest_takes_a_headline_only_post(neo4j_driver: Driver, tmp_path: Path) -> None:
    source = tmp_path / "captions.jsonl"
    headline = "عباس عراقچی وزیر امور خارجه ایران با آرارات میرزویان وزیر امور خارجه ارمنستان دیدار کرد"
    source.write_text(f'{{"id": "c1", "title": "{headline}", "text": ""}}\n', encoding="utf-8")

    result = runner.invoke(app, ["ingest", str(source)])

    assert result.exit_code == 0, result.output
    assert "Articles: 1 new, 0 already known, 0 failed." in result.output
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Article {id: 'c1'}) RETURN a.status AS s, a.meeting_count AS n"
    )
    assert (records[0]["s"], records[0]["n"]) == ("done", 1)


def test_an_oversized_article_keeps_its_reason_and_a_prefix(
    neo4j_driver: Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.settings import get_settings

    monkeypatch.setenv("MAX_ARTICLE_CHARS", "100")
    get_settings.cache_clear()
    source = tmp_path / "big.jsonl"
    source.write_text(f'{{"id": "big", "text": "{"خبر " * 5000}"}}\n', encoding="utf-8")
    try:
        first = runner.invoke(app, ["ingest", str(source)])
    finally:
        get_settings.cache_clear()

    assert first.exit_code == 1
    assert "big: the article has 20,000 characters, over the limit of 100" in first.output
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Article {id: 'big'}) RETURN a.status AS status, size(a.text) AS size, a.error AS error"
    )
    assert (records[0]["status"], records[0]["size"]) == ("failed", 100)
    assert "over the limit of 100" in records[0]["error"]
