"""Deterministic node keys derived from an extraction, so that writing the same article twice is a no-op.

Keys are short hashes of normalised parts: stable across runs and processes (no random ids, no Neo4j
element ids) and safe in a URL. Named persons are keyed by name and country, so the same person in two
articles is one node; graph/resolution.py then resolves full names, surnames and spacing variants.
"""

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from graph import lexicons
from ingest.model import Meeting, Party, Place

_SEPARATOR = "\x1f"  # a character no part can contain, so ("a b", "c") and ("a", "b c") never collide

# The spelling differences that do not make another name: Arabic ye, kaf and heh forms, hamza above,
# tatweel and diacritics, and word joins (ZWNJ stands for a space, the other invisible marks for nothing).
_KEY_LETTERS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "ٔ": None, "ـ": None, "\u200c": " ", "\u200b": None,
     "\u200d": None, "\u200e": None, "\u200f": None, "\ufeff": None}
)  # fmt: skip
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")


def digest(*parts: str) -> str:
    """A 16-hex-digit hash of the parts."""
    return hashlib.sha256(_SEPARATOR.join(parts).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=65_536)
def text_key(text: str | None) -> str:
    """The comparison form of a Persian or English name: letter forms unified, spaces collapsed,
    case-folded. Extracted names are already normalised text (ingest/normalize.py); this only folds the
    variants that remain between sources, in microseconds where the full normaliser takes a millisecond."""
    if not text or not text.strip():
        return ""
    folded = _DIACRITICS.sub("", unicodedata.normalize("NFKC", text).translate(_KEY_LETTERS))
    return " ".join(folded.split()).casefold()


_INITIAL = re.compile(r"\w{1,3}\.")  # "ج." / "جی." (J.), "H." : a middle initial, written with its dot


def name_key(name: str | None) -> str:
    """A person's name as identity compares it: `text_key`, without middle initials ("دونالد جی. ترامپ"
    is "دونالد ترامپ"). Only a dotted word between the first and the last counts: "شی جی پینگ" keeps
    its "جی"."""
    words = text_key(name).split()
    middle = [word for word in words[1:-1] if not _INITIAL.fullmatch(word)]
    return " ".join(words[:1] + middle + words[-1:]) if len(words) > 2 else " ".join(words)


# Letters a transliteration writes or leaves out inside a foreign name ("پمپئو" / "پامپئو", "نریندرا" /
# "نارندرا", "گوایدو" / "گوآیدو"): the long vowels and the madda. A word's first and last letters stay.
# And one it writes either way: a Latin s as "س" or "ز" ("ایگناسیو" / "ایگنازیو", "هگست" / "هگزت").
_VOWEL_LETTERS = frozenset("اوی")
_LETTERS = str.maketrans({"آ": "ا", "ز": "س"})
# Letters Persian writes with a hamza seat or without one, in one name either way ("رئیسی" / "رییسی",
# "مؤمنی" / "مومنی", "أحمد" / "احمد"): folded where identity compares names, kept in the names it keeps.
NAME_FOLDS: tuple[tuple[str, str], ...] = (("ئ", "ی"), ("ؤ", "و"), ("أ", "ا"), ("إ", "ا"))
_NAME_FOLDS = str.maketrans(dict(NAME_FOLDS))


def compared(key: str) -> str:
    """A name key as identity compares it: its hamza seats folded."""
    return key.translate(_NAME_FOLDS)


def spelling_key(key: str) -> str | None:
    """The key that transliterations of one foreign name share: each word's inner long vowels left out,
    for a name of two or more words whose given name is not Persian or Arabic (those are spelt one way
    in Persian, and their vowels tell names apart: "حسن" / "حسین", "سعد" / "سعید"); None otherwise."""
    words = compared(key).translate(_LETTERS).split()
    if len(words) < 2 or any(
        words[: len(given)] == given for given in _fixed_given_names().get(words[0], ())
    ):
        return None
    return " ".join(_without_inner_vowels(word) for word in words)


def _without_inner_vowels(word: str) -> str:
    inner = "".join(letter for letter in word[1:-1] if letter not in _VOWEL_LETTERS)
    return word[0] + inner + word[-1] if len(word) > 2 else word


