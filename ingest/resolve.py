"""Ties the mentions of one article together: short names to full names, titles to the people
who hold them, "his counterpart" to a title, and the outlet's own country to unnamed officials."""

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from ingest.gazetteer import phrase_key
from ingest.knowledge import NameFit, Officeholder, knowledge
from ingest.lexicon import one_word, word_class
from ingest.normalize import text_key
from ingest.party_phrase import IRAN, PartyPhrase

# Titles that stand for an office of a state: without a country phrase, an Iranian outlet means Iran.
_NON_STATE_TITLES = word_class("non_state_title")
_ARTICLE = one_word("arabic_article")  # "المالکی" = "مالکی"
_AND = one_word("and")
_PATRONYMICS = word_class("patronymic")
_PAST_TENSES = frozenset({"former", "then"})  # title_words.tsv's tenses that name no holder of today
_NEW = "new"
_LATE = "late"  # "شهید", "فقید": the holder who died in office
_NEW_TERM_DAYS = 180  # how long a holder is still "new" in office


@dataclass
class Party:
    name: str | None
    role: str | None
    title_id: str | None
    country: str | None
    org: str | None
    org_id: str | None
    name_source: Literal["text", "knowledge_base"] | None = None
    person: Officeholder | None = None
    role_from_knowledge: bool = False
    # The plural title of a group of officials of several states, as the text writes it: the person
    # the text names by a title of his own takes that one instead.
    role_of_group: bool = False
    group: bool = False
    state: bool = False  # a state as a side of its own, no official of it named
    # The outlet's country only because the text gives none (and the knowledge base's holder for it).
    home_by_default: bool = False

    @property
    def role_borrowed(self) -> bool:
        """The role is not the text's title for this party alone."""
        return self.role_from_knowledge or self.role_of_group

    @property
    def identity(self) -> tuple[str, ...]:
        if self.name:
            return ("person", surname(self.name))
        # A group of officials is never one of them: "استاندار" met "فرمانداران استان".
        office = "group" if self.group else "office"
        return (office, self.title_id or text_key(self.role or ""), self.country or "", self.org_id or "")

    def same_as(self, other: "Party") -> bool:
        """One party under two mentions: equal offices, or names that agree on the surname even when
        written run together or with the Arabic article ("جوادالمالکی" / "جواد مالکی")."""
        if self.person and other.person and self.person.name_en == other.person.name_en:
            return True  # two written forms the knowledge base links to one man ("جی‌دی ونس", "جی. دی. ونس")
        if self.name and other.name:
            return same_name(self.name, other.name)
        return not self.name and not other.name and self.identity == other.identity


def _compact(name: str) -> str:
    return text_key(name).replace(" ", "")


def _bare_surname(name: str) -> str:
    last = surname(name)
    return last[len(_ARTICLE) :] if last.startswith(_ARTICLE) and len(last) > 4 else last


def _before_patronymic(name: str) -> str | None:
    """ "تمیم" of "شیخ تمیم بن حمد آل ثانی": the bearer's own name in a patronymic chain."""
    words = text_key(name).split()
    return next((words[i - 1] for i in range(1, len(words)) if words[i] in _PATRONYMICS), None)


def same_name(a: str, b: str) -> bool:
    own_a, own_b = _before_patronymic(a), _before_patronymic(b)
    if own_a and own_b and own_a != own_b:
        return False  # "تمیم بن حمد آل ثانی" and "محمد بن عبدالرحمن آل ثانی": one family, two men
    if surname(a) == surname(b):
        # "مسرور بارزانی" and "نچیروان بارزانی", "علی لاریجانی" and "صادق لاریجانی": one family, two men
        return _given_names_agree(a, b)
    if _compact(a) == _compact(b) or _pieces_of_one_name(a, b):
        return True
    if not _given_names_agree(a, b):
        return False
    short, long_ = sorted((_bare_surname(a), _bare_surname(b)), key=len)
    return len(short) >= 4 and (
        short == long_ or _compact(a if long_ == _bare_surname(a) else b).endswith(short)
    )


def _given_names_agree(a: str, b: str) -> bool:
    """Two written given names before one surname are one person's when one holds the other
    ("محمدجواد" / "جواد") or they differ by a letter of transliteration ("ولادیمیر" / "ولادمیر");
    a name without a given name agrees with any."""
    given_a, given_b = _given_name(a), _given_name(b)
    if not given_a or not given_b or given_a in given_b or given_b in given_a:
        return True
    return _one_edit_apart(given_a, given_b)


def _surname_like(words: list[str]) -> bool:
    """Can the last word of a name be the first of a longer surname: no given name ("محمد") and no
    father's name after "بن" ("... بن عبدالعزیز" is not "عبدالعزیز بوتفلیقه")?"""
    return words[-1] not in knowledge().first_names and words[-2] not in _PATRONYMICS


