"""The service itself: health and the topic tree."""

from fastapi import APIRouter

from app.deps import GraphDep, RawGraphDep
from app.schemas import Health, Neo4jInfo, Topic
from graph.topics import list_topics

router = APIRouter(tags=["service"])


@router.get("/health")
def health(graph: RawGraphDep) -> Health:
    """200 when Neo4j answers, else 503 with the error body."""
    return Health(status="ok", neo4j=Neo4jInfo(**graph.ping()))


@router.get("/topics")
def topics(graph: GraphDep) -> list[Topic]:
    """The topic tree that `topic` parameters are matched against."""
    return [
        Topic(id=t.id, label_en=t.label_en, label_fa=t.label_fa, parent=t.parent) for t in list_topics(graph)
    ]
