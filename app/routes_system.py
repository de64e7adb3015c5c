"""The service itself: health."""

from fastapi import APIRouter

from app.deps import RawGraphDep
from app.schemas import Health, Neo4jInfo

router = APIRouter(tags=["service"])


@router.get("/health")
def health(graph: RawGraphDep) -> Health:
    """200 when Neo4j answers, else 503 with the error body."""
    return Health(status="ok", neo4j=Neo4jInfo(**graph.ping()))
