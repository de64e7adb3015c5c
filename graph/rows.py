"""Flattens a batch of extractions into rows, one list per node or relationship kind; pure, no database.

Identity is decided by a `Resolver` (graph/resolution.py asks the graph; `SurfaceResolver` here takes
each mention at its word), so the same code builds the rows of a batch however its persons and meetings
resolve. Every fact an article contributes carries that article's id (`sources` on the relationship), so
re-processing the article can later remove exactly what it added and nothing other articles support.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from graph.keys import (
    compared,
    country_code,
    descriptor,
    is_named,
    latin_key,
    meeting_key_of,
    name_key,
    named_person_key,
    office_of,
    organization_key,
    parties_key,
    place_key,
    role_key,
    spelling_key,
    text_key,
    unnamed_person_key,
)
from graph.lexicons import country_names
from ingest.model import Article, Extraction, Meeting, Party

Row = dict[str, Any]
# An unnamed party that a report's meeting names (graph/meeting_identity.py): no identity rule to keep.
SAME_MEETING = "same_meeting"


@dataclass(frozen=True)
class NameForms:
    """The comparison forms of a name, its hamza seats folded (graph/keys.py `compared`): `folded` is the
    key so folded (what person search reads), `compact` ignores spaces and ZWNJ, `suffixes` are the
    compact forms of its last 1..n words (a surname-only mention is one of them), `spelling` is what the
    transliterations of a foreign name share (graph/keys.py `spelling_key`; None for other names)."""

    key: str
    folded: str
    compact: str
    surname: str
    tail: str
    suffixes: tuple[str, ...]
    spelling: str | None = None


def name_forms(key: str) -> NameForms:
    folded = compared(key)
    words = folded.split()
    suffixes = tuple("".join(words[i:]) for i in range(len(words)))
    return NameForms(key, folded, "".join(words), words[-1], "".join(words[-2:]), suffixes, spelling_key(key))


@dataclass(frozen=True)
class Mention:
    """One party of one reported meeting, with the keys resolution compares."""

    party: Party
    surface: str  # named: its name+country key; unnamed: "unnamed:" + what the text says of it
    said: str
    role_id: str | None
    office: str | None  # the office its title stands for, whatever the wording (graph/keys.py)
    country: str | None
    org_id: str | None
    names: NameForms | None  # None for an unnamed party
    english: str | None = None  # the knowledge base's name of the officeholder it recognised

    @property
    def named(self) -> bool:
        return self.names is not None


@dataclass(frozen=True)
class Report:
    """One meeting as one article tells it."""

    article_id: str
    index: int  # the meeting's place in its extraction
    published: date | None
    meeting: Meeting
    mentions: tuple[Mention, ...]

    @property
    def when(self) -> date | None:
        """The date to compare reports by: the meeting's, else (approximately) the article's."""
        return self.meeting.date or self.published


def mention_of(party: Party) -> Mention:
    named = is_named(party)
    key = name_key(party.name) or name_key(party.name_en)
    return Mention(
        party=party,
        surface=named_person_key(party) if named else f"unnamed:{descriptor(party)}",
        said=descriptor(party),
        role_id=role_key(party),
        office=office_of(party),
        country=country_code(party.country),
        org_id=organization_key(party),
        names=name_forms(key) if named else None,
        english=party.name_en or None,
    )


def reports_of(items: Iterable[tuple[Article, Extraction]]) -> list[Report]:
    """Every meeting of every extraction (the last article with a given id wins), in a fixed order
    whatever order the batch came in: dated ones first, then by article id."""
    latest = dict(sorted({article.key: (article, extraction) for article, extraction in items}.items()))
    reports = [
        Report(
            article.key, index, article.published, meeting, tuple(mention_of(p) for p in meeting.participants)
        )
        for article, extraction in latest.values()
        for index, meeting in enumerate(extraction.meetings)
    ]
    return sorted(reports, key=lambda report: report.meeting.date is None)


@dataclass(frozen=True)
class Decision:
    """Who or which meeting a mention or report is; `rule` says why when it is not its own key, and
    `correction` names the analyst's correction that decided it (graph/corrections.py)."""

    id: str
    rule: str | None = None
    detail: str | None = None
    correction: str | None = None


class Resolver(Protocol):
    def person(self, report: Report, index: int) -> Decision | None:
        """The person a report's mention is; None leaves an unnamed party an unnamed node of its meeting."""

    def meeting(self, report: Report, parties: list[str]) -> Decision:
        """The meeting a report is, given its parties' keys (persons' ids, or unnamed descriptors)."""


