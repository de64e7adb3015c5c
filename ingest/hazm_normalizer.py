"""hazm's default Normalizer, step for step (hazm 0.12.1's `normalize`), giving the same text with its
steps made cheap where hazm is slow for nothing (tests/unit/test_normalize.py compares the two).

The letters and marks in this module are hazm's, copied from its patterns so that a faster pattern matches
exactly what hazm's does: they are code that must agree with hazm, not a word list of didar's.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from hazm import Normalizer
from hazm.constants import (
    AFFIX_SPACING_PATTERNS,
    DIACRITICS_PATTERNS,
    EXTRA_SPACE_PATTERNS,
    NUMBERS_DST,
    NUMBERS_SRC,
    PERSIAN_STYLE_PATTERNS,
    PUNC_AFTER,
    PUNC_BEFORE,
    PUNCTUATION_SPACING_PATTERNS,
    SUFFIXES,
    TRANSLATION_DST,
    TRANSLATION_SRC,
)

ZWNJ = "\u200c"


class CharMap:
    """One of hazm's one-to-one character maps (`hazm.utils.maketrans`: a later duplicate wins),
    applied only to the characters a text holds. `str.translate` looks every character up and pays
    for an exception on each miss, 0.4 ms per article for each of hazm's two maps; a character class
    finds the few to replace at C speed. Replacing one character at a time equals mapping all at once
    because no character maps to one that maps further (tests/unit/test_normalize.py checks)."""

    def __init__(self, written: str, fixed: str) -> None:
        self.chars = dict(zip(written, fixed, strict=False))
        self._present = re.compile("[" + "".join(map(re.escape, self.chars)) + "]")

    def apply(self, text: str) -> str:
        for char in set(self._present.findall(text)):
            text = text.replace(char, self.chars[char])
        return text


# The letters hazm's patterns name (its class of Persian letters).
_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


@dataclass(frozen=True, slots=True)
class _Rule:
    """One of hazm's (pattern, replacement) steps, and a cheap test that a text may hold a match.

    Most of hazm's patterns match nothing in most texts, yet scan every character, and those that start
    with a lookbehind or \\b try a match from every position. The probe looks for a literal every match
    contains, or runs a pattern every match also matches that starts with a literal; the step runs only
    where it finds one, so the text is the same either way. None: the pattern matches in nearly every
    text, there is nothing to save."""

    pattern: re.Pattern[str]
    replacement: str
    probe: Callable[[str], object] | None


def _rules(patterns: list[tuple[str, str]], *probes: Callable[[str], object] | None) -> tuple[_Rule, ...]:
    """hazm's patterns, in hazm's order, each with its probe (`zip` fails if hazm's list changes)."""
    return tuple(
        _Rule(re.compile(pattern), replacement, probe)
        for (pattern, replacement), probe in zip(patterns, probes, strict=True)
    )


def _contains(*needles: str) -> Callable[[str], bool]:
    return lambda text: any(needle in text for needle in needles)


def _finds(pattern: str) -> Callable[[str], object]:
    return re.compile(pattern).search


def _apply(rules: tuple[_Rule, ...], text: str) -> str:
    for rule in rules:
        if rule.probe is None or rule.probe(text):
            text = rule.pattern.sub(rule.replacement, text)
    return text


_PERSIAN_STYLE = _rules(
    PERSIAN_STYLE_PATTERNS,
    _contains('"'),
    _finds(r"\.(?<=[\d+]\.)[\d+]"),  # ([\d+])\.([\d+]) found from its dot
    _contains("..."),
)
_DIACRITICS = _rules(DIACRITICS_PATTERNS, _contains(*"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"))
_EXTRA_SPACE = _rules(
    EXTRA_SPACE_PATTERNS,
    lambda text: text.startswith(" ") or text.endswith((" ", " \n")),  # ^ +| +$ (no MULTILINE)
    _contains("  "),
    _contains("\n\n\n"),
    _contains(ZWNJ * 2),
    _contains(ZWNJ + " "),
    _contains(" " + ZWNJ),
    _finds(r"\u200c(?<=\w\u200c)(?!\w)"),  # \b\u200c*\B: a ZWNJ after a letter and before none
    _finds(r"\u200c(?<!\w\u200c)"),  # \B\u200c*\b: a ZWNJ after no letter
    _contains("ـ", "\r"),
)
_AFFIX_SPACING = _rules(
    AFFIX_SPACING_PATTERNS,
    _contains("ه ی "),
    _finds("می (?<![^ ن]می )(?<![^ ]نمی )"),  # (^| )(ن?می) found from its می
    _finds(rf" (?:تر(?:ین?)?|گری?|های?)(?=[ \n{PUNC_AFTER}{PUNC_BEFORE}]|$)"),
    _finds(rf"ه ا(?:م|یم|ش|ند|ی|ید|ت)(?=[ \n{PUNC_AFTER}]|$)"),
    _contains("هها"),
)
_PUNCTUATION_SPACING = _rules(
    PUNCTUATION_SPACING_PATTERNS,
    _contains('" '),
    None,
    None,
    None,
    None,
    _finds(rf"[{PUNC_BEFORE}](?<=[^ {PUNC_BEFORE}].)"),  # ([^ «...])([«...]) found from its bracket
    _finds(rf"\d[{_LETTERS}]"),
    _finds(rf"\d(?<=[{_LETTERS}]\d)"),  # ([letter])(\d) found from its digit
)
# hazm's WordTokenizer pattern ([؟!?]+|[\d.:]+|[:.،؛»\])}"«\[({/\\]), each match of which it pads with
# spaces, in a form that starts with one character class: the search skips to the next candidate
# character instead of trying three alternatives at every position. The class after the first character
# picks the run to continue; the classes are disjoint, and "." and ":" always start a digit run there.
_TOKEN_PADDING = re.compile(r'[؟!?\d.:،؛»\])}"«\[({/\\](?:(?<=[؟!?])[؟!?]*|(?<=[\d.:])[\d.:]*|)')
# Any character three times running: every match of hazm's `more_than_two_repeat_pattern` has one, and
# the search is cheaper than that pattern's, which tests its letter class at every letter.
_TRIPLE = re.compile(r"(.)\1\1")
# hazm's seperate_mi pattern \bن?می[letters]+, but starting at the می (a literal the search skips to)
# with the test for a word start behind it: after no letter, or after a ن that follows none.
_MI_VERB = re.compile(rf"می(?<![^\Wن]می)(?<!\wنمی)[{_LETTERS}]+")


class _Normalizer(Normalizer):
    """hazm's default Normalizer, step for step (hazm 0.12.1's `normalize`), giving the same text with
    its steps made cheap where hazm is slow for nothing: its character maps (`CharMap`), its regex
    steps (`_Rule`), the per-line tokenising of `correct_spacing`, and the search for letters written
    three times or more, whose pattern backtracks over every word of the text even when no letter
    repeats at all."""

    def __init__(self) -> None:
        super().__init__()
        # The ZWNJ compounds among hazm's words that `token_spacing` may join a pair of tokens into
        # (with the verbs); a pair always holds a ZWNJ.
        self._compounds = frozenset(
            word for word, (count, _) in (self._words or {}).items() if count > 0 and ZWNJ in word
        )
        self._translations = CharMap(TRANSLATION_SRC, TRANSLATION_DST)
        self._numbers = CharMap(NUMBERS_SRC, NUMBERS_DST)

    def normalize(self, text: str) -> str:
        text = self._translations.apply(text)
        text = self.persian_style(text)
        text = self.persian_number(text)
        text = self.remove_diacritics(text)
        text = self.correct_spacing(text)
        text = self.unicodes_replacement(text)
        text = self.remove_specials_chars(text)
        text = self.decrease_repeated_chars(text)
        return self.seperate_mi(text)

    def persian_style(self, text: str) -> str:
        return _apply(_PERSIAN_STYLE, text)

    def persian_number(self, text: str) -> str:
        return self._numbers.apply(text)

    def remove_diacritics(self, text: str) -> str:
        return _apply(_DIACRITICS, text)

    def correct_spacing(self, text: str) -> str:
        """hazm's step with its tokeniser run once over the text instead of once a line: with verb
        parts left apart (hazm's setting here) it only pads the matches of its pattern (`_TOKEN_PADDING`),
        none of which spans a newline, with spaces and splits on spaces; a blank line hazm leaves as it
        is."""
        text = _apply(_EXTRA_SPACE, text)
        lines = text.split("\n")
        padded = _TOKEN_PADDING.sub(r" \g<0> ", text.replace("\t", " ")).split("\n")
        for index, line in enumerate(lines):
            if line.strip():
                lines[index] = " ".join(self.token_spacing(list(filter(None, padded[index].split(" ")))))
        text = _apply(_AFFIX_SPACING, "\n".join(lines))
        return _apply(_PUNCTUATION_SPACING, text)

    def token_spacing(self, tokens: list[str]) -> list[str]:
        """hazm's step, the same joins made cheaper. A token joins the one before when the pair is a
        known compound, or when it is a suffix; until a first join the pair is two tokens as written,
        so a line none of whose pairs is a compound and none of whose tokens a suffix (most lines)
        joins nothing, and set operations over all its pairs at once show that. The other lines go
        through hazm's loop."""
        words, verbs, compounds = self._words, self._verbs, self._compounds
        if not words or not verbs:  # never: hazm's defaults load both
            return super().token_spacing(tokens)
        pairs = list(map(ZWNJ.join, pairwise(tokens)))
        if SUFFIXES.isdisjoint(tokens) and verbs.isdisjoint(pairs) and compounds.isdisjoint(pairs):
            return tokens
        result: list[str] = []
        last = len(tokens) - 1
        for index, token in enumerate(tokens):
            if result:
                pair = f"{result[-1]}{ZWNJ}{token}"
                if pair in verbs or pair in compounds:
                    if not (index < last and f"{token}_{tokens[index + 1]}" in verbs):
                        result[-1] = pair
                        continue
                elif token in SUFFIXES and result[-1] in words:
                    result[-1] = pair
                    continue
            result.append(token)
        return result

    def decrease_repeated_chars(self, text: str) -> str:
        # hazm's step only rewrites words in which `more_than_two_repeat_pattern` matches.
        if not _TRIPLE.search(text):
            return text
        return super().decrease_repeated_chars(text)

    def seperate_mi(self, text: str) -> str:
        """hazm's step: a word starting with می or نمی gets its ZWNJ if that makes a known verb."""
        verbs = self._verbs or set()

        def separate(match: re.Match[str]) -> str:
            joined = f"می{ZWNJ}{match.group()[2:]}"
            negated = text[match.start() - 1 : match.start()] == "ن"  # the word's ن (see _MI_VERB)
            return joined if (f"ن{joined}" if negated else joined) in verbs else match.group()

        return _MI_VERB.sub(separate, text)


@cache
def hazm_normalizer() -> Normalizer:
    return _Normalizer()
