"""What the extractor knows before reading an article: places, organisations, titles, people.

Built once per process from the lexicons in ingest/data/ (see `knowledge()`).
"""

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache

from hazm import stopwords_list

from ingest.gazetteer import Gazetteer, phrase_key
from ingest.lexicon import alternatives, one_word, rows, word_class
from ingest.normalize import normalize, prime
from ingest.orthography import letter_map


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_fa: str
    name_en: str


@dataclass(frozen=True, slots=True)
class GeoName:
    """A country name or nationality adjective (`adjective`) or a city (`city` set)."""

    country: str
    adjective: bool = False
    city: str | None = None
    city_en: str | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name_fa: str
    name_en: str
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Title:
    """A role title as a lexicon entry: `rank` marks a prefix (معاون، سرپرست ...) that composes."""

    id: str
    title_fa: str
    title_en: str
    rank: bool = False
    # The state the title belongs to by itself: it names it ("رئیس تشکیلات خودگردان": PS) or the
    # lexicon says so ("فرمانده سنتکام": US).
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Officeholder:
    name_fa: str
    name_en: str
    role_id: str
    country: str | None
    org: str | None
    start: date | None
    end: date | None
    aliases: tuple[str, ...] = ()  # every Persian form as a `name_skeleton`, ranks included

    def held_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


# Letters one sound may be written with in a transliterated name ("هاکان" / "حاکان", "فرانسوآ" /
# "فرانسوا"): a given name spelled another way is still the same given name.
_SOUND_LETTERS = str.maketrans(dict(letter_map("sound_fold")))
_CHAIN_WORDS = word_class("patronymic") | word_class("dynasty")
# A Latin middle initial as Persian writes it, with its full stop ("جی." of "دونالد جی. ترامپ").
_MIDDLE_INITIAL = re.compile(r"(?<=\s)\S{1,5}\.(?=\s)")


def name_skeleton(words: tuple[str, ...] | list[str]) -> str:
    """A name's words run together, letters of one sound folded and the Arabic article of a surname
    dropped ("المالکی" = "مالکی")."""
    article = one_word("arabic_article")
    return "".join(w[len(article) :] if w.startswith(article) and len(w) > 4 else w for w in words).translate(
        _SOUND_LETTERS
    )


class NameFit(Enum):
    FULL = "full"
    BARE = "bare"


