"""States as parties: "مذاکرات ایران و آمریکا", "نشست لبنان و اسرائیل با میانجی‌گری آمریکا", "ایران و امارات
... دیدار ... برگزار کرده‌اند". Annotators list a state that the text makes a side of a meeting as a party
of its own (the guideline's country-only participant), where no official of it is named.

A country's name is a party only where it stands in a side's place: right after a meeting noun and its
modifiers, after the "با" of a meeting, after "میانجی‌گری", opening the sentence that reports a meeting,
or listed after one of these ("میان ایران، آمریکا، پاکستان و قطر"). Elsewhere a country is a place ("در
ایران"), a title's state ("وزیر خارجه ایران", which the title's phrase already holds) or a topic."""

from collections import Counter

from ingest.lexicon import one_word, phrases, word_class
from ingest.meeting_context import MODIFIER_REACH, meeting_modifier
from ingest.mentions import Kind, Mention
from ingest.party_phrase import PartyPhrase
from ingest.triggers import Trigger

_BETWEEN = word_class("between")
_MEDIATION = phrases("mediation")
_COMITATIVE = one_word("comitative")
_COLON = one_word("colon")
_SIGNED = phrases("signed_together")
# Hosting ("قطر از ادامه مذاکرات ... استقبال کرد" welcomes) and presenting credentials are no talks of states.
_TALKS = {"meeting", "talk", "phone", "video", "session"}
_TOPIC_MARKERS = word_class("about") | {one_word("locative")}
_LIST_LINKS = word_class("coordinator")
_PARTNER_REACH = 8  # "با ایران در ژنو مذاکره کرد": the "با" and its meeting word


def state_parties(
    words: list[str],
    mentions: list[Mention],
    triggers: list[Trigger],
    lead_in: int,
) -> list[PartyPhrase]:
    """The states a sentence that names no person or official makes sides of its meetings, one phrase
    each, in the order written."""
    triggers = [t for t in triggers if t.kind in _TALKS and tuple(words[t.first : t.last]) not in _SIGNED]
    if not triggers:
        return []
    places: list[tuple[str, PartyPhrase]] = []
    for mention in mentions:
        geo = mention.geo
        if mention.kind is not Kind.GEO or geo is None or geo.adjective or geo.city is not None:
            continue
        place: str | None
        if places and all(word in _LIST_LINKS for word in words[places[-1][1].last : mention.first]):
            place = places[-1][0]  # listed after the one before: "میان ایران، آمریکا، پاکستان و قطر"
        else:
            place = _side_place(words, mention, triggers, lead_in)
        if place is not None:
            state = PartyPhrase(mention.first, mention.last, country=geo.country, group=True, state=True)
            places.append((place, state))
    found = Counter(place for place, _ in places)
    # A lone subject has its partner after "با" ("ایران با آمریکا مذاکره کرد"), and a partner or
    # mediator state sides with states: "X با ایران ..." names X's business, not a state's meeting.
    keep = {"nominal"}
    if found["subject"] >= 2 or (found["subject"] and found["partner"]):
        keep.add("subject")
    if found["subject"] or found["nominal"]:
        keep.add("partner")
    return [state for place, state in places if place in keep]


def _side_place(words: list[str], mention: Mention, triggers: list[Trigger], lead_in: int) -> str | None:
    """Where the country stands: the subject of a meeting, the sides a meeting noun names, a partner or
    mediator, or none of them."""
    first = mention.first
    before = words[first - 1] if first > 0 else ""
    if tuple(words[max(0, first - 2) : first]) in _MEDIATION:
        return "partner"
    if before == _COMITATIVE:
        near = any(t.last == first - 1 or 0 < t.first - first <= _PARTNER_REACH for t in triggers)
        return "partner" if near else None
    if first in (lead_in, 0) or before == _COLON:
        speaker = mention.last < len(words) and words[mention.last] == _COLON  # "چین: در مذاکرات ..."
        return "subject" if not speaker and any(t.first > first for t in triggers) else None
    return "nominal" if any(_names_sides(words, t, first) for t in triggers) else None


def _names_sides(words: list[str], trigger: Trigger, first: int) -> bool:
    """Whether the meeting noun `trigger` names sides starting at `first`: only its modifiers stand
    between (a few adjectives or time words, then perhaps "میان"/"بین"), and it is no topic of a clause
    ("درباره مذاکرات ایران و آمریکا", "در مذاکرات ...")."""
    gap = words[trigger.last : first]
    if first < trigger.last or len(gap) > MODIFIER_REACH:
        return False
    if trigger.first > 0 and words[trigger.first - 1] in _TOPIC_MARKERS:
        return False
    if gap and gap[-1] in _BETWEEN:
        gap = gap[:-1]
    return all(meeting_modifier(word) for word in gap)
