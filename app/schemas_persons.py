"""Response models about persons: search results, a person's roles over time, their contacts."""

import datetime as dt

from pydantic import BaseModel, Field

from app.schemas import NEXT_CURSOR, Country, Organization


class PersonSummary(BaseModel):
    id: str = Field(examples=["p-5d1c0e0e8f3a2b71"])
    name: str | None = Field(None, examples=["عباس عراقچی"])
    name_en: str | None = Field(None, examples=["Abbas Araghchi"])
    unnamed: bool = False
    country: Country | None = None
    meetings: int = Field(0, description="Meetings they took part in")
    score: float | None = Field(None, description="The search relevance, when searched by name")


class PersonPage(BaseModel):
    persons: list[PersonSummary] = Field(description="Best match first (by id without `q`)")
    limit: int
    next_cursor: str | None = NEXT_CURSOR


class RoleSeen(BaseModel):
    """A role the reports gave the person, and when they were seen in it."""

    name: str | None = Field(None, examples=["وزیر امور خارجه"])
    name_en: str | None = Field(None, examples=["Minister of Foreign Affairs"])
    organization: Organization | None = None
    country: Country | None = None
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    meetings: int


class Person(BaseModel):
    id: str
    name: str | None = None
    name_en: str | None = None
    unnamed: bool = False
    name_source: str | None = Field(None, examples=["text", "knowledge_base"])
    countries: list[Country]
    meetings: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    roles: list[RoleSeen] = Field(description="Most recently seen first")


class TopicCount(BaseModel):
    id: str
    label_en: str | None = None
    label_fa: str | None = None
    meetings: int


class Contact(BaseModel):
    """Someone the person met: how often, first and last time, and what about (top topics)."""

    person: PersonSummary
    meetings: int
    first_met: dt.date | None = None
    last_met: dt.date | None = None
    topics: list[TopicCount]


class ContactPage(BaseModel):
    person_id: str
    contacts: list[Contact] = Field(description="Most meetings first")
    limit: int
    next_cursor: str | None = NEXT_CURSOR
