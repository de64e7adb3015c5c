"""The catalog: the topic tree and the countries, with their meeting counts, read once and kept a while.

Every filtered request names topics and countries, and the query planner (graph/filters.py) wants to
know how many meetings each one has; reading them per request would double the round trips. The catalog
is small (tens of topics, at most a few hundred countries), so each API process keeps one copy and
refreshes it in the background after `ttl` seconds: counts may lag that long behind ingestion. Country
names resolve through the country lexicon (ingest/data/countries.tsv) as well, so a country is found by
any of its names before its first meeting is written.
"""

import asyncio
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import LiteralString

from graph import lexicons
from graph.errors import NotFound
from graph.keys import text_key
from graph.reader import Reader
from graph.topics import Topic, match_topic, with_subtopics

_ISO_CODE = re.compile(r"[A-Za-z]{2}")


@dataclass(frozen=True)
class Country:
    code: str
    name_fa: str | None
    name_en: str | None
    persons: int = 0
    meetings: int = 0


@dataclass(frozen=True)
class Catalog:
    topics: tuple[Topic, ...] = ()
    countries: tuple[Country, ...] = ()
    meetings: int = 0  # all meetings in the graph
    loaded_at: float = field(default=0.0, compare=False)

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)

    def country(self, code: str) -> Country | None:
        return next((country for country in self.countries if country.code == code), None)

    def resolve_topic(self, term: str) -> list[str]:
        """The ids (subtopics included) a term names: id, English or Persian label; NotFound if none."""
        matched = match_topic(self.topics, term)
        if not matched:
            raise NotFound("topic", term)
        return with_subtopics(self.topics, matched)

    def resolve_country(self, term: str) -> str:
        """The code a term names: an ISO code the lexicon or the graph knows (even one with no meeting
        yet), or an English or Persian name or alias from either; NotFound if none (`ZZ` too)."""
        term = term.strip()
        if _ISO_CODE.fullmatch(term):
            if term.upper() in _lexicon_codes().values() or self.country(term.upper()) is not None:
                return term.upper()
            raise NotFound("country", term)
        key = text_key(term)
        known = {text_key(c.name_fa): c.code for c in self.countries if c.name_fa}
        known |= {text_key(c.name_en): c.code for c in self.countries if c.name_en}
        code = _lexicon_codes().get(key) or known.get(key)
        if code is None:
            raise NotFound("country", term)
        return code

    def topic_meetings(self, ids: Sequence[str]) -> int:
        """An upper bound on the meetings about any of these topics."""
        return sum(topic.meetings for topic in self.topics if topic.id in ids)

    def country_meetings(self, codes: Sequence[str]) -> int:
        return sum(country.meetings for country in self.countries if country.code in codes)


@cache
def resolve_organization(term: str) -> str:
    """The id of the organisation a term names: its id (`eu`), English or Persian name or alias in
    ingest/data/organizations.tsv; NotFound if none."""
    key = text_key(term)
    found = _organization_ids().get(key) or _organization_ids().get(term.strip().casefold())
    if found is None:
        raise NotFound("organization", term)
    return found


@cache
def _organization_ids() -> dict[str, str]:
    ids: dict[str, str] = {}
    for row in lexicons.rows("organizations"):
        ids.setdefault(row["id"].casefold(), row["id"])
        for name in (row["name_en"], row["name_fa"], *row.get("aliases_fa", "").split("|")):
            if key := text_key(name):
                ids.setdefault(key, row["id"])
    return ids


def _lexicon_codes() -> dict[str, str]:
    """Every name and alias of ingest/data/countries.tsv, as comparison keys, to its code."""
    codes: dict[str, str] = {}
    for row in lexicons.rows("countries"):
        for name in (row["name_en"], row["name_fa"], *row.get("aliases_fa", "").split("|")):
            if key := text_key(name):
                codes.setdefault(key, row["code"].upper())
    return codes


TOPICS_WITH_COUNTS: LiteralString = """
MATCH (t:Topic)
RETURN t.id AS id, t.label_en AS label_en, t.label_fa AS label_fa, t.parent AS parent,
       COUNT { (t)<-[:ABOUT]-() } AS meetings
ORDER BY id
"""

# A meeting counts once for its country however many of its officials took part.
COUNTRIES_WITH_COUNTS: LiteralString = """
MATCH (c:Country)
RETURN c.code AS code, c.name_fa AS name_fa, c.name_en AS name_en,
       COUNT { (c)<-[:REPRESENTS]-() } AS persons,
       COUNT {
           MATCH (c)<-[:REPRESENTS]-(:Person)-[:PARTICIPATED_IN]->(m:Meeting) RETURN DISTINCT m
       } AS meetings
ORDER BY code
"""

COUNT_MEETINGS: LiteralString = "MATCH (m:Meeting) RETURN count(m) AS meetings"


async def load_catalog(reader: Reader) -> Catalog:
    """Read the topic tree and the countries with their counts (three short reads)."""
    topics = await reader.read(TOPICS_WITH_COUNTS)
    countries = await reader.read(COUNTRIES_WITH_COUNTS)
    total = await reader.read(COUNT_MEETINGS)
    return Catalog(
        topics=tuple(Topic(**row) for row in topics),
        countries=tuple(Country(**row) for row in countries),
        meetings=total[0]["meetings"],
        loaded_at=time.monotonic(),
    )


class CatalogCache:
    """One catalog per process: read on first use, then refreshed in the background once older than
    `ttl` seconds while requests go on with the previous one. With `ttl` 0 every request reads it."""

    def __init__(self, reader: Reader, ttl: float) -> None:
        self.reader = reader
        self.ttl = ttl
        self._catalog: Catalog | None = None
        self._lock = asyncio.Lock()
        self._refresh: asyncio.Task[None] | None = None

    async def get(self) -> Catalog:
        catalog = self._catalog
        if catalog is None or self.ttl <= 0:
            async with self._lock:
                if self._catalog is None or self.ttl <= 0:
                    self._catalog = await load_catalog(self.reader)
                return self._catalog
        if time.monotonic() - catalog.loaded_at > self.ttl and self._refresh is None:
            self._refresh = asyncio.create_task(self._reload())
        return catalog

    async def _reload(self) -> None:
        try:
            self._catalog = await load_catalog(self.reader)
        except Exception:  # the next request tries again; meanwhile the old catalog serves
            if self._catalog is not None:
                self._catalog = replace(self._catalog, loaded_at=time.monotonic())
        finally:
            self._refresh = None
