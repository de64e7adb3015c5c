"""Browser captions: each meeting keeps its topics' Persian labels in `topic_labels`, so the Browser style
(graph/browser/style.grass) can caption a meeting by date and topic; a GraSS caption reads only a node's
own properties. The writer refreshes them in each batch's transaction for the meetings it wrote or that lost
a report (graph/derived.py).
"""

from typing import LiteralString

from neo4j import ManagedTransaction

REFRESH_CAPTIONS: LiteralString = """
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
WITH m, COLLECT { MATCH (m)-[:ABOUT]->(t:Topic) RETURN t.label_fa ORDER BY t.id } AS labels
// An unchanged SET still costs a write.
WITH m, labels WHERE m.topic_labels IS NULL OR m.topic_labels <> labels
SET m.topic_labels = labels
"""


def refresh_captions(tx: ManagedTransaction, meeting_ids: list[str]) -> None:
    """Set `topic_labels` on these meetings (inside the writer's transaction)."""
    tx.run(REFRESH_CAPTIONS, ids=meeting_ids).consume()
