"""The service itself: health (Neo4j and the ingest queue)."""

from fastapi import APIRouter, Request

from app.deps import RawGraphDep
from app.schemas import Health, Neo4jInfo, QueueInfo
from app.settings import Settings
from graph.queue import queue_health

router = APIRouter(tags=["service"])


@router.get("/health")
def health(graph: RawGraphDep, request: Request) -> Health:
    """200 when Neo4j answers (`degraded` when the queue is stuck), else 503 with the error body."""
    settings: Settings = request.app.state.settings
    neo4j = Neo4jInfo(**graph.ping())
    queue = queue_health(graph, stuck_seconds=settings.worker_stuck_seconds)
    problems = []
    if queue.stuck:
        last = (
            "no worker ever claimed"
            if queue.last_claim_seconds_ago is None
            else (f"the last claim was {queue.last_claim_seconds_ago} s ago")
        )
        problems.append(
            f"the queue is stuck: an article has waited {queue.oldest_waiting_seconds} s and {last}; "
            "is a worker running (`didar worker`)?"
        )
    return Health(
        status="degraded" if problems else "ok",
        problems=problems,
        neo4j=neo4j,
        queue=QueueInfo(
            oldest_waiting_seconds=queue.oldest_waiting_seconds,
            last_claim_seconds_ago=queue.last_claim_seconds_ago,
            worker_claimed_recently=queue.worker_claimed_recently,
        ),
    )
