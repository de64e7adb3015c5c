"""`didar extract`: the contract of ../shared/eval/README.md, through the real command."""

import json
from pathlib import Path

from typer.testing import CliRunner

from app.cli import app

SEED = Path(__file__).resolve().parents[2] / "samples" / "000-seed-tasnim.jsonl"


def test_one_line_per_article_in_input_order_and_bad_lines_reported(tmp_path: Path) -> None:
    articles = tmp_path / "in.jsonl"
    articles.write_text(
        "\n".join(
            [
                json.dumps({"id": "b", "text": "سفیر ژاپن امروز با وزیر نفت دیدار کرد."}, ensure_ascii=False),
                "{not json",
                json.dumps({"id": "a", "text": "قیمت طلا امروز کاهش یافت."}, ensure_ascii=False),
                json.dumps({"title": "بدون شناسه"}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(articles)])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["b", "a"]
    assert len(rows[0]["meetings"]) == 1 and rows[1]["meetings"] == []
    assert result.exit_code == 1
    assert f"{articles}:2:" in result.stderr and f"{articles}:4:" in result.stderr


def test_the_seed_article_comes_out_exactly_right() -> None:
    result = CliRunner().invoke(app, ["extract", str(SEED)])
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    pairs = [
        {(p["name"], p["role"], p["country"]) for p in meeting["participants"]} for meeting in row["meetings"]
    ]
    assert pairs == [
        {
            ("ایگور خوایف", "نماینده ویژه وزیر امور خارجه", "RU"),
            ("علی باقری", "سرپرست وزارت امور خارجه", "IR"),
        },
        {
            ("علی باقری", "سرپرست وزارت امور خارجه", "IR"),
            # names and titles as the seed writes them ("بینالملل", no ZWNJ)
            ("لئونید اسلوتسکی", "رئیس کمیته امور بینالملل دومای دولتی", "RU"),
        },
    ]
    first = row["meetings"][0]
    generic = {"bilateral-relations", "regional-developments", "international", "other"}
    assert set(first["topics"]) - generic == {"caucasus"}
    assert first["place"]["city"] == "تهران" and first["place"]["country"] == "IR"
    names = {p["name"] for meeting in row["meetings"] for p in meeting["participants"]}
    assert not any("لاوروف" in (name or "") for name in names)  # he only sent greetings
    assert all(
        m["kind"] == "in_person" and m["status"] == "held" and m["date"] is None for m in row["meetings"]
    )
