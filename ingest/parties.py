"""Groups a sentence's mentions into parties: a person's name, title and country or organisation,
a delegation, or a group of officials."""

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from ingest.knowledge import knowledge
from ingest.lexicon import one_word, phrases, with_possessives, word_class, word_values
from ingest.mentions import Kind, Mention, SentenceMentions, honorifics, regular_plurals
from ingest.party_phrase import PartyPhrase
from ingest.segment import Sentence, is_punctuation
from ingest.sentence_words import DELEGATION_WORDS
from ingest.state_parties import state_parties
from ingest.titles import TitleReader
from ingest.triggers import Trigger

_COUNTERPART_NOUNS = [word for word in word_class("counterpart") if not word.endswith(one_word("glide"))]
# "همتایش", "همتایانشان": a counterpart with a possessive ending is "همتای خود".
_PLURAL_COUNTERPARTS = {
    possessed: plural
    for word in _COUNTERPART_NOUNS
    for plural in regular_plurals(word)
    for possessed in (plural, *with_possessives(plural))
}
_COUNTERPART = word_class("counterpart") | _PLURAL_COUNTERPARTS.keys()
_COUNTERPART_ONLY_ADJECTIVES = word_values("counterpart_nationality")
_HEADED_BY = phrases("headed_by")
_HEAD_GAP = 3  # "هیئت‌های عالی‌رتبه دو کشور دیروز به ریاست X": words between a delegation and its head
_GROUPS = word_class("official_group")
_MEMBERS = one_word("members")
_DELEGATION = DELEGATION_WORDS | word_class("delegation_indefinite")
_QUOTES = word_class("quote")
_OPEN_QUOTES = word_class("open_quote")
_COMMAS = word_class("comma")
_COMMA = one_word("persian_comma")
_PLURAL_SUFFIXES = word_class("plural_suffix")
_AND = one_word("and")
_ALONG = one_word("along")  # "هیئت همراه", "هیئت همراهش"
_FULL_STOP = one_word("full_stop")
_INITIAL_LETTERS = 5  # "جی", "دبلیو": a Latin initial as Persian writes it
_NAME_PREFIXES = word_class("name_prefix")


def _delegation_word(word: str) -> bool:
    """ "هیئت", "هیئتی", "هیئت‌های"."""
    return word.split("\u200c")[0] in _DELEGATION


def _given_name(word: str) -> bool:
    """A given name, also run together with سید or میر ("سیدعباس"); not one that is also a common
    function word ("آن", "ولی": "در آن ترامپ ..."), which only the tagger may read as a name."""
    kb = knowledge()
    names = kb.first_names
    if word in kb.not_names:
        return False
    return word in names or any(word.startswith(p) and word[len(p) :] in names for p in _NAME_PREFIXES)


