"""Every API read carries a Neo4j transaction timeout, and a read that runs past it is stopped."""

import asyncio

import pytest

from app.settings import Settings
from graph.reader import QueryTimedOut, open_reader

ENDLESS = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n"


def test_a_read_past_the_timeout_is_stopped(neo4j_settings: Settings) -> None:
    settings = neo4j_settings.model_copy(update={"query_timeout_seconds": 0.5})

    async def run() -> None:
        reader = open_reader(settings.neo4j)
        try:
            with pytest.raises(QueryTimedOut):
                await reader.read(ENDLESS)
            assert (await reader.read("RETURN 1 AS one")) == [{"one": 1}]  # the reader is still fine
        finally:
            await reader.close()

    asyncio.run(run())
