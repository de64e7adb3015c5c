"""`didar migrate` and `didar ingest` against the test Neo4j (settings come from the conftest's env)."""

from pathlib import Path

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
    assert "Ingested 2 articles" in result.output
    records, _, _ = neo4j_driver.execute_query("MATCH (a:Article) RETURN a.id AS id ORDER BY id")
    assert [record["id"] for record in records] == ["n1", "n2"]
    assert again.exit_code == 1


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
