"""The extraction pipeline: one article in, one Extraction out; pure, no database.

normalise → sentences → parties and meeting words per sentence → article-level coreference →
one meeting per event (repeated reports merged) → date, place, kind, status, topics.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from ingest.dates import TRAVEL_WORDS, meeting_date
from ingest.knowledge import knowledge
from ingest.lexicon import one_word, phrases, rows, verb_forms, word_class, word_values
from ingest.meetings import SentenceMeeting, read_meetings
from ingest.model import Article, Extraction, Meeting, MeetingKind, MeetingStatus, Party, Place, Span
from ingest.normalize import normalize
from ingest.parties import IRAN, PartyPhrase, SentenceParties
from ingest.places import dateline_place, meeting_place
from ingest.resolve import ArticleRegistry, surname
from ingest.resolve import Party as ResolvedParty
from ingest.segment import Sentence, split_sentences
from ingest.topics import tagger as topic_tagger
from ingest.triggers import Trigger, meeting_kind, meeting_status

_MEETING_NOUNS = word_class("meeting_noun")
_PRONOUNS = word_class("pronoun")
_PAST_LIGHT_VERBS = verb_forms("past_light_verb")
_DEMONSTRATIVES = word_class("demonstrative")
_THIS = one_word("this")
_REFERRING_BACK = word_class("referring_back")
_MULTI_DAY = one_word("multi_day")
EXTRACTOR_VERSION = "0.2.0"


@dataclass
class _Event:
    parties: list[ResolvedParty]
    reports: list[SentenceMeeting]
    kind: MeetingKind
    status: MeetingStatus
    day: date | None
    place: Place | None
    sentences: list[Sentence] = field(default_factory=list)


@lru_cache(maxsize=1024)
def home_country(source: str | None) -> str | None:
    """The outlet's country (outlets.tsv; the longest matching name wins, so "بی‌بی‌سی فارسی" is not
    "فارس"): Iran unless the source names a foreign outlet. An untitled "وزیر امور خارجه" in a
    foreign outlet's text is left without a country."""
    if not source:
        return IRAN
    text = normalize(source).lower()
    known = [(normalize(row["pattern"]).lower(), row["country"]) for row in rows("outlets")]
    matches = sorted((pattern for pattern in known if pattern[0] in text), key=lambda p: -len(p[0]))
    if not matches or matches[0][1] == IRAN:
        return IRAN
    return None


def extract(article: Article) -> Extraction:
    """Find the meetings an article reports."""
    text = normalize(f"{article.title or ''}\n{article.text}")
    sentences = split_sentences(text)
    analyses = [SentenceParties(sentence) for sentence in sentences]
    surnames = {surname(p.name) for a in analyses for p in a.parties if p.name and len(p.name.split()) > 1}
    for analysis in analyses:
        analysis.add_article_names(surnames)
    _refer_to_countries_named_before(analyses)
    registry = ArticleRegistry(
        [phrase for analysis in analyses for phrase in analysis.parties],
        home_country=home_country(article.source),
        day=article.published,
    )
    events = _without_called_off(_events(analyses, registry, article.published), sentences)
    _share_text_titles(events)
    _attach_discussion(events, sentences)
    meetings = [_meeting(event, text) for event in events]
    return Extraction(id=article.key, meetings=meetings, extractor_version=EXTRACTOR_VERSION, text=text)


def _refer_to_countries_named_before(analyses: list[SentenceParties]) -> None:
    """ "رئیس پارلمان این کشور": the country an earlier sentence named last."""
    last: str | None = None
    for analysis in analyses:
        if last is not None:
            for phrase in analysis.parties:
                if phrase.this_country and not phrase.country:
                    phrase.country, phrase.unknown_complement = last, False
        named = [mention.geo.country for mention in analysis.mentions if mention.geo]
        last = named[-1] if named else last


