"""The API's response models: errors, meetings and pairs, articles, health (persons, countries, topics,
paths and subgraphs are in app/schemas_persons.py and app/schemas_graph.py)."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from ingest.model import Meeting as ExtractedMeetingBase
from ingest.model import MeetingKind, MeetingStatus

NEXT_CURSOR = Field(
    None,
    description="Pass it as `cursor` to get the next page; null on the last page",
    examples=["eyJrIjoicGFpcnMiLCJkIjoiMjAyNC0wNS0wMSJ9"],
)


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no topic matches 'atlantis'"])
    details: list[dict[str, object]] | None = None


class ErrorBody(BaseModel):
    """Every 4xx and 5xx answer has this body."""

    error: ErrorDetail


class Country(BaseModel):
    code: str = Field(description="ISO 3166-1 alpha-2", examples=["IR"])
    name_fa: str | None = Field(None, examples=["ایران"])
    name_en: str | None = Field(None, examples=["Iran"])


class Organization(BaseModel):
    id: str
    name: str | None = None
    name_en: str | None = None


class Place(BaseModel):
    id: str
    name: str | None = Field(None, examples=["تهران"])
    name_en: str | None = Field(None, examples=["Tehran"])
    country: Country | None = None


class TopicRef(BaseModel):
    id: str = Field(examples=["karabakh"])
    label_en: str | None = Field(None, examples=["Karabakh"])
    label_fa: str | None = Field(None, examples=["قره‌باغ"])


class Participant(BaseModel):
    """A person as they took part in one meeting (`role` is the role the text gave them there)."""

    id: str = Field(examples=["p-5d1c0e0e8f3a2b71"])
    name: str | None = Field(None, examples=["عباس عراقچی"])
    name_en: str | None = Field(None, examples=["Abbas Araghchi"])
    unnamed: bool = Field(False, description='Named by role only ("the Saudi foreign minister")')
    role: str | None = Field(None, examples=["وزیر امور خارجه"])
    role_en: str | None = Field(None, examples=["Minister of Foreign Affairs"])
    country: Country | None = None


class ArticleRef(BaseModel):
    id: str
    title: str | None = Field(None, examples=["دیدار در تهران"])
    url: str | None = Field(None, examples=["https://news.example/a-1"])
    source: str | None = Field(None, examples=["irna"])
    published: dt.date | None = None


class Evidence(BaseModel):
    """The sentence that reports the meeting, with offsets into the article's normalised text."""

    sentence: str = Field(examples=["عباس عراقچی با آرارات میرزویان در تهران درباره قفقاز دیدار کرد."])
    start: int
    end: int
    article: ArticleRef


class MeetingSummary(BaseModel):
    id: str = Field(examples=["m-0f2c4a9e1b7d3c55"])
    date: dt.date | None = Field(None, description="Null when no report gives the day")
    kind: MeetingKind
    status: MeetingStatus
    place: Place | None = None
    country: Country | None = Field(None, description="The country it was held in, when known")
    topics: list[TopicRef] = []
    reports: int = Field(0, description="How many articles report it")


class Meeting(MeetingSummary):
    participants: list[Participant]
    evidence: list[Evidence] = Field(description="The reports of it, newest article first")


class Filters(BaseModel):
    """The filters as resolved: a topic term becomes the topic and its subtopics, a name the persons."""

    topics: list[str] | None = Field(None, examples=[["caucasus", "karabakh", "zangezur", "format-3-3"]])
    persons: list[str] | None = None
    countries: list[str] | None = Field(None, examples=[["IR"]])
    with_countries: list[str] | None = Field(None, examples=[["AM"]])
    organizations: list[str] | None = Field(None, examples=[["eu"]])
    since: dt.date | None = None
    until: dt.date | None = None
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None


class MeetingPage(BaseModel):
    meetings: list[Meeting] = Field(description="Newest first; undated meetings last")
    filters: Filters
    limit: int
    next_cursor: str | None = NEXT_CURSOR


class Pair(BaseModel):
    """Two persons who took part in the same meeting; `person_a` is the side the filters describe."""

    person_a: Participant
    person_b: Participant
    meeting: MeetingSummary
    evidence: list[Evidence] = Field(description="The latest reports of the meeting, with their sentences")


class WhoMetWhom(BaseModel):
    pairs: list[Pair] = Field(description="Newest meeting first; undated meetings last")
    filters: Filters
    limit: int
    next_cursor: str | None = NEXT_CURSOR


class ExtractedMeeting(ExtractedMeetingBase):
    """A meeting as the extractor found it, with the id it has in the graph."""

    id: str


class ArticleIngested(BaseModel):
    id: str
    status: str = Field(examples=["extracted", "failed"])
    extractor_version: str
    error: str | None = None
    meetings: list[ExtractedMeeting]


class Neo4jInfo(BaseModel):
    uri: str
    agent: str
    address: str
    database: str


class QueueInfo(BaseModel):
    oldest_waiting_seconds: int | None = Field(
        description="How long the oldest article a worker could take now has waited; null when none waits",
        examples=[3],
    )
    last_claim_seconds_ago: int | None = Field(
        description="When a worker last claimed work; null if none ever did", examples=[1]
    )
    worker_claimed_recently: bool = Field(description="A worker claimed within WORKER_STUCK_SECONDS")


class Health(BaseModel):
    status: Literal["ok", "degraded"] = Field(
        description="degraded: the queue is stuck (work waits past WORKER_STUCK_SECONDS and no worker "
        "claims); Neo4j down is a 503",
        examples=["ok"],
    )
    problems: list[str] = Field([], examples=[["the queue is stuck: ..."]])
    neo4j: Neo4jInfo
    queue: QueueInfo