@lru_cache(maxsize=4096)
def _given_name(name: str) -> str:
    """The words before the surname, honorifics ("سید", "شیخ") aside, run together."""
    words = text_key(name).split()[:-1]
    honorifics = knowledge().honorific_words
    return "".join(word for word in words if word not in honorifics)


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _pieces_of_one_name(a: str, b: str) -> bool:
    """ "سید حسن حسینی" and "حسینی شاهرودی", "افشین خواجه" and "افشین خواجه‌فرد": one name read in two
    overlapping pieces (a name boundary found in the wrong place), not two people."""
    first, second = text_key(a).split(), text_key(b).split()
    for x, y in ((first, second), (second, first)):
        if len(x) >= 2 and len(y) >= 2 and x[-1] == y[0] and x[0] != y[0] and _surname_like(x):
            return True  # "... حسینی" + "حسینی ...", not "ماهاتیر محمد" + "محمد اشتیه"
        if (
            len(x) >= 2
            and x[:-1] == y[: len(x) - 1]
            and _compact(" ".join(y)).startswith(_compact(" ".join(x)))
        ):
            return True  # "افشین خواجه" is the start of "افشین خواجه‌فرد"
    return False


def _same_title(a: PartyPhrase, b: PartyPhrase) -> bool:
    """One title; or, for a person with two ("نماینده ولی فقیه و امام جمعه X"), one of his."""
    if a.title_id and b.title_id:
        return (
            a.title_id == b.title_id or a.title_id in _titles_in(b.role) or b.title_id in _titles_in(a.role)
        )
    return bool(a.role and b.role and text_key(a.role) == text_key(b.role))


@lru_cache(maxsize=4096)
def _titles_in(role: str | None) -> frozenset[str]:
    """The titles a role joins with "و" ("نماینده ولی فقیه و امام جمعه": both); none for one title."""
    words = phrase_key(role or "")
    if _AND not in words:
        return frozenset()
    kb = knowledge()
    ids = {match.value.id for match in kb.titles.find_all(words) if not match.value.rank}
    return frozenset(ids.union(*(kb.title_parts.get(title, ()) for title in ids)))


def surname(name: str) -> str:
    return text_key(name).split()[-1]


