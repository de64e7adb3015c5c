"""A meeting one sentence reports (`SentenceMeeting`), and how the sentence's party phrases make its sides:
a chain of phrases joined by "و" and commas, a plural phrase expanded to one party each."""

from dataclasses import dataclass, field, replace
from datetime import date

from ingest.knowledge import knowledge
from ingest.lexicon import phrases, rows, word_class
from ingest.model import MeetingKind, MeetingStatus, Place
from ingest.names import lexicons
from ingest.parties import SentenceParties
from ingest.party_phrase import PartyPhrase
from ingest.segment import Sentence
from ingest.sentence_words import DELEGATION_WORDS
from ingest.triggers import Trigger

_COMPANY = phrases("company")  # "X به همراه Y": both attend
_LINKS = word_class("coordinator") | word_class("quote")
_MANNER = word_class("manner")  # "استقبال گرم و رسمی X"
_QUOTE_MARKS = word_class("quote") | word_class("open_bracket")
# "با برخی از نمایندگان", "با جمعی از فعالان": a quantifier may stand between "با" and the group.
_QUANTIFIERS = frozenset(row["word"] for row in rows("quantifiers"))
_FILLERS = _QUOTE_MARKS | _MANNER | _QUANTIFIERS
# The rest of a title in a session's roll: a few words that hazm's word list tags noun, adjective or number.
_TITLE_REST_REACH = 6
_TITLE_REST_TAGS = frozenset({"N", "AJ", "PL", "RES", "NUM", "0"})


@dataclass
class SentenceMeeting:
    """One meeting a sentence reports (the meetings pass): its party phrases, before coreference, and
    what the passes after it read: kind and status (the status pass), day (dates), place (places)."""

    analysis: SentenceParties
    trigger: Trigger
    triggers: list[Trigger]
    parties: list[PartyPhrase]
    subject_missing: bool
    writer_subject: bool = False
    kind: MeetingKind = "in_person"
    status: MeetingStatus = "held"
    day: date | None = None
    place: Place | None = None

    @property
    def sentence(self) -> Sentence:
        return self.analysis.sentence


@dataclass
class SentenceReadings:
    """The meetings one sentence reports, read twice when it refers back to a meeting ("این دیدار"):
    `told` for an article that already reported one (then "این دیدار" is that one), `first` for an
    article that had not (then the sentence may be its first report). Most sentences read alike."""

    told: list[SentenceMeeting] = field(default_factory=list)
    first: list[SentenceMeeting] = field(default_factory=list)

    def reports(self, *, told_before: bool) -> list[SentenceMeeting]:
        return self.told if told_before else self.first

    def distinct(self) -> list[list[SentenceMeeting]]:
        """Each reading once."""
        return [self.told] if self.first is self.told else [self.told, self.first]


def expand(party: PartyPhrase) -> list[PartyPhrase]:
    """ "وزرای خارجه ایران و روسیه" stands for one party per country."""
    if party.plural_orgs:
        return [
            replace(party, org_id=org_id, org=written, country=country, plural_orgs=[])
            for org_id, written, country in party.plural_orgs
        ]
    if party.plural_roles:
        return [
            replace(party, role=role, title_id=title, plural_roles=[]) for role, title in party.plural_roles
        ]
    if not party.plural_countries:
        return [party]
    return [
        replace(party, country=code, plural_countries=[], of_plural_title=True)
        for code in party.plural_countries
    ]


def chain(
    parties: list[PartyPhrase], start: int, words: list[str], *, roll: bool = False
) -> list[PartyPhrase]:
    """The parties starting at `parties[start]` that only "و" and commas separate; in a session's roll
    (`roll`) also after the rest of a title its phrase did not take in ("با حضور X، معاون رفاه اجتماعی
    وزارت تعاون، کار و رفاه اجتماعی، Y و Z")."""
    chain = [parties[start]]
    for party in parties[start + 1 :]:
        gap = words[chain[-1].last : party.first]
        if (
            not gap
            or all(word in _LINKS for word in gap)
            or tuple(gap) in _COMPANY
            or (roll and chain[-1].role is not None and _title_rest(gap))
        ):
            chain.append(party)
        else:
            break
    return chain


