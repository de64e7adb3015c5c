"""Finds the words that announce a meeting and reads its kind and status from the sentence."""

from dataclasses import dataclass
from functools import cache

from ingest.factuality import Clauses
from ingest.gazetteer import Gazetteer
from ingest.lexicon import one_word, phrases, rows, verb_forms, with_possessives, word_class
from ingest.mentions import regular_plurals
from ingest.model import MeetingKind, MeetingStatus
from ingest.segment import Sentence

_FUTURE_AUX = verb_forms("future_auxiliary")
_DO = verb_forms("do_present")  # "کند", "کنند": a subjunctive still ahead
(_DOES,) = verb_forms("do_present", "3sg")
_MI = one_word("imperfective_prefix")
_PRESENT_PASSIVE = next(iter(phrases("present_passive")))  # "می شود"
# Plan frames (modality.tsv) that make a meeting word after them planned.
_PLAN_WORDS = frozenset(
    tuple(row["form"].split(" ")) for row in rows("modality") if row["status"] == "planned"
)
_DEPARTURE = word_class("departure")
_ACT_NOUNS = word_class("act_noun")
_PURPOSE = word_class("purpose")
_PURPOSE_CLAUSE = one_word("purpose_conjunction")
_TOMORROW = frozenset(row["form"] for row in rows("day_words") if row["offset"] == "1")
_TIME_AHEAD = phrases("time_ahead")
_TIME_AHEAD_REACH = 6  # words of the meeting noun's own phrase, its parties' names left out
# With the adjective's or the indefinite's "-ی" too: "نشست ویدئوکنفرانسی", "تماسی تلفنی".
_ADJECTIVE_ENDING = one_word("adjective_ending")
_VIDEO_WORDS = word_class("video_word") | {w + _ADJECTIVE_ENDING for w in word_class("video_word")}
_PHONE_WORDS = word_class("phone_word") | {w + _ADJECTIVE_ENDING for w in word_class("phone_word")}
_COMMAS = word_class("comma")
_AND = one_word("and")
_WHOLE_SENTENCE = {"sport"}
# A funeral word makes a meeting word near it a farewell ("دیدار با پیکر", "نشست ستاد تشییع"); farther
# off it is another event of the sentence ("با X دیدار و در مراسم تشییع Y شرکت خواهد کرد").
_FUNERAL = "funeral"
_FUNERAL_REACH = (3, 8)  # words before and after the meeting word
# "مذاکره‌کننده", "مذاکره‌کنندگان": a meeting word before an agent's ending names a person, not a meeting.
_AGENT_PARTS = word_class("agent_part") | {
    plural for part in word_class("agent_part") for plural in regular_plurals(part)
}


@dataclass(frozen=True, slots=True)
class Trigger:
    first: int
    last: int
    kind: str  # the triggers.tsv kind: meeting, talk, phone, video, session, hosting, credentials


# Plural suffixes older or hand-typed text glues to a word ("دیدارهای" for "دیدار‌های").
_GLUED_PLURALS = word_class("glued_plural")
_POSSESSIVE_KINDS = word_class("possessive_trigger_kind")
(_GLIDE,) = word_class("glide")


@cache
def _triggers() -> Gazetteer[str]:
    triggers = Gazetteer[str]()
    for row in rows("triggers"):
        form, kind = row["form"], row["kind"]
        triggers.add(form, kind)
        if " " not in form and "\u200c" not in form:
            for suffix in _GLUED_PLURALS:
                triggers.add(form + suffix, kind)
        if " " not in form and kind in _POSSESSIVE_KINDS:
            for possessed in _possessed(form):
                triggers.add(possessed, kind)
    return triggers


def _possessed(noun: str) -> list[str]:
    """ "دیدارش", "گفت‌وگوهایم", "تماس‌هایمان": a meeting noun, singular or plural, with a possessive
    ending; its owner is a party like the subject of "دیدار کرد"."""
    if noun.endswith(_GLIDE):
        return []  # "گفت‌وگوی", "دیداری": an ezafe or indefinite form
    plurals = sorted(plural for plural in _GLUED_PLURALS if not plural.endswith(_GLIDE))  # "ها"
    stems = [noun, *(noun + "\u200c" + plural for plural in plurals)]
    return [possessed for stem in stems for possessed in with_possessives(stem)]


@cache
def _blockers() -> Gazetteer[str]:
    return Gazetteer((row["form"], row["reason"]) for row in rows("trigger_blockers"))


@cache
def _negations() -> Gazetteer[str]:
    return Gazetteer((row["form"], row["note"]) for row in rows("negations"))


def _words(sentence: Sentence) -> list[str]:
    return list(sentence.words)