class ArticleRegistry:
    """The named people of one article, so a later "باقری" or "سرپرست وزارت خارجه" finds them."""

    def __init__(
        self,
        phrases: list[PartyPhrase],
        *,
        home_country: str | None,
        day: date | None,
    ) -> None:
        self.home_country = home_country
        self.day = day
        self.named: list[PartyPhrase] = [p for p in phrases if p.name]
        # The article's own context for a bare surname: its outlet's country and the countries it names.
        self.countries = {home_country, *(p.country for p in phrases)} - {None}

    def _same_person(self, name: str) -> list[PartyPhrase]:
        """The article's mentions of the person `name` names: his surname, and no other given name."""
        key = surname(name)
        return [
            p for p in self.named if p.name and surname(p.name) == key and _given_names_agree(p.name, name)
        ]

    def fullest_name(self, name: str) -> str:
        tokens = set(text_key(name).split())
        candidates = [
            p.name for p in self._same_person(name) if p.name and tokens <= set(text_key(p.name).split())
        ]
        return max(candidates, key=lambda n: len(text_key(n).split()), default=name)

    def holder_in_text(self, party: PartyPhrase, country: str | None) -> PartyPhrase | None:
        """The one named person of the article with this title and country, if exactly one: given that
        title in the text, or holding it on the article's day by the knowledge base (Putin, once prime
        minister, is not "نخست‌وزیر روسیه" of 2024)."""
        if not party.title_id and not party.role:
            return None
        matches = {
            surname(p.name): p
            for p in self.named
            if p.name and _same_title(party, p) and self._country_of(p) == country
        }
        if len(matches) == 1:
            return next(iter(matches.values()))
        known = {
            surname(p.name): p
            for p in self.named
            if p.name
            and not p.role
            and p.people
            and any(_holds(h, party, country) and h.held_on(self.day) for h in p.people)
        }
        return next(iter(known.values())) if len(known) == 1 else None

    def _country_of(self, phrase: PartyPhrase) -> str | None:
        if phrase.country or phrase.org_id:
            return phrase.country
        known = known_country(phrase)
        if known:
            return known
        return self.home_country if phrase.role else None

    def resolve(self, phrase: PartyPhrase, other: PartyPhrase | None) -> Party:
        party = Party(phrase.name, phrase.role, phrase.title_id, phrase.country, phrase.org, phrase.org_id)
        party.group, party.state = phrase.group, phrase.state
        if phrase.counterpart and other is not None and not phrase.title_id:
            party.role, party.title_id = other.role, other.title_id
        if party.name:
            self._complete_named(party, phrase)
        else:
            self._name_officeholder(party, phrase)
        if phrase.unknown_complement:
            pass
        elif (
            not (party.country or party.org or party.org_id)
            and party.role
            and party.role not in _NON_STATE_TITLES
        ):
            party.country = self.home_country  # no organisation's official, written or known
        elif not party.country and not party.org_id and party.name and phrase.iranian_rank:
            party.country = IRAN  # "سردار X": a rank only Iran's forces use
        elif not party.country and not party.org_id and party.name and _persian_given_name(party.name):
            party.country = self.home_country  # "محسن ..." in an Iranian outlet, with no other clue
        # A plural title over several states stays as written unless the text names the person or gave
        # him a title of his own (then `role` is no longer the phrase's).
        named_by_text = party.name is not None and party.name_source != "knowledge_base"
        written = phrase.country or phrase.org or phrase.org_id or phrase.iranian_rank
        party.home_by_default = not (written or named_by_text) and party.country == self.home_country
        if phrase.of_plural_title and phrase.group_role and party.role == phrase.role and not named_by_text:
            party.role, party.role_of_group = phrase.group_role, True  # "وزرای خارجه" as written
        return party

    def _complete_named(self, party: Party, phrase: PartyPhrase) -> None:
        assert party.name is not None
        party.name = self.fullest_name(party.name)
        mentions = self._same_person(party.name)
        # The body's words for a person's title beat a headline's abbreviation of them.
        titled = sorted((m for m in mentions if m.role), key=lambda m: m.in_title)
        if titled and (phrase.in_title or not phrase.role):
            best = titled[0]
            party.role, party.title_id = best.role, best.title_id
            party.country = party.country or best.country
        for mention in mentions:
            party.role = party.role or mention.role
            party.title_id = party.title_id or mention.title_id
            party.country = party.country or mention.country
            party.org, party.org_id = party.org or mention.org, party.org_id or mention.org_id
        people = phrase.people or next((m.people for m in self._same_person(party.name) if m.people), ())
        person = _pick(self._fitting(party, people), self.day)
        if person:
            party.person = person
            party.country = party.country or person.country
            if not party.org_id and person.org:
                party.org_id = person.org
            # The office of a term that covers the day: Kushner in 2026 is no "adviser to the president".
            if not party.role and person.role_id in knowledge().titles_by_id and person.held_on(self.day):
                party.title_id = person.role_id
                party.role = knowledge().titles_by_id[person.role_id].title_fa
                party.role_from_knowledge = True

    def _fitting(self, party: Party, people: tuple[Officeholder, ...]) -> tuple[Officeholder, ...]:
        """The holders a named party may be: its given name (if written) fits an alias, the country fits,
        and a bare surname comes with the holder's title, or in office on the day with a country the
        article speaks of or as the one holder of that surname; those of the party's own title first."""
        assert party.name is not None
        kb = knowledge()
        fits = {person: kb.name_fit(party.name, person) for person in people}
        unique = len({person.name_en for person, fit in fits.items() if fit}) == 1
        fitting = []
        for person, fit in fits.items():
            if fit is None or (party.country and person.country and party.country != person.country):
                continue
            titled = party.title_id == person.role_id
            context = person.country in self.countries or unique
            if fit is NameFit.BARE and not titled and not (context and person.held_on(self.day)):
                continue
            fitting.append((not titled, person))
        return tuple(person for _, person in sorted(fitting, key=lambda item: item[0]))

    def _name_officeholder(self, party: Party, phrase: PartyPhrase) -> None:
        if phrase.unknown_complement or phrase.group:
            return
        country = party.country or (None if party.org_id else self.home_country)
        named = self.holder_in_text(phrase if not phrase.counterpart else _as_title(party), country)
        if named and named.name:
            party.name = self.fullest_name(named.name)
            party.country = party.country or country
            self._complete_named(party, replace(named, in_title=True))
            return
        if self.day is None or not party.title_id or phrase.tense in _PAST_TENSES:
            return  # a former holder, or the holder of a time the article does not date
        office = (party.title_id, party.country or party.org_id or country or "")
        if phrase.tense == _LATE:
            holder = knowledge().late_holder(*office, self.day)
        else:
            holder = knowledge().holder(*office, self.day)
        if holder and phrase.tense == _NEW and not _new_in_office(holder, self.day):
            return  # "نخست‌وزیر جدید": not the one in office for years (the knowledge base may lag)
        if holder:
            party.name, party.name_source, party.person = holder.name_fa, "knowledge_base", holder
            party.country = party.country or holder.country


def known_country(phrase: PartyPhrase) -> str | None:
    """The one state of the knowledge base's people a phrase may be, if they share one."""
    countries = {person.country for person in phrase.people if person.country}
    return next(iter(countries)) if len(countries) == 1 else None


def _new_in_office(holder: Officeholder, day: date) -> bool:
    return holder.start is not None and (day - holder.start).days <= _NEW_TERM_DAYS


def _persian_given_name(name: str) -> bool:
    first = text_key(name).split()[0]
    return first in knowledge().persian_first_names


def _holds(person: Officeholder, party: PartyPhrase, country: str | None) -> bool:
    if not knowledge().holds(person, party.title_id):
        return False
    return person.country == country if country else person.org == party.org_id


def _as_title(party: Party) -> PartyPhrase:
    return PartyPhrase(0, 0, role=party.role, title_id=party.title_id, country=party.country)


def _pick(people: tuple[Officeholder, ...], day: date | None) -> Officeholder | None:
    if not people:
        return None
    current = [person for person in people if person.held_on(day)]
    return (current or list(people))[0]
