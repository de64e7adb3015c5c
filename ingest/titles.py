"""Title phrases: titles, title words and rank prefixes run together, then the country, nationality or
organisation they belong to, and the name before or after them."""

from dataclasses import dataclass, replace
from functools import cache

from ingest.gazetteer import Gazetteer
from ingest.knowledge import knowledge
from ingest.lexicon import one_word, phrases, rows, word_class
from ingest.mentions import Kind, Mention, honorifics
from ingest.name_spans import NameReader
from ingest.names import lexicons
from ingest.party_phrase import IRAN, PartyPhrase
from ingest.sentence_words import BEGINS_A_NAME

# Words after a title that point back at the other party: "همتای چینی خود".
_SELF = word_class("reflexive")
_COUNTERPART = word_class("counterpart")
# Offices no other title follows as "of" ("نماینده ویژه وزیر خارجه" does): the next title is a new party.
_SOLE_OFFICES = word_class("sole_office")
_CLOSE_QUOTES = word_class("close_quote")
_COMMAS = word_class("comma")
_OPEN_BRACKET = one_word("open_bracket")
_CLOSE_BRACKET = one_word("close_bracket")
_OPEN_GUILLEMET = one_word("open_guillemet")
_COORDINATORS = word_class("coordinator")
_AND = one_word("and")
# Titles that can belong to a person ("فرستاده ویژه ترامپ"); after others a name is apposition.
_AGENT_TITLES = word_class("agent_title")
_ORG_FILLERS = word_class("org_filler")
_PLURAL_SUFFIXES = word_class("plural_suffix")
_GIVEN_NAME_TITLES = word_class("given_name_title")
_TITLE_LINKER = phrases("title_linker")
_TITLE_TRAILERS = word_class("title_trailer")
_OUR_COUNTRY = one_word("our_country")
_DEMONSTRATIVES = word_class("demonstrative")
_STATE_NOUNS = word_class("country_noun")  # "این کشور", "این رژیم"
_ABLATIVE = one_word("ablative")
_OBJECT = one_word("object_marker")
_INDEFINITE = one_word("indefinite_article")
_LOCATIVE = one_word("locative")
_POSTED_TITLES = word_class("posted_title")  # envoys named with their post: "سفیر ایران در ایتالیا"
_ADJECTIVE_ENDING = one_word("adjective_ending")  # "تروریستی"
_NATIONAL = "national"  # organizations.tsv: a state's own agency, which names the state, not an organisation


def _coordinated_titles(role: str) -> list[tuple[str, str | None]]:
    """ "وزیر خارجه و دفاع" (from "وزرای خارجه و دفاع") is two offices: وزیر خارجه, وزیر دفاع."""
    first, *others = role.split(f" {_AND} ")
    head = first.split(" ")[0]
    titles = knowledge().titles
    roles = [first, *(other if other.startswith(head) else f"{head} {other}" for other in others)]
    return [(each, title.id if (title := titles.get(each)) and not title.rank else None) for each in roles]