def _events(
    analyses: list[SentenceParties], registry: ArticleRegistry, published: date | None
) -> list[_Event]:
    events: list[_Event] = []
    main_actor: PartyPhrase | None = next((a.parties[0] for a in analyses if a.parties), None)
    previous_subject: PartyPhrase | None = None
    trip_day: date | None = None  # the day of the journey the article last dated
    sentence_subject: PartyPhrase | None = None  # who the previous sentence was about
    for analysis in analyses:
        sentence = analysis.sentence
        pronoun = bool(analysis.words) and analysis.words[0] in _PRONOUNS
        attended = _attendance_end(analysis) if events else None
        attendees: list[PartyPhrase] = []
        if attended is not None:
            # "در این دیدار X نیز حضور داشت", "X که در این دیدار شرکت داشت گفت ...": X took part in
            # the meeting last reported as held; what the sentence says after that may be news.
            attendees = [phrase for phrase in analysis.parties if phrase.last <= attended]
            target = next((e for e in reversed(events) if e.status == "held"), events[-1])
            for party in _resolve_all(attendees, registry):
                if not any(party.same_as(other) for other in target.parties):
                    target.parties.append(party)
        trip_day = _trip_day(analysis, published) or trip_day
        reports = read_meetings(analysis, told_before=bool(events))
        # Several meetings from different words of one sentence: each is dated by its own word.
        own_word = len({found.trigger.first for found in reports}) > 1
        for found in reports:
            if attended is not None and found.trigger.first <= attended:
                continue
            phrases = [phrase for phrase in found.parties if phrase not in attendees]
            if found.subject_missing and _quoted_mention(found):
                continue  # "X گفت: دیدار Y نشان می‌دهد ...": a meeting spoken about, no one's report
            if found.subject_missing:
                # "او ... با X دیدار کرد": the person the previous sentence was about.
                stand_in = (sentence_subject if pronoun else None) or previous_subject or main_actor
                if stand_in is not None and all(stand_in is not p for p in phrases):
                    phrases.insert(0, stand_in)
            kind = meeting_kind(sentence, found.triggers)
            place = meeting_place(found) or (dateline_place(analysis) if kind == "in_person" else None)
            resolved = _resolve_all(phrases, registry, host=place.country if place else None)
            if len(resolved) < 2:
                continue
            status = meeting_status(sentence, found.trigger)
            event = _Event(
                parties=resolved,
                reports=[found],
                kind=kind,
                status=status,
                day=meeting_date(
                    sentence,
                    published,
                    planned=status == "planned",
                    anchors=(found.trigger.first,)
                    if own_word
                    else tuple(trigger.first for trigger in found.triggers),
                ),
                place=place,
            )
            if event.day is None and events and _same_day_as_before(analysis.words):
                event.day = events[-1].day  # "صبح همان روز": the day of the meeting told before
            if event.day is None and status == "held" and events and _next_in_sequence(analysis, found):
                event.day = events[-1].day  # "سپس با X دیدار کرد": the day of the meeting before
            if event.day is None and _on_this_trip(analysis.words):
                event.day = trip_day  # "X فردا به کابل سفر می‌کند ... در این سفر با Y": the trip's day
            events.append(event)
            if not found.subject_missing and found.parties:
                previous_subject = found.parties[0]
        if not reports and events and events[-1].day is None:
            events[-1].day = _day_told_later(analysis, events[-1], published)
        lead_in = analysis.lead_in  # "به گزارش ایسنا، X ...": X opens the sentence
        opening = (
            analysis.parties[0] if analysis.parties and analysis.parties[0].first <= lead_in + 1 else None
        )
        if opening is not None and opening.name:
            sentence_subject = opening
    merged: list[_Event] = []
    for event in _without_composites(events):
        _merge_or_add(merged, event)
    return merged


_CALLED_OFF = word_class("called_off")
_WAS_TO = phrases("was_to")


def _without_called_off(events: list[_Event], sentences: list[Sentence]) -> list[_Event]:
    """ "سفر X به تعویق افتاد. قرار بود X با Y دیدار کند": in an article about a visit put off or
    cancelled, what was to happen ("قرار بود") is no meeting."""
    if not any(_CALLED_OFF.intersection(sentence.words) for sentence in sentences):
        return events
    return [
        event
        for event in events
        if not any(_was_to(report.sentence.words) for report in event.reports) or event.status == "held"
    ]


def _was_to(words: tuple[str, ...]) -> bool:
    return any(words[i : i + 2] in _WAS_TO for i in range(len(words) - 1))


def _share_text_titles(events: list[_Event]) -> None:
    """A person the text titles once ("رئیس تشکیلات خودگردان" in the lead) keeps that title in the
    article's other meetings, where only the knowledge base gave one."""
    titled = [p for e in events for p in e.parties if p.name and p.role and not p.role_from_knowledge]
    for party in (p for e in events for p in e.parties if p.name and p.role_from_knowledge):
        twin = next((t for t in titled if t.same_as(party)), None)
        if twin is not None:
            party.role, party.title_id, party.role_from_knowledge = twin.role, twin.title_id, False


