"""How many meetings one report of a meeting tells: one of all its parties, or one for each partner
(separate talks, calls one by one, a tour), or one for each subject (separate audiences)."""

from ingest.lexicon import one_word, phrases, word_class
from ingest.meeting_context import joint
from ingest.party_phrase import PartyPhrase
from ingest.segment import Sentence
from ingest.sentence_meeting import delegations, distinct_sides, expand
from ingest.triggers import Trigger, meeting_kind

_TOGETHER = word_class("reciprocal")
_SEPARATE = word_class("separate")
_JOINT_ADJECTIVE = one_word("joint_adjective")
_MEETING_WORDS = word_class("meeting_noun")  # "دیدار مشترک": one table
_LOCATIVE = one_word("locative")
_DURING = phrases("during")
_PLURAL_SUFFIXES = word_class("plural_suffix")


def meeting_groups(
    sentence: Sentence,
    trigger: Trigger,
    triggers: list[Trigger],
    subjects: list[PartyPhrase],
    partners: list[PartyPhrase],
) -> list[list[PartyPhrase]]:
    """The parties of each meeting the report tells."""
    words = list(sentence.words)
    subject_parties = _expanded(subjects)
    partner_parties = _expanded(partners)
    separate = (
        bool(set(words) & _SEPARATE) or delegations(subjects + partners) or _plural_trigger(words, trigger)
    )
    # Calls with persons listed one by one are one call each, unless the text says the call joined
    # them ("تماس سه‌جانبه"); "با رهبران A، B و C تماس گرفت" (one plural title over several states) and
    # "در (جریان) تماس با A و B" tell one call (convention 12 of docs/annotation.md).
    calls = (
        meeting_kind(sentence, triggers) == "phone"
        and len(partners) > 1
        and not joint(words)
        and not inside_meeting_phrase(words, trigger)
    )
    itinerary = _itinerary(words, trigger, subject_parties, partners, partner_parties)
    if (separate or calls or itinerary) and len(partner_parties) > 1:
        return [[*subject_parties, partner] for partner in partner_parties]
    if separate and len(subject_parties) > 1 and partner_parties:
        return [[subject, *partner_parties] for subject in subject_parties]
    return [[*subject_parties, *partner_parties]]


def inside_meeting_phrase(words: list[str], trigger: Trigger) -> bool:
    """ "در دیدار با", "در جریان گفت‌وگوهایش با": the meeting word heads an adverbial phrase."""
    before = words[: trigger.first]
    return (bool(before) and before[-1] == _LOCATIVE) or any(
        tuple(before[-len(during) :]) == during for during in _DURING
    )


def _expanded(parties: list[PartyPhrase]) -> list[PartyPhrase]:
    return [single for party in parties for single in expand(party)]


def _plural_trigger(words: list[str], trigger: Trigger) -> bool:
    """ "تماس‌های تلفنی با A و B": a plural meeting word means one meeting with each."""
    return any(word in _PLURAL_SUFFIXES for word in words[trigger.first + 1 : trigger.last + 1]) or any(
        word.endswith(tuple(_PLURAL_SUFFIXES))
        for word in words[trigger.first : trigger.last]  # "گفت‌وگوهای"
    )


def _itinerary(
    words: list[str],
    trigger: Trigger,
    subject_parties: list[PartyPhrase],
    partners: list[PartyPhrase],
    partner_parties: list[PartyPhrase],
) -> bool:
    """ "در این سفر با A، B و C دیدار خواهد کرد": a visitor meets a list of officials one by one."""
    return (
        trigger.kind in ("meeting", "talk")
        and len(subject_parties) == 1
        and len(partners) > 1  # a list of phrases; "همتایان روس و چینی خود" is one
        and not inside_meeting_phrase(words, trigger)  # "در دیدار با A، B و C": one
        and not joint(words)
        and not set(words) & _TOGETHER
        and not any(
            words[i] == _JOINT_ADJECTIVE and words[i - 1] in _MEETING_WORDS for i in range(1, len(words))
        )
        and all(not p.group for p in partner_parties)
        and distinct_sides(partner_parties)  # "با ویتکاف و کوشنر": one delegation, one meeting
    )
