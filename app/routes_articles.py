"""Articles: post one or many to the queue (202), then follow each by its status URL.

Posting stores the article and queues it in one transaction, so an accepted article survives a restart of
the API, the worker or Neo4j; the worker (`didar worker`) extracts it and writes its facts.
"""

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.deps import GraphDep
from app.errors import ERROR_RESPONSES, ApiError
from app.schemas import ArticleRef, Meeting
from app.security import ReadAccess, WriteAccess
from app.settings import get_settings
from graph.queue import enqueue, get_article, queue_counts
from ingest.model import Article
from worker.sources.base import storable_text

router = APIRouter(tags=["articles"], responses={422: ERROR_RESPONSES[422]})

# Beyond this the body is refused outright; up to it an article over max_article_chars is accepted and
# then marked failed by the worker with the reason, so the client can see why.
REFUSE_FACTOR = 10


class ArticleQueued(BaseModel):
    id: str
    status: Literal["queued", "known"] = Field(
        description="queued: new or changed, the worker will process it; known: stored with the same "
        "content already, left as it was"
    )
    status_url: str


class ArticlesQueued(BaseModel):
    articles: list[ArticleQueued]


class ArticleStatus(BaseModel):
    id: str
    status: Literal["queued", "processing", "done", "failed"]
    attempts: int = Field(description="How many times a worker took it")
    error: str | None = Field(None, description="Why it failed, or the last transient error")
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    extractor_version: str | None = None
    extractor_fingerprint: str | None = Field(None, description="A hash of the extractor's code and data")
    meeting_count: int | None = None
    queued_at: dt.datetime | None = None
    processed_at: dt.datetime | None = None
    lease_until: dt.datetime | None = Field(None, description="While processing: when the claim expires")
    worker: str | None = None
    copy_of: str | None = Field(
        None,
        description="The id of the stored article with the same title and text, whose meetings "
        "these are: this article is another source of it, not another report",
    )
    copies: list[ArticleRef] = Field(
        [], description="The other articles with this title and text (other URLs, outlets, files)"
    )
    meetings: list[Meeting] = Field(description="The meetings the graph holds from this article")


class QueueCounts(BaseModel):
    queued: int
    processing: int
    done: int
    failed: int


# A day with its month's length: Jalali below 1700 (Mehr to Bahman have 30 days, Esfand 29), else
# Gregorian (February 28). Leap days (Esfand 30, February 29) are taken but left out: no regex knows them.
_JALALI = (
    r"1[0-6][0-9]{2}-(?:0[1-6]-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[7-9]|1[01])-(?:0[1-9]|[12][0-9]|30)|12-(?:0[1-9]|[12][0-9]))"
)
_GREGORIAN = (
    r"(?:1[7-9]|2[0-9])[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
PUBLISHED = rf"^$|^(?:{_JALALI}|{_GREGORIAN})(?:T.*)?$"


def _what_the_route_checks(schema: dict[str, Any]) -> None:
    """A title or a text that is more than blanks; the day as the route reads it (Gregorian or Jalali, a
    timestamp's day, or empty for none). So a request the spec calls valid is not refused."""
    schema["anyOf"] = [
        {"properties": {"text": {"type": "string", "pattern": r"\S"}}},
        {"required": ["title"], "properties": {"title": {"type": "string", "pattern": r"\S"}}},
    ]
    schema["properties"]["published"] = {
        "anyOf": [{"type": "string", "pattern": PUBLISHED}, {"type": "null"}]
    }
    schema["properties"]["id"] = {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}


class PostedArticle(Article):
    """The contract's Article, as POST /articles documents it."""

    model_config = ConfigDict(json_schema_extra=_what_the_route_checks)

    @field_validator("id", mode="before")
    @classmethod
    def _an_id_is_text_or_a_number(cls, value: object) -> object:
        if isinstance(value, bool):  # an int to Python, not to JSON: the contract's numeric ids are numbers
            raise ValueError("an id is text or a whole number")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _a_day_is_text(cls, value: object) -> object:
        # Before the contract's own reading, which takes any empty value ({} too) for no day.
        if value is None or isinstance(value, str | dt.date):
            return value
        raise ValueError("a day is text, such as 2024-06-09 or 1403-03-20")


def _checked(article: Article) -> Article:
    if not article.text.strip() and not (article.title or "").strip():  # a headline alone is an article
        raise ApiError(422, "invalid_request", "invalid text: the article has neither title nor text")
    if len(article.text) > REFUSE_FACTOR * get_settings().max_article_chars:
        raise ApiError(413, "too_large", f"the article {article.key} is far over the size limit")
    return article.model_copy(update={"text": storable_text(article.text)})


@router.post(
    "/articles",
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[WriteAccess],  # the API key (app/security.py)
    responses={
        400: ERROR_RESPONSES[400],
        401: ERROR_RESPONSES[401],
        403: ERROR_RESPONSES[403],
        413: ERROR_RESPONSES[422] | {"description": "Far over the size limit"},
    },
)
def post_articles(
    graph: GraphDep,
    request: Request,
    response: Response,
    body: PostedArticle | Annotated[list[PostedArticle], Field(min_length=1)],
) -> ArticleQueued | ArticlesQueued:
    """Store and queue one article (or a list); each answer names the URL to follow its status at.
    Posting the same article again changes nothing; posting it with a changed text queues it again."""
    articles = [_checked(a) for a in (body if isinstance(body, list) else [body])]
    if not articles:
        raise ApiError(422, "invalid_request", "invalid body: the list of articles is empty")
    result = enqueue(graph, articles)
    queued = set(result.queued)
    answers = [
        ArticleQueued(
            id=a.key,
            status="queued" if a.key in queued else "known",
            status_url=f"{request.base_url}articles/{quote(a.key, safe='')}",  # an id may hold a "/"
        )
        for a in articles
    ]
    if isinstance(body, list):
        return ArticlesQueued(articles=answers)
    response.headers["Location"] = answers[0].status_url
    return answers[0]


@router.get("/articles/{article_id:path}", responses={404: ERROR_RESPONSES[404]}, dependencies=[ReadAccess])
def get_article_status(graph: GraphDep, article_id: str) -> ArticleStatus:
    """Where an article is in the queue: status, attempts, the error if any, and what was extracted."""
    return ArticleStatus.model_validate(get_article(graph, article_id))


@router.get("/queue", dependencies=[ReadAccess])
def get_queue(graph: GraphDep) -> QueueCounts:
    """How many articles are queued, being processed, done and failed."""
    return QueueCounts.model_validate(queue_counts(graph))
