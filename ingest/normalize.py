"""Persian text normalisation: hazm's Normalizer plus the repairs hazm leaves undone.

Everything downstream (lexicons, rules, offsets) works on this normaliser's output, so a lexicon entry
and an article spelling of the same word compare equal. The letters and affixes the repairs name are data
(ingest/data/orthography.tsv).
"""

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from ingest.hazm_normalizer import ZWNJ, hazm_normalizer
from ingest.orthography import letter_map, letters, one_letter

_CHAR_REPLACEMENTS = letter_map("char_replacement")
_TEXT_REPAIRS = letter_map("text_repair")
_SUFFIXES = letters("glued_suffix")
_JOINED_SUFFIXES = letters("joined_suffix")
_COMPARATIVES = letters("comparative")
_AFTER_HEH = letters("suffix_after_heh")
_HEH = one_letter("heh")
_NON_JOINING = frozenset(letters("non_joining"))
# A run of Arabic-script letters and ZWNJ; the group makes `split` keep the words.
_WORD = re.compile(r"([\u0600-\u06FF\u200c]+)")


def _fix_chars(text: str) -> str:
    for written, fixed in _CHAR_REPLACEMENTS:  # str.replace beats str.translate on long Persian text
        text = text.replace(written, fixed)
    return text


@cache
def _word_list() -> tuple[list[str], ...]:
    """hazm's word list, read once: each line's fields (the word, its corpus count, its tags)."""
    words = resources.files("hazm").joinpath("data/words.dat").read_text(encoding="utf-8")
    return tuple(line.split("\t") for line in words.splitlines() if line)


@cache
def _vocabulary() -> frozenset[str]:
    return frozenset(fields[0] for fields in _word_list())


@cache
def _stem_counts() -> dict[str, int]:
    """How often hazm's corpus has each word of its word list."""
    return {fields[0]: int(fields[1]) for fields in _word_list() if len(fields) > 1}


@cache
def _used_stems() -> frozenset[str]:
    """Words hazm's word list counts in its corpus, and past participles (a past stem of hazm's verb
    list and "ه"): the stems a suffix after "ه" may follow. The list also holds words it never saw
    ("کالاه", "گروهه", "برنه"), and splitting at those breaks a plural ("گروههای" is "گروه‌های", not
    "گروهه‌ای") or a name ("برنهام")."""
    counted = (word for word, count in _stem_counts().items() if count)
    verbs = resources.files("hazm").joinpath("data/verbs.dat").read_text(encoding="utf-8")
    participles = (f"{past}{_HEH}" for line in verbs.splitlines() if (past := line.split("#", 1)[0]))
    return frozenset((*counted, *participles))


@cache
def _adjectives() -> frozenset[str]:
    return frozenset(fields[0] for fields in _word_list() if len(fields) > 2 and "AJ" in fields[2])


# News repeats its words: most of an article's words were repaired (or left alone) before.
@lru_cache(maxsize=65536)
def _repair_word(word: str) -> str:
    """Restore a missing ZWNJ when the repaired form is a known word, or a known word plus a suffix; drop
    an idle one."""
    vocabulary = _vocabulary()
    if ZWNJ in word:
        return _without_idle_zwnj(word, vocabulary)
    if len(word) < 5 or word in vocabulary:
        return word
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if left[-1] in _NON_JOINING:
            continue
        if f"{left}{ZWNJ}{right}" in vocabulary:
            return f"{left}{ZWNJ}{right}"
    # A stem hazm's corpus uses wins, the one it uses most, then the longest: منطقه+ای rather than
    # منطق+های, but سال+های rather than ساله+ای and گروه+های rather than an unused گروهه+ای.
    used, counts = _used_stems(), _stem_counts()
    splits = sorted(
        _stem_splits(word), key=lambda split: (split[0] not in used, -counts.get(split[0], 0), -len(split[0]))
    )
    if splits and _reads_whole(word, counts.get(splits[0][0], 0)):
        return word
    for stem, suffix in splits:
        if stem in vocabulary:
            return f"{stem}{ZWNJ}{suffix}"
        repaired = _repair_word(stem)
        if repaired != stem:
            return f"{repaired}{ZWNJ}{suffix}"
    # A plural written on the stem with no ZWNJ ("قانونگذاران"): the stem's own ZWNJ, the ending joined.
    for suffix in _JOINED_SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 5:
            continue
        stem = word[: -len(suffix)]
        if (repaired := _repair_word(stem)) != stem:
            return f"{repaired}{suffix}"
    return word


