"""Groups a sentence's mentions into parties: a person's name, title and country or organisation,
a delegation, or a group of officials."""

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from ingest.knowledge import Officeholder, knowledge
from ingest.lexicon import rows
from ingest.mentions import Kind, Mention, find_mentions, honorifics, singular_words
from ingest.names import probabilities
from ingest.segment import Sentence
from ingest.triggers import find_triggers

IRAN = "IR"
_PUNCT = re.compile(r"^[^\w]+$")
_DIGITS = re.compile(r"\d")
# Words after a title that point back at the other party: "همتای چینی خود".
_SELF = {"خود", "خویش"}
_OUR_COUNTRY = {"کشورمان", "ایران"}
_COUNTERPART = {"همتای", "همتا"}
_COUNTERPART_ONLY_ADJECTIVES = {"ترک": "TR"}
_HEADED_BY = {("به", "ریاست"), ("به", "سرپرستی"), ("در", "رأس"), ("در", "راس")}
_PATRONYMICS = {"بن", "بنت", "ابن"}
# Offices no other title follows as "of" ("نماینده ویژه وزیر خارجه" does): the next title is a new party.
_SOLE_OFFICES = {
    "supreme_leader",
    "leader",
    "president",
    "prime_minister",
    "chancellor",
    "king",
    "queen",
    "emir",
}
_SUFFIXES = {"ها", "های", "هایی", "ای", "ی", "ام", "اش", "ایم", "اند", "تر", "ترین", "شان"}
_LONGEST_NAME = 6
_VENUE_WORDS = {"فرودگاه", "خیابان", "میدان", "بیمارستان", "دانشگاه", "ورزشگاه", "مسجد", "بزرگراه", "بلوار"}
_HEAD_GAP = 3  # "هیئت‌های عالی‌رتبه دو کشور دیروز به ریاست X": words between a delegation and its head
_GROUPS = {"مقامات", "مسئولان", "مقام", "دیپلمات", "دیپلمات‌های", "اعضای"}
DELEGATION_WORDS = {"هیئت", "هیأت", "هیات"}
_DELEGATION = DELEGATION_WORDS | {"هیئتی", "هیأتی", "هیاتی"}
_QUOTES = {"«", "»", '"'}
_OPEN_QUOTES = {"«", '"'}
_CLOSE_QUOTES = {"»", '"'}
_COORDINATORS = {"و", "،", ","}
# Titles that can belong to a person ("فرستاده ویژه ترامپ"); after others a name is apposition.
_AGENT_TITLES = {"نماینده", "فرستاده", "مشاور", "دستیار", "سخنگوی", "سخنگو", "معاون"}
_STATE_NOUNS = frozenset(row["word"] for row in rows("state_nouns"))
_ORG_FILLERS = {"گروه", "جنبش", "سازمان"}
# The name tagger's probability under which a word is surely no name ("قدرت", "مرز", "تخریب"), and
# over which a word no lexicon knows begins one.
_SURELY_NOT_A_NAME = 0.01
_BEGINS_A_NAME = 0.5
_UNDECIDED = (_SURELY_NOT_A_NAME + _BEGINS_A_NAME) / 2


@dataclass
class PartyPhrase:
    """One party as the sentence gives it; `first`/`last` are token indexes (last exclusive)."""

    first: int
    last: int
    name: str | None = None
    name_first: int | None = None
    role: str | None = None
    title_id: str | None = None
    country: str | None = None
    org_id: str | None = None
    org: str | None = None
    counterpart: bool = False
    self_reference: bool = False
    people: tuple[Officeholder, ...] = ()
    plural_countries: list[str] = field(default_factory=list)
    plural_roles: list[tuple[str, str | None]] = field(default_factory=list)
    plural_orgs: list[tuple[str, str, str | None]] = field(default_factory=list)  # (id, as written, country)
    in_title: bool = False
    # A plural title as written ("نمایندگان"): the role of a group that stays one party.
    group_role: str | None = None
    group: bool = False  # a delegation or a group of officials: never one named person
    # The title runs on into words no lexicon knows ("فرمانده سنتکام", "رهبر فهرست العراقیه"): it
    # belongs to something unknown, so neither the outlet's country nor the knowledge base applies.
    unknown_complement: bool = False
    # "رئیس‌جمهور این کشور" with no country named before it in the sentence: the article's last one.
    this_country: bool = False
    iranian_rank: bool = False  # introduced as "سردار X", "حجت‌الاسلام X"

    @property
    def is_person_named(self) -> bool:
        return self.name is not None


