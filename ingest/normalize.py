"""Persian text normalisation: hazm's Normalizer plus the repairs hazm leaves undone.

Everything downstream (lexicons, rules, offsets) works on this normaliser's output, so a lexicon entry
and an article spelling of the same word compare equal.
"""

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from hazm import Normalizer
from hazm.constants import NUMBERS_DST, NUMBERS_SRC, TRANSLATION_DST, TRANSLATION_SRC

ZWNJ = "\u200c"

# Forms hazm keeps that the rules would otherwise have to spell twice.
_CHAR_REPLACEMENTS = (("ۀ", "ه"), ("ة", "ه"), ("ٔ", ""), ("ي", "ی"), ("ك", "ک"), ("\u200f", ""))
# Suffixes that news text glues onto a word without the zero-width non-joiner it should have. Short
# suffixes (ای، ام ...) only follow a final ه: elsewhere they would split names such as "...سکی".
_SUFFIXES = ("هایی", "های", "ها", "ترین", "تر")
_COMPARATIVES = ("ترین", "تر")  # only after an adjective: "آلیستر" is a name, not "آلیس" + "تر"
_AFTER_HEH = ("ای", "ام", "ات", "اش")
# Letters that do not join to the next one: after them no ZWNJ is needed (or wanted).
_NON_JOINING = set("اآدذرزژو")
_WORD = re.compile(r"[\u0600-\u06FF\u200c]+")


def _fix_chars(text: str) -> str:
    for written, fixed in _CHAR_REPLACEMENTS:  # str.replace beats str.translate on long Persian text
        text = text.replace(written, fixed)
    return text


class _CharMap:
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


class _Normalizer(Normalizer):
    """hazm's default Normalizer, step for step (hazm 0.12.1's `normalize`), with two of its steps
    made cheap where hazm is slow for nothing: its character maps (`_CharMap`), and the search for
    letters written three times or more, whose pattern backtracks over every word of the text even
    when no letter repeats at all."""

    def __init__(self) -> None:
        super().__init__()
        self._translations = _CharMap(TRANSLATION_SRC, TRANSLATION_DST)
        self._numbers = _CharMap(NUMBERS_SRC, NUMBERS_DST)

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

    def persian_number(self, text: str) -> str:
        return self._numbers.apply(text)

    def decrease_repeated_chars(self, text: str) -> str:
        # hazm's step only rewrites words in which `more_than_two_repeat_pattern` matches.
        if not self.more_than_two_repeat_pattern.search(text):
            return text
        return super().decrease_repeated_chars(text)


@cache
def _normalizer() -> Normalizer:
    return _Normalizer()


@cache
def _vocabulary() -> frozenset[str]:
    words = resources.files("hazm").joinpath("data/words.dat").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in words.splitlines() if line)


@cache
def _adjectives() -> frozenset[str]:
    words = resources.files("hazm").joinpath("data/words.dat").read_text(encoding="utf-8")
    return frozenset(
        parts[0] for line in words.splitlines() if len(parts := line.split("\t")) > 2 and "AJ" in parts[2]
    )


# News repeats its words: most of an article's words were repaired (or left alone) before.
@lru_cache(maxsize=65536)
def _repair_word(word: str) -> str:
    """Restore a missing ZWNJ when the repaired form is a known word, or a known word plus a suffix."""
    vocabulary = _vocabulary()
    if ZWNJ in word or len(word) < 5 or word in vocabulary:
        return word
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if left[-1] in _NON_JOINING:
            continue
        if f"{left}{ZWNJ}{right}" in vocabulary:
            return f"{left}{ZWNJ}{right}"
    # The longest known stem wins: منطقه+ای rather than منطق+های.
    for stem, suffix in sorted(_stem_splits(word), key=lambda split: -len(split[0])):
        if stem in vocabulary:
            return f"{stem}{ZWNJ}{suffix}"
        repaired = _repair_word(stem)
        if repaired != stem:
            return f"{repaired}{ZWNJ}{suffix}"
    return word