class TitleReader(NameReader):
    """Reads the title phrases of a sentence."""

    def _role_after(self, index: int) -> PartyPhrase | None:
        """A title phrase right after a name, optionally after a quote, a comma or another name in
        brackets: "«X» وزیر خارجه", "محمود عباس (ابومازن)، رئیس ..."."""
        if index < len(self.words) and self.words[index] in _CLOSE_QUOTES:
            index += 1
        if index < len(self.words) and self.words[index] == _OPEN_BRACKET:
            close = next(
                (
                    i
                    for i in range(index + 1, min(len(self.words), index + 5))
                    if self.words[i] == _CLOSE_BRACKET
                ),
                None,
            )
            index = close + 1 if close is not None else index
        if index < len(self.words) and self.words[index] in _COMMAS:
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
        if self._given_name_not_title(phrase):
            return self._named_by_title_word(phrase.first)
        name = self._name_before(phrase.first) or self._name_after(phrase.last)
        after = self._known_person_after(phrase.last)
        if name is None and after is not None:
            # "وزیر امور خارجه محمدجواد ظریف": a title, then the person who holds it.
            first, known = after
            while first + 1 < known.last and (rank := honorifics().match_at(self.words, first)):
                first = rank.last
            phrase.name, phrase.name_first, phrase.people = (
                self.span_text(first, known.last),
                first,
                known.people,
            )
            phrase.last = known.last
            return phrase
        if (
            name is None
            and not phrase.country
            and not phrase.org_id
            # "با یک سناتور": some senator, of no state the text names
            and (self._unknown_word_at(phrase.last) or self._indefinite(phrase.first))
        ):
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

    def _named_by_title_word(self, first: int) -> PartyPhrase:
        """The person whose given name is the title word at `first`, with the title after the name."""
        last = first + 1
        while (
            last < len(self.words)
            and self._name_capable(last)
            and self.name_probability[last] >= BEGINS_A_NAME
        ):
            last += 1
        party = PartyPhrase(first, last, name=self.span_text(first, last), name_first=first)
        role = self._role_after(last)
        return self._merge_role(party, role) if role else party

    def _given_name_not_title(self, phrase: PartyPhrase) -> bool:
        """ "امیر اسحاقی، دبیر انجمن ...": a ruler's title that is also a given name, with no state of its
        own and a name right after it, is the given name (the emir is "امیر قطر", "امیر تمیم بن حمد")."""
        following = phrase.last
        return (
            self.words[phrase.first] in _GIVEN_NAME_TITLES
            and phrase.last == phrase.first + 1
            and not (phrase.country or phrase.org_id or phrase.people)
            and following < len(self.words)
            and self._name_capable(following)
            and self.name_probability[following] >= BEGINS_A_NAME
            and self._known_person_after(following) is None
        )

    def _indefinite(self, first: int) -> bool:
        return first > 0 and self.words[first - 1] == _INDEFINITE

    def _unknown_word_at(self, index: int) -> bool:
        if index < len(self.words) and (
            self.words[index] == _OPEN_GUILLEMET or self.words[index] in _ORG_FILLERS
        ):
            index += 1
        return self._name_capable(index) and self.words[index] not in knowledge().first_names

    def _known_person_after(self, index: int) -> tuple[int, Mention] | None:
        """A person the knowledge base knows right after a title, and where the name starts: at the
        mention, or at a given name written before a known surname ("معاون اول رئیس‌جمهور اسحاق باقری":
        whether he is the known "باقری" the given names decide later)."""
        if index < len(self.words) and self.words[index] in _COMMAS:
            index += 1
        given = index
        if (
            index < len(self.words)
            and self.words[index] in knowledge().first_names
            and self._starts_word(index)
            and self._name_capable(index)
        ):
            index += 1
        mention = self.mention_at.get(index)
        if mention is None or mention.kind is not Kind.PERSON:
            return None
        return (given if index > given else mention.first), mention

    def _tense(self, first: int, last: int) -> str | None:
        """The title's word of time: inside it ("رئیس‌جمهور سابق"), or joined by "و" to the title or to
        one epithet after it ("رهبر معظم و شهید انقلاب", "رهبر عزیز و شهید")."""
        tenses = knowledge().title_tenses
        inside = next((tenses[w] for w in self.words[first:last] if w in tenses), None)
        if inside is not None:
            return inside
        for at in (last, last + 1):
            if at + 1 < len(self.words) and self.words[at] == _AND and self.words[at + 1] in tenses:
                return tenses[self.words[at + 1]]
        return None

    def _title_phrase(self, mention: Mention) -> PartyPhrase:
        """Titles, title words and rank prefixes run together, then the country or organisation."""
        # The first title is the head ("نماینده ویژه" of "نماینده ویژه وزیر خارجه"); a rank prefix
        # composes with the title after it ("معاون" + "وزیر خارجه").
        head = mention.title
        run = self._run_of_titles(mention)
        last = run.last
        # A trailing generic word ("امور") is not part of the title.
        while last - 1 > mention.first and self.words[last - 1] in _TITLE_TRAILERS:
            last -= 1
        # A bare rank ("سرپرست وزارت ...") is identified by its words.
        title_id = None if run.rank_prefix else run.title_id
        role = self.role_text(mention.first, last)
        phrase = PartyPhrase(mention.first, last, role=role, title_id=title_id)
        phrase.tense = self._tense(mention.first, last)
        phrase.counterpart = self.words[mention.first] in _COUNTERPART
        if mention.plural:
            phrase.group_role = self.span_text(mention.first, last).replace("\u200c ", " ")
        if mention.plural and run.coordinated and f" {_AND} " in role:
            phrase.plural_roles = _coordinated_titles(role)
        if run.principal is not None:
            countries = {person.country for person in run.principal.people if person.country}
            phrase.country = countries.pop() if len(countries) == 1 else None
            return phrase
        self._complement(phrase, plural=mention.plural)
        if head is not None and head.country and not phrase.country and not phrase.org_id:
            phrase.country = head.country
        return phrase

    def _run_of_titles(self, mention: Mention) -> "_TitleRun":
        """How far the titles, title words and rank prefixes after a title run."""
        kb = knowledge()
        head = mention.title
        run = _TitleRun(mention.last, None if head is None else head.id, head is not None and head.rank)
        words = self.words
        while run.last < len(words):
            last = run.last
            nxt = self.mention_at.get(last)
            if nxt and nxt.kind is Kind.TITLE and run.title_id in _SOLE_OFFICES:
                break  # "رهبر انقلاب سفیر جدید مکزیک را ...": a head of state has no principal
            if nxt and nxt.kind is Kind.TITLE:
                if run.rank_prefix and nxt.title and not nxt.title.rank:
                    run.title_id, run.rank_prefix = f"{run.title_id}+{nxt.title.id}", False
                run.last = nxt.last
            elif (
                last not in self.covered
                and words[last] in kb.title_words
                and not self._given_name_inside_titles(last)  # "وزیر کشور اکبر باقریان"
            ):
                run.last += 1
            elif last == mention.last and words[last] in _PLURAL_SUFFIXES:
                run.last += 1  # "هیئت‌های" tokenises as هیئت + های
            elif tuple(words[last : last + 2]) in _TITLE_LINKER:
                run.last += 2  # "وزیر دولت در امور دفاع"
            elif (
                words[last] == _AND
                and last + 1 < len(words)
                and last + 1 not in self.covered
                and words[last + 1] in kb.title_words
            ):
                run.last += 1  # "معاون حقوقی و بین‌المللی"
                run.coordinated = True
            elif (
                nxt
                and nxt.kind is Kind.PERSON
                and last == mention.last
                and words[mention.first] in _AGENT_TITLES
            ):
                # "فرستاده ویژه ترامپ": the envoy of a person is of that person's country.
                run.principal, run.last = nxt, nxt.last
                break
            else:
                break
        return run

    def _complement(self, phrase: PartyPhrase, *, plural: bool) -> None:
        """The country, nationality or organisation right after a title."""
        index = phrase.last
        if plural and index + 1 < len(self.words) and self.words[index] == _ABLATIVE:
            index += 1  # "نمایندگانی از حماس و جهاد اسلامی"
        index, countries, organizations = self._complement_words(phrase, index, plural=plural)
        if index < len(self.words) and self.words[index] in _SELF:
            phrase.self_reference = True
            index += 1
        while index > phrase.last and self.words[index - 1] in _COORDINATORS:
            index -= 1
        if not countries and not organizations:
            countries = self._state_body_inside(phrase)
        if organizations:
            phrase.org_id, phrase.org, phrase.country = organizations[0]
            if len(organizations) > 1:
                phrase.plural_orgs = organizations
        phrase.last = max(phrase.last, index)
        if phrase.title_id in _POSTED_TITLES and (countries or organizations):
            phrase.last = self._after_post(phrase.last)
        if plural and len(countries) > 1:
            phrase.plural_countries = countries
        elif countries:
            phrase.country = countries[0]

    def _after_post(self, index: int) -> int:
        """ "سفیر ایران در ایتالیا": where an envoy's post ("در" and a place or an organisation) ends, so
        that a name after it is his."""
        after = self.mention_at.get(index + 1)
        located = index < len(self.words) and self.words[index] == _LOCATIVE
        if located and after is not None and after.kind in (Kind.GEO, Kind.ORG):
            return after.last
        return index

    def _complement_words(
        self, phrase: PartyPhrase, index: int, *, plural: bool
    ) -> tuple[int, list[str], list[tuple[str, str, str | None]]]:
        """The countries and organisations (id, as written, country) from `index` on, and where they
        end; a plural title takes a list of them."""
        countries: list[str] = []
        organizations: list[tuple[str, str, str | None]] = []
        while index < len(self.words):
            word = self.words[index]
            if word in _ORG_FILLERS and (nxt := self.mention_at.get(index + 1)) and nxt.kind is Kind.ORG:
                index += 1  # "معاون سیاسی گروه طالبان"
                continue
            mention = self.mention_at.get(index)
            geo = mention.geo if mention and mention.kind is Kind.GEO else None
            if geo and geo.city is None:
                countries.append(geo.country)
                index = mention.last if mention else index
            elif (
                geo and mention and not countries and self.words[mention.last : mention.last + 1] != [_OBJECT]
            ):
                # "شهردار تبریز", "استاندار آذربایجان شرقی": a local office; "... تهران را ترک کرد" is not
                countries.append(geo.country)
                return mention.last, countries, organizations
            elif mention and mention.kind is Kind.ORG and mention.org and mention.org.kind == _NATIONAL:
                if not countries and mention.org.country:
                    countries.append(mention.org.country)  # "رئیس موساد": a state's agency names the state
                    index = mention.last
                break
            elif mention and mention.kind is Kind.ORG and mention.org and not countries:
                written = self.span_text(mention.first, mention.last)
                organizations.append((mention.org.id, written, mention.org.country))
                index = mention.last
                if not plural:
                    break
                continue
            elif word == _OUR_COUNTRY and not countries:
                countries.append(IRAN)
                index += 1
            elif (
                word in _DEMONSTRATIVES
                and index + 1 < len(self.words)
                and self.words[index + 1] in _STATE_NOUNS
                and not countries
            ):
                countries.extend(self._this_country(phrase))
                index += 2
            elif word in _SELF:
                phrase.self_reference = True
                return index + 1, countries, organizations
            elif plural and word in _COORDINATORS and (countries or organizations):
                index += 1
                continue
            elif index == phrase.last and not countries and self._judged_state_after(index):
                index += 1  # "رئیس‌جمهور شیاد آمریکا": the writer's adjective between a title and its state
                continue
            else:
                break
            if not plural:
                break
        return index, countries, organizations

    def _state_body_inside(self, phrase: PartyPhrase) -> list[str]:
        """ "سخنگوی کاخ سفید", "رئیس سیا": a title that runs on into a seat of government (landmarks.tsv,
        `seat`) or a state's own agency (organizations.tsv, kind `national`) is that state's."""
        for index in range(phrase.first, phrase.last):
            agency = knowledge().org_names.match_at(self.words, index)
            state = agency.value.country if agency and agency.value.kind == _NATIONAL else None
            if agency and state and agency.last <= phrase.last:
                return [state]
            seat = _seats().match_at(self.words, index)
            if seat is not None and seat.last <= phrase.last:
                return [seat.value]
        return []

    def _judged_state_after(self, index: int) -> bool:
        """Is the word an adjective (by hazm's word list, or an unlisted "-ی" word: "تروریستی") with a
        state named right after it, not as an object ("... آمریکا را ترک کرد")?"""
        word, after = self.words[index], self.mention_at.get(index + 1)
        if after is None or after.kind is not Kind.GEO or after.geo is None or after.geo.city is not None:
            return False
        if self.words[after.last : after.last + 1] == [_OBJECT] or word in knowledge().title_words:
            return False
        tags = lexicons().tags.get(word)
        if tags is None:
            return word.endswith(_ADJECTIVE_ENDING) and word not in knowledge().not_names
        return "AJ" in tags.split("+") and "ADV" not in tags.split("+")

    def _this_country(self, phrase: PartyPhrase) -> list[str]:
        """ "رئیس‌جمهور این کشور": the country the sentence named before; else not the outlet's ("... به
        برن با مقامات این کشور": a city names its country too), and the article may know it."""
        earlier = [m.geo.country for m in self.mentions if m.last <= phrase.first and m.geo]
        if earlier:
            return [earlier[-1]]
        phrase.unknown_complement = phrase.this_country = True
        return []


@dataclass
class _TitleRun:
    """A run of titles: where it ends, its title id, whether a rank prefix still waits for its title,
    the person whose envoy the title is, and whether two title words are coordinated."""

    last: int
    title_id: str | None
    rank_prefix: bool
    principal: Mention | None = None
    coordinated: bool = False


@cache
def _seats() -> Gazetteer[str]:
    """Seats of government that stand for their state after a title ("سخنگوی کرملین")."""
    return Gazetteer((row["form"], row["country"]) for row in rows("landmarks") if row.get("seat"))