@dataclass
class Knowledge:
    countries: dict[str, Country] = field(default_factory=dict)
    geo: Gazetteer[GeoName] = field(default_factory=Gazetteer)
    ambiguous_cities: Gazetteer[GeoName] = field(default_factory=Gazetteer)
    organizations: dict[str, Organization] = field(default_factory=dict)
    org_names: Gazetteer[Organization] = field(default_factory=Gazetteer)
    titles: Gazetteer[Title] = field(default_factory=Gazetteer)
    titles_by_id: dict[str, Title] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()
    # The time a title word puts its holder in: "سابق" former, "جدید" new, "وقت" then, "فعلی" current.
    title_tenses: dict[str, str] = field(default_factory=dict)
    people: Gazetteer[tuple[Officeholder, ...]] = field(default_factory=Gazetteer)
    holders_by_office: dict[tuple[str, str], list[Officeholder]] = field(default_factory=dict)
    # The offices a title of two joins ("نخست‌وزیر و وزیر امور خارجه": prime minister, foreign minister).
    title_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    first_names: frozenset[str] = frozenset()
    persian_first_names: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    honorific_words: frozenset[str] = frozenset()

    def name_fit(self, name: str, person: Officeholder) -> NameFit | None:
        """How a written name fits a holder: FULL when its given name (honorifics aside) is one of the
        holder's aliases, BARE for a surname alone, None for another given name ("مراد فیدان" is not
        Hakan Fidan)."""
        fit = self._written_fit(name, person)
        if fit is None and _MIDDLE_INITIAL.search(name):
            fit = self._written_fit(_MIDDLE_INITIAL.sub(" ", name), person)  # "دونالد جی. ترامپ"
        return fit

    def _written_fit(self, name: str, person: Officeholder) -> NameFit | None:
        words = phrase_key(name)
        while len(words) > 1 and words[0] in self.honorific_words:
            words = words[1:]
        compact = name_skeleton(words)
        if not compact:
            return None
        if any(alias.endswith(compact) for alias in person.aliases):
            return NameFit.BARE if len(words) == 1 else NameFit.FULL
        # "محمد بن عبدالرحمن بن جاسم آل ثانی": a known form, then more of the patronymic chain.
        chained = (name_skeleton(words[:i]) for i in range(2, len(words)) if words[i] in _CHAIN_WORDS)
        return NameFit.FULL if any(form in person.aliases for form in chained) else None

    def holder(self, role_id: str, party: str, day: date | None) -> Officeholder | None:
        """Who held office `role_id` for country or organisation `party` on `day` (today if None). For a
        title of two offices, the one person who held both."""
        for person in self.holders_by_office.get((role_id, party), []):
            if person.held_on(day):
                return person
        holders = [
            [person for person in self.holders_by_office.get((part, party), []) if person.held_on(day)]
            for part in self.title_parts.get(role_id, ())
        ]
        # One person in every office of the title: Iran's foreign minister is no "prime minister and
        # foreign minister" (Iran has no prime minister), and an office many hold at once ("سفیر")
        # names nobody.
        names = {person.name_en for people in holders for person in people}
        if holders and all(holders) and len(names) == 1:
            return holders[0][0]
        return None

    def late_holder(self, role_id: str, party: str, day: date) -> Officeholder | None:
        """The holder whose term ended last on or before `day`: "رئیس‌جمهور شهید" of a 2026 article is
        the president who died in office in 2024, not the one in office."""
        ended = [
            person
            for person in self.holders_by_office.get((role_id, party), [])
            if person.end is not None and person.end <= day
        ]
        return max(ended, key=lambda person: person.end or day, default=None)

    def holds(self, person: Officeholder, role_id: str | None) -> bool:
        """Does the person's term hold that office, alone or as one of a title of two?"""
        return person.role_id == role_id or person.role_id in self.title_parts.get(role_id or "", ())


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _load_geo(kb: Knowledge) -> None:
    for row in rows("countries"):
        code = row["code"]
        kb.countries[code] = Country(code, normalize(row["name_fa"]), row["name_en"])
        for form in [row["name_fa"], *row.get("aliases_fa", "").split("|")]:
            if form.strip():
                kb.geo.add(form, GeoName(code))
        for form in row.get("adjectives_fa", "").split("|"):
            if form.strip():
                kb.geo.add(form, GeoName(code, adjective=True))
    for row in rows("cities"):
        city = GeoName(row["country"], city=normalize(row["name_fa"]), city_en=row["name_en"])
        # A city spelled like a common word (کابل، دوشنبه) is only a place where a place is expected.
        ambiguous = {normalize(form) for form in row.get("ambiguous_fa", "").split("|") if form.strip()}
        for form in [row["name_fa"], *row.get("aliases_fa", "").split("|")]:
            if form.strip():
                (kb.ambiguous_cities if normalize(form) in ambiguous else kb.geo).add(form, city)


def _load_organizations(kb: Knowledge) -> None:
    for row in rows("organizations"):
        org = Organization(
            row["id"],
            normalize(row["name_fa"]),
            row["name_en"],
            row.get("kind", ""),
            row.get("country") or None,
        )
        kb.organizations[org.id] = org
        for form in [row["name_fa"], *row.get("aliases_fa", "").split("|")]:
            if form.strip():
                kb.org_names.add(form, org)


def _named_country(kb: Knowledge, form: str) -> str | None:
    words = phrase_key(form)
    for index in range(len(words)):
        match = kb.geo.match_at(words, index)
        if match and match.value.city is None:
            return match.value.country
    return None