def find_triggers(sentence: Sentence) -> list[Trigger]:
    """Meeting words, except those inside a phrase that gives them another sense ("نشست خبری",
    "آخرین دیدار")."""
    found = _blockers().find_all(sentence.words)
    blocked_at = {
        index
        for blocker in found
        if blocker.value not in _WHOLE_SENTENCE and blocker.value != _FUNERAL
        for index in range(blocker.first, blocker.last)
    }
    words = sentence.words
    funerals = [blocker.first for blocker in found if blocker.value == _FUNERAL]
    return [
        Trigger(m.first, m.last, m.value)
        for m in _triggers().find_all(words)
        if not blocked_at & set(range(m.first, m.last))
        and not any(_farewell(words, m.first, m.last, funeral) for funeral in funerals)
        and not (m.last < len(words) and words[m.last] in _AGENT_PARTS)  # "مذاکره‌کننده": a negotiator
    ]


def _farewell(words: tuple[str, ...], first: int, last: int, funeral: int) -> bool:
    """Is the meeting word at [first, last) one with the funeral word at `funeral`: in its phrase ("نشست
    ستاد تشییع", "مراسم تشییع و دیدار") and not past a comma or a verb left out before "و" ("با X
    دیدار و در مراسم تشییع Y شرکت کرد")?"""
    before, after = _FUNERAL_REACH
    if funeral < first:
        return first - funeral <= before
    between = words[last:funeral]
    return (
        funeral - last < after and not _COMMAS.intersection(between) and not (between and between[0] == _AND)
    )


def blocked(sentence: Sentence, names: frozenset[int] = frozenset()) -> bool:
    """Sport vocabulary makes every دیدار of the sentence a match; a word of a person's name is none
    ("گل" of "عبدالله گل")."""
    return any(
        blocker.value in _WHOLE_SENTENCE
        and not sentence.runs_on(blocker.last - 1)  # "کشتی‌رانی" is shipping, not "کشتی" wrestling
        and not names.intersection(range(blocker.first, blocker.last))
        for blocker in _blockers().find_all(sentence.words)
    )


def negated(sentence: Sentence) -> bool:
    return bool(_negations().find_all(sentence.words))


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def meeting_kind(sentence: Sentence, triggers: list[Trigger]) -> MeetingKind:
    kinds = {trigger.kind for trigger in triggers}
    words = set(_words(sentence))
    if "video" in kinds or words & _VIDEO_WORDS:
        return "video"
    if "phone" in kinds or words & _PHONE_WORDS:
        return "phone"
    return "in_person"


_HELD_VERBS = word_class("held_noun")
# How far a meeting noun's own "برگزار خواهد شد" may stand: an attendance list lies between them.
_HELD_VERB_REACH = 25
_SENTENCE_STOPS = word_class("sentence_stop")


def _held_later(words: list[str], start: int) -> bool:
    """ "دیدار امروز با حضور X و Y برگزار خواهد شد": the noun's verb, after the list, is future."""
    for index in range(start, min(len(words), start + _HELD_VERB_REACH)):
        if words[index] in _SENTENCE_STOPS:
            return False
        if words[index] in _HELD_VERBS:
            verb = words[index + 1 : index + 3]
            return bool(_FUTURE_AUX & set(verb)) or tuple(verb) == _PRESENT_PASSIVE
    return False


def meeting_status(clauses: Clauses, trigger: Trigger) -> MeetingStatus:
    """`planned` when the meeting's own verb is future or present, or a plan or departure frames it."""
    words = _words(clauses.sentence)
    after = words[trigger.last : trigger.last + 5]
    if clauses.mood(trigger.first, trigger.last) == "future":
        return "planned"
    if _FUTURE_AUX & set(after):
        return "planned"
    if after[:1] and after[0] in _DO:
        return "planned"
    if len(after) >= 2 and after[0] in _ACT_NOUNS and after[1] in _DO:
        return "planned"  # "... یک اعلامیه مشترک صادر کنند"
    if len(after) >= 2 and after[0] == _MI and after[1] in _DO:
        return "planned"
    if _held_later(words, trigger.last):
        return "planned"
    # The clause after the meeting word, names left out: "دیدار X و Y در هفته آینده".
    own_phrase = tuple(clauses.after(clauses.sentence.spans[trigger.last - 1][1])[:_TIME_AHEAD_REACH])
    if any(_contains(own_phrase, ahead) for ahead in _TIME_AHEAD):
        return "planned"  # "X از دیدار A و B در هفته آینده خبر داد"
    before = tuple(words[max(0, trigger.first - 12) : trigger.first])
    if any(_contains(before, plan) for plan in _PLAN_WORDS):
        return "planned"
    if _DEPARTURE & set(words) and trigger.first > 0 and words[trigger.first - 1] in _PURPOSE:
        return "planned"
    if _PURPOSE_CLAUSE in before and not _DEPARTURE.isdisjoint(before[: before.index(_PURPOSE_CLAUSE)]):
        return "planned"  # "عازم مسکو شد تا در نشستی با X گفت‌وگو کند"
    if trigger.first > 0 and words[trigger.first - 1] in _PURPOSE:
        # "برای دیدار با ... سفر می‌کند": the trip, and so the meeting, is still ahead.
        tail = words[trigger.last :]
        if _contains(tuple(tail), (_MI, _DOES)) or _FUTURE_AUX & set(tail) or not _TOMORROW.isdisjoint(words):
            return "planned"
    return "held"
