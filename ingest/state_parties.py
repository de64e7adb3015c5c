"""States as parties: "مذاکرات ایران و آمریکا", "نشست لبنان و اسرائیل با میانجی‌گری آمریکا", "ایران و امارات
... دیدار ... برگزار کرده‌اند". Annotators list a state that the text makes a side of a meeting as a party
of its own (the guideline's country-only participant), where no official of it is named.

A country's name is a party only where it stands in a side's place: right after a meeting noun and its
modifiers, after "میانجی‌گری", opening the sentence that reports a meeting, or listed after one of these
("میان ایران، آمریکا، پاکستان و قطر"). Elsewhere a country is a place ("در ایران"), a title's state
("وزیر خارجه ایران", which the title's phrase already holds) or a topic."""

from collections import Counter
from typing import Literal

from ingest.lexicon import one_word, phrases, word_class
from ingest.meeting_context import MODIFIER_REACH, meeting_modifier
from ingest.mentions import Kind, Mention
from ingest.party_phrase import PartyPhrase
from ingest.triggers import Trigger

_BETWEEN = word_class("between")
_MEDIATION = phrases("mediation")
_COLON = one_word("colon")
_SIGNED = phrases("signed_together")
# Hosting ("قطر از ادامه مذاکرات ... استقبال کرد" welcomes) and presenting credentials are no talks of states.
_TALKS = {"meeting", "talk", "phone", "video", "session"}
_TOPIC_MARKERS = word_class("about") | {one_word("locative")}
_LIST_LINKS = word_class("coordinator")
# The subject of a meeting, the sides a meeting noun names, or a mediator beside them.
Place = Literal["subject", "nominal", "mediator"]


def state_parties(
    words: list[str],
    mentions: list[Mention],
    triggers: list[Trigger],
    lead_in: int,
) -> list[PartyPhrase]:
    """The states a sentence that names no person or official makes sides of its meetings, one phrase
    each, in the order written."""
    triggers = [t for t in triggers if t.kind in _TALKS and not _signed(words, t)]
    if not triggers:
        return []
    places: list[tuple[Place, PartyPhrase]] = []
    for mention in mentions:
        geo = mention.geo
        if mention.kind is not Kind.GEO or geo is None or geo.adjective or geo.city is not None:
            continue
        place: Place | None
        if places and all(word in _LIST_LINKS for word in words[places[-1][1].last : mention.first]):
            place = places[-1][0]  # listed after the one before: "میان ایران، آمریکا، پاکستان و قطر"
        else:
            place = _side_place(words, mention, triggers, lead_in)
        if place is not None:
            places.append((place, PartyPhrase.of_state(mention.first, mention.last, geo.country)))
    found = Counter(place for place, _ in places)
    # A lone subject has a mediator beside it, and a mediator sides with states: "X با میانجی‌گری ایران"
    # names X's business, not a state's meeting.
    keep: set[Place] = {"nominal"}
    if found["subject"] >= 2 or (found["subject"] and found["mediator"]):
        keep.add("subject")
    if found["subject"] or found["nominal"]:
        keep.add("mediator")
    return [state for place, state in places if place in keep]


def _side_place(words: list[str], mention: Mention, triggers: list[Trigger], lead_in: int) -> Place | None:
    """Where the country stands: the subject of a meeting, the sides a meeting noun names, a mediator, or
    none of them."""
    first = mention.first
    if _mediator(words, first):
        return "mediator"
    if first in (lead_in, 0) or words[first - 1] == _COLON:
        return "subject" if any(t.first > first for t in triggers) else None
    return "nominal" if any(_names_sides(words, t, first) for t in triggers) else None


def _signed(words: list[str], trigger: Trigger) -> bool:
    """ "تفاهم‌نامه ایران و آمریکا": a paper two states signed names no meeting of them."""
    return tuple(words[trigger.first : trigger.last]) in _SIGNED


def _mediator(words: list[str], first: int) -> bool:
    """ "با میانجی‌گری قطر": the state after the word of mediation."""
    return tuple(words[max(0, first - 2) : first]) in _MEDIATION


def _talked_of(words: list[str], trigger: Trigger) -> bool:
    """ "درباره مذاکرات ایران و آمریکا", "در مذاکرات ...": the meeting noun is a topic of its clause."""
    return trigger.first > 0 and words[trigger.first - 1] in _TOPIC_MARKERS


def _names_sides(words: list[str], trigger: Trigger, first: int) -> bool:
    """Whether the meeting noun `trigger` names sides starting at `first`: only its modifiers stand
    between (a few adjectives or time words, then perhaps "میان"/"بین"), and it is no topic of a clause."""
    gap = words[trigger.last : first]
    if first < trigger.last or len(gap) > MODIFIER_REACH or _talked_of(words, trigger):
        return False
    if gap and gap[-1] in _BETWEEN:
        gap = gap[:-1]
    return all(meeting_modifier(word) for word in gap)
