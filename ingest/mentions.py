"""Labels the tokens of a sentence: places, organisations, titles, known people, honorifics; with the
plural titles made singular and where the sentence proper starts after its lead-in."""

from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from ingest.gazetteer import Gazetteer
from ingest.knowledge import GeoName, Officeholder, Organization, Title, knowledge
from ingest.lexicon import one_word, phrases, rows, word_class, word_values
from ingest.segment import Sentence, is_punctuation


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


@dataclass(frozen=True, slots=True)
class SentenceMentions:
    """The mentions layer of one sentence (the mentions pass)."""

    lead_in: int  # where the sentence proper starts, after "به گزارش X، به گفته منابع آگاه،"
    singular: list[str]  # the words, plural titles made singular (وزرای → وزیر)
    mentions: list[Mention]


def read_mentions(sentence: Sentence) -> SentenceMentions:
    singular, plural_at = singular_words(sentence)
    return SentenceMentions(
        lead_in=attribution_end(sentence.words),
        singular=singular,
        mentions=find_mentions(sentence, singular, plural_at),
    )


_ATTRIBUTIONS = phrases("attribution")
_ATTRIBUTION_STARTS = {opener[0] for opener in _ATTRIBUTIONS}  # most sentences start otherwise
_COMMA = one_word("persian_comma")


def attribution_end(words: tuple[str, ...] | list[str]) -> int:
    """Where the sentence proper starts, after "به گزارش X، به نقل از Y،" lead-ins."""
    start = 0
    while start < len(words) and is_punctuation(words[start]):
        start += 1  # a post's bullet ("🔴") before "به گزارش"
    while (
        start < len(words)
        and words[start] in _ATTRIBUTION_STARTS
        and any(tuple(words[start : start + len(opener)]) == opener for opener in _ATTRIBUTIONS)
    ):
        comma = next((i for i in range(start, len(words)) if words[i] == _COMMA), None)
        if comma is None:
            return start
        start = comma + 1
    return start


@cache
def honorifics() -> Gazetteer[bool]:
    """Honorifics and ranks; the value says whether only Iranians carry it (سردار، حجت‌الاسلام)."""
    return Gazetteer((row["form"], row.get("iranian") == "1") for row in rows("honorifics"))


_ACTIVITY_SUFFIXES = word_class("activity_suffix")
_WORD_ENDINGS = word_class("word_suffix")  # "ها", "ی", "اش": a known name may take them after a ZWNJ
_GLUED_PLURAL_ENDINGS = word_class("plural_suffix")  # "مقام‌های": the tokeniser splits at the ZWNJ
_AGENT_PARTS = word_class("agent_part")
# Sound plurals by the singular's last letter: each ending with whether it replaces that letter
# ("نماینده" → "نمایندگان") or follows it ("فرماندهان").
_FINAL_HEH = one_word("final_heh")
_FINAL_VOWELS = tuple(word_class("final_vowel"))
_AFTER_HEH = word_values("sound_plural_after_heh")
_AFTER_VOWEL = word_values("sound_plural_after_vowel")
_SOUND_PLURAL = word_values("sound_plural")


def regular_plurals(singular: str) -> tuple[str, ...]:
    """The sound plurals of a title word: -ان (ـه → ـگان as well as ـهان, ـو/ـا → ـیان) and the Arabic
    -ین; the -ها plurals are two tokens and are read apart."""
    if singular.endswith(_FINAL_HEH):
        endings = _AFTER_HEH
    elif singular.endswith(_FINAL_VOWELS):
        endings = _AFTER_VOWEL
    else:
        endings = _SOUND_PLURAL
    return tuple((singular[:-1] if how == "replace" else singular) + end for end, how in endings.items())


@cache
def _plurals() -> dict[str, str]:
    """Every plural of a title's first word, and of the last word of a compound title ("مذاکره‌کنندگان",
    "قانون‌گذاران": the tokeniser splits them at the ZWNJ): the sound ones generated, the broken ones as
    data."""
    plurals: dict[str, str] = {}
    titles = knowledge().titles
    # Where two first words make one plural ("سخنگویان" of "سخنگو" and of its ezafe form "سخنگوی"), the
    # shorter is the singular; walking a set in its own order would make the choice differ by process.
    for words in (titles.first_words, titles.last_words & _AGENT_PARTS):
        for singular in sorted(words, key=lambda word: (len(word), word)):
            for plural in regular_plurals(singular):
                plurals.setdefault(plural, singular)
    plurals.update((row["plural"], row["singular"]) for row in rows("role_plurals"))
    return plurals