def _load_titles(kb: Knowledge) -> None:
    words: set[str] = set()
    for row in rows("roles"):
        title_fa = normalize(row["title_fa"])
        country = row.get("country") or _named_country(kb, title_fa)
        title = Title(row["id"], title_fa, row["title_en"], country=country or None)
        kb.titles_by_id[title.id] = title
        for form in [row["title_fa"], *row.get("aliases_fa", "").split("|")]:
            if form.strip():
                kb.titles.add(form, title)
                words.update(phrase_key(form))
    for row in rows("role_modifiers"):
        prefix = Title(f"rank:{row['prefix_fa']}", normalize(row["prefix_fa"]), row["prefix_en"], rank=True)
        kb.titles.add(row["prefix_fa"], prefix)
        words.update(phrase_key(row["prefix_fa"]))
    # Function words and punctuation inside titles ("سفیر و نماینده دائم") are no title words.
    stop = {word for form in stopwords_list() for word in phrase_key(form)}
    words = {word for word in words if word.isalpha() and word not in stop}
    for row in rows("title_words"):
        words.update(phrase_key(row["word"]))
        if row.get("tense"):
            kb.title_tenses[normalize(row["word"])] = row["tense"]
    kb.title_words = frozenset(words)
    _load_title_parts(kb)


def _load_title_parts(kb: Knowledge) -> None:
    """A title that joins whole titles with "و" ("ولیعهد و نخست‌وزیر") is held by one person who holds
    each; "وزیر امور اقتصادی و دارایی" joins no two titles."""
    joiner = f" {one_word('and')} "
    for title in kb.titles_by_id.values():
        parts = title.title_fa.split(joiner)
        if len(parts) < 2:
            continue
        found = [kb.titles.get(part) for part in parts]
        ids = tuple(part.id for part in found if part is not None and not part.rank)
        if len(ids) == len(parts):
            kb.title_parts[title.id] = ids


def _load_people(kb: Knowledge) -> None:
    by_form: dict[tuple[str, ...], list[Officeholder]] = {}
    forms_of: dict[tuple[str, ...], str] = {}
    for row in rows("officeholders"):
        forms = [row["name_fa"], *row.get("aliases_fa", "").split("|")]
        person = Officeholder(
            normalize(row["name_fa"]),
            row["name_en"],
            row["role_id"],
            row.get("country") or None,
            row.get("org") or None,
            _parse_date(row.get("start", "")),
            _parse_date(row.get("end", "")),
            tuple(dict.fromkeys(name_skeleton(phrase_key(form)) for form in forms if form.strip())),
        )
        party = person.country or person.org or ""
        kb.holders_by_office.setdefault((person.role_id, party), []).append(person)
        for form in forms:
            key = phrase_key(form)
            if key:
                by_form.setdefault(key, []).append(person)
                forms_of[key] = form
    for key, people in by_form.items():
        kb.people.add(forms_of[key], tuple(people))
    for holders in kb.holders_by_office.values():
        # The latest term first, so `holder()` finds a current holder before a predecessor.
        holders.sort(key=lambda p: p.start or date.min, reverse=True)


_LEXICONS = (
    "countries",
    "cities",
    "organizations",
    "roles",
    "role_modifiers",
    "officeholders",
    "first_names",
)


@cache
def knowledge() -> Knowledge:
    prime(
        form
        for name in (*_LEXICONS, "not_names", "triggers", "honorifics", "title_words")
        for row in rows(name)
        for cell in row.values()
        for form in cell.split("|")
    )
    kb = Knowledge()
    _load_geo(kb)
    _load_organizations(kb)
    _load_titles(kb)
    _load_people(kb)
    # A given name of several tokens adds its first one: the rest are no given names of their own
    # ("ای" of "آندره‌ای", "این" of "مون‌جائه‌این", "الله" of "ولی‌الله").
    kb.first_names = frozenset(
        phrase_key(form)[0] for row in rows("first_names") for form in alternatives(row["name_fa"]) if form
    )
    kb.persian_first_names = frozenset(
        phrase_key(form)[0]
        for row in rows("first_names")
        if "persian" in row.get("origin", "").split("|")
        for form in alternatives(row["name_fa"])
        if form
    )
    kb.honorific_words = frozenset(token for row in rows("honorifics") for token in phrase_key(row["form"]))
    kb.not_names = frozenset(
        token
        for word in [
            *stopwords_list(),
            *(row["word"] for row in rows("not_names")),
            *(row["form"] for row in rows("triggers")),
        ]
        for token in phrase_key(word)
    )
    return kb
