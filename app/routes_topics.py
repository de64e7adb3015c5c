"""Topics: the tree that `topic` parameters are matched against, in both languages, with counts."""

from fastapi import APIRouter

from app.deps import CatalogDep
from app.errors import ERROR_RESPONSES
from app.schemas_graph import TopicNode, TopicTree
from app.security import ReadAccess

router = APIRouter(
    tags=["topics"],
    dependencies=[ReadAccess],
    responses={code: ERROR_RESPONSES[code] for code in (401, 403)},
)


@router.get("/topics")
async def topics(catalog: CatalogDep) -> TopicTree:
    """The topic tree: each root with its subtopics, labels in English and Persian, and how many meetings
    are about each (counts are refreshed every CATALOG_TTL_SECONDS)."""
    nodes = {
        topic.id: TopicNode(
            id=topic.id,
            label_en=topic.label_en,
            label_fa=topic.label_fa,
            parent=topic.parent,
            meetings=topic.meetings,
        )
        for topic in catalog.topics
    }
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.parent) if node.parent else None
        if parent is None:
            roots.append(node)
        else:
            parent.children.append(node)
    return TopicTree(topics=roots)
