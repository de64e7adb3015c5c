"""Resolving a topic term: id, English label or Persian label, case-insensitive, whole words."""

import pytest

from graph.topics import Topic, match_topic, with_subtopics

TOPICS = [
    Topic("caucasus", "South Caucasus", "قفقاز", None),
    Topic("karabakh", "Karabakh", "قره‌باغ", "caucasus"),
    Topic("zangezur", "Zangezur corridor", "دالان زنگزور", "caucasus"),
    Topic("persian-gulf", "Persian Gulf", "خلیج فارس", None),
    Topic("nuclear", "Nuclear programme", "هسته‌ای", None),
    Topic("economy-trade", "Economy and trade", "اقتصاد و تجارت", None),
]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("caucasus", ["caucasus"]),
        ("CAUCASUS ", ["caucasus"]),
        ("South Caucasus", ["caucasus"]),
        ("south caucasus", ["caucasus"]),
        ("قفقاز", ["caucasus"]),
        ("قره باغ", ["karabakh"]),  # a space where the label has a ZWNJ
        ("قره‌باغ", ["karabakh"]),
        ("corridor", ["zangezur"]),
        ("زنگزور", ["zangezur"]),
        ("gulf", ["persian-gulf"]),
        ("trade", ["economy-trade"]),
        ("cauca", []),  # a word, not a piece of one
        ("atlantis", []),
        ("", []),
    ],
)
def test_match_topic(term: str, expected: list[str]) -> None:
    assert match_topic(TOPICS, term) == expected


def test_subtopics_are_included() -> None:
    assert with_subtopics(TOPICS, ["caucasus"]) == ["caucasus", "karabakh", "zangezur"]
    assert with_subtopics(TOPICS, ["karabakh"]) == ["karabakh"]
