"""What the words around a meeting word say of it, before its parties are read: no meeting here (an
interview, history, a refusal, a venue), a meeting referred back to, how sure a reading it is, and where
its clause starts (after a speaker, a first-person post or a finished clause)."""

from functools import cache

from ingest.gazetteer import Gazetteer
from ingest.knowledge import knowledge
from ingest.lexicon import one_word, phrases, rows, verb_forms, word_class
from ingest.names import lexicons
from ingest.triggers import Trigger

_INTERVIEW_REACH = 4  # "در گفت‌وگوی تلویزیونی با شبکه ...": the "با" of a talk, right after it
_FIRST_PERSON_VERBS = verb_forms("first_person_past")
_COPULA = word_class("copula")
# "اعلام کرد", "گزارش دادند", "ادعا می‌کند", "مدعی است", "فاش کرده": a noun of reporting and its light
# verb, past, present or perfect; the speaker is no party of what is reported.
_REPORTING_NOUNS = word_class("reporting_noun")
_REPORTING_LIGHT_VERBS = verb_forms("reporting_light_verb") | _COPULA
_SPEECH_VERBS = verb_forms("speech_lead_verb") | word_class("speech_noun")
_SAID = verb_forms("speech_verb")
_SAID_PERFECT = verb_forms("speech_participle")
_SPEECH_OPENERS = word_class("speech_opener")
_COMMA = one_word("persian_comma")
_EARLIER = phrases("earlier")
_AGO = word_class("ago")
_LONG_AGO_UNITS = word_class("long_time_unit")
_WEEK = word_class("week")
_LIGHT_VERBS = verb_forms("light_verb") | word_class("imperfective_prefix")
_MI = one_word("imperfective_prefix")
_ANAPHORA = word_class("demonstrative")
_ORDINALS = word_class("ordinal_adjective")  # "این نخستین دیدار"
_CLAUSE_END_VERBS = verb_forms("clause_end_verb") | _COPULA
_THAT = one_word("relativizer")
_THAT_CLAUSE_VERBS = _CLAUSE_END_VERBS | verb_forms("speech_verb") | word_class("that_clause_verb")
_PLUPERFECT = verb_forms("pluperfect_auxiliary")
_JOINT = word_class("joint_meeting")
_MANY = word_class("many")  # "سه‌جانبه" is read as "سه" "جانبه"; "دوجانبه" is bilateral
_SIDED = one_word("sided")
_AND = one_word("and")
_TALK_TAIL = one_word("talk_tail")
_COMITATIVE = one_word("comitative")
_LOCATIVE = one_word("locative")
_VENUE_MARGIN = word_class("venue_margin")
_ATTENDING = phrases("attending")
_REFERRING_BACK = word_class("referring_back")
_MEETING_NOUNS = word_class("meeting_noun")
_ADJECTIVE_ENDING = one_word("adjective_ending")
_MANNER = word_class("manner")  # "استقبال گرم و رسمی X"
_LENGTH_WORDS = word_class("duration_unit") | word_class("number_word")
# How far a meeting noun's modifiers reach before the sides it names.
MODIFIER_REACH = 5
_ADJECTIVE_TAGS = {"AJ", "N", "ADV", "RES"}


def quote_start(words: list[str], trigger: int) -> int:
    """After "X گفت:", "X گفت «" or "X اعلام کرد ...", the speaker is not a party of what the
    report says."""
    for index in range(trigger - 1, 0, -1):
        if words[index] in _SPEECH_OPENERS and _SPEECH_VERBS & set(words[max(0, index - 3) : index]):
            return index + 1
        if _speech_verb_ends_at(words, index):
            return index + 1
    return 0


def _speech_verb_ends_at(words: list[str], index: int) -> bool:
    word = words[index]
    # "گفت‌وگو", "گفت‌وگوی", "گفت‌وگوها" are read as "گفت" + "وگو...": a talk, not "said".
    following = words[index + 1] if index + 1 < len(words) else ""
    if word in _SAID and not (following == _AND or following.startswith(_TALK_TAIL)):
        return True
    if index == 0:
        return False
    if word in _COPULA and words[index - 1] in _SAID_PERFECT:
        return True  # "X نوشته است ...": not "به گفته X", which names a source after it
    if word not in _REPORTING_LIGHT_VERBS:
        return False
    noun = index - 2 if words[index - 1] == _MI and index > 1 else index - 1
    return words[noun] in _REPORTING_NOUNS


@cache
def _media_words() -> Gazetteer[bool]:
    return Gazetteer((row["form"], True) for row in rows("media_words"))


@cache
def time_words() -> frozenset[str]:
    return frozenset(row["word"] for row in rows("not_names") if row["why"] in ("time", "weekday"))


def joint(words: list[str]) -> bool:
    """Does the sentence say that one meeting joined several sides ("تماس سه‌جانبه", "نشست مشترک")?"""
    return bool(_JOINT.intersection(words)) or any(
        word == _SIDED and words[index - 1] in _MANY for index, word in enumerate(words) if index
    )


def first_person(words: list[str]) -> bool:
    """Does the quoted post speak in the first person ("میزبان ... بودم")?"""
    return any(word in _FIRST_PERSON_VERBS for word in words)


