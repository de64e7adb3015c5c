"""Pass: one event per meeting. A report that repeats another (the same parties, a subset, an official
named in one and only titled in the other, a headline's summary) folds into it; a many-party report that
separate reports explain goes; what was only to happen in an article about a visit called off goes."""

from ingest.doc import Doc, Event
from ingest.lexicon import phrases, word_class
from ingest.resolve import Party as ResolvedParty
from ingest.segment import Sentence

_CALLED_OFF = word_class("called_off")
_WAS_TO = phrases("was_to")


def merge_events(doc: Doc) -> Doc:
    merged: list[Event] = []
    for event in _without_composites(doc.candidates):
        _merge_or_add(merged, event)
    doc.events = _without_called_off(merged, doc.sentences)
    _share_text_titles(doc.events)
    return doc


def _merge_or_add(events: list[Event], event: Event) -> None:
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
        elif _covers_group(existing.parties, event.parties) or _covers_states(
            existing.parties, event.parties
        ):
            pass
        elif _covers_states(event.parties, existing.parties):
            existing.parties = event.parties
        elif _headline_of(existing, event):
            # "X با معاون وزیر خارجه ژاپن دیدار کرد" over "X ... با همتای ژاپنی خود دیدار کرد"; the body's
            # named persons over the headline's "سران آلمان و آمریکا"
            if _named(event.parties) > _named(existing.parties):
                existing.parties = event.parties
        else:
            continue
        existing.reports.extend(event.reports)
        if existing.kind == "in_person" and event.kind != "in_person":
            existing.kind = event.kind
        existing.day = existing.day or event.day
        existing.place = existing.place or event.place
        return
    events.append(event)


def _named(parties: list[ResolvedParty]) -> int:
    return sum(1 for party in parties if party.name)


def _same_day(a: Event, b: Event) -> bool:
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
            if party.name and _same_side(party, unnamed) and (party.role_borrowed or not party.role):
                _take_title(party, unnamed)


def _keep_fullest(kept: list[ResolvedParty], other: list[ResolvedParty]) -> None:
    """The longest name of a party, and the text's title over one the knowledge base supplied."""
    for party in kept:
        for twin in other:
            if not party.same_as(twin):
                continue
            if twin.name and party.name and len(twin.name) > len(party.name):
                party.name = twin.name
            if party.role_borrowed and twin.role and not twin.role_borrowed:
                _take_title(party, twin)


def _without_called_off(events: list[Event], sentences: list[Sentence]) -> list[Event]:
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


def _share_text_titles(events: list[Event]) -> None:
    """A person the text titles once ("رئیس تشکیلات خودگردان" in the lead) keeps that title in the
    article's other meetings, where only the knowledge base gave one."""
    titled = [p for e in events for p in e.parties if p.name and p.role and not p.role_borrowed]
    for party in (p for e in events for p in e.parties if p.name and p.role_borrowed):
        twin = next((t for t in titled if t.same_as(party)), None)
        if twin is not None:
            _take_title(party, twin)


def _take_title(party: ResolvedParty, source: ResolvedParty) -> None:
    party.role, party.title_id = source.role, source.title_id
    party.role_from_knowledge = party.role_of_group = False


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


def _covers_states(big: list[ResolvedParty], small: list[ResolvedParty]) -> bool:
    """Like `_covers`, where a state `small` makes a side is a party of that state in `big`: "مذاکرات ایران
    و آمریکا" in one report, the two envoys who held them in another."""
    if not any(party.state for party in small):
        return False
    spare = list(big)
    for party in small:
        match = next(
            (p for p in spare if p.same_as(party) or (party.state and p.country == party.country)),
            None,
        )
        if match is None:
            return False
        spare.remove(match)
    return True


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


def _headline_of(a: Event, b: Event) -> bool:
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


def _without_composites(events: list[Event]) -> list[Event]:
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
