"""Articles: post one, have it extracted and written at once."""

import logging

from fastapi import APIRouter, status

from app.deps import GraphDep
from app.errors import ERROR_RESPONSES, ApiError
from app.schemas import ArticleIngested, ExtractedMeeting
from graph.articles import meeting_ids, write_extractions
from ingest.model import Article
from ingest.pipeline import extract

log = logging.getLogger(__name__)

router = APIRouter(tags=["articles"], responses={422: ERROR_RESPONSES[422]})


@router.post("/articles", status_code=status.HTTP_201_CREATED)
def post_article(graph: GraphDep, article: Article) -> ArticleIngested:
    """Extract the meetings an article reports and write both; posting it again replaces the result."""
    if not article.text.strip():
        raise ApiError(422, "invalid_request", "invalid text: the article text is empty")
    try:
        extraction = extract(article)
    except Exception as error:  # the extractor's bug, not the client's: say so instead of a bare 500
        log.exception("extraction failed for article %s", article.key)
        raise ApiError(
            500,
            "extraction_failed",
            f"the extractor failed on this article ({type(error).__name__}); it is logged",
        ) from error
    write_extractions(graph, [(article, extraction)])
    meetings = [
        ExtractedMeeting(id=meeting_id, **meeting.model_dump())
        for meeting_id, meeting in zip(meeting_ids(article, extraction), extraction.meetings, strict=True)
    ]
    return ArticleIngested(
        id=article.key,
        status="failed" if extraction.error else "extracted",
        extractor_version=extraction.extractor_version,
        error=extraction.error,
        meetings=meetings,
    )
