"""Writes articles and what was extracted from them: one batch of articles per write transaction.

An extraction becomes flat rows (one list per node or relationship kind), each written with one
`UNWIND $rows AS row MERGE ...` statement on a key that has a uniqueness constraint. Writing an article
first removes the meetings only it reported, so a re-ingest (same or newer extractor) replaces the old
result instead of adding to it, and writing the same batch twice leaves the graph as it was.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from graph.driver import Graph
from graph.keys import (
    country_code,
    is_named,
    meeting_key,
    organization_key,
    person_keys,
    place_key,
    role_key,
    text_key,
)
from ingest.model import Article, Extraction, Meeting, Party

BATCH_SIZE = 100

Row = dict[str, Any]


@dataclass
class Rows:
    """The rows of one batch, deduplicated by key (the last article with a given id wins)."""

    articles: dict[str, Row] = field(default_factory=dict)
    countries: dict[str, Row] = field(default_factory=dict)
    organizations: dict[str, Row] = field(default_factory=dict)
    places: dict[str, Row] = field(default_factory=dict)
    roles: dict[str, Row] = field(default_factory=dict)
    persons: dict[str, Row] = field(default_factory=dict)
    meetings: dict[str, Row] = field(default_factory=dict)
    reports: dict[tuple[str, str], Row] = field(default_factory=dict)
    participations: dict[tuple[str, str], Row] = field(default_factory=dict)
    links: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def link(self, kind: str, source: str | None, target: str | None) -> None:
        if source and target:
            self.links.setdefault(kind, set()).add((source, target))

    def add_country(self, code: str | None, name_fa: str | None = None, name_en: str | None = None) -> None:
        if not code:
            return
        row = self.countries.setdefault(code, {"code": code, "name_fa": None, "name_en": None})
        row["name_fa"] = row["name_fa"] or name_fa
        row["name_en"] = row["name_en"] or name_en
        row["name_key"] = text_key(row["name_fa"]) or None


def article_row(article: Article, extraction: Extraction) -> Row:
    return {
        "id": article.key,
        "title": article.title,
        "text": article.text,
        "normalized_text": extraction.text,
        "url": article.url,
        "source": article.source,
        "published": article.published,
        "status": "failed" if extraction.error else "extracted",
        "error": extraction.error,
        "extractor_version": extraction.extractor_version,
        "meeting_count": len(extraction.meetings),
    }


def _add_party(rows: Rows, party: Party, person_id: str, meeting_id: str) -> None:
    code = country_code(party.country)
    org = organization_key(party)
    role = role_key(party)
    rows.add_country(code, party.country_fa, party.country_en)
    if org:
        rows.organizations[org] = {"id": org, "name": party.org, "name_en": party.org_en}
    if role:
        rows.roles[role] = {"id": role, "name": party.role, "name_en": party.role_en}
        if org:
            rows.link("role_of_organization", role, org)
        else:
            rows.link("role_of_country", role, code)
    rows.persons[person_id] = {
        "id": person_id,
        "name": party.name,
        "name_en": party.name_en,
        "name_key": text_key(party.name) or None,
        "name_source": party.name_source,
        "unnamed": not is_named(party),
    }
    rows.link("represents", person_id, code)
    rows.link("holds", person_id, role)
    rows.participations[(person_id, meeting_id)] = {
        "person": person_id,
        "meeting": meeting_id,
        "role": party.role,
        "role_en": party.role_en,
    }


def _add_meeting(rows: Rows, meeting: Meeting, article_id: str) -> str:
    meeting_id = meeting_key(meeting, article_id)
    if (meeting_id, article_id) in rows.reports:  # told twice in one article: the first telling wins
        return meeting_id
    rows.reports[(meeting_id, article_id)] = {
        "meeting": meeting_id,
        "article": article_id,
        "evidence": meeting.evidence,
        "start": meeting.evidence_span.start,
        "end": meeting.evidence_span.end,
    }
    place = place_key(meeting.place)
    venue = country_code(meeting.place.country) if meeting.place else None
    rows.add_country(venue)
    if place and meeting.place:
        rows.places[place] = {"id": place, "name": meeting.place.city, "name_en": meeting.place.city_en}
        rows.link("place_in", place, venue)
        rows.link("held_in_place", meeting_id, place)
    else:
        rows.link("held_in_country", meeting_id, venue)
    rows.meetings[meeting_id] = {
        "id": meeting_id,
        "date": meeting.date,
        "kind": meeting.kind,
        "status": meeting.status,
    }
    for topic in dict.fromkeys([*meeting.topics, *meeting.subtopics]):
        rows.link("about", meeting_id, topic)
    for party, person_id in zip(meeting.participants, person_keys(meeting, meeting_id), strict=True):
        _add_party(rows, party, person_id, meeting_id)
    return meeting_id


def build_rows(items: Iterable[tuple[Article, Extraction]]) -> Rows:
    """Flatten a batch of extractions into rows; pure, so it is tested without a database."""
    latest = {article.key: (article, extraction) for article, extraction in items}
    rows = Rows()
    for article_id, (article, extraction) in latest.items():
        rows.articles[article_id] = article_row(article, extraction)
        for meeting in extraction.meetings:
            _add_meeting(rows, meeting, article_id)
    return rows


def meeting_ids(article: Article, extraction: Extraction) -> list[str]:
    """The graph id of each meeting of an extraction, in its order."""
    return [meeting_key(meeting, article.key) for meeting in extraction.meetings]


# Meetings reported only by these articles go, with unnamed persons seen only in them.
FORGET_PREVIOUS_EXTRACTION: LiteralString = """
UNWIND $ids AS id
MATCH (:Article {id: id})<-[reported:REPORTED_IN]-(m:Meeting)
DELETE reported
WITH DISTINCT m
WHERE NOT (m)-[:REPORTED_IN]->()
OPTIONAL MATCH (unnamed:Person {unnamed: true})-[:PARTICIPATED_IN]->(m)
DETACH DELETE m
WITH DISTINCT unnamed
WHERE unnamed IS NOT NULL AND NOT (unnamed)-[:PARTICIPATED_IN]->()
DETACH DELETE unnamed
"""

MERGE_ARTICLES: LiteralString = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a.ingested_at = datetime()
SET a.title = row.title, a.text = row.text, a.normalized_text = row.normalized_text, a.url = row.url,
    a.source = row.source, a.published = row.published, a.status = row.status, a.error = row.error,
    a.extractor_version = row.extractor_version, a.meeting_count = row.meeting_count,
    a.updated_at = datetime()
"""