def _title_rest(gap: list[str]) -> bool:
    """Whether the words between two listed parties are the rest of the first one's title and a comma
    or "و": nouns and adjectives of hazm's word list (an organisation's name), no verb, no preposition."""
    if len(gap) < 2 or gap[-1] not in _LINKS or len(gap) > _TITLE_REST_REACH + 1:
        return False
    return all(word in _LINKS or _noun_or_adjective(word) for word in gap[:-1])


def _noun_or_adjective(word: str) -> bool:
    """Only noun, adjective or number tags in hazm's word list; a word the list lacks (most verb forms)
    is none."""
    tags = lexicons().tags.get(word)
    return tags is not None and set(tags.split("+")) <= _TITLE_REST_TAGS


def same_parties(a: SentenceMeeting, b: SentenceMeeting) -> bool:
    """Do two readings of one sentence read the same meeting? They do when every party of one is a
    party of the other; two meetings of one person ("با X دیدار کند و سپس برای دیدار با Y") share
    only that person."""

    return _within(a, b) or _within(b, a)


def _within(x: SentenceMeeting, y: SentenceMeeting) -> bool:
    """Every party of `x` is a party of `y`."""
    return all(_among(p, y.parties) for p in x.parties)


def _among(party: PartyPhrase, parties: list[PartyPhrase]) -> bool:
    """The phrase overlaps one of `parties`."""
    return any(party.first < q.last and q.first < party.last for q in parties)


def fuller(batch: list[SentenceMeeting], same: list[SentenceMeeting]) -> bool:
    """A later reading of the same meeting that adds parties replaces the earlier one: "X میزبان Y بود
    و دو وزیر ... رایزنی کردند" names the host the first found no subject for; "X و Y در دیدار با Z
    ... گفت‌وگو کردند" the partner the verb's own reading (X and Y alone) left out."""
    if not (len(batch) == len(same) == 1 and len(batch[0].parties) > len(same[0].parties)):
        return False
    if same[0].subject_missing:
        return True
    # Only persons added: a group beside its listed members ("نشست سران ... با حضور A، B و C") is them.
    added = [p for p in batch[0].parties if not _among(p, same[0].parties)]
    return _within(same[0], batch[0]) and not any(p.of_a_group for p in added)


def first_party_at_or_after(
    parties: list[PartyPhrase], index: int, limit: int = 3, words: list[str] | None = None
) -> int | None:
    """The first party starting at `index`, or a few words later when only quotes, an honorific or
    a manner word stand between ("با «X»", "با آقای X", "با استقبال رسمی X"); "با طرح X" is no
    meeting with X."""
    for position, party in enumerate(parties):
        if index <= party.first <= index + limit:
            gap = words[index : party.first] if words is not None else []
            honorifics = knowledge().honorific_words  # "با حضرت آیت‌الله العظمی X": a title follows
            return position if all(word in _FILLERS or word in honorifics for word in gap) else None
    return None


def delegations(parties: list[PartyPhrase]) -> bool:
    """Several delegations received together are still separate audiences."""
    return any(
        (p.plural_countries and (p.role or "").split(" ")[0] in DELEGATION_WORDS) or p.plural_roles
        for p in parties
    )


def _side(party: PartyPhrase) -> str | None:
    if party.country or party.org_id:
        return party.country or party.org_id
    countries = {person.country for person in party.people if person.country}
    return countries.pop() if len(countries) == 1 else None


def distinct_sides(parties: list[PartyPhrase]) -> bool:
    """Each party from another state or organisation, each known: the stops of a tour."""
    sides = [_side(party) for party in parties]
    return None not in sides and len(set(sides)) == len(sides)
