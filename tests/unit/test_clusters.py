"""Word classes learned from raw text (the team's own sentences): words in the same company share a class."""

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from app.cli import app
from ingest.cluster_training import build
from ingest.clusters import classes

_SURNAMES = ["رضایی", "کریمی", "موسوی", "نوری", "صالحی", "حیدری"]
_CITIES = ["شیراز", "تبریز", "مشهد", "اصفهان", "کرمان", "یزد"]


def _corpus(folder: Path) -> Path:
    """Articles where surnames follow "آقای" and come before "گفت", and cities follow "در" and come
    before "بود"; each sentence pairs one surname with one city, so only their company tells them apart."""
    items = []
    for round_ in range(6):
        sentences = []
        for index, surname in enumerate(_SURNAMES):
            city = _CITIES[(index + round_) % len(_CITIES)]
            sentences.append(f"آقای {surname} گفت که دیروز در {city} بود .")
        items.append({"id": f"toy-{round_}", "title": "", "text": "\n".join(sentences)})
    items.append({"id": "left-out", "title": "", "text": "آقای ناشناس گفت که دیروز در ناکجا بود ."})
    (folder / "pool.jsonl").write_text(
        "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8"
    )
    (folder / "blind.tsv").write_text("id\tstratum\nleft-out\ta\n", encoding="utf-8")
    config = {
        "corpus": "pool.jsonl",
        "exclude": ["blind.tsv"],
        "vocabulary": 100,
        "min_count": 3,
        "contexts": 20,
        "smoothing": 0.75,
        "dimensions": 4,
        "classes": [4],
        "iterations": 10,
        "seed": 0,
    }
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder / "config.json"


def test_build_puts_words_of_the_same_company_in_one_class(tmp_path: Path) -> None:
    config = _corpus(tmp_path)
    found, report = build(json.loads(config.read_text(encoding="utf-8")), tmp_path)
    surnames = {found[word][0] for word in _SURNAMES}
    cities = {found[word][0] for word in _CITIES}
    assert len(surnames) == 1 and len(cities) == 1 and surnames != cities
    assert report["sentences"] == 36  # the left-out item is not read


def test_train_command_writes_the_table_the_tagger_reads(tmp_path: Path) -> None:
    config = _corpus(tmp_path)
    table = tmp_path / "clusters.tsv"
    result = CliRunner().invoke(
        app, ["train", "clusters", "--config", str(config), "--model", str(table), "--root", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "word\tclass4"
    rows = dict(line.split("\t") for line in lines[1:])
    assert rows["رضایی"] == rows["کریمی"] != rows["شیراز"]
    assert "ناشناس" not in rows


_STATESMEN = ("عراقچی", "لاوروف", "ویتکاف", "اردوغان", "روبیو", "ظریف", "پوتین", "ترامپ", "نتانیاهو", "فیدان")


def test_shipped_classes_group_surnames_and_leave_rare_words_out() -> None:
    shipped = classes()
    # Most statesmen's surnames share one fine class (which one, and the odd one out, k-means decides
    # anew whenever the pool's words change); a city is not in it.
    fine, count = Counter(shipped[name][1] for name in _STATESMEN).most_common(1)[0]
    assert count >= 7
    assert shipped["تهران"][1] != fine
    assert "زززز" not in shipped
