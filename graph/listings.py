"""Meeting listings: what a list of meetings shows of each one that only its own writes can change,
kept on the meeting as one JSON string (`listing`), so a page of who-met-whom reads one property per
meeting instead of walking its reports, their articles and its topics for every request.

A listing holds the number of reports, the LIST_EVIDENCE latest of them (sentence, offsets, article) and
the ids of the meeting's topics. All of it changes only when an article reporting the meeting is written
or forgotten (graph/articles.py refreshes the listings of exactly those meetings in the same
transaction), so it is never stale. What other writes change stays live in the read: persons' names and
countries, places, and the topics' labels (from the catalog, read from the topic tree itself).
"""

import json
from typing import Any, LiteralString

from neo4j import ManagedTransaction

LIST_EVIDENCE = 5  # reports shown per meeting in lists; the meeting itself shows them all

# Newest report first, as graph/meetings.py's EVIDENCE orders them.
LISTING_PARTS: LiteralString = """
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN m.id AS id, m.listing AS listing,
    COUNT { (m)-[:REPORTED_IN]->() } AS reports,
    COLLECT { MATCH (m)-[:ABOUT]->(t:Topic) RETURN t.id AS topic ORDER BY topic } AS topics,
    COLLECT {
        MATCH (m)-[r:REPORTED_IN]->(article:Article)
        RETURN {sentence: r.evidence, start: r.start, end: r.end,
                article: article {.id, .title, .url, .source, published: toString(article.published)}} AS item
        ORDER BY article.published IS NULL, article.published DESC, article.id
        LIMIT $evidence
    } AS evidence
"""

# An unchanged SET still costs a write: only listings that differ are written.
SET_LISTINGS: LiteralString = """
UNWIND $rows AS row
MATCH (m:Meeting {id: row.id})
SET m.listing = row.listing
"""


def listing_json(reports: int, topics: list[str], evidence: list[dict[str, Any]]) -> str:
    return json.dumps(
        {"reports": reports, "topics": topics, "evidence": evidence}, ensure_ascii=False, sort_keys=True
    )


def refresh_listings(tx: ManagedTransaction, meeting_ids: list[str]) -> None:
    """Recompute the listings of these meetings (inside the writer's transaction); ids of meetings that
    no longer exist are skipped."""
    if not meeting_ids:
        return
    changed = []
    for row in tx.run(LISTING_PARTS, ids=meeting_ids, evidence=LIST_EVIDENCE):
        listing = listing_json(row["reports"], row["topics"], row["evidence"])
        if listing != row["listing"]:
            changed.append({"id": row["id"], "listing": listing})
    if changed:
        tx.run(SET_LISTINGS, rows=changed).consume()
