"""Pass: a candidate event for each meeting a sentence reports, read sentence by sentence with what the
sentences before tell: who the article is about (a report without a subject), who else attended a meeting
told before; each with its parties resolved (the host's country helps) and the kind, status, day and
place the passes before read."""

from dataclasses import dataclass, replace
from datetime import date

from ingest.doc import Doc, Event
from ingest.knowledge import knowledge
from ingest.lexicon import one_word, verb_forms, word_class, word_values
from ingest.meeting_context import meeting_referred_to
from ingest.parties import SentenceParties
from ingest.party_phrase import PartyPhrase
from ingest.resolve import ArticleRegistry
from ingest.resolve import Party as ResolvedParty
from ingest.sentence_meeting import SentenceMeeting, SentenceReadings

_PRONOUNS = word_class("pronoun")
_PAST_LIGHT_VERBS = verb_forms("past_light_verb")
# The counterpart of an acting minister ("سرپرست وزارت امور خارجه") is the minister.
_ACTING_MINISTRY, _MINISTER = next(
    (f"{acting} ", f"{to} ") for acting, to in word_values("acting_ministry").items()
)
_JOINED_BY = word_class("joined_by")  # "میانجی‌گری" reads "میانجی" "گری"
_JOINED_BY_PREPOSITIONS = word_class("joined_by_preposition")
_ATTENDANCE = word_class("attendance_noun")
_COMITATIVE = one_word("comitative")
_SPEECH_OPENERS = word_class("speech_opener")


@dataclass
class _Context:
    """What the reading carries from one sentence to the next."""

    main_actor: PartyPhrase | None  # the article's first party: the subject of last resort
    previous_subject: PartyPhrase | None = None  # the subject of the last report that had one
    sentence_subject: PartyPhrase | None = None  # who the previous sentence was about


def read_candidates(doc: Doc) -> Doc:
    assert doc.registry is not None, "the coreference pass makes the registry"
    context = _Context(main_actor=next((a.parties[0] for a in doc.parties if a.parties), None))
    for analysis, readings in zip(doc.parties, doc.readings, strict=True):
        _read_sentence(analysis, readings, doc.candidates, context, doc.registry)
    return doc


def _read_sentence(
    analysis: SentenceParties,
    readings: SentenceReadings,
    events: list[Event],
    context: _Context,
    registry: ArticleRegistry,
) -> None:
    """Add the candidate events of one sentence to `events`, and what it tells the next sentences."""
    pronoun = bool(analysis.words) and analysis.words[0] in _PRONOUNS
    attended = _attendance_end(analysis) if events else None
    attendees = _add_attendees(analysis, events, registry, attended)
    reports = readings.reports(told_before=bool(events))
    for found in reports:
        if attended is not None and found.trigger.first <= attended:
            continue
        phrases = [phrase for phrase in found.parties if phrase not in attendees]
        if found.subject_missing and _quoted_mention(found):
            continue  # "X گفت: دیدار Y نشان می‌دهد ...": a meeting spoken about, no one's report
        if found.subject_missing:
            # "او ... با X دیدار کرد": the person the previous sentence was about.
            stand_in = (
                (context.sentence_subject if pronoun else None)
                or context.previous_subject
                or context.main_actor
            )
            if stand_in is not None and all(stand_in is not p for p in phrases):
                phrases.insert(0, stand_in)
        event = _event(found, phrases, registry)
        if event is None:
            continue
        events.append(event)
        if not found.subject_missing and found.parties:
            context.previous_subject = found.parties[0]
    lead_in = analysis.lead_in  # "به گزارش ایسنا، X ...": X opens the sentence
    opening = analysis.parties[0] if analysis.parties and analysis.parties[0].first <= lead_in + 1 else None
    if opening is not None and opening.name:
        context.sentence_subject = opening


def _add_attendees(
    analysis: SentenceParties, events: list[Event], registry: ArticleRegistry, attended: int | None
) -> list[PartyPhrase]:
    """ "در این دیدار X نیز حضور داشت", "X که در این دیدار شرکت داشت گفت ...": X took part in the
    meeting last reported as held; what the sentence says after that may be news."""
    if attended is None:
        return []
    attendees = [phrase for phrase in analysis.parties if phrase.last <= attended]
    target = next((e for e in reversed(events) if e.status == "held"), events[-1])
    for party in _resolve_all(attendees, registry):
        if not any(party.same_as(other) for other in target.parties):
            target.parties.append(party)
    return attendees