class SurfaceResolver:
    """Every mention is what it says: no cross-article resolution (the pure default, for unit tests)."""

    def person(self, report: Report, index: int) -> Decision | None:
        mention = report.mentions[index]
        return Decision(mention.surface) if mention.named else None

    def meeting(self, report: Report, parties: list[str]) -> Decision:
        meeting = report.meeting
        when = meeting.date.isoformat() if meeting.date else f"article:{report.article_id}"
        return Decision(meeting_key_of(parties, meeting.kind, meeting.status, when))


@dataclass
class Rows:
    """The rows of one batch, deduplicated by key; `links` and `sources` name the supporting articles."""

    articles: dict[str, Row] = field(default_factory=dict)
    countries: dict[str, Row] = field(default_factory=dict)
    organizations: dict[str, Row] = field(default_factory=dict)
    places: dict[str, Row] = field(default_factory=dict)
    roles: dict[str, Row] = field(default_factory=dict)
    persons: dict[str, Row] = field(default_factory=dict)
    meetings: dict[str, Row] = field(default_factory=dict)
    reports: dict[tuple[str, str], Row] = field(default_factory=dict)
    participations: dict[tuple[str, str], Row] = field(default_factory=dict)
    links: dict[str, dict[tuple[str, str], set[str]]] = field(default_factory=dict)
    merges: dict[str, Row] = field(default_factory=dict)
    corrections: dict[str, set[str]] = field(default_factory=dict)  # correction -> the articles using it
    tenures: dict[tuple[str, str], tuple[date, date]] = field(default_factory=dict)  # dated, named holders
    meeting_ids: dict[str, list[str]] = field(default_factory=dict)  # per article, in its order

    def link(self, kind: str, source: str | None, target: str | None, article: str) -> None:
        if source and target:
            self.links.setdefault(kind, {}).setdefault((source, target), set()).add(article)

    def add_country(self, code: str | None, name_fa: str | None = None, name_en: str | None = None) -> None:
        if not code:
            return
        row = self.countries.setdefault(code, {"code": code, "name_fa": None, "name_en": None})
        if not (name_fa and name_en):  # a country known only as a meeting's venue, or from gold
            known_fa, known_en = country_names(code)
            name_fa, name_en = name_fa or known_fa, name_en or known_en
        row["name_fa"] = row["name_fa"] or name_fa
        row["name_en"] = row["name_en"] or name_en
        row["name_key"] = text_key(row["name_fa"]) or None

    def link_rows(self, kind: str) -> list[list[Any]]:
        return [[s, t, sorted(articles)] for (s, t), articles in self.links.get(kind, {}).items()]

    def seen_in_role(self, person: str, role: str, day: date) -> None:
        first, last = self.tenures.get((person, role), (day, day))
        self.tenures[(person, role)] = (min(first, day), max(last, day))

    def holds_rows(self) -> list[list[Any]]:
        """HOLDS rows: person, role, supporting articles, first and last day seen in the role (or None)."""
        return [
            [s, t, sorted(articles), *self.tenures.get((s, t), (None, None))]
            for (s, t), articles in self.links.get("holds", {}).items()
        ]


def article_row(article: Article, extraction: Extraction) -> Row:
    return {
        "id": article.key,
        "normalized_text": extraction.text,
        "status": "failed" if extraction.error else "done",
        "error": extraction.error,
        "extractor_version": extraction.extractor_version,
        "extractor_fingerprint": extraction.extractor_fingerprint,
        "meeting_count": len(extraction.meetings),
    }


def _person_row(rows: Rows, person_id: str, mention: Mention) -> None:
    party = mention.party
    names = mention.names
    row: Row = {
        "id": person_id,
        "name": party.name if names else None,
        "name_en": party.name_en,
        "latin_key": latin_key(party.name_en) or None,
        "name_key": names.key if names else None,
        "search_key": names.folded if names else None,
        "compact_key": names.compact if names else None,
        "surname_key": names.surname if names else None,
        "tail_key": names.tail if names else None,
        "spelling_key": names.spelling if names else None,
        "name_source": party.name_source,
        "unnamed": names is None,
    }
    previous = rows.persons.get(person_id)
    if previous is not None:
        # Two mentions of one person in a batch: the fullest name wins and the English name of either
        # stays, as MERGE_PERSONS does across batches (graph/articles.py).
        fuller = len(row["compact_key"] or "") > len(previous["compact_key"] or "")
        kept = row if fuller else previous
        kept["name_en"] = previous["name_en"] or row["name_en"]
        kept["latin_key"] = previous["latin_key"] or row["latin_key"]
        if "text" in (previous["name_source"], row["name_source"]):
            kept["name_source"] = "text"
        row = kept
    rows.persons[person_id] = row


