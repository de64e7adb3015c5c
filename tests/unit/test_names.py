"""The person-name tagger: its labels, features and training data (the team's own sentences)."""

import json
from pathlib import Path

import pytest

from ingest.crf import shipped
from ingest.names import MODEL, OUTSIDE, features, probabilities, spans, tag
from ingest.segment import words
from ingest.training import evaluate, label, name_keys, train
from ingest.training_data import load_source
from tests.unit.toy_corpus import write_source


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["O", "B", "I", "O"], [(1, 3)]),
        (["B", "B", "I"], [(0, 1), (1, 3)]),
        (["I", "I", "O", "B"], [(0, 2), (3, 4)]),  # an I without a B still starts a name
        (["O", "O"], []),
    ],
)
def test_spans(labels: list[str], expected: list[tuple[int, int]]) -> None:
    assert spans(labels) == expected


def test_features_mark_lexicon_words_and_neighbours() -> None:
    sentence = words("سرگئی لاوروف وزیر امور خارجه روسیه گفت")
    rows = features(sentence)
    assert len(rows) == len(sentence)
    assert "first" in rows[0]  # a given name of the lexicon
    assert "title" in rows[2]
    assert "1:title" in rows[1]  # the word after "لاوروف" is a title word
    surname_class = next(item for item in rows[1] if item.startswith("c64="))  # learned from raw news
    assert f"-1:{surname_class}" in rows[2]
    assert "BOS" in rows[0] and "EOS" in rows[-1]


def test_label_marks_every_occurrence_of_every_form() -> None:
    article = {
        "id": "t1",
        "title": "دیدار کامرانی و هاشمی",
        "text": "علی کامرانی با هاشمی دیدار کرد. کامرانی گفت",
    }
    gold = {
        "persons": [{"names": ["علی کامرانی", "کامرانی"], "title": None}, {"names": ["هاشمی"], "title": None}]
    }
    rows = label(article, gold)
    assert [row.labels for row in rows] == [
        ("O", "B", "O", "B"),
        ("B", "I", "O", "B", "O", "O", "O"),  # the stop is a token too
        ("B", "O"),
    ]


def test_name_keys_take_participants_too_and_longest_first() -> None:
    gold = {
        "persons": [{"names": ["کامرانی"], "title": None}],
        "meetings": [{"participants": [{"names": ["علی کامرانی"]}]}],
    }
    assert name_keys(gold) == [("علی", "کامرانی"), ("کامرانی",)]


def test_name_keys_of_equal_length_come_in_a_fixed_order() -> None:
    """Which of two overlapping forms labels a word must not hang on the process's hash seed."""
    gold = {"persons": [{"names": ["رضا کامرانی", "علی رضا", "مریم سهرابی", "بهرام رستمی"], "title": None}]}
    keys = name_keys(gold)
    assert keys == sorted(keys)
    assert len(keys) == 4


def test_train_learns_names_from_a_persons_layer(tmp_path: Path) -> None:
    """A tiny model trained on the team's sentences finds a surname it saw in a new sentence."""
    articles = [
        {"id": f"a{i}", "title": "", "text": f"{given} {family} وزیر خارجه با {other} دیدار کرد."}
        for i, (given, family, other) in enumerate(
            [("علی", "کامرانی", "رستمی"), ("مریم", "سهرابی", "کامرانی"), ("رضا", "رستمی", "سهرابی")] * 4
        )
    ]
    golds = {
        a["id"]: {
            "meetings": [],
            "persons": [
                {"names": [" ".join(a["text"].split()[:2])], "title": None},
                {"names": [a["text"].split()[5]], "title": None},
            ],
        }
        for a in articles
    }
    config = write_source(tmp_path, articles, golds, iterations=50)
    report = train(config, tmp_path, tmp_path / "model.crfsuite")
    assert report["items"] == len(articles)
    assert report["toy"]["f1"] > 0.9


def test_shipped_model_tags_a_titled_name() -> None:
    sentence = words("محمد جواد ظریف وزیر امور خارجه ایران با همتای روس خود دیدار کرد")
    assert (0, 3) in spans(tag(sentence))


@pytest.mark.parametrize(
    "text",
    [
        "سرگئی لاوروف وزیر امور خارجه روسیه امروز با همتای ترکیه‌ای خود در آنکارا دیدار کرد .",
        "به گزارش خبرنگار ما ، گفت‌وگوی تلفنی دو رئیس‌جمهور درباره تحولات منطقه بیش از یک ساعت طول کشید .",
        "کوئینتین بالتازار ، فرستاده ناشناخته‌ای از کشوری دور ، با زیگفرید ورمیلیون ملاقات کرد .",
    ],
)
def test_tagging_reads_the_same_without_the_features_the_model_does_not_weigh(text: str) -> None:
    tokens = words(text)
    tagger = shipped(MODEL)
    tagger.set(features(tokens))
    with_all = [1.0 - tagger.marginal(OUTSIDE, i) for i in range(len(tokens))]
    assert probabilities(tokens) == pytest.approx(with_all, abs=1e-12)
    assert tag(tokens) == tagger.tag(features(tokens))


def test_evaluate_counts_exact_spans() -> None:
    article = {
        "id": "e1",
        "title": "",
        "text": "محمد جواد ظریف وزیر امور خارجه ایران با همتای روس خود دیدار کرد.",
    }
    gold = {"persons": [{"names": ["محمد جواد ظریف"], "title": "وزیر امور خارجه"}]}
    figures = evaluate([(article, gold)])
    assert figures["names"] == 1
    assert 0.0 <= figures["f1"] <= 1.0


def test_a_source_with_a_draw_keeps_only_the_items_drawn_at_that_size(tmp_path: Path) -> None:
    """More annotated items must not change a model its config pins to an earlier draw."""
    (tmp_path / "gold").mkdir()
    articles = []
    for key in ("x1", "x2", "y1"):
        articles.append({"id": key, "title": "", "text": "علی کامرانی دیدار کرد."})
        gold = {"meetings": [], "persons": [{"names": ["علی کامرانی"], "title": None}]}
        (tmp_path / "gold" / f"{key}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
    )
    (tmp_path / "ids.tsv").write_text(
        "id\tstratum\trank\toutlet\tpublished\tchars\nx1\ta\t0\to\t\t9\nx2\ta\t5\to\t\t9\ny1\tb\t0\to\t\t9\n",
        encoding="utf-8",
    )
    source = {"articles": "articles.jsonl", "gold": "gold", "ids": "ids.tsv", "draw": {"a": 3, "b": 1}}
    assert [item["id"] for item, _ in load_source(source, tmp_path)] == ["x1", "y1"]
    source.pop("draw")
    assert len(load_source(source, tmp_path)) == 3
