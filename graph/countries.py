"""Countries: the relations between two countries, by topic and over time.

The country list and name resolution come from the catalog (graph/catalog.py); a country's meetings
are `find_meetings` with a country filter.
"""

from typing import Any, LiteralString

from graph.catalog import Catalog
from graph.filters import ANCHOR_MATCH, Anchor, MeetingFilter, Sides, has_pair
from graph.reader import Reader


def _summary(start: LiteralString, sides: Sides) -> LiteralString:
    return (
        start
        + "\nWITH m WHERE "
        + has_pair(sides)
        + """
WITH collect(m) AS meetings
RETURN size(meetings) AS meetings,
    toString(reduce(acc = null, m IN meetings | CASE WHEN m.date IS NOT NULL AND (acc IS NULL OR m.date < acc)
        THEN m.date ELSE acc END)) AS first,
    toString(reduce(acc = null, m IN meetings | CASE WHEN m.date IS NOT NULL AND (acc IS NULL OR m.date > acc)
        THEN m.date ELSE acc END)) AS last,
    COLLECT {
        UNWIND meetings AS m MATCH (m)-[:ABOUT]->(t:Topic)
        WITH t, count(*) AS n
        RETURN t {.id, .label_en, .label_fa, .parent, meetings: n} AS topic ORDER BY n DESC, t.id
    } AS by_topic,
    COLLECT {
        UNWIND meetings AS m WITH m.date.year AS year, count(*) AS n WHERE year IS NOT NULL
        RETURN {year: year, meetings: n} AS year ORDER BY year.year
    } AS by_year,
    COLLECT {
        UNWIND meetings AS m WITH m.kind AS kind, count(*) AS n
        RETURN {kind: kind, meetings: n} AS kind ORDER BY kind.kind
    } AS by_kind
"""
    )


# Anchored on the country with fewer meetings (the catalog knows which).
RELATION_SUMMARY: dict[Anchor, LiteralString] = {
    anchor: _summary(ANCHOR_MATCH[anchor], Sides(countries=True, with_countries=True))
    for anchor in (Anchor.COUNTRY, Anchor.WITH_COUNTRY)
}


async def relation_summary(reader: Reader, catalog: Catalog, selection: MeetingFilter) -> dict[str, Any]:
    """How many meetings officials of `selection.countries` had with those of `with_countries` (within
    its dates, kind, status and topics), first and last, and counts by topic, year and kind."""
    countries, others = selection.countries or (), selection.with_countries or ()
    smaller = catalog.country_meetings(countries) <= catalog.country_meetings(others)
    anchor = Anchor.COUNTRY if smaller else Anchor.WITH_COUNTRY
    rows = await reader.read(RELATION_SUMMARY[anchor], **selection.parameters())
    return rows[0]