def _covers(big: list[ResolvedParty], small: list[ResolvedParty]) -> bool:
    return all(any(party.same_as(other) for other in big) for party in small)


def _covers_naming(big: list[ResolvedParty], small: list[ResolvedParty]) -> bool:
    """Like `_covers`, but one unnamed official of `small` may be a named person of `big` from the
    same country or organisation: a lead gives the title, the body the name."""
    loose = [party for party in small if not any(party.same_as(other) for other in big)]
    if len(loose) != 1 or loose[0].name or loose[0].group:
        return False
    spare = [p for p in big if p.name and not any(p.same_as(q) for q in small)]
    # "شهردار پاکستان" is not the Pakistani foreign minister the knowledge base named in another report
    spare = [
        p
        for p in spare
        if not (
            p.name_source == "knowledge_base"
            and p.title_id
            and loose[0].title_id
            and p.title_id != loose[0].title_id
        )
    ]
    return len([p for p in spare if _same_side(p, loose[0])]) == 1


def _covers_group(big: list[ResolvedParty], small: list[ResolvedParty]) -> bool:
    """Like `_covers`, where one group of officials in `small` ("رهبران گروه‌های مقاومت" in a headline)
    stands for the named persons `big` adds (the body lists them): two or more, none from the country of
    the group's counterparts (the envoys of the same president are no group he met)."""
    loose = [party for party in small if not any(party.same_as(other) for other in big)]
    if len(loose) != 1 or not loose[0].group:
        return False
    sides = {party.country for party in small if party is not loose[0]}
    added = [p for p in big if not any(p.same_as(q) for q in small)]
    return len(added) >= 2 and all(p.name and p.country not in sides for p in added)


def _loosely_covers(big: list[ResolvedParty], small: list[ResolvedParty]) -> bool:
    """Like `_covers`, where an official one report leaves unnamed ("همتایان ترکیه‌ای و عربستانی")
    may be the named person of that country in another."""

    def stands_for(a: ResolvedParty, b: ResolvedParty) -> bool:
        if a.same_as(b):
            return True
        named, unnamed = (a, b) if a.name else (b, a)
        return (
            bool(named.name)
            and not unnamed.name
            and not unnamed.group
            and (unnamed.country or unnamed.org_id) is not None
            and _same_side(named, unnamed)
        )

    return all(any(stands_for(party, other) for other in big) for party in small)


def _headline_of(a: _Event, b: _Event) -> bool:
    """A headline's report of the body's meeting: as many sides, each the same person or an unnamed
    official of the same state or organisation, whatever title each report gives."""
    if not any(r.sentence.is_title for r in a.reports + b.reports) or len(a.parties) != len(b.parties):
        return False

    def alike(p: ResolvedParty, q: ResolvedParty) -> bool:
        if p.same_as(q):
            return True
        if p.name and q.name:
            return False
        unnamed, other = (p, q) if not p.name else (q, p)
        return bool(unnamed.country or unnamed.org_id) and _same_side(other, unnamed)

    return all(any(alike(p, q) for q in b.parties) for p in a.parties)


def _same_side(named: ResolvedParty, unnamed: ResolvedParty) -> bool:
    if not unnamed.org_id and not unnamed.country:
        return True  # a title of something unknown ("رهبر فهرست العراقیه"): any side may be it
    if unnamed.org_id:
        return named.org_id == unnamed.org_id or named.country == unnamed.country
    return named.country == unnamed.country


def _without_composites(events: list[_Event]) -> list[_Event]:
    """Drop a many-party report that separate reports explain ("calls with A and B" in a headline,
    "separate calls with A" and "... with B" in the body)."""
    kept = []
    for event in events:
        parts = [e for e in events if e is not event and len(e.parties) < len(event.parties)]
        parts = [e for e in parts if _loosely_covers(event.parties, e.parties)]
        if (
            len(event.parties) > 2
            and len(parts) >= 2
            and all(any(_loosely_covers(part.parties, [party]) for part in parts) for party in event.parties)
        ):
            for part in parts:  # what the headline adds (the city, the day) still holds for each
                part.place, part.day = part.place or event.place, part.day or event.day
            continue
        kept.append(event)
    return kept


_HELD_WORDS = word_class("held_noun")
# The counterpart of an acting minister ("سرپرست وزارت امور خارجه") is the minister.
_ACTING_MINISTRY, _MINISTER = next(
    (f"{acting} ", f"{to} ") for acting, to in word_values("acting_ministry").items()
)
_JOINED_BY = word_class("joined_by")  # "میانجی‌گری" reads "میانجی" "گری"
_JOINED_BY_PREPOSITIONS = word_class("joined_by_preposition")
_ATTENDANCE = word_class("attendance_noun")
_SEQUENCE = word_class("sequence_adverb")
_AFTER = phrases("after")
_SAME_DAY = phrases("same_day")
_THIS_TRIP = phrases("this_trip")
_COMITATIVE = one_word("comitative")


