"""Person names learned from data: a CRF over a sentence's tokens marks the words of person names.

The lexicons (given names, officeholders, titles, places, organisations) are features here, not the
only way a word becomes a name; so are hazm's word-list frequency and tags, the word classes learned from
raw news (`ingest.clusters`), affixes, neighbours and quotes. The model is a file shipped in the package
(`ingest/models/names.crfsuite`), rebuilt by `didar train` from the config beside it; this module only
reads it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from hazm import words_list

from ingest.clusters import classes
from ingest.crf import shipped
from ingest.knowledge import knowledge
from ingest.lexicon import rows, word_class
from ingest.normalize import normalize
from ingest.segment import is_punctuation

MODEL = "models/names.crfsuite"
BEGIN, INSIDE, OUTSIDE = "B", "I", "O"
_DIGIT = re.compile(r"\d")
_QUOTES = word_class("quote")  # “ and ” are normalised to "
_WINDOW = (-2, -1, 1, 2)
# A word's own features, and those it lends a neighbour at each offset of the window.
WordFeatures = tuple[tuple[str, ...], dict[int, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Token-level word classes, built once from the project's lexicons and hazm's word list."""

    first_names: frozenset[str]
    holders: frozenset[str]  # words of known officeholders' names
    titles: frozenset[str]
    places: frozenset[str]
    organizations: frozenset[str]
    honorifics: frozenset[str]
    not_names: frozenset[str]
    frequency: dict[str, int]  # log10 bucket of hazm's corpus count
    tags: dict[str, str]  # hazm's word-list tags, joined


@cache
def lexicons() -> Lexicons:
    kb = knowledge()
    frequency: dict[str, int] = {}
    tags: dict[str, str] = {}
    for word, count, word_tags in words_list():
        form = normalize(word)
        frequency[form] = max(frequency.get(form, 0), min(9, int(math.log10(count + 1))))
        tags.setdefault(form, "+".join(sorted(word_tags)))
    return Lexicons(
        first_names=kb.first_names,
        holders=kb.people.all_words,
        titles=kb.title_words | kb.titles.all_words,
        places=kb.geo.all_words,
        organizations=kb.org_names.all_words,
        honorifics=frozenset(normalize(row["form"]) for row in rows("honorifics")),
        not_names=kb.not_names,
        frequency=frequency,
        tags=tags,
    )


def _shape(word: str, lex: Lexicons) -> list[str]:
    """What a word is, without its identity: usable at a neighbour's position too."""
    if word in _QUOTES:
        return ["quote"]
    if is_punctuation(word):
        return [f"punct={word}"]
    if _DIGIT.search(word):
        return ["digit"]
    found = [f"freq={lex.frequency.get(word, -1)}", f"tags={lex.tags.get(word, '-')}"]
    found.extend(classes().get(word, ()))
    for name, words in (
        ("first", lex.first_names),
        ("holder", lex.holders),
        ("title", lex.titles),
        ("place", lex.places),
        ("org", lex.organizations),
        ("honorific", lex.honorifics),
        ("stop", lex.not_names),
    ):
        if word in words:
            found.append(name)
    return found


@lru_cache(maxsize=65536)
def _word_features(word: str) -> WordFeatures:
    """A word's own features and the features it lends its neighbours at each offset, made once per
    word: news repeats its words, and building these strings is most of the tagger's cost."""
    shape = _shape(word, lexicons())
    own = (
        "bias",
        f"w={word}",
        f"p2={word[:2]}",
        f"s2={word[-2:]}",
        f"s3={word[-3:]}",
        f"len={min(len(word), 8)}",
    )
    lent = {offset: (f"{offset}:w={word}", *(f"{offset}:{item}" for item in shape)) for offset in _WINDOW}
    return (*own, *shape), lent


def features(words: Sequence[str]) -> list[list[str]]:
    """One feature list per token: every feature, as training reads them."""
    return _sequence_features([_word_features(word) for word in words], bos=True, eos=True)


@cache
def _weighed_attributes() -> frozenset[str]:
    """The attributes the shipped model weighs; crfsuite ignores any other. About a fifth of the features
    of news text are not among them (mostly rare words, as a word and as a neighbour), and handing them
    to crfsuite costs time for nothing: tagging reads the same without them, about a tenth faster."""
    return frozenset(attribute for attribute, _ in shipped(MODEL).info().state_features)


@lru_cache(maxsize=65536)
def _weighed_word_features(word: str) -> WordFeatures:
    own, lent = _word_features(word)
    weighed = _weighed_attributes()
    return (
        tuple(item for item in own if item in weighed),
        {offset: tuple(item for item in items if item in weighed) for offset, items in lent.items()},
    )


def _tagging_features(words: Sequence[str]) -> list[list[str]]:
    """The features of `features` that the shipped model weighs, per token: it reads them the same."""
    weighed = _weighed_attributes()
    made = [_weighed_word_features(word) for word in words]
    return _sequence_features(made, bos="BOS" in weighed, eos="EOS" in weighed)


def _sequence_features(made: list[WordFeatures], *, bos: bool, eos: bool) -> list[list[str]]:
    """Each token's own features, the sentence's edges where asked, and what its neighbours lend."""
    result = []
    last = len(made) - 1
    for index in range(len(made)):
        own = list(made[index][0])
        if index == 0 and bos:
            own.append("BOS")
        if index == last and eos:
            own.append("EOS")
        for offset in _WINDOW:
            at = index + offset
            if 0 <= at <= last:
                own.extend(made[at][1][offset])
        result.append(own)
    return result


def tag(words: Sequence[str]) -> list[str]:
    """B/I/O per token."""
    if not words:
        return []
    return list(shipped(MODEL).tag(_tagging_features(words)))


def probabilities(words: Sequence[str]) -> list[float]:
    """For each token, the model's probability that it is a word of a person's name."""
    if not words:
        return []
    tagger = shipped(MODEL)
    tagger.set(_tagging_features(words))
    return [1.0 - tagger.marginal(OUTSIDE, i) for i in range(len(words))]  # B, I and O sum to 1


def spans(labels: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) token spans of the names in B/I/O labels, last exclusive."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for index, label in enumerate([*labels, OUTSIDE]):
        if start is not None and label != INSIDE:
            found.append((start, index))
            start = None
        if label == BEGIN or (label == INSIDE and start is None):
            start = index
    return found