def _event(found: SentenceMeeting, phrases: list[PartyPhrase], registry: ArticleRegistry) -> Event | None:
    """The candidate event of one report, if it has two parties once resolved."""
    place = found.place
    resolved = _resolve_all(phrases, registry, host=place.country if place else None)
    if len(resolved) < 2:
        return None
    return Event(
        parties=resolved, reports=[found], kind=found.kind, status=found.status, day=found.day, place=place
    )


def _quoted_mention(found: SentenceMeeting) -> bool:
    """A meeting noun inside quoted speech with no "با" after it: "گفت: دیدار X چشم‌اندازی ..."."""
    words = found.sentence.words
    colon = next((i for i in range(found.trigger.first) if words[i] in _SPEECH_OPENERS), None)
    return colon is not None and _COMITATIVE not in words[colon : found.trigger.last + 3]


def _attendance_end(analysis: SentenceParties) -> int | None:
    """Where "... در این دیدار حضور داشت" ends (the verb's position), if the sentence says that
    someone took part in a meeting already reported."""
    words = analysis.words
    anaphora = meeting_referred_to(words)
    if anaphora is None or not analysis.parties:
        return None
    for index in range(anaphora + 2, len(words) - 1):
        # Only right after the noun: "این ملاقات ... گفت X با حضور Y نشستی خواهند داشت" is another.
        if (
            index <= anaphora + 3
            and words[index] in _JOINED_BY_PREPOSITIONS
            and words[index + 1] in _JOINED_BY
        ):
            # "این گفت‌وگوها با میانجی‌گری X انجام شد": the mediator, host or guest took part.
            joined = [p for p in analysis.parties if index + 2 <= p.first <= index + 4]
            if joined:
                return joined[0].last
        if words[index] in _ATTENDANCE:
            verb = next(
                (i for i in range(index + 1, min(len(words), index + 3)) if words[i] in _PAST_LIGHT_VERBS),
                None,
            )
            if verb is not None and any(phrase.last <= verb for phrase in analysis.parties):
                return verb
    return None


def _resolve_all(
    phrases: list[PartyPhrase], registry: ArticleRegistry, host: str | None = None
) -> list[ResolvedParty]:
    """The parties of one meeting; `host` is the country the meeting is held in, if known."""
    resolved: list[ResolvedParty] = []
    for index, phrase in enumerate(phrases):
        other = phrases[0] if index > 0 else (phrases[1] if len(phrases) > 1 else None)
        if phrase.counterpart and index > 0 and resolved and _title_on_the_day(resolved[0], registry.day):
            # "ظریف ... با همتای عمانی خود": the counterpart holds the title Zarif held that day.
            other = PartyPhrase(0, 0, role=resolved[0].role, title_id=resolved[0].title_id)
            if other.role and other.role.startswith(_ACTING_MINISTRY):
                role = _MINISTER + other.role.removeprefix(_ACTING_MINISTRY)
                title = knowledge().titles.get(role)
                other = PartyPhrase(0, 0, role=role, title_id=title.id if title else None)
        if phrase.counterpart and not phrase.country and host and resolved and resolved[0].country != host:
            # "در کاخ ریاست‌جمهوری ارمنستان با همتای خود": a counterpart met abroad is the host's.
            phrase = replace(phrase, country=host)
        if _group_of_no_country(phrase) and index > 0 and resolved and resolved[0].country:
            # "پوتین در دیدار با فرماندهان نیروی دریایی": a group an official meets, of no country the
            # text names, is of the official's country, not the outlet's.
            phrase = replace(phrase, country=resolved[0].country)
        party = registry.resolve(phrase, other)
        if not any(party.same_as(seen) for seen in resolved):
            resolved.append(party)
    return resolved


def _group_of_no_country(phrase: PartyPhrase) -> bool:
    return (
        phrase.group
        and not phrase.name
        and not (phrase.country or phrase.org_id or phrase.plural_countries or phrase.unknown_complement)
    )


def _title_on_the_day(party: ResolvedParty, day: date | None) -> bool:
    """The party has a title from the text, or one the knowledge base says it held on `day`."""
    if not party.role:
        return False
    return not party.role_from_knowledge or (
        party.person is not None and day is not None and party.person.held_on(day)
    )