def _next_in_sequence(analysis: SentenceParties, found: SentenceMeeting) -> bool:
    """ "سپس با X دیدار کرد", "پس از این دیدار با X گفت‌وگو کرد": next on the same day."""
    words = analysis.words[: found.trigger.first]
    return not _SEQUENCE.isdisjoint(words) or any(
        tuple(words[i : i + 2]) in _AFTER
        and words[i + 2] in _DEMONSTRATIVES
        and words[i + 3] in _MEETING_NOUNS
        for i in range(len(words) - 3)
    )


def _same_day_as_before(words: list[str]) -> bool:
    return any(tuple(words[i : i + 2]) in _SAME_DAY for i in range(len(words) - 1))


def _on_this_trip(words: list[str]) -> bool:
    """ "در این سفر با X دیدار خواهد کرد"; not "در این سفر دو روزه", which spans several days."""
    return _MULTI_DAY not in words and any(
        tuple(words[i : i + 2]) in _THIS_TRIP for i in range(len(words) - 1)
    )


def _trip_day(analysis: SentenceParties, published: date | None) -> date | None:
    """The day of a journey a sentence dates: "قرار است X فردا به کابل سفر کند"."""
    words = analysis.words
    journey = next(
        (i for i, word in enumerate(words) if word in TRAVEL_WORDS and (i == 0 or words[i - 1] != _THIS)),
        None,
    )
    if journey is None or _MULTI_DAY in words:
        return None  # a trip of several days ("سفر دو روزه") dates none of its meetings
    trigger = Trigger(journey, journey + 1, "meeting")
    planned = meeting_status(analysis.sentence, trigger) == "planned"
    return meeting_date(analysis.sentence, published, planned=planned, anchors=(journey,))


def _meeting_referred_to(words: list[str]) -> int | None:
    """Where "این دیدار" / "همین نشست" stands: a meeting the article already told."""
    return next(
        (i for i in range(len(words) - 1) if words[i] in _REFERRING_BACK and words[i + 1] in _MEETING_NOUNS),
        None,
    )


def _day_told_later(analysis: SentenceParties, event: _Event, published: date | None) -> date | None:
    """ "این نشست قرار است روز جمعه برگزار شود": a later sentence dates the meeting just told."""
    words = analysis.words
    if not _HELD_WORDS.intersection(words):
        return None
    anaphora = _meeting_referred_to(words)
    if anaphora is None:
        return None
    return meeting_date(
        analysis.sentence, published, planned=event.status == "planned", anchors=(anaphora + 1,)
    )


def _quoted_mention(found: SentenceMeeting) -> bool:
    """A meeting noun inside quoted speech with no "با" after it: "گفت: دیدار X چشم‌اندازی ..."."""
    words = found.sentence.words
    colon = next((i for i in range(found.trigger.first) if words[i] in (":", "«")), None)
    return colon is not None and _COMITATIVE not in words[colon : found.trigger.last + 3]


def _attendance_end(analysis: SentenceParties) -> int | None:
    """Where "... در این دیدار حضور داشت" ends (the verb's position), if the sentence says that
    someone took part in a meeting already reported."""
    words = analysis.words
    anaphora = _meeting_referred_to(words)
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
        party = registry.resolve(phrase, other)
        if not any(party.same_as(seen) for seen in resolved):
            resolved.append(party)
    return resolved


def _title_on_the_day(party: ResolvedParty, day: date | None) -> bool:
    """The party has a title from the text, or one the knowledge base says it held on `day`."""
    if not party.role:
        return False
    return not party.role_from_knowledge or (
        party.person is not None and day is not None and party.person.held_on(day)
    )