def is_interview(words: list[str], trigger: Trigger) -> bool:
    """A talk with a reporter, a channel or a paper is an interview, not a meeting."""
    if trigger.kind != "talk":
        return False
    end = min(len(words), trigger.last + _INTERVIEW_REACH)
    ba = next((i for i in range(trigger.last, end) if words[i] == _COMITATIVE), None)
    if ba is None:
        return False
    media = _media_words()
    around = (*range(trigger.last, ba), ba + 1, ba + 2)  # the talk's own words, then its partner
    return any(media.match_at(words, i) for i in around if i < end)


def rank(words: list[str], trigger: Trigger) -> int:
    """Try the meeting word that carries the verb first ("دیدار کرد"), then "در دیدار با", then
    the rest ("برگزاری نشست" names an event, not who met)."""
    following = words[trigger.last] if trigger.last < len(words) else ""
    if following in _LIGHT_VERBS:
        return 0
    if following == _COMITATIVE or (trigger.first > 0 and words[trigger.first - 1] == _LOCATIVE):
        return 1
    return 2


def is_venue(words: list[str], trigger: Trigger) -> bool:
    before = tuple(words[max(0, trigger.first - 2) : trigger.first])
    return trigger.kind == "session" and (
        (bool(before) and before[-1] in _VENUE_MARGIN) or before in _ATTENDING
    )


def is_anaphoric(words: list[str], trigger: Trigger) -> bool:
    before = words[max(0, trigger.first - 2) : trigger.first]
    return bool(before) and (
        before[-1] in _ANAPHORA or (len(before) == 2 and before[0] in _ANAPHORA and before[1] in _ORDINALS)
    )


def is_background(words: list[str], trigger: Trigger) -> bool:
    """ "ماه گذشته نیز دیداری با X داشت", "در دیدار سال گذشته ...": a meeting long past."""
    before = words[max(0, trigger.first - 8) : trigger.first]
    after = words[trigger.last : trigger.last + 3]
    # "نشست هفته گذشته X و Y" names an earlier meeting; "هفته گذشته با Y دیدار کرد" may be news.
    long_ago = any(
        window[i] in units and window[i + 1] in _AGO
        for window, units in ((before, _LONG_AGO_UNITS), (after, _LONG_AGO_UNITS | _WEEK))
        for i in range(len(window) - 1)
    )
    # "X پیش‌تر نیز ... با Y دیدار کرده بود": told as what happened before the news.
    told_before = words[: trigger.first]
    earlier = any((word,) in _EARLIER for word in told_before) or any(
        tuple(told_before[i : i + 2]) in _EARLIER for i in range(len(told_before) - 1)
    )
    return long_ago or (earlier and any(word in _PLUPERFECT for word in after))


def after_finished_clause(
    words: list[str], start: int, end: int, party_starts: frozenset[int] = frozenset()
) -> int:
    """ "... برگزار خواهد شد و X با Y دیدار خواهد کرد": a verb and "و" close the clause before. A
    relative clause closed by a comma after the clause has named a party ("X و Y درباره توافقی که ...
    است، دیدار کردند") is inside the clause, not before it; "در حالی که ... بود، X ..." closes one."""
    found = start
    for index in range(start, end - 1):
        if words[index] in _CLAUSE_END_VERBS and words[index + 1] in (_AND, _COMMA):
            if not (words[index + 1] == _COMMA and _relative_after_party(words, found, index, party_starts)):
                found = index + 2
        elif words[index] in _THAT_CLAUSE_VERBS and words[index + 1] == _THAT:
            found = index + 2  # "در بیانیه X آمده که Y با Z دیدار کرد": Y's clause
    return found


def _relative_after_party(words: list[str], start: int, verb: int, party_starts: frozenset[int]) -> bool:
    """Does the clause ending at `verb` open with a relative "که" that follows a party of [start, که)?"""
    that = next((i for i in range(verb - 1, start - 1, -1) if words[i] == _THAT), None)
    return that is not None and any(start <= first < that for first in party_starts)


def meeting_referred_to(words: list[str]) -> int | None:
    """Where "این دیدار" / "همین نشست" stands: a meeting the article already told."""
    return next(
        (i for i in range(len(words) - 1) if words[i] in _REFERRING_BACK and words[i + 1] in _MEETING_NOUNS),
        None,
    )


def adjective(word: str) -> bool:
    """An adjective by hazm's word list, also with the indefinite's "-ی" ("پرتنشی"): a word the list
    tags AJ and, besides, only as a noun or adverb ("در", "که", "خود" are tagged AJ too); no title word."""
    if word in knowledge().title_words:
        return False
    tags = lexicons().tags
    found = set((tags.get(word) or tags.get(word.removesuffix(_ADJECTIVE_ENDING)) or "").split("+"))
    return "AJ" in found and found <= _ADJECTIVE_TAGS


def meeting_modifier(word: str) -> bool:
    """A word that may stand between a meeting noun and the sides it names: time and manner ("در دیدار
    عصر امروز X", "با استقبال رسمی X"), a length or a count of sides ("تماس ۸۵ دقیقه‌ای X و Y", "نشست
    سه‌جانبه X، Y و Z"), an adjective ("گفت‌وگوی پرتنشی X و Y")."""
    return (
        word in time_words()
        or word in _MANNER
        or word in _LENGTH_WORDS
        or word == _SIDED
        or word.isdigit()
        or adjective(word)
    )
