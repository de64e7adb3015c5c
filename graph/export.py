"""Exports: the graph, or the part of it a filter selects, read in short chunks for streaming.

Each chunk is one page of `find_meetings` (its own short read transaction, continued with the keyset
cursor), so exporting the whole graph never holds one transaction open, and the client starts receiving
before the last chunk is read. Formatting (JSON lines, GraphML, CSV) is app/exports.py's.
"""

from collections.abc import AsyncIterator
from typing import Any

from graph.catalog import Catalog
from graph.filters import After, MeetingFilter
from graph.meetings import find_meetings
from graph.reader import Reader

CHUNK = 200
EVIDENCE = 50  # reports of one meeting an export carries


async def meeting_chunks(
    reader: Reader, catalog: Catalog, selection: MeetingFilter, *, max_meetings: int, chunk: int = CHUNK
) -> AsyncIterator[list[dict[str, Any]]]:
    """The selected meetings (participants, place, topics, evidence), newest first, chunk by chunk,
    at most `max_meetings` in all."""
    after: After | None = None
    sent = 0
    while sent < max_meetings:
        page = await find_meetings(
            reader, catalog, selection, limit=min(chunk, max_meetings - sent), after=after, evidence=EVIDENCE
        )
        if page.items:
            yield page.items
        sent += len(page.items)
        if page.after is None:
            return
        after = page.after