_ATTRIBUTIONS = (
    ("به", "گزارش"),
    ("به", "نقل", "از"),
    ("براساس", "خبر"),
    ("بر", "اساس"),
    ("به", "گفته"),
    ("بنا", "به"),
    ("طبق", "اعلام"),
)
_ATTRIBUTION_STARTS = {opener[0] for opener in _ATTRIBUTIONS}  # most sentences start otherwise


def attribution_end(words: list[str]) -> int:
    """Where the sentence proper starts, after "به گزارش X، به نقل از Y،" lead-ins."""
    start = 0
    while start < len(words) and _PUNCT.match(words[start]):
        start += 1  # a post's bullet ("🔴") before "به گزارش"
    while (
        start < len(words)
        and words[start] in _ATTRIBUTION_STARTS
        and any(tuple(words[start : start + len(opener)]) == opener for opener in _ATTRIBUTIONS)
    ):
        comma = next((i for i in range(start, len(words)) if words[i] == "،"), None)
        if comma is None:
            return start
        start = comma + 1
    return start


def _coordinated_titles(role: str) -> list[tuple[str, str | None]]:
    """ "وزیر خارجه و دفاع" (from "وزرای خارجه و دفاع") is two offices: وزیر خارجه, وزیر دفاع."""
    first, *others = role.split(" و ")
    head = first.split(" ")[0]
    titles = knowledge().titles
    roles = [first, *(other if other.startswith(head) else f"{head} {other}" for other in others)]
    return [(each, title.id if (title := titles.get(each)) and not title.rank else None) for each in roles]


def _delegation_word(word: str) -> bool:
    """ "هیئت", "هیئتی", "هیئت‌های"."""
    return word.split("\u200c")[0].removesuffix("ی") in DELEGATION_WORDS


def _given_name(word: str) -> bool:
    """A given name, also run together with سید or میر ("سیدعباس")."""
    names = knowledge().first_names
    return word in names or any(word.startswith(p) and word[len(p) :] in names for p in ("سید", "میر"))