# Names fill in but are never erased: a later article may know only the code.
MERGE_COUNTRIES: LiteralString = """
UNWIND $rows AS row
MERGE (c:Country {code: row.code})
SET c.name_fa = coalesce(row.name_fa, c.name_fa), c.name_en = coalesce(row.name_en, c.name_en),
    c.name_key = coalesce(row.name_key, c.name_key)
"""

MERGE_ORGANIZATIONS: LiteralString = """
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = coalesce(row.name, o.name), o.name_en = coalesce(row.name_en, o.name_en)
"""

MERGE_PLACES: LiteralString = """
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p.name = coalesce(row.name, p.name), p.name_en = coalesce(row.name_en, p.name_en)
"""

MERGE_ROLES: LiteralString = """
UNWIND $rows AS row
MERGE (r:Role {id: row.id})
SET r.name = coalesce(row.name, r.name), r.name_en = coalesce(row.name_en, r.name_en)
"""

MERGE_PERSONS: LiteralString = """
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.name_en = coalesce(row.name_en, p.name_en), p.name_key = row.name_key,
    p.name_source = coalesce(row.name_source, p.name_source), p.unnamed = row.unnamed
"""

MERGE_MEETINGS: LiteralString = """
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
SET m.date = row.date, m.kind = row.kind, m.status = row.status
"""