@cache
def _fixed_given_names() -> dict[str, list[list[str]]]:
    """The Persian and Arabic first names of ingest/data/first_names.tsv as name keys (a compound one,
    "روح‌الله", is two words), folded as `spelling_key` folds, by their first word."""
    found: dict[str, list[list[str]]] = {}
    for row in lexicons.rows("first_names"):
        if {"persian", "arabic"} & set(row["origin"].split("|")):
            words = compared(name_key(row["name_fa"])).translate(_LETTERS).split()
            found.setdefault(words[0], []).append(words)
    return found


FORMER = "former"


# Titles as identity evidence. The synonym table is ingest/data/roles.tsv (one copy, shared with the
# extractor): each row is an office (`id`) with its written forms (`title_fa`, `aliases_fa`: "وزیر خارجه" =
# "وزیر امور خارجه", "رئیس‌جمهور" = "رئیس جمهوری"). Rank prefixes (role_modifiers.tsv: "معاون", "سرپرست")
# and former-office words (title_words.tsv: "سابق") make another office; an unknown title is itself.
@cache
def _offices() -> dict[str, str]:
    """Every written form of a title (its comparison key) -> the office id."""
    forms: dict[str, str] = {}
    for row in lexicons.rows("roles"):
        for form in [row["title_fa"], *row.get("aliases_fa", "").split("|")]:
            key = text_key(form)
            if key:
                forms.setdefault(key, row["id"])
    return forms


@cache
def _ranks() -> tuple[tuple[str, str], ...]:
    """Rank prefixes (comparison key, what they mean), longest first so "معاون اول" wins over "معاون"."""
    ranks = {text_key(row["prefix_fa"]): row["prefix_en"] for row in lexicons.rows("role_modifiers")}
    return tuple(sorted(ranks.items(), key=lambda item: -len(item[0])))


@cache
def _former_words() -> frozenset[str]:
    return frozenset(
        text_key(row["word"]) for row in lexicons.rows("title_words") if row.get("note") == FORMER
    )


def _ranked(key: str) -> tuple[str, ...]:
    """A title as its rank prefixes and the office they qualify (the last part)."""
    ranks: list[str] = []
    while True:
        rank = next(((form, meaning) for form, meaning in _ranks() if key.startswith(form + " ")), None)
        if rank is None or (ranks and key in _offices()):
            break
        ranks.append(rank[1])
        key = key[len(rank[0]) + 1 :]
    return (*ranks, _offices().get(key, key))


@cache
def _ranked_offices() -> dict[tuple[str, ...], str]:
    """Offices the table names with a rank word ("معاون رئیس جمهور": vice_president) by their parts,
    so that another wording of the same parts ("معاون رییس‌جمهوری") is that office too."""
    return {parts: office for form, office in _offices().items() if len(parts := _ranked(form)) > 1}


@cache
def office_key(title: str | None) -> str | None:
    """The office a title stands for: the table's id, with its rank prefixes and a former marker
    ("Deputy {}|foreign_minister"); a title the table does not know is its own comparison key."""
    key = text_key(title)
    if not key:
        return None
    if key in _offices():
        return _offices()[key]
    words = key.split()
    former = bool(words) and words[-1] in _former_words()
    if former:
        key = " ".join(words[:-1])
    parts = (_offices()[key],) if key in _offices() else _ranked(key)
    office = _ranked_offices().get(parts)
    return "|".join(([office] if office else [*parts]) + ([FORMER] if former else []))


def known_office(office: str | None) -> bool:
    """An office of the role table (`office_key`'s id, ranked or former or not) that names one post: not
    a free wording, and not a delegation or a generic official, which a minister may be part of."""
    parts = [part for part in (office or "").split("|") if part != FORMER]
    if not parts or parts[-1] not in set(_offices().values()):
        return False
    return "delegation" not in parts[-1] and parts[-1] != "official"


def compatible(title: str | None, titles: set[str]) -> bool:
    """A mention's office fits a person's known offices: either side unknown, or the same office."""
    return not title or not titles or title in titles