def _merge_or_add(events: list[_Event], event: _Event) -> None:
    """Fold a report into the event it repeats (same parties, or a subset, or the same parties with
    one official named in one report and only titled in the other), else add it."""
    for existing in events:
        if existing.status != event.status or not _same_day(existing, event):
            continue
        if _covers(existing.parties, event.parties) or _covers(event.parties, existing.parties):
            if len(event.parties) > len(existing.parties):
                existing.parties, event.parties = event.parties, existing.parties
            _keep_fullest(existing.parties, event.parties)
        elif _covers_naming(event.parties, existing.parties):
            _lend_titles(event.parties, existing.parties)
            existing.parties = event.parties
        elif _covers_naming(existing.parties, event.parties):
            _lend_titles(existing.parties, event.parties)
        elif _covers_group(event.parties, existing.parties):
            existing.parties = event.parties
        elif _covers_group(existing.parties, event.parties):
            pass
        elif _headline_of(existing, event):
            pass  # "X با معاون وزیر خارجه ژاپن دیدار کرد" over "X ... با همتای ژاپنی خود دیدار کرد"
        else:
            continue
        existing.reports.extend(event.reports)
        if existing.kind == "in_person" and event.kind != "in_person":
            existing.kind = event.kind
        existing.day = existing.day or event.day
        existing.place = existing.place or event.place
        return
    events.append(event)


def _same_day(a: _Event, b: _Event) -> bool:
    """Unknown days agree with any; two reports of the same parties a day apart (a post just after
    midnight, "امروز (دوشنبه)") are one event."""
    if a.day is None or b.day is None:
        return True
    if abs((a.day - b.day).days) > 1:
        return False
    return a.day == b.day or _covers(a.parties, b.parties) or _covers(b.parties, a.parties)


def _lend_titles(named: list[ResolvedParty], titled: list[ResolvedParty]) -> None:
    """The text's title for an official beats one the knowledge base supplied."""
    for unnamed in (p for p in titled if not p.name):
        for party in named:
            if party.name and _same_side(party, unnamed) and (party.role_from_knowledge or not party.role):
                party.role, party.title_id, party.role_from_knowledge = unnamed.role, unnamed.title_id, False


def _keep_fullest(kept: list[ResolvedParty], other: list[ResolvedParty]) -> None:
    """The longest name of a party, and the text's title over one the knowledge base supplied."""
    for party in kept:
        for twin in other:
            if not party.same_as(twin):
                continue
            if twin.name and party.name and len(twin.name) > len(party.name):
                party.name = twin.name
            if party.role_from_knowledge and twin.role and not twin.role_from_knowledge:
                party.role, party.title_id, party.role_from_knowledge = twin.role, twin.title_id, False


_DISCUSSION_REACH = 2  # sentences after a report that still discuss it


def _attach_discussion(events: list[_Event], sentences: list[Sentence]) -> None:
    """Each meeting's topics come from its own reports and the sentences that follow them up to
    the next report of another meeting."""
    owner: dict[int, int] = {}
    for number, event in enumerate(events):
        for report in event.reports:
            owner.setdefault(report.sentence.index, number)
    current: int | None = None
    since = 0
    for sentence in sentences:
        if sentence.index in owner:
            current, since = owner[sentence.index], 0
        elif current is not None:
            since += 1
            if since > _DISCUSSION_REACH:
                current = None
        if current is not None:
            events[current].sentences.append(sentence)
    for event in events:
        if not event.sentences:
            event.sentences = [report.sentence for report in event.reports]


def _best_report(event: _Event) -> SentenceMeeting:
    """The body sentence that names most parties, else the first report."""

    def named(report: SentenceMeeting) -> tuple[int, int]:
        return (not report.sentence.is_title, sum(1 for p in report.parties if p.name))

    return max(event.reports, key=named)


def _meeting(event: _Event, text: str) -> Meeting:
    kb = knowledge()
    report = _best_report(event)
    tags = topic_tagger().tag(" ".join(sentence.text for sentence in event.sentences))
    participants = []
    for party in event.parties:
        country = kb.countries.get(party.country or "")
        org = kb.organizations.get(party.org_id or "")
        title = kb.titles_by_id.get(party.title_id or "")
        participants.append(
            Party(
                name=party.name,
                name_en=party.person.name_en if party.person else None,
                name_source=party.name_source or ("text" if party.name else None),
                role=party.role,
                role_en=title.title_en if title else None,
                country=party.country,
                country_fa=country.name_fa if country else None,
                country_en=country.name_en if country else None,
                org=party.org or (org.name_fa if org else None),
                org_id=party.org_id,
                org_en=org.name_en if org else None,
            )
        )
    return Meeting(
        participants=participants,
        kind=event.kind,
        status=event.status,
        date=event.day,
        place=event.place,
        topics=list(tags.topics),
        subtopics=list(tags.subtopics),
        evidence=report.sentence.text,
        evidence_span=Span(start=report.sentence.start, end=report.sentence.end),
    )
