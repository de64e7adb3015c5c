"""The closed word classes (ingest/data/word_classes.tsv, verb_classes.tsv) and the rule that keeps them
there: no Persian word in the code of ingest/."""

import ast
import re
from pathlib import Path

import pytest

from ingest.lexicon import (
    one_word,
    phrases,
    rows,
    verb_forms,
    verb_lemmas,
    word_class,
    word_values,
)
from ingest.normalize import normalize
from ingest.segment import words

INGEST = Path(__file__).resolve().parents[2] / "ingest"
# hazm's own letters and marks, copied from its patterns so that the faster ones match what hazm's do;
# didar's letter maps are data (orthography.tsv).
ORTHOGRAPHY = {"hazm_normalizer.py"}
_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def _forms() -> list[tuple[str, str]]:
    return [(row["class"], row["form"]) for row in rows("word_classes")]


# Classes matched in a line's text, not in its tokens: normalised where they are loaded.
TEXT_CLASSES = {"sign_off"}


def test_every_form_is_the_tokens_of_its_normalised_text() -> None:
    """The rules compare these forms with a sentence's tokens as they are, so the tokens of a form (a
    space between them) must be those the normaliser and the tokeniser make of it ("پیش تر" is
    "پیش‌تر" in normalised text, the tokens "پیش" "تر")."""
    wrong = [
        (name, form)
        for name, form in _forms()
        if name not in TEXT_CLASSES and words(normalize(form)) != tuple(form.split(" "))
    ]
    assert wrong == []


def test_a_form_is_listed_once_in_its_class() -> None:
    forms = _forms()
    assert len(forms) == len(set(forms))


def test_the_loader_reads_classes_phrases_and_values() -> None:
    assert one_word("object_marker") == "را"
    assert ("به", "همراه") in phrases("company")
    assert word_values("day_ordinal")["بیستم"] == "20"
    assert "هیئت" in word_class("delegation")
    with pytest.raises(KeyError):
        word_class("no such class")
    with pytest.raises(ValueError):
        one_word("delegation")  # three spellings, not one word


@pytest.mark.parametrize(
    ("name", "person", "expected"),
    [
        ("past_light_verb", None, {"کرد", "کردند", "داشت", "داشتند"}),
        ("future_auxiliary", None, {"خواهم", "خواهد", "خواهیم", "خواهند"}),
        ("agreement_verb", "3pl", {"کردند", "کنند", "داشتند", "دارند", "نمودند", "خواهند", "گفتند"}),
    ],
)
def test_verb_forms_come_from_lemmas(name: str, person: str | None, expected: set[str]) -> None:
    """Each verb class is lemmas with tenses and persons, conjugated by hazm: "کرد#کن" in the past, third
    person, gives "کرد" and "کردند"."""
    assert expected <= verb_forms(name, person)


def test_every_verb_class_conjugates() -> None:
    for name in {row["class"] for row in rows("verb_classes")}:
        forms, lemmas = verb_forms(name), verb_lemmas(name)
        assert lemmas and all("#" in lemma for lemma in lemmas), name
        assert all(normalize(form) == form and " " not in form for form in forms), name


def _persian_literals(path: Path) -> list[str]:
    """String constants with a Persian letter, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and _LETTER.search(node.value)
    ]


def test_no_persian_word_in_the_code_of_ingest() -> None:
    """House style: no lexicon as a Python literal. A word the rules name is a row of a word class."""
    found = [
        literal
        for path in sorted(INGEST.rglob("*.py"))
        if path.name not in ORTHOGRAPHY
        for literal in _persian_literals(path)
    ]
    assert found == []