MERGE_REPORTS: LiteralString = """
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meeting})
MATCH (a:Article {id: row.article})
MERGE (m)-[r:REPORTED_IN]->(a)
SET r.evidence = row.evidence, r.start = row.start, r.end = row.end
"""

MERGE_PARTICIPATIONS: LiteralString = """
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (m:Meeting {id: row.meeting})
MERGE (p)-[r:PARTICIPATED_IN]->(m)
SET r.role = row.role, r.role_en = row.role_en
"""

# One statement per relationship type: labels and types cannot be parameters.
LINKS: dict[str, LiteralString] = {
    "role_of_country": "UNWIND $rows AS row MATCH (s:Role {id: row[0]}) MATCH (t:Country {code: row[1]}) "
    "MERGE (s)-[:OF]->(t)",
    "role_of_organization": "UNWIND $rows AS row MATCH (s:Role {id: row[0]}) "
    "MATCH (t:Organization {id: row[1]}) MERGE (s)-[:OF]->(t)",
    "represents": "UNWIND $rows AS row MATCH (s:Person {id: row[0]}) MATCH (t:Country {code: row[1]}) "
    "MERGE (s)-[:REPRESENTS]->(t)",
    "holds": "UNWIND $rows AS row MATCH (s:Person {id: row[0]}) MATCH (t:Role {id: row[1]}) "
    "MERGE (s)-[:HOLDS]->(t)",
    "place_in": "UNWIND $rows AS row MATCH (s:Place {id: row[0]}) MATCH (t:Country {code: row[1]}) "
    "MERGE (s)-[:IN]->(t)",
    "held_in_place": "UNWIND $rows AS row MATCH (s:Meeting {id: row[0]}) MATCH (t:Place {id: row[1]}) "
    "MERGE (s)-[:HELD_IN]->(t)",
    "held_in_country": "UNWIND $rows AS row MATCH (s:Meeting {id: row[0]}) "
    "MATCH (t:Country {code: row[1]}) MERGE (s)-[:HELD_IN]->(t)",
    # Topics are a controlled vocabulary seeded by graph.schema: an id outside the tree is not linked.
    "about": "UNWIND $rows AS row MATCH (s:Meeting {id: row[0]}) MATCH (t:Topic {id: row[1]}) "
    "MERGE (s)-[:ABOUT]->(t)",
}


def _write_rows(tx: ManagedTransaction, rows: Rows) -> None:
    tx.run(FORGET_PREVIOUS_EXTRACTION, ids=list(rows.articles)).consume()
    for statement, values in (
        (MERGE_ARTICLES, rows.articles.values()),
        (MERGE_COUNTRIES, rows.countries.values()),
        (MERGE_ORGANIZATIONS, rows.organizations.values()),
        (MERGE_PLACES, rows.places.values()),
        (MERGE_ROLES, rows.roles.values()),
        (MERGE_PERSONS, rows.persons.values()),
        (MERGE_MEETINGS, rows.meetings.values()),
        (MERGE_REPORTS, rows.reports.values()),
        (MERGE_PARTICIPATIONS, rows.participations.values()),
    ):
        if values:
            tx.run(statement, rows=list(values)).consume()
    for kind, pairs in rows.links.items():
        tx.run(LINKS[kind], rows=[list(pair) for pair in sorted(pairs)]).consume()


@dataclass(frozen=True)
class WriteSummary:
    articles: int
    meetings: int


def write_extractions(graph: Graph, items: Iterable[tuple[Article, Extraction]]) -> WriteSummary:
    """Write one batch (callers chunk by BATCH_SIZE) of articles with their extractions in one transaction."""
    rows = build_rows(items)
    if rows.articles:
        graph.write(lambda tx: _write_rows(tx, rows))
    return WriteSummary(articles=len(rows.articles), meetings=len(rows.meetings))