class SentenceParties:
    """Finds the party phrases of one sentence."""

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.words = list(sentence.words)
        self.lead_in = attribution_end(self.words)  # "به گزارش X، به گفته منابع آگاه،"
        self.singular, plural_at = singular_words(sentence)
        self.mentions = find_mentions(sentence, self.singular, plural_at)
        self.mention_at: dict[int, Mention] = {m.first: m for m in self.mentions}
        self.covered: set[int] = {i for m in self.mentions for i in range(m.first, m.last)}
        self.parties = self._find()
        for party in self.parties:
            party.in_title = sentence.is_title

    # -- text helpers -----------------------------------------------------------------------------
    def span_text(self, first: int, last: int) -> str:
        spans = self.sentence.spans
        return self.sentence.text[spans[first][0] : spans[last - 1][1]]

    def role_text(self, first: int, last: int) -> str:
        """The title as written, each plural word made singular: "وزرای خارجه" → "وزیر خارجه"."""
        spans = self.sentence.spans
        pieces, previous_end = [], spans[first][0]
        for index in range(first, last):
            word, (start, end) = self.words[index], spans[index]
            if word in ("های", "ها") and index > first and self.singular[index - 1] != self.words[index - 1]:
                continue
            if word in ("های", "ها") and index > first and self.words[index - 1] in DELEGATION_WORDS:
                previous_end = end
                continue
            pieces.append(self.sentence.text[previous_end:start])
            pieces.append(self.singular[index])
            previous_end = end
        return "".join(pieces).strip().replace("\u200c ", " ")

    def _name_capable(self, index: int, *, titles_too: bool = False) -> bool:
        if index < 0 or index >= len(self.words) or index in self.covered:
            return False
        word = self.words[index]
        kb = knowledge()
        return not (
            _PUNCT.match(word)
            or _DIGITS.search(word)
            or (word in kb.not_names and not self._name_tail(index))
            or (word in kb.title_words and not titles_too)
            or len(word) < 2
            or self.name_probability[index] < _SURELY_NOT_A_NAME
        )

    @cached_property
    def name_probability(self) -> list[float]:
        """The name tagger's reading of each word, in a sentence where a name can matter: a meeting
        word, a title, a known person or honorific, or a known given name (the tagger costs more than
        the rest of the reading; elsewhere every word reads as undecided, which neither vetoes nor
        begins a name)."""
        if not (
            any(m.kind in (Kind.TITLE, Kind.PERSON, Kind.HONORIFIC) for m in self.mentions)
            or find_triggers(self.sentence)
            or not knowledge().first_names.isdisjoint(self.words)
        ):
            return [_UNDECIDED] * len(self.words)
        return probabilities(self.words)

    def _tagged_name(self, index: int) -> bool:
        """A word the name tagger reads as a name ("جورجا" before a known surname)."""
        return self.name_probability[index] >= _BEGINS_A_NAME and self._name_capable(index)

    def _name_tail(self, index: int) -> bool:
        """ "نعمت‌زاده": after a ZWNJ, a common word ("زاده") ends a surname; a suffix ("های") does not."""
        return self.words[index] not in _SUFFIXES and index > 0 and not self._starts_word(index)

    def _starts_word(self, index: int) -> bool:
        """Is the token a word of its own, not the part after a ZWNJ ("گری" of "میانجی‌گری")?"""
        start = self.sentence.spans[index][0]
        return start == 0 or self.sentence.text[start - 1] != "\u200c"

    # -- finding parties --------------------------------------------------------------------------
    def _find(self) -> list[PartyPhrase]:
        parties: list[PartyPhrase] = []
        index = 0
        while index < len(self.words):
            mention = self.mention_at.get(index)
            party: PartyPhrase | None = None
            if mention and mention.kind is Kind.TITLE:
                party = self._title_party(mention)
            elif mention and mention.kind is Kind.PERSON:
                party = self._known_person(mention)
            elif self.words[index] in _DELEGATION or self.words[index] in _GROUPS:
                party = self._group(index)
            elif self.singular[index] in _COUNTERPART:
                party = self._counterpart(index)
            elif mention and mention.kind is Kind.HONORIFIC:
                party = self._after_honorific(mention)
            if party is None:
                index += 1
                continue
            parties.append(party)
            index = max(party.last, index + 1)
        parties = self._headed_delegations(self._attach_loose_names(parties))
        parties = [party for party in parties if not self._names_a_venue(party)]
        leading = self._leading_name(parties)
        if leading is not None:
            parties.insert(0, leading)
        return self._distribute_plural_titles(parties)

    def _leading_name(self, parties: list[PartyPhrase]) -> PartyPhrase | None:
        """ "X Y، ... با Z دیدار کرد": two or three unknown words opening the sentence (after "به گزارش
        ...،") and closed by a comma are the subject's name."""
        start = self.lead_in
        end = start
        # Title words are allowed here ("خلیفه حفتر"): no title mention starts at these words.
        while end < len(self.words) and end - start < 3 and self._name_capable(end, titles_too=True):
            end += 1
        if end - start < 2 or end >= len(self.words) or self.words[end] not in ("،", ","):
            return None
        if any(p.first < end and start < p.last for p in parties):
            return None
        return PartyPhrase(start, end, name=self.span_text(start, end), name_first=start)

    def _distribute_plural_titles(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        """ "A، B، وزرای خارجه انگلیس و ترکیه": the plural title and its countries go to the names
        before it, in order."""
        for position, party in enumerate(parties):
            countries = party.plural_countries
            if not party.name or len(countries) < 2 or position + 1 < len(countries):
                continue
            group = parties[position + 1 - len(countries) : position + 1]
            if any(not p.name or p.role for p in group[:-1]):
                continue
            for member, country in zip(group, countries, strict=True):
                member.role, member.title_id, member.country = party.role, party.title_id, country
                member.plural_countries = []
        return parties

    def _known_person(self, mention: Mention) -> PartyPhrase:
        first = self._skip_honorifics_back(mention.first)
        party = PartyPhrase(first, mention.last, people=mention.people)
        # A knowledge-base alias may carry a rank ("فیلد مارشال ..."): the name starts after it.
        name_first = mention.first
        while name_first + 1 < mention.last and (rank := honorifics().match_at(self.words, name_first)):
            name_first = rank.last
        party.name = self.span_text(name_first, mention.last)
        party.name_first = name_first
        # Widen a surname to the given names written before it ("محمدجواد ظریف" with only "ظریف" known).
        start = mention.first
        while (
            start - 1 >= 0
            and start - 1 not in self.covered
            and mention.first - start < 2
            and self._starts_word(start - 1)
            and (_given_name(self.words[start - 1]) or self._tagged_name(start - 1))
        ):
            start -= 1
        if start != mention.first:
            party.name = self.span_text(start, mention.last)
            party.name_first = start
            party.first = self._skip_honorifics_back(start)  # "آیت‌الله علی خامنه‌ای"
        tail = self._role_after(mention.last)
        if tail:
            return self._merge_role(party, tail)
        return party

    def _after_honorific(self, mention: Mention) -> PartyPhrase | None:
        """ "سردار X", "آقای X Y": a rank or honorific announces a name even when no list knows it."""
        end = mention.last
        while end < len(self.words) and end - mention.last < 2 and self._name_capable(end):
            end += 1
        if end == mention.last:
            return None
        party = PartyPhrase(
            mention.first, end, name=self.span_text(mention.last, end), name_first=mention.last
        )
        rank = honorifics().match_at(self.words, mention.first)
        party.iranian_rank = bool(rank and rank.value)
        tail = self._role_after(end)
        return self._merge_role(party, tail) if tail else party

    def _skip_honorifics_back(self, index: int) -> int:
        """Where the honorifics and ranks before `index` start ("آیت‌الله" is two tokens)."""
        moved = True
        while moved:
            moved = False
            for start in range(max(0, index - 4), index):
                honorific = self.mention_at.get(start)
                if honorific is not None and honorific.kind is Kind.HONORIFIC and honorific.last == index:
                    index, moved = start, True
                    break
        return index

    def _role_after(self, index: int) -> PartyPhrase | None:
        """A title phrase right after a name, optionally after a quote, a comma or another name in
        brackets: "«X» وزیر خارجه", "محمود عباس (ابومازن)، رئیس ..."."""
        if index < len(self.words) and self.words[index] in _CLOSE_QUOTES:
            index += 1
        if index < len(self.words) and self.words[index] == "(":
            close = next(
                (i for i in range(index + 1, min(len(self.words), index + 5)) if self.words[i] == ")"), None
            )
            index = close + 1 if close is not None else index
        if index < len(self.words) and self.words[index] in ("،", ","):
            index += 1
        mention = self.mention_at.get(index)
        if mention and mention.kind is Kind.TITLE:
            return self._title_phrase(mention)
        return None

    def _merge_role(self, party: PartyPhrase, role: PartyPhrase) -> PartyPhrase:
        return replace(
            party,
            last=role.last,
            role=role.role,
            title_id=role.title_id,
            country=role.country,
            org_id=role.org_id,
            org=role.org,
            counterpart=role.counterpart,
            self_reference=role.self_reference,
            plural_countries=role.plural_countries,
            unknown_complement=role.unknown_complement,
        )

    def _title_party(self, mention: Mention) -> PartyPhrase:
        phrase = self._title_phrase(mention)
        if phrase.plural_countries:
            return phrase
        name = self._name_before(phrase.first) or self._name_after(phrase.last)
        known = self._known_person_after(phrase.last)
        if name is None and known is not None:
            # "وزیر امور خارجه محمدجواد ظریف": a title, then the person who holds it.
            first = known.first
            while first + 1 < known.last and (rank := honorifics().match_at(self.words, first)):
                first = rank.last
            phrase.name, phrase.name_first, phrase.people = (
                self.span_text(first, known.last),
                first,
                known.people,
            )
            phrase.last = known.last
            return phrase
        if name is None and not phrase.country and not phrase.org_id and self._unknown_word_at(phrase.last):
            phrase.unknown_complement = True
        if name is None and phrase.group_role and not phrase.plural_roles:
            phrase.role = phrase.group_role  # a group, not a person: the role stays plural
            phrase.group = True
        if name:
            first, last = name
            phrase.name = self.span_text(first, last)
            phrase.name_first = first
            phrase.first = min(phrase.first, self._skip_honorifics_back(first))
            phrase.last = max(phrase.last, last)
        return phrase

    def _unknown_word_at(self, index: int) -> bool:
        if index < len(self.words) and self.words[index] in ("«", "سازمان", "گروه", "جنبش"):
            index += 1
        return self._name_capable(index) and self.words[index] not in knowledge().first_names

    def _known_person_after(self, index: int) -> Mention | None:
        if index < len(self.words) and self.words[index] in ("،", ","):
            index += 1
        mention = self.mention_at.get(index)
        return mention if mention is not None and mention.kind is Kind.PERSON else None

    def _title_phrase(self, mention: Mention) -> PartyPhrase:
        """Titles, title words and rank prefixes run together, then the country or organisation."""
        kb = knowledge()
        last = mention.last
        # The first title is the head ("نماینده ویژه" of "نماینده ویژه وزیر خارجه"); a rank prefix
        # composes with the title after it ("معاون" + "وزیر خارجه").
        head = mention.title
        title_id = None if head is None else head.id
        rank_prefix = head is not None and head.rank
        counterpart = self.words[mention.first] in _COUNTERPART
        principal: Mention | None = None
        coordinated = False
        while last < len(self.words):
            nxt = self.mention_at.get(last)
            if nxt and nxt.kind is Kind.TITLE and title_id in _SOLE_OFFICES:
                break  # "رهبر انقلاب سفیر جدید مکزیک را ...": a head of state has no principal
            if nxt and nxt.kind is Kind.TITLE:
                if rank_prefix and nxt.title and not nxt.title.rank:
                    title_id, rank_prefix = f"{title_id}+{nxt.title.id}", False
                last = nxt.last
            elif last not in self.covered and self.words[last] in kb.title_words:
                last += 1
            elif last == mention.last and self.words[last] in ("های", "ها"):
                last += 1  # "هیئت‌های" tokenises as هیئت + های
            elif self.words[last : last + 2] == ["در", "امور"]:
                last += 2  # "وزیر دولت در امور دفاع"
            elif (
                self.words[last] == "و"
                and last + 1 < len(self.words)
                and last + 1 not in self.covered
                and self.words[last + 1] in kb.title_words
            ):
                last += 1  # "معاون حقوقی و بین‌المللی"
                coordinated = True
            elif (
                (nxt := self.mention_at.get(last))
                and nxt.kind is Kind.PERSON
                and last == mention.last
                and self.words[mention.first] in _AGENT_TITLES
            ):
                # "فرستاده ویژه ترامپ": the envoy of a person is of that person's country.
                principal = nxt
                last = nxt.last
                break
            else:
                break
        # A trailing generic word ("امور") is not part of the title.
        while last - 1 > mention.first and self.words[last - 1] in ("امور", "و"):
            last -= 1
        if rank_prefix:
            title_id = None  # a bare rank ("سرپرست وزارت ...") is identified by its words
        role = self.role_text(mention.first, last)
        phrase = PartyPhrase(mention.first, last, role=role, title_id=title_id)
        phrase.counterpart = counterpart
        if mention.plural:
            phrase.group_role = self.span_text(mention.first, last).replace("\u200c ", " ")
        if mention.plural and coordinated and " و " in role:
            phrase.plural_roles = _coordinated_titles(role)
        if principal is not None:
            countries = {person.country for person in principal.people if person.country}
            phrase.country = countries.pop() if len(countries) == 1 else None
            return phrase
        self._complement(phrase, plural=mention.plural)
        if head is not None and head.country and not phrase.country and not phrase.org_id:
            phrase.country = head.country
        return phrase

    def _complement(self, phrase: PartyPhrase, *, plural: bool) -> None:
        """The country, nationality or organisation right after a title."""
        index = phrase.last
        countries: list[str] = []
        organizations: list[tuple[str, str, str | None]] = []
        if index < len(self.words) and self.words[index] in _SUFFIXES and not self._starts_word(index):
            index += 1  # "رهبران دولت‌های لبنان": the title ends in a word's plural ending
        if plural and index + 1 < len(self.words) and self.words[index] == "از":
            index += 1  # "نمایندگانی از حماس و جهاد اسلامی"
        while index < len(self.words):
            word = self.words[index]
            if word in _ORG_FILLERS and (nxt := self.mention_at.get(index + 1)) and nxt.kind is Kind.ORG:
                index += 1  # "معاون سیاسی گروه طالبان"
                continue
            if word in _STATE_NOUNS and not countries and (country_at := self._state_named(index)):
                index = country_at  # "رهبران دولت‌های لبنان و ..."، "هیأتی از دولت وفاق ملی لیبی"
                continue
            mention = self.mention_at.get(index)
            if mention and mention.kind is Kind.GEO and mention.geo and mention.geo.city is None:
                countries.append(mention.geo.country)
                index = mention.last
            elif (
                mention
                and mention.kind is Kind.GEO
                and mention.geo
                and not countries
                and self.words[mention.last : mention.last + 1] != ["را"]
            ):
                # "شهردار تبریز", "استاندار آذربایجان شرقی": a local office; "... تهران را ترک کرد" is not
                countries.append(mention.geo.country)
                index = mention.last
                break
            elif mention and mention.kind is Kind.ORG and mention.org and not countries:
                organizations.append(
                    (mention.org.id, self.span_text(mention.first, mention.last), mention.org.country)
                )
                index = mention.last
                if not plural:
                    break
                continue
            elif word == "کشورمان" and not countries:
                countries.append(IRAN)
                index += 1
            elif word in ("این", "آن") and self.words[index + 1 : index + 2] == ["کشور"] and not countries:
                # "رئیس‌جمهور این کشور": the country the sentence named before; else not the outlet's
                # ("... به برن با مقامات این کشور": a city names its country too)
                earlier = [m.geo.country for m in self.mentions if m.last <= phrase.first and m.geo]
                if earlier:
                    countries.append(earlier[-1])
                else:
                    phrase.unknown_complement = phrase.this_country = True
                index += 2
            elif word in _SELF:
                phrase.self_reference = True
                index += 1
                break
            elif plural and word in _COORDINATORS and (countries or organizations):
                index += 1
                continue
            else:
                break
            if not plural:
                break
        if index < len(self.words) and self.words[index] in _SELF:
            phrase.self_reference = True
            index += 1
        while index > phrase.last and self.words[index - 1] in _COORDINATORS:
            index -= 1
        if organizations:
            phrase.org_id, phrase.org, phrase.country = organizations[0]
            if len(organizations) > 1:
                phrase.plural_orgs = organizations
        phrase.last = max(phrase.last, index)
        if plural and len(countries) > 1:
            phrase.plural_countries = countries
        elif countries:
            phrase.country = countries[0]

    def _state_named(self, index: int) -> int | None:
        """Where the country a state noun ("دولت", "حکومت") belongs to is named: within a few words
        that no other phrase, punctuation or verb interrupts."""
        for at in range(index + 1, min(len(self.words), index + 5)):
            mention = self.mention_at.get(at)
            if mention and mention.kind is Kind.GEO and mention.geo and mention.geo.city is None:
                return at
            if mention or _PUNCT.match(self.words[at]) or self.words[at] in _COORDINATORS:
                return None
        return None

    def _name_before(self, index: int) -> tuple[int, int] | None:
        """A name of 1-3 words that ends right before `index` (a comma may sit between)."""
        end = index
        if end - 1 >= 0 and self.words[end - 1] in ("،", ","):
            end -= 1
        if end - 1 >= 0 and self.words[end - 1] in _CLOSE_QUOTES:
            quoted = self._quoted_back(end - 1)
            if quoted:
                return quoted
        start = end
        while start - 1 >= 0 and end - (start - 1) <= 3 and self._name_capable(start - 1):
            start -= 1
        while start < end and not self._starts_word(start):
            start += 1  # "میانجی‌گری بدر ...": "گری" ends another word, it begins no name
        while start - 1 >= 0 and end - start < _LONGEST_NAME:
            # "خالد بن هلال المعولی": a patronymic makes a longer name.
            if self.words[start] in _PATRONYMICS and self._name_capable(start - 1):
                start -= 1
            elif start >= 2 and self.words[start - 1] in _PATRONYMICS and self._name_capable(start - 2):
                start -= 2
            elif start >= 2 and self._inner_hyphen(start - 1) and self._name_capable(start - 2):
                start -= 2  # "دیاز-کانل"
                if start >= 1 and self.words[start - 1] in knowledge().first_names:
                    start -= 1  # "میگل دیاز-کانل"
            elif (
                start >= 3
                and self.words[start - 2] in _PATRONYMICS
                and self._name_capable(start - 1, titles_too=True)  # "بن هلال": a father's name
                and self._name_capable(start - 3)
            ):
                start -= 3
            else:
                break
        if start == end or start < self.lead_in:
            return None
        kb = knowledge()
        # Start at a given name when one precedes the surname ("گفت ایگور خوایف"); a surname that is
        # also a given name somewhere ("کریستوف برنار") does not cut the name short.
        for index in range(start, end - 1):
            if self.words[index] in kb.first_names:
                return index, end
        return start, end

    def _name_after(self, index: int) -> tuple[int, int] | None:
        """A name right after a title phrase: it must start with a known given name or be quoted."""
        if index < len(self.words) and self.words[index] in ("،", ","):
            index += 1
        if index < len(self.words) and self.words[index] in _OPEN_QUOTES:
            return self._quoted_forward(index)
        kb = knowledge()
        if (
            index >= len(self.words)
            or not (self.words[index] in kb.first_names or self.name_probability[index] >= _BEGINS_A_NAME)
            or not self._name_capable(index)
            or not self._starts_word(index)
        ):
            return None
        end = index + 1
        while end < len(self.words) and end - index < 3 and self._name_capable(end):
            end += 1
        end = self._patronymics_after(index, end)
        return (index, end) if end - index >= 2 else None

    def _quoted_back(self, close: int) -> tuple[int, int] | None:
        start = close
        while start - 1 >= 0 and self.words[start - 1] not in _QUOTES and close - start < 5:
            start -= 1
        if start - 1 >= 0 and self.words[start - 1] in _OPEN_QUOTES and start < close:
            return start, close
        return None

    def _quoted_forward(self, open_: int) -> tuple[int, int] | None:
        end = open_ + 1
        while end < len(self.words) and self.words[end] not in _QUOTES and end - open_ < 6:
            end += 1
        if end < len(self.words) and self.words[end] in _CLOSE_QUOTES and end > open_ + 1:
            return open_ + 1, end
        return None

    def _group(self, index: int) -> PartyPhrase | None:
        """A delegation or a group of officials, identified by its nationality or country."""
        phrase = PartyPhrase(index, index + 1, role=self.singular[index], group=True)
        if self.words[index] == "اعضای":
            phrase.role = "اعضای"
        if index + 1 < len(self.words) and self.words[index + 1] in ("های", "ها"):
            phrase.last += 1
        while (
            phrase.last < len(self.words)
            and phrase.last not in self.covered
            and self.words[phrase.last] in knowledge().title_words
        ):
            phrase.last += 1  # "هیئت ویژه", "هیئت عالی‌رتبه"
        if phrase.last > index + 1:
            phrase.role = self.role_text(index, phrase.last)
        self._complement(phrase, plural=True)
        if phrase.country or phrase.plural_countries or phrase.org_id:
            return phrase
        return None

    def _counterpart(self, index: int) -> PartyPhrase:
        phrase = PartyPhrase(index, index + 1, role=None, counterpart=True)
        # "همتایان روس و چینی خود": one counterpart per country
        self._complement(phrase, plural=self.words[index] != self.singular[index])
        following = self.words[index + 1] if index + 1 < len(self.words) else None
        if (
            phrase.country is None
            and not phrase.plural_countries
            and following in _COUNTERPART_ONLY_ADJECTIVES
        ):
            # "همتای ترک خود": an adjective the lexicon leaves out (ترک is also "leaving", an ethnicity)
            phrase.country, phrase.last = _COUNTERPART_ONLY_ADJECTIVES[following], index + 2
        # "کاتز همتای اسرائیلی خود", "همتای اسرائیلی خود، کاتز"
        name = self._name_before(index) or self._name_after(phrase.last)
        if name:
            phrase.name = self.span_text(*name)
            phrase.name_first = name[0]
            phrase.first, phrase.last = min(phrase.first, name[0]), max(phrase.last, name[1])
        return phrase

    def _looks_like_name(self, first: int, last: int) -> bool:
        """A quoted phrase is a name when a given name starts it or a title follows it."""
        if last - first > 4 or not all(self._name_capable(i) for i in range(first, last)):
            return False
        if self.words[first] in knowledge().first_names:
            return True
        after = last + 1 if last < len(self.words) and self.words[last] in _QUOTES else last
        if after < len(self.words) and self.words[after] in ("،", ","):
            after += 1
        title = self.mention_at.get(after)
        return title is not None and title.kind is Kind.TITLE

    def add_article_names(self, surnames: set[str]) -> None:
        """Make parties of the surnames that the article introduced with a full name elsewhere."""
        taken = {i for party in self.parties for i in range(party.first, party.last)}
        added = False
        for index, word in enumerate(self.words):
            if index in taken or word not in surnames or not self._name_capable(index):
                continue
            first = self._skip_honorifics_back(index)
            party = PartyPhrase(first, index + 1, name=self.span_text(index, index + 1), name_first=index)
            tail = self._role_after(index + 1)
            party = self._merge_role(party, tail) if tail else party
            party.in_title = self.sentence.is_title
            self.parties.append(party)
            taken.update(range(party.first, party.last))
            added = True
        if added:
            self.parties.sort(key=lambda p: p.first)

    def _opens_a_name(self, index: int) -> bool:
        """A given name the lexicon knows, or a word the tagger reads as the first of a name of two or
        more words ("اندی برنهام")."""
        if not (self._name_capable(index) and self._starts_word(index)):
            return False
        if self.words[index] in knowledge().first_names:
            return True
        probability = self.name_probability
        return (
            probability[index] >= _BEGINS_A_NAME
            and (index == 0 or probability[index - 1] < _BEGINS_A_NAME)
            and index + 1 < len(self.words)
            and probability[index + 1] >= _BEGINS_A_NAME
        )

    def _names_a_venue(self, party: PartyPhrase) -> bool:
        """ "فرودگاه بین‌المللی رفیق حریری", "خیابان ولیعصر": a name that names a place."""
        if party.role or not party.name:
            return False
        before = [w for w in self.words[max(0, party.first - 3) : party.first] if w not in ("بین", "المللی")]
        return bool(before) and before[-1] in _VENUE_WORDS

    def _patronymics_after(self, first: int, end: int) -> int:
        """ "عبدالله بن احمد آل خلیفه": a name read forward goes on through "بن X" and "آل X", and
        through a hyphen written inside a name ("میگل دیاز-کانل")."""
        words = self.words
        while (
            end + 1 < len(words)
            and end + 2 - first <= _LONGEST_NAME
            and (words[end] in _PATRONYMICS or words[end] == "آل" or self._inner_hyphen(end))
            and self._name_capable(end + 1, titles_too=True)
        ):
            end += 2
        return end

    def _inner_hyphen(self, index: int) -> bool:
        """A hyphen with a word right against it on both sides."""
        if self.words[index] != "-" or index == 0 or index + 1 >= len(self.words):
            return False
        spans = self.sentence.spans
        return spans[index - 1][1] == spans[index][0] and spans[index][1] == spans[index + 1][0]

    def _headed_delegations(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        """ "هیئت پارلمانی عمان به ریاست X": the delegation is met in the person of its head."""
        result: list[PartyPhrase] = []
        for party in parties:
            previous = result[-1] if result else None
            if (
                previous is not None
                and _delegation_word((previous.role or "").split(" ")[0])
                and tuple(self.words[party.first - 2 : party.first]) in _HEADED_BY
                and party.first - 2 - previous.last <= _HEAD_GAP
                and not any(_PUNCT.match(word) for word in self.words[previous.last : party.first])
                and (party.name or party.people)
            ):
                head = replace(party, first=previous.first)
                if not head.country and not head.org_id:
                    head.country = previous.country
                result[-1] = head
            else:
                result.append(party)
        return result

    def _attach_loose_names(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        """Quoted names and names after "با" that no title accompanies are parties too."""
        taken = {i for party in parties for i in range(party.first, party.last)}
        for index, word in enumerate(self.words):
            if index in taken:
                continue
            span: tuple[int, int] | None = None
            if word in _OPEN_QUOTES and index + 1 < len(self.words) and self.words[index + 1] not in _QUOTES:
                span = self._quoted_forward(index)
                if span and not self._looks_like_name(*span):
                    span = None
            elif self._opens_a_name(index):
                end = index + 1
                while end < len(self.words) and end - index < 3 and self._name_capable(end):
                    end += 1
                end = self._patronymics_after(index, end)
                span = (index, end) if end - index >= 2 else None
            if span and not any(i in taken for i in range(*span)):
                name = self.span_text(*span)
                party = PartyPhrase(span[0], span[1], name=name, name_first=span[0])
                tail = self._role_after(
                    span[1] + (1 if span[1] < len(self.words) and self.words[span[1]] in _QUOTES else 0)
                )
                if tail:
                    party = self._merge_role(party, tail)
                parties.append(party)
                taken.update(range(party.first, party.last))
        parties.sort(key=lambda p: p.first)
        return parties
