"""Reads the lexicons and word classes in ingest/data/: UTF-8 TSV files with a header row, loaded once per
process."""

import csv
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources

from hazm import Conjugation

from ingest.normalize import normalize

ALTERNATIVES = "|"


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `ingest/data/NAME.tsv` as dicts keyed by the header; empty cells are ''."""
    text = resources.files("ingest").joinpath(f"data/{name}.tsv").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({key: (value or "").strip() for key, value in row.items() if key} for row in reader)


def alternatives(cell: str) -> list[str]:
    """The `|`-separated forms of one cell, normalised like article text."""
    return [normalize(form) for form in cell.split(ALTERNATIVES) if form.strip()]


def forms(row: dict[str, str], *columns: str) -> Iterator[str]:
    """Every normalised form in the given columns of a row."""
    for column in columns:
        yield from alternatives(row.get(column, ""))


# -- word classes: the closed classes the rules name (word_classes.tsv, verb_classes.tsv) -------------
# Forms are tokens as `ingest.segment` cuts them (a space separates the tokens of a phrase), already in
# the normaliser's form (tests/unit/test_word_classes.py checks both), so the rules compare them with
# the words of a sentence as they are.


@cache
def _word_classes() -> dict[str, tuple[tuple[str, str], ...]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows("word_classes"):
        found.setdefault(row["class"], []).append((row["form"], row["value"]))
    return {name: tuple(entries) for name, entries in found.items()}


def _entries(name: str) -> tuple[tuple[str, str], ...]:
    try:
        return _word_classes()[name]
    except KeyError:
        raise KeyError(f"word_classes.tsv has no class {name!r}") from None


def word_class(name: str) -> frozenset[str]:
    """The forms of one word class."""
    return frozenset(form for form, _ in _entries(name))


def one_word(name: str) -> str:
    """The form of a class of one word (a function word the rules name: "با", "را")."""
    entries = _entries(name)
    if len(entries) != 1:
        raise ValueError(f"word class {name!r} has {len(entries)} forms, not one")
    return entries[0][0]


def phrases(name: str) -> frozenset[tuple[str, ...]]:
    """The forms of a class of phrases, each as its tuple of tokens."""
    return frozenset(tuple(form.split(" ")) for form, _ in _entries(name))


def word_values(name: str) -> dict[str, str]:
    """The forms of a class with the value each carries (an ordinal's number, an adjective's country)."""
    return dict(_entries(name))


LEMMA_ONLY = "lemma"  # a verb class of lemmas, no forms ("no_mi_present")
PERSONS = ("1sg", "2sg", "3sg", "1pl", "2pl", "3pl")  # the order of hazm's conjugation tables


@cache
def _conjugation() -> dict[str, Callable[[str], list[str]]]:
    """hazm's tenses by name, and the participles hazm only gives inside its perfect tenses."""
    table = Conjugation()
    suffix = one_word("participle_suffix")
    tenses: dict[str, Callable[[str], list[str]]] = {
        name: getattr(table, name) for name in ("perfective_past", "perfective_present")
    }
    tenses["participle"] = lambda past: [past + suffix]
    return tenses


def _conjugated(lemma: str, tense: str, persons: str) -> list[str]:
    if tense == LEMMA_ONLY:
        return []
    past, present = lemma.split("#")
    conjugate = _conjugation()[tense]
    forms = conjugate(past if "past" in tense or "participle" in tense else present)
    if not persons:
        return forms
    return [forms[PERSONS.index(person)] for person in persons.split(ALTERNATIVES)]


@cache
def verb_forms(name: str, person: str | None = None) -> frozenset[str]:
    """The forms of a verb class (verb_classes.tsv: lemmas with the tenses and persons the class takes,
    conjugated by hazm), or only those of one person ("3sg")."""
    found: set[str] = set()
    for row in _verb_rows(name):
        persons = row["persons"]
        if person is not None:
            if person not in persons.split(ALTERNATIVES):
                continue
            persons = person
        found.update(_conjugated(row["lemma"], row["tense"], persons))
    return frozenset(found)


def verb_lemmas(name: str) -> frozenset[str]:
    """The lemmas ("past#present") of a verb class."""
    return frozenset(row["lemma"] for row in _verb_rows(name))


def _verb_rows(name: str) -> list[dict[str, str]]:
    found = [row for row in rows("verb_classes") if row["class"] == name]
    if not found:
        raise KeyError(f"verb_classes.tsv has no class {name!r}")
    return found


def with_possessives(stem: str) -> list[str]:
    """A noun with each possessive ending glued on ("دیدارش", "تماس‌هایمان"; after a final vowel a glide
    comes between)."""
    glide = one_word("glide")
    vowel = stem.endswith(tuple(word_class("final_vowel")))
    return [stem + (glide if vowel else "") + suffix for suffix in sorted(word_class("possessive_suffix"))]
