"""Labels the tokens of a sentence: places, organisations, titles, known people, honorifics."""

from dataclasses import dataclass
from enum import Enum
from functools import cache

from ingest.gazetteer import Gazetteer
from ingest.knowledge import GeoName, Officeholder, Organization, Title, knowledge
from ingest.lexicon import rows
from ingest.segment import Sentence


class Kind(Enum):
    GEO = "geo"
    ORG = "org"
    TITLE = "title"
    PERSON = "person"
    HONORIFIC = "honorific"


@dataclass(frozen=True, slots=True)
class Mention:
    kind: Kind
    first: int
    last: int
    geo: GeoName | None = None
    org: Organization | None = None
    title: Title | None = None
    people: tuple[Officeholder, ...] = ()
    plural: bool = False


@cache
def honorifics() -> Gazetteer[bool]:
    """Honorifics and ranks; the value says whether only Iranians carry it (سردار، حجت‌الاسلام)."""
    return Gazetteer((row["form"], row.get("iranian") == "1") for row in rows("honorifics"))


_DELEGATIONS = frozenset(("هیئت", "هیأت", "هیات"))


@cache
def _plurals() -> dict[str, str]:
    return {row["plural"]: row["singular"] for row in rows("role_plurals")}


def singular_words(sentence: Sentence) -> tuple[list[str], set[int]]:
    """The sentence's words with plural titles made singular (وزرای → وزیر), and where that happened."""
    plurals = _plurals()
    words, plural_at = list(sentence.words), set[int]()
    if plurals.keys().isdisjoint(words) and _DELEGATIONS.isdisjoint(words):
        return words, plural_at  # most sentences: nothing to make singular
    for index, word in enumerate(sentence.words):
        singular = plurals.get(word)
        if singular:
            plural_at.add(index)
            words[index] = singular
        elif (
            singular is None
            and word in _DELEGATIONS
            and index + 1 < len(words)
            and sentence.words[index + 1] in ("های", "ها")
        ):
            plural_at.add(index)  # "هیئت‌های" tokenises as هیئت + های
    return words, plural_at


@cache
def _first_words() -> dict[str, tuple[Kind, ...]]:
    """The kinds of phrase each word starts: a word looks only in the lists that may match there.
    (Tuples, not sets: an Enum member hashes in Python, a tuple finds it by identity.)"""
    kb = knowledge()
    gazetteers = (
        (Kind.PERSON, kb.people),
        (Kind.ORG, kb.org_names),
        (Kind.TITLE, kb.titles),
        (Kind.GEO, kb.geo),
        (Kind.HONORIFIC, honorifics()),
    )
    kinds: dict[str, tuple[Kind, ...]] = {}
    for kind, gazetteer in gazetteers:
        for word in gazetteer.first_words:
            kinds[word] = (*kinds.get(word, ()), kind)
    return kinds


def find_mentions(sentence: Sentence, words: list[str], plural_at: set[int]) -> list[Mention]:
    """Non-overlapping mentions in the sentence's `words` (plurals made singular, see
    `singular_words`), the longest phrase winning at each position; on equal length a
    known person beats an organisation, which beats a title, which beats a place name."""
    kb = knowledge()
    starts = _first_words()
    found: list[Mention] = []
    index = 0
    while index < len(words):
        kinds = starts.get(words[index])
        if kinds is None:
            index += 1
            continue
        candidates: list[Mention] = []
        if Kind.PERSON in kinds and (person := kb.people.match_at(words, index)):
            candidates.append(Mention(Kind.PERSON, person.first, person.last, people=person.value))
        if Kind.ORG in kinds and (org := kb.org_names.match_at(words, index)):
            candidates.append(Mention(Kind.ORG, org.first, org.last, org=org.value))
        if Kind.TITLE in kinds and (title := kb.titles.match_at(words, index)):
            plural = index in plural_at
            candidates.append(Mention(Kind.TITLE, title.first, title.last, title=title.value, plural=plural))
        if Kind.GEO in kinds and (geo := kb.geo.match_at(words, index)):
            candidates.append(Mention(Kind.GEO, geo.first, geo.last, geo=geo.value))
        if Kind.HONORIFIC in kinds and (honorific := honorifics().match_at(words, index)):
            candidates.append(Mention(Kind.HONORIFIC, honorific.first, honorific.last))
        if not candidates:
            index += 1
            continue
        best = max(candidates, key=lambda m: (m.last - m.first, -candidates.index(m)))
        found.append(best)
        index = best.last
    return found