def singular_words(sentence: Sentence) -> tuple[list[str], set[int]]:
    """The sentence's words with plural titles made singular (وزرای → وزیر), and where that happened."""
    plurals = _plurals()
    words = list(sentence.words)
    plural_at: set[int] = set()  # not set[int](): calling the alias costs a microsecond
    titles = knowledge().titles.first_words
    if plurals.keys().isdisjoint(words) and not any(ending in words for ending in _GLUED_PLURAL_ENDINGS):
        return words, plural_at  # most sentences: nothing to make singular
    for index, word in enumerate(sentence.words):
        singular = plurals.get(word)
        if singular:
            plural_at.add(index)
            words[index] = singular
        elif word in titles and index + 1 < len(words) and sentence.words[index + 1] in _GLUED_PLURAL_ENDINGS:
            plural_at.add(index)
    return words, plural_at


@cache
def _first_words() -> dict[str, tuple[tuple[Kind, Gazetteer[Any]], ...]]:
    """The kinds of phrase each word starts, with their gazetteers, in the order that breaks a tie of
    length: a word looks only in the lists that may match there."""
    kb = knowledge()
    gazetteers: tuple[tuple[Kind, Gazetteer[Any]], ...] = (
        (Kind.PERSON, kb.people),
        (Kind.ORG, kb.org_names),
        (Kind.TITLE, kb.titles),
        (Kind.GEO, kb.geo),
        (Kind.HONORIFIC, honorifics()),
    )
    kinds: dict[str, tuple[tuple[Kind, Gazetteer[Any]], ...]] = {}
    for kind, gazetteer in gazetteers:
        for word in gazetteer.first_words:
            kinds[word] = (*kinds.get(word, ()), (kind, gazetteer))
    return kinds


def find_mentions(sentence: Sentence, words: list[str], plural_at: set[int]) -> list[Mention]:
    """Non-overlapping mentions in the sentence's `words` (plurals made singular, see
    `singular_words`), the longest phrase winning at each position; on equal length a
    known person beats an organisation, which beats a title, which beats a place name."""
    starts = _first_words()
    found: list[Mention] = []
    end = 0  # after the last mention: the next one starts there or later
    for index in [index for index, word in enumerate(words) if word in starts]:
        if index < end:
            continue
        # The longest phrase, the first kind on a tie; only the winner becomes a Mention.
        best: tuple[Kind, int, Any] | None = None
        for kind, gazetteer in starts[words[index]]:
            phrase = gazetteer.longest_at(words, index)
            if kind is Kind.TITLE and index in plural_at:
                phrase = _longer(phrase, _title_past_plural_ending(words, index, gazetteer))
            if phrase is not None and (best is None or phrase[0] > best[1]):
                best = (kind, *phrase)
        if best is not None:
            kind, length, value = best
            end = index + length
            if kind is Kind.TITLE and end < len(words) and words[end] in _ACTIVITY_SUFFIXES:
                continue  # "میانجی‌گری": the activity, not the one who does it
            if (
                kind is Kind.PERSON
                and end < len(words)
                and words[end] not in _WORD_ENDINGS
                and sentence.runs_on(end - 1)
            ):
                continue  # "صالحی‌نژاد", "رستمی‌فر": a longer surname than the known person's "صالحی"
            plural = any(i in plural_at for i in range(index, end))  # "وزرای خارجه", "مذاکره‌کنندگان ارشد"
            found.append(_mention(kind, index, end, value, plural=plural))
    return found


def _title_past_plural_ending(words: list[str], index: int, titles: Gazetteer[Any]) -> tuple[int, Any] | None:
    """ "تیم‌های فنی", "هیئت‌های عالی‌رتبه": a title of several words made plural on its first word,
    whose ending the tokeniser splits off ("تیم" "های" "فنی"); its length counts the ending."""
    if index + 1 >= len(words) or words[index + 1] not in _GLUED_PLURAL_ENDINGS:
        return None
    phrase = titles.longest_at([*words[: index + 1], *words[index + 2 :]], index)
    if phrase is None or phrase[0] < 2:
        return None
    return phrase[0] + 1, phrase[1]


def _longer(a: tuple[int, Any] | None, b: tuple[int, Any] | None) -> tuple[int, Any] | None:
    return b if a is None or (b is not None and b[0] > a[0]) else a


def _mention(kind: Kind, first: int, last: int, value: Any, *, plural: bool) -> Mention:
    if kind is Kind.PERSON:
        return Mention(kind, first, last, people=value)
    if kind is Kind.ORG:
        return Mention(kind, first, last, org=value)
    if kind is Kind.TITLE:
        return Mention(kind, first, last, title=value, plural=plural)
    if kind is Kind.GEO:
        return Mention(kind, first, last, geo=value)
    return Mention(kind, first, last)