# Latin spellings of one Persian or Arabic name ("Qalibaf", "Ghalibaf"; "Mousavi", "Musavi", "Moosavi";
# "Hassan", "Hasan"; "al-Maliki", "Maliki"): what every spelling folds to, letter pair by letter pair.
_LATIN_ARTICLE = re.compile(r"\b(?:al|el|ul)[-\u2010\u2011' ]+(?=\w)")
_LATIN_PAIRS = (("gh", "q"), ("kh", "h"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("o", "u"), ("e", "a"))
_DOUBLED = re.compile(r"(\w)\1+")


def latin_key(text: str | None) -> str:
    """The transliteration skeleton of a Latin name: accents and the article "al-" dropped, q/gh, kh/h,
    ou/oo/u/o, a/e and doubled letters folded; the words kept apart."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()
    words = []
    for word in re.findall(r"[a-z]+", _LATIN_ARTICLE.sub("", folded)):
        for pair, letter in _LATIN_PAIRS:
            word = word.replace(pair, letter)
        words.append(_DOUBLED.sub(r"\1", word))
    return " ".join(words)


def country_code(code: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code in upper case, or None."""
    code = (code or "").strip().upper()
    return code or None


def organization_key(party: Party) -> str | None:
    """The lexicon's organisation id when the extractor gives one, else a hash of the name."""
    if party.org_id:
        return party.org_id
    name = text_key(party.org) or text_key(party.org_en)
    return f"org-{digest(name)}" if name else None


def role_key(party: Party) -> str | None:
    """One Role node per role title and the country or organisation it belongs to."""
    office = office_of(party)
    if not office:
        return None
    return f"r-{digest(office, country_code(party.country) or '', organization_key(party) or '')}"


def place_key(place: Place | None) -> str | None:
    """A city (with its country); None when the text names no city."""
    if place is None:
        return None
    city = text_key(place.city) or text_key(place.city_en)
    return f"pl-{digest(country_code(place.country) or '', city)}" if city else None


def office_of(party: Party) -> str | None:
    """The office of a party's title (its Persian wording, else the English one)."""
    return office_key(party.role) or office_key(party.role_en)


def is_named(party: Party) -> bool:
    return bool(text_key(party.name) or text_key(party.name_en))


def named_person_key(party: Party) -> str:
    name = text_key(party.name) or text_key(party.name_en)
    holder = country_code(party.country) or organization_key(party) or ""
    return f"p-{digest('named', name, holder)}"


def descriptor(party: Party) -> str:
    """What the text says about an unnamed party: its office (whatever the wording) and whom it speaks for."""
    return _SEPARATOR.join(
        (
            office_of(party) or "",
            country_code(party.country) or "",
            organization_key(party) or "",
        )
    )


def party_key(party: Party) -> str:
    """What stands for a party in a meeting's key: the named person's key, else what is said of it."""
    return named_person_key(party) if is_named(party) else f"unnamed:{descriptor(party)}"


def meeting_key_of(parties: Iterable[str], kind: str, status: str, when: str) -> str:
    """A meeting's id from its party keys (persons' ids once resolved), kind, status and `when`."""
    return f"m-{digest(*sorted(parties), kind, status, when)}"


def parties_key(parties: Iterable[str], kind: str, status: str) -> str:
    """The same parties, kind and status: the reports that may be one meeting share it."""
    return digest("parties", *sorted(parties), kind, status)


def meeting_key(meeting: Meeting, article_id: str) -> str:
    """Parties, kind, status and date; the article stands in for an unknown date, so that two undated
    meetings of the same people in different articles stay apart while dated ones are merged.
    This is the graph's id unless cross-article resolution (graph/resolution.py) finds another."""
    when = meeting.date.isoformat() if meeting.date else f"article:{article_id}"
    return meeting_key_of((party_key(p) for p in meeting.participants), meeting.kind, meeting.status, when)


def unnamed_person_key(said: str, meeting_id: str, counter: int) -> str:
    return f"p-{digest('unnamed', said, meeting_id, str(counter))}"


def person_keys(meeting: Meeting, meeting_id: str) -> list[str]:
    """The key of each participant, in order. An unnamed party is keyed by what the text says about it
    and by its meeting (plus a counter for look-alikes in the same meeting, e.g. two unnamed deputies)."""
    seen: Counter[str] = Counter()
    keys = []
    for party in meeting.participants:
        if is_named(party):
            keys.append(named_person_key(party))
            continue
        said = descriptor(party)
        seen[said] += 1
        keys.append(unnamed_person_key(said, meeting_id, seen[said]))
    return keys