def _add_party(
    rows: Rows, mention: Mention, decision: Decision, meeting_id: str, article_id: str, day: date | None
) -> None:
    party, person_id, code, org, role = (
        mention.party,
        decision.id,
        mention.country,
        mention.org_id,
        mention.role_id,
    )
    rows.add_country(code, party.country_fa, party.country_en)
    if org:
        rows.organizations[org] = {"id": org, "name": party.org, "name_en": party.org_en}
    if role:
        rows.roles[role] = {"id": role, "name": party.role, "name_en": party.role_en}
        rows.link("role_of_organization" if org else "role_of_country", role, org or code, article_id)
    if decision.rule is None or mention.named:  # a linked unnamed party adds nothing to the person's name
        _person_row(rows, person_id, mention)
    rows.link("represents", person_id, code, article_id)
    rows.link("holds", person_id, role, article_id)
    if role and mention.named and day:
        rows.seen_in_role(person_id, role, day)
    taking_part = rows.participations.setdefault(
        (person_id, meeting_id), {"person": person_id, "meeting": meeting_id, "sources": []}
    )
    taking_part.update(
        role=party.role,
        role_en=party.role_en,
        role_id=role,
        name=party.name if mention.named else None,
        name_en=party.name_en if mention.named else None,
        name_key=mention.names.key if mention.names else None,
        person_key=mention.surface,
        rule=decision.rule,
    )
    taking_part["sources"] = sorted({*taking_part["sources"], article_id})
    if decision.correction:
        rows.corrections.setdefault(decision.correction, set()).add(article_id)
    elif decision.rule and decision.rule != SAME_MEETING:
        rows.merges[mention.surface] = {
            "key": mention.surface,
            "person": person_id,
            "name": party.name or party.role,
            "rule": decision.rule,
            "detail": decision.detail,
            "sources": sorted({*rows.merges.get(mention.surface, {}).get("sources", []), article_id}),
        }


def _add_report(rows: Rows, report: Report, resolver: Resolver) -> None:
    meeting, article_id = report.meeting, report.article_id
    people = [resolver.person(report, index) for index in range(len(report.mentions))]
    parties = [
        decision.id if decision else mention.surface
        for mention, decision in zip(report.mentions, people, strict=True)
    ]
    found = resolver.meeting(report, parties)
    people = [resolver.person(report, index) for index in range(len(report.mentions))]  # it may name some
    meeting_id = found.id
    rows.meeting_ids[article_id][report.index] = meeting_id
    if (meeting_id, article_id) in rows.reports:  # told twice in one article: the first telling wins
        return
    rows.reports[(meeting_id, article_id)] = {
        "meeting": meeting_id,
        "article": article_id,
        "evidence": meeting.evidence,
        "start": meeting.evidence_span.start,
        "end": meeting.evidence_span.end,
        "rule": found.rule,
        "status": meeting.status,
    }
    place = place_key(meeting.place)
    venue = country_code(meeting.place.country) if meeting.place else None
    rows.add_country(venue)
    if place and meeting.place:
        rows.places[place] = {"id": place, "name": meeting.place.city, "name_en": meeting.place.city_en}
        rows.link("place_in", place, venue, article_id)
        rows.link("held_in_place", meeting_id, place, article_id)
    else:
        rows.link("held_in_country", meeting_id, venue, article_id)
    previous = rows.meetings.get(meeting_id, {})
    rows.meetings[meeting_id] = {
        "id": meeting_id,
        "date": meeting.date or previous.get("date"),
        "approx_date": report.when or previous.get("approx_date"),
        "kind": meeting.kind,
        "status": meeting.status,
        "parties_key": parties_key(parties, meeting.kind, meeting.status),
    }
    for topic in dict.fromkeys([*meeting.topics, *meeting.subtopics]):
        rows.link("about", meeting_id, topic, article_id)
    look_alikes: dict[str, int] = {}
    for mention, decision in zip(report.mentions, people, strict=True):
        if decision is None:
            look_alikes[mention.said] = look_alikes.get(mention.said, 0) + 1
            decision = Decision(unnamed_person_key(mention.said, meeting_id, look_alikes[mention.said]))
        _add_party(rows, mention, decision, meeting_id, article_id, meeting.date)


def build_rows(
    items: Iterable[tuple[Article, Extraction]], resolve: Callable[[list[Report]], Resolver] | None = None
) -> Rows:
    """Flatten a batch of extractions into rows; pure given the resolver, so tested without a database.
    `resolve` builds the resolver from all the batch's reports (it looks their candidates up at once)."""
    items = list(items)
    rows = Rows()
    for article, extraction in items:
        rows.articles[article.key] = article_row(article, extraction)
        rows.meeting_ids[article.key] = [""] * len(extraction.meetings)
    reports = reports_of(items)
    resolver = resolve(reports) if resolve else SurfaceResolver()
    for report in reports:
        _add_report(rows, report, resolver)
    return rows