def _stem_splits(word: str) -> list[tuple[str, str]]:
    splits = []
    for suffix in _SUFFIXES + _AFTER_HEH:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3 or stem[-1] in _NON_JOINING:
            continue
        if suffix in _AFTER_HEH and stem[-1] != "ه":
            continue
        if suffix in _COMPARATIVES and stem not in _adjectives():
            continue
        splits.append((stem, suffix))
    return splits


def _repair_zwnj(text: str) -> str:
    return _WORD.sub(lambda m: _repair_word(m.group()), text)


# Lexicon entries, normalised in bulk at start-up (`prime`): one hazm pass for thousands of entries
# instead of one each, which turned a 10 s start into well under one.
_SHORT = 120
_primed: dict[str, str] = {}


def prime(texts: Iterable[str]) -> None:
    """Normalise many short one-line texts in one pass and remember them for `normalize`."""
    pending = sorted({t for t in texts if t and len(t) < _SHORT and "\n" not in t and t not in _primed})
    if pending:
        _primed.update(zip(pending, _normalize("\n".join(pending)).split("\n"), strict=True))


def normalize(text: str) -> str:
    """Normalise one text (article, title or lexicon entry) to didar's canonical Persian form."""
    known = _primed.get(text)
    return known if known is not None else _normalize(text)


def _normalize(text: str) -> str:
    text = _fix_chars(text)
    # One pass of hazm over the whole text (it is costly per call); it pads newlines with spaces.
    lines = _normalizer().normalize("\n".join(text.splitlines())).split("\n")
    text = "\n".join(line.strip() for line in lines)
    # hazm's می-prefix rule splits a few nouns that merely start with می. (هیئت / هیأت / هیات stay as
    # written: a delegation's title is reported as the text spells it.)
    text = text.replace("می‌انجی", "میانجی")
    return _split_glued_preposition(_fix_spacing(_repair_zwnj(text)))


_GLUED_BA = re.compile(r"(?<![\w\u200c])با(\w{3,})")


@cache
def _given_names() -> frozenset[str]:
    """Given names (first_names.tsv), to spot "با" run into a name: "باکاندولیزا رایس"."""
    lines = resources.files("ingest").joinpath("data/first_names.tsv").read_text(encoding="utf-8")
    names = (line.split("\t", 1)[0] for line in lines.splitlines()[1:])
    return frozenset(_fix_chars(form) for cell in names for form in cell.split("|"))


_ANY_WORD = re.compile(r"\w+")


def _split_glued_preposition(text: str) -> str:
    """ "باکاندولیزا رایس" → "با کاندولیزا رایس": "با" run into a given name, or into a word the same
    text writes on its own elsewhere ("باسیمیون دوم ... سیمیون دوم گفت")."""
    standalone: set[str] | None = None

    def split(match: re.Match[str]) -> str:
        nonlocal standalone
        name = match.group(1)
        if match.group() in _vocabulary():
            return match.group()
        if name in _given_names():
            return f"با {name}"
        if standalone is None:
            standalone = set(_ANY_WORD.findall(text))
        return f"با {name}" if len(name) >= 4 and name in standalone else match.group()

    return _GLUED_BA.sub(split, text)


@cache
def _spacing_fixes() -> tuple[re.Pattern[str], dict[str, str]]:
    """Spellings news text runs together or splits (امورخارجه، رئیس جمهور), from spacing_fixes.tsv."""
    lines = resources.files("ingest").joinpath("data/spacing_fixes.tsv").read_text(encoding="utf-8")
    fixes = dict(line.split("\t", 1) for line in lines.splitlines()[1:] if "\t" in line)
    alternation = "|".join(re.escape(written) for written in sorted(fixes, key=len, reverse=True))
    return re.compile(rf"(?<![\w\u200c])(?:{alternation})(?![\w\u200c])"), fixes


def _fix_spacing(text: str) -> str:
    pattern, fixes = _spacing_fixes()
    return pattern.sub(lambda m: fixes[m.group()], text)


def normalize_key(text: str) -> str:
    """A comparison key: normalised, without ZWNJ or spaces between word parts, for lookups."""
    return text_key(normalize(text))


@lru_cache(maxsize=65536)
def text_key(normalized: str) -> str:
    """The comparison key of text that is already normalised (cheap: no second pass of hazm)."""
    return " ".join(normalized.replace(ZWNJ, " ").split())