def _without_idle_zwnj(word: str, vocabulary: frozenset[str]) -> str:
    """ "نیرو‌های" → "نیروهای", "گفت‌و‌گو" → "گفت‌وگو": a ZWNJ after a letter that joins nothing after it
    changes nothing on screen, but cuts the word in two for every key and token, so the lexicon's
    "نیروهای" missed it and "و" read as a conjunction. It goes before a suffix, or where the word without it
    is hazm's; between two words ("دونالد‌ترامپ") it stays, a space for the keys."""
    parts = word.split(ZWNJ)
    joined = parts[0]
    for part in parts[1:]:
        if joined[-1:] in _NON_JOINING and (part in _SUFFIXES or joined + part in vocabulary):
            joined += part
        else:
            joined += ZWNJ + part
    return joined


def _reads_whole(word: str, best_count: int) -> bool:
    """ "نهادهای" is نهاد + های, which needs no ZWNJ after "د" (a letter that joins nothing after it):
    a plural of a stem ending so that hazm's corpus uses more than the best split's stem stays whole."""
    counts = _stem_counts()
    return any(
        word.endswith(suffix)
        and len(stem := word[: -len(suffix)]) >= 3
        and stem[-1] in _NON_JOINING
        and counts.get(stem, 0) > best_count
        for suffix in _SUFFIXES
    )


def _stem_splits(word: str) -> list[tuple[str, str]]:
    splits = []
    for suffix in _SUFFIXES + _AFTER_HEH:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3 or stem[-1] in _NON_JOINING:
            continue
        if suffix in _AFTER_HEH and (stem[-1] != _HEH or stem not in _used_stems()):
            continue
        if suffix in _COMPARATIVES and stem not in _adjectives():
            continue
        splits.append((stem, suffix))
    return splits


def _repair_zwnj(text: str) -> str:
    # The words are every other piece of the split; `map` calls the cached `_repair_word` without
    # the Python frame a `sub` callback costs for each of an article's hundreds of words.
    pieces = _WORD.split(text)
    pieces[1::2] = map(_repair_word, pieces[1::2])
    return "".join(pieces)


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
    lines = hazm_normalizer().normalize("\n".join(text.splitlines())).split("\n")
    text = "\n".join(line.strip() for line in lines)
    for written, fixed in _TEXT_REPAIRS:  # what hazm's own rules break ("می‌انجی")
        text = text.replace(written, fixed)
    return _split_glued_preposition(_fix_spacing(_repair_zwnj(text)))


_BA = one_letter("glued_preposition")
# "با" after no letter or ZWNJ, tested behind the literal: the search skips to each "با" instead of
# trying the lookbehind at every character.
_GLUED_BA = re.compile(rf"{_BA}(?<![\w\u200c]{_BA})(\w{{3,}})")


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
            return f"{_BA} {name}"
        if standalone is None:
            standalone = set(_ANY_WORD.findall(text))
        return f"{_BA} {name}" if len(name) >= 4 and name in standalone else match.group()

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
    # The pattern opens with a lookbehind, tried at every character; most texts hold none of the forms.
    if not any(written in text for written in fixes):
        return text
    return pattern.sub(lambda m: fixes[m.group()], text)


def normalize_key(text: str) -> str:
    """A comparison key: normalised, without ZWNJ or spaces between word parts, for lookups."""
    return text_key(normalize(text))


@lru_cache(maxsize=65536)
def text_key(normalized: str) -> str:
    """The comparison key of text that is already normalised (cheap: no second pass of hazm)."""
    return " ".join(normalized.replace(ZWNJ, " ").split())
