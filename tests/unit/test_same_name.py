"""Two written names of one person within an article, or of two (the team's own names)."""

from datetime import date

import pytest

from ingest.model import Article
from ingest.pipeline import extract
from ingest.resolve import same_name


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("سید حسن حسینی", "حسینی شاهرودی", True),  # one name read in two overlapping pieces
        ("کامران رستمی", "کامران رستمی‌فر", True),  # a name cut before its last part
        ("علی کامرانی", "علی رستمی", False),  # one given name, two people
        ("مریم سهرابی", "سهرابی", True),
    ],
)
def test_pieces_of_one_name(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("کامران بهرامی", "سیاوش بهرامی", False),  # brothers: one surname, two given names
        ("محمدرضا بهرامی", "رضا بهرامی", True),  # a given name inside the other
        ("سید کامران بهرامی", "کامران بهرامی", True),  # an honorific aside
        ("ولادیمیر کارلوف", "ولادمیر کارلوف", True),  # a letter of transliteration
        ("بهرامی", "سیاوش بهرامی", True),  # a bare surname agrees with any given name
        ("کامران محمد", "محمد کاپور", False),  # a given name shared is no overlapping piece of one name
        ("سلمان بن عبدالکریم", "عبدالکریم کاپور", False),  # nor a father's name after "بن"
    ],
)
def test_given_names_tell_apart_two_men_of_one_family(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_two_men_of_one_family_meet() -> None:
    text = "علی بهرامی، وزیر کشور با سیاوش بهرامی، استاندار تهران دیدار کرد."
    (meeting,) = extract(Article(id="t", text=text, published=date(2025, 2, 1))).meetings
    assert {p.name for p in meeting.participants} == {"علی بهرامی", "سیاوش بهرامی"}
