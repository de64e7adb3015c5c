"""Response models of the topic tree, countries and their relations, paths and subgraphs."""

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from app.schemas import NEXT_CURSOR, Country, Filters, MeetingPage, TopicRef
from app.schemas_persons import PersonSummary, TopicCount
from ingest.model import MeetingKind, MeetingStatus


class TopicNode(BaseModel):
    id: str = Field(examples=["caucasus"])
    label_en: str = Field(examples=["South Caucasus"])
    label_fa: str = Field(examples=["قفقاز"])
    parent: str | None = None
    meetings: int = Field(description="Meetings linked to this topic (a subtopic's are linked to it too)")
    children: list["TopicNode"] = []


class TopicTree(BaseModel):
    topics: list[TopicNode] = Field(description="The roots, each with its subtopics")


class CountrySummary(Country):
    persons: int
    meetings: int = Field(description="Meetings an official of the country took part in")


class CountryList(BaseModel):
    countries: list[CountrySummary] = Field(description="By ISO code")
    limit: int
    next_cursor: str | None = NEXT_CURSOR


class YearCount(BaseModel):
    year: int
    meetings: int


class KindCount(BaseModel):
    kind: MeetingKind
    meetings: int


class Relations(BaseModel):
    """Every meeting between officials of two countries: totals, by topic and over time, and a page of
    the meetings themselves."""

    country: Country
    other: Country
    meetings: int
    first: dt.date | None = None
    last: dt.date | None = None
    by_topic: list[TopicCount]
    by_year: list[YearCount]
    by_kind: list[KindCount]
    page: MeetingPage


class PathMeeting(BaseModel):
    id: str
    date: dt.date | None = None
    kind: MeetingKind
    status: MeetingStatus
    topics: list[TopicRef] = []


class Path(BaseModel):
    """`meetings[i]` connects `persons[i]` and `persons[i + 1]`."""

    length: int = Field(description="Meetings along the way")
    persons: list[PersonSummary]
    meetings: list[PathMeeting]


class Paths(BaseModel):
    source: str
    target: str
    max_hops: int
    paths: list[Path] = Field(description="All shortest chains (up to `limit`); empty when none is in reach")


class GraphNode(BaseModel):
    id: str = Field(examples=["p-5d1c0e0e8f3a2b71", "country:IR", "topic:gaza"])
    label: str = Field(examples=["Person", "Meeting", "Country", "Topic", "Place"])
    caption: str = Field(examples=["عباس عراقچی", "2024-05-01 · South Caucasus"])
    properties: dict[str, Any] = {}


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    type: str = Field(examples=["PARTICIPATED_IN", "ABOUT", "REPRESENTS", "HELD_IN", "MET"])
    properties: dict[str, Any] = {}


class Subgraph(BaseModel):
    """Nodes and edges (cytoscape.js, vis-network, sigma.js and d3 read this shape with a line of code)."""

    view: str = Field(examples=["meetings", "persons"])
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    filters: Filters
    limit: int = Field(description="Meetings at most")
    next_cursor: str | None = NEXT_CURSOR
