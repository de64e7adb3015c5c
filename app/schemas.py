"""The API's response models: what each route promises, documented in the OpenAPI schema."""

import datetime as dt

from pydantic import BaseModel, Field

from ingest.model import Meeting as ExtractedMeetingBase
from ingest.model import MeetingKind, MeetingStatus


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no topic matches 'atlantis'"])
    details: list[dict[str, object]] | None = None


class ErrorBody(BaseModel):
    """Every 4xx and 5xx answer has this body."""

    error: ErrorDetail


class Country(BaseModel):
    code: str = Field(description="ISO 3166-1 alpha-2", examples=["IR"])
    name_fa: str | None = None
    name_en: str | None = None


class Organization(BaseModel):
    id: str
    name: str | None = None
    name_en: str | None = None


class Place(BaseModel):
    id: str
    name: str | None = None
    name_en: str | None = None
    country: Country | None = None


class Topic(BaseModel):
    id: str
    label_en: str
    label_fa: str
    parent: str | None = None


class TopicRef(BaseModel):
    id: str
    label_en: str | None = None
    label_fa: str | None = None


class Participant(BaseModel):
    """A person as they took part in one meeting (`role` is the role the text gave them there)."""

    id: str
    name: str | None = None
    name_en: str | None = None
    unnamed: bool = False
    role: str | None = None
    role_en: str | None = None
    country: Country | None = None


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None


class Evidence(BaseModel):
    """The sentence that reports the meeting, with offsets into the article's normalised text."""

    sentence: str
    start: int
    end: int
    article: ArticleRef


class MeetingSummary(BaseModel):
    id: str
    date: dt.date | None = None
    kind: MeetingKind
    status: MeetingStatus
    place: Place | None = None
    country: Country | None = Field(None, description="The country it was held in, when known")
    topics: list[TopicRef] = []


class Meeting(MeetingSummary):
    participants: list[Participant]
    evidence: list[Evidence]


class MeetingList(BaseModel):
    meetings: list[Meeting]
    limit: int
    offset: int


class Pair(BaseModel):
    """Two persons who took part in the same meeting."""

    person_a: Participant
    person_b: Participant
    meeting: MeetingSummary
    evidence: list[Evidence] = Field(description="Each article that reports the meeting, with its sentence")


class WhoMetWhom(BaseModel):
    topic_ids: list[str] | None = Field(None, description="The topic and its subtopics the term resolved to")
    pairs: list[Pair]
    limit: int
    offset: int


class Role(BaseModel):
    id: str
    name: str | None = None
    name_en: str | None = None
    country: Country | None = None
    organization: Organization | None = None


class Person(BaseModel):
    id: str
    name: str | None = None
    name_en: str | None = None
    unnamed: bool = False
    name_source: str | None = None
    country: Country | None = None
    roles: list[Role]
    meetings: list[Meeting]


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


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    neo4j: Neo4jInfo
