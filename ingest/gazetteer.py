"""Finds lexicon phrases in token sequences: longest match first, on normalised subtokens."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ingest.normalize import normalize
from ingest.segment import words


def phrase_key(form: str) -> tuple[str, ...]:
    """The subtoken key of a lexicon form: spaces and ZWNJ both separate parts."""
    return words(normalize(form))


@dataclass(frozen=True, slots=True)
class Match[T]:
    first: int  # index of the first token
    last: int  # index after the last token
    value: T


class Gazetteer[T]:
    """A dictionary of phrases (token tuples) to values, scanned longest-first."""

    def __init__(self, entries: Iterable[tuple[str, T]] = ()) -> None:
        self._values: dict[tuple[str, ...], T] = {}
        # The phrase lengths that start with each word, longest first: most words start none.
        self._lengths: dict[str, tuple[int, ...]] = {}
        for form, value in entries:
            self.add(form, value)

    def add(self, form: str, value: T) -> None:
        key = phrase_key(form)
        if key and key not in self._values:
            self._values[key] = value
            lengths = {*self._lengths.get(key[0], ()), len(key)}
            self._lengths[key[0]] = tuple(sorted(lengths, reverse=True))

    @property
    def first_words(self) -> frozenset[str]:
        """Every word some phrase starts with."""
        return frozenset(self._lengths)

    @property
    def last_words(self) -> frozenset[str]:
        """The last words of the phrases of several words."""
        return frozenset(key[-1] for key in self._values if len(key) > 1)

    @property
    def all_words(self) -> frozenset[str]:
        """Every word of every phrase (a name tagger's lexicon feature)."""
        return frozenset(word for key in self._values for word in key)

    def __contains__(self, form: str) -> bool:
        return phrase_key(form) in self._values

    def get(self, form: str) -> T | None:
        return self._values.get(phrase_key(form))

    def match_at(self, words: Sequence[str], index: int) -> Match[T] | None:
        """The longest phrase starting at `index`."""
        found = self.longest_at(words, index)
        return None if found is None else Match(index, index + found[0], found[1])

    def longest_at(self, words: Sequence[str], index: int) -> tuple[int, T] | None:
        """The length and value of the longest phrase starting at `index`: `match_at` without the
        `Match`, for a caller that compares several gazetteers' phrases and keeps one."""
        for length in self._lengths.get(words[index], ()):
            if index + length > len(words):
                continue
            value = self._values.get(tuple(words[index : index + length]))
            if value is not None:
                return length, value
        return None

    def starts(self, words: Sequence[str]) -> list[int]:
        """The positions, in order, of the words some phrase starts with: the only places `match_at`
        can find one."""
        lengths = self._lengths
        if lengths.keys().isdisjoint(words):
            return []  # the common case: most sentences hold no phrase of a given list
        return [index for index, word in enumerate(words) if word in lengths]

    def find_all(self, words: Sequence[str]) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        found: list[Match[T]] = []
        end = 0
        for index in self.starts(words):
            if index >= end and (match := self.match_at(words, index)):
                found.append(match)
                end = match.last
        return found