class SentenceParties(TitleReader):
    """Finds the party phrases of one sentence."""

    def __init__(
        self, sentence: Sentence, triggers: list[Trigger], mentions: SentenceMentions, names: list[float]
    ) -> None:
        """The layers of the passes before: meeting words, mentions, the name tagger's reading."""
        super().__init__(sentence, triggers, mentions, names)
        self.parties = self._find()
        for party in self.parties:
            party.in_title = sentence.is_title

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
            # A known surname widened back over given names a party before it took ("آیت‌الله سید مجتبی"
            # then "خامنه‌ای"): the fuller phrase stands for both. Those it covers are the list's last.
            while parties and parties[-1].first >= party.first:
                parties.pop()
            parties.append(party)
            index = max(party.last, index + 1)
        parties = self._headed_delegations(self._attach_loose_names(self._joined_groups(parties)))
        parties = self._second_titles_in_apposition(parties)
        parties = self._accompanying_delegations(parties)
        leading = self._leading_name(parties)
        if leading is not None:
            parties.insert(0, leading)
        parties = self._distribute_plural_titles(parties)
        # A sentence that names persons or officials has them for sides, and a state beside them is a
        # topic ("درباره مذاکرات با ایران گفت‌وگو کردند"); one that names none may have states.
        return parties or state_parties(self.words, self.mentions, self.triggers, self.lead_in)

    def _second_titles_in_apposition(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        """ "X، معاون نخست‌وزیر و وزیر دفاع لهستان، ...": a second title joined by "و" inside the commas
        of a named person's apposition is his too, and its state is his; two states are two people."""

        def his(named: PartyPhrase, party: PartyPhrase) -> PartyPhrase | None:
            if not (
                named.name
                and named.role
                and not party.name
                and party.role
                and not (party.group or party.group_role or party.plural_countries or named.plural_countries)
                and named.name_first is not None
                and named.name_first < named.first + 1 <= named.last  # the name opens the phrase
                and party.last < len(self.words)
                and self.words[party.last] in _COMMAS
                and named.country in (None, party.country)
            ):
                return None
            named.role = f"{named.role} {_AND} {party.role}"
            named.country, named.last = party.country, party.last
            named.org_id, named.org = named.org_id or party.org_id, named.org or party.org
            return named

        return self._joined_by_and(parties, his)

    def _accompanying_delegations(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        """ "X و هیئت همراهش", "A، B و هیئت همراه آنها": the delegation accompanying the party before it
        in the list is that party's side, not a party of its own (annotators never list it, and as a
        party it would take the home state)."""
        kept = parties[:1]
        for before, party in pairwise(parties):
            if not (
                not party.name
                and not party.plural_countries
                and _delegation_word(self.words[party.first])
                and any(word.startswith(_ALONG) for word in self.words[party.first + 1 : party.last + 1])
                and self.words[before.last : party.first] in ([_AND], [_COMMA])
            ):
                kept.append(party)
        return kept

    def _joined_groups(self, parties: list[PartyPhrase]) -> list[PartyPhrase]:
        """ "معاونان و مدیران سیاسی وزرای خارجه ایران و چین", "سفیران و کارداران کشورهای اسلامی": two
        groups under plural titles joined by "و" are one group, of the second's country or countries."""

        def one_group(previous: PartyPhrase, party: PartyPhrase) -> PartyPhrase | None:
            if not (
                previous.group_role
                and party.group_role
                and not (previous.name or party.name)
                and not (previous.country or previous.plural_countries or previous.org_id)
            ):
                return None
            written = f"{self.span_text(previous.first, previous.last)} {_AND} {party.group_role}"
            party.first, party.group_role = previous.first, written
            party.plural_roles = []
            if party.group:
                party.role = party.group_role
            return party

        return self._joined_by_and(parties, one_group)

    def _joined_by_and(
        self, parties: list[PartyPhrase], join: Callable[[PartyPhrase, PartyPhrase], PartyPhrase | None]
    ) -> list[PartyPhrase]:
        """Each party that only "و" separates from the one before, made one with it where `join` says
        so (it returns the joined party, or None)."""
        joined: list[PartyPhrase] = []
        for party in parties:
            previous = joined[-1] if joined else None
            if previous is not None and self.words[previous.last : party.first] == [_AND]:
                one = join(previous, party)
                if one is not None:
                    joined[-1] = one
                    continue
            joined.append(party)
        return joined

    def _leading_name(self, parties: list[PartyPhrase]) -> PartyPhrase | None:
        """ "X Y، ... با Z دیدار کرد": two or three unknown words opening the sentence (after "به گزارش
        ...،") and closed by a comma are the subject's name."""
        start = self.lead_in
        end = start
        # Title words are allowed here ("خلیفه حفتر"): no title mention starts at these words.
        while (
            end < len(self.words)
            and self._words_in(start, end + 1) <= 3
            and self._name_capable(end, titles_too=True)
        ):
            end += 1
        if end - start < 2 or end >= len(self.words) or self.words[end] not in _COMMAS:
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
        # Widen a surname to the given names written before it ("محمدجواد ظریف" with only "ظریف" known),
        # over a middle initial too ("دونالد جی. ترامپ").
        start = self._past_initial(mention.first)
        initial = mention.first - start  # the two tokens of "جی." where there is one
        while (
            start - 1 >= 0
            and start - 1 not in self.covered
            and mention.first - start < 2 + initial
            and self._starts_word(start - 1)
            and (_given_name(self.words[start - 1]) or self._tagged_name(start - 1))
        ):
            start -= 1
        if start != mention.first:
            party.name = self.span_text(start, mention.last)
            party.name_first = start
            party.first = self._skip_honorifics_back(start)  # "آیت‌الله علی خامنه‌ای"
        # "محمد بن عبدالرحمن بن جاسم بن جبر آل ثانی": the known short form goes on through its patronymics.
        end = self._patronymics_after(party.name_first, mention.last)
        if end != mention.last:
            party.name, party.last = self.span_text(party.name_first, end), end
        tail = self._role_after(end)
        if tail:
            return self._merge_role(party, tail)
        return party

    def _past_initial(self, index: int) -> int:
        """Where a middle initial before `index` starts ("جی." of "دونالد جی. ترامپ": a short word the
        tagger reads as a name, its full stop glued to it), or `index` where there is none."""
        dot = index - 1
        if dot < 1 or self.words[dot] != _FULL_STOP or not self._tagged_name(dot - 1):
            return index
        glued = self.sentence.spans[dot - 1][1] == self.sentence.spans[dot][0]
        short = len(self.words[dot - 1]) <= _INITIAL_LETTERS
        return dot - 1 if glued and short and (dot - 1) not in self.covered else index

    def _after_honorific(self, mention: Mention) -> PartyPhrase | None:
        """ "سردار X", "آقای X Y": a rank or honorific announces a name even when no list knows it."""
        end = mention.last
        # Two words ("علی شریعتی‌تبار" is three tokens: "شریعتی" "تبار" one word).
        while (
            end < len(self.words) and self._words_in(mention.last, end + 1) <= 2 and self._name_capable(end)
        ):
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

    def _group(self, index: int) -> PartyPhrase | None:
        """A delegation or a group of officials, identified by its nationality or country."""
        phrase = PartyPhrase(index, index + 1, role=self.singular[index], group=True)
        if self.words[index] == _MEMBERS:
            phrase.role = _MEMBERS
        if index + 1 < len(self.words) and self.words[index + 1] in _PLURAL_SUFFIXES:
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
        word = self.words[index]
        plural = word != self.singular[index] or word in _PLURAL_COUNTERPARTS
        self._complement(phrase, plural=plural)
        if plural and phrase.country is None and not phrase.plural_countries and not phrase.org_id:
            # "با همتایان خود", "با همتایانش از کشورهای آسه‌آن": counterparts of states the text does not
            # name, no one official of the home state.
            phrase.counterpart, phrase.unknown_complement = False, True
            phrase.role = _PLURAL_COUNTERPARTS.get(word, word)
            return phrase
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
                and not any(is_punctuation(word) for word in self.words[previous.last : party.first])
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
                while (
                    end < len(self.words) and self._words_in(index, end + 1) <= 3 and self._name_capable(end)
                ):
                    end += 1
                end = self._patronymics_after(index, end)
                # Two tokens at least: a word of two parts the tagger reads as a name will do ("بی‌بی").
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
