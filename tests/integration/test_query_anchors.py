"""Every anchor the planner may start a list from gives the same pages, and the catalog counts it uses."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from app.settings import Settings
from graph import meetings
from graph.catalog import Catalog, load_catalog
from graph.driver import Graph
from graph.filters import After, Anchor, MeetingFilter
from graph.keys import named_person_key
from graph.reader import Reader, open_reader
from tests.integration.meetings_data import ARAGHCHI, write_week

CAUCASUS = ("caucasus", "karabakh", "zangezur", "format-3-3")

ARAGHCHI_ID = named_person_key(ARAGHCHI)

CASES = {
    "person": (MeetingFilter(persons=(ARAGHCHI_ID,)), [Anchor.PERSON, Anchor.DATE]),
    "topic": (MeetingFilter(topics=CAUCASUS), [Anchor.TOPIC, Anchor.DATE]),
    "country": (MeetingFilter(countries=("IR",)), [Anchor.COUNTRY, Anchor.DATE]),
    "both sides": (
        MeetingFilter(countries=("IR",), with_countries=("RU",)),
        [Anchor.COUNTRY, Anchor.WITH_COUNTRY, Anchor.DATE],
    ),
    "topic and country": (
        MeetingFilter(topics=CAUCASUS, countries=("RU",), kind="in_person"),
        [Anchor.TOPIC, Anchor.COUNTRY, Anchor.DATE],
    ),
}


def _with_reader(settings: Settings, work: Callable[[Reader, Catalog], Awaitable[Any]]) -> Any:
    async def run() -> Any:
        reader = open_reader(settings.neo4j)
        try:
            return await work(reader, await load_catalog(reader))
        finally:
            await reader.close()

    return asyncio.run(run())


async def _walk(
    reader: Reader, catalog: Catalog, find: Any, selection: MeetingFilter, limit: int
) -> list[Any]:
    items: list[Any] = []
    after: After | None = None
    while True:
        page = await find(reader, catalog, selection, limit=limit, after=after)
        items += page.items
        if page.after is None:
            return items
        after = page.after


@pytest.mark.parametrize("case", CASES)
def test_every_anchor_gives_the_same_pages(
    case: str, graph: Graph, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_week(graph)
    selection, anchors = CASES[case]

    def walked(anchor: Anchor) -> Any:
        monkeypatch.setattr(meetings, "choose_anchor", lambda *_: anchor)

        async def work(reader: Reader, catalog: Catalog) -> Any:
            pairs = await _walk(reader, catalog, meetings.find_who_met_whom, selection, 2)
            found = await _walk(reader, catalog, meetings.find_meetings, selection, 1)
            return pairs, found

        return _with_reader(neo4j_settings, work)

    results = {anchor: walked(anchor) for anchor in anchors}
    first = results[anchors[0]]
    assert first[0] and first[1]
    for anchor in anchors[1:]:
        assert results[anchor] == first, anchor


def test_the_catalog_counts_meetings_by_topic_and_country(graph: Graph, neo4j_settings: Settings) -> None:
    write_week(graph)

    async def work(reader: Reader, catalog: Catalog) -> Catalog:
        return catalog

    catalog: Catalog = _with_reader(neo4j_settings, work)

    assert catalog.meetings == 6
    assert catalog.topic_meetings(["caucasus"]) == 3
    assert catalog.country_meetings(["RU"]) == 3
    assert catalog.resolve_country("جمهوری آذربایجان") == "AZ"
    assert catalog.resolve_country("امارات") == "AE"  # an alias from the lexicon, with no meeting yet
