"""Request and response models of the analysts' corrections of identity (admin routes)."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

PersonId = Annotated[str, Field(min_length=1, max_length=100, examples=["p-5d1c0e0e8f3a2b71"])]
Why = Annotated[str, Field(min_length=1, max_length=2000, pattern=r"\S", description="Why: the evidence")]
By = Annotated[
    str, Field(min_length=1, max_length=200, pattern=r"\S", description="Who decides", examples=["analyst"])
]


class MergeRequest(BaseModel):
    other: PersonId = Field(description="The person who is the same: it joins the person of the path")
    why: Why
    by: By


class SplitRequest(BaseModel):
    mentions: list[Annotated[str, Field(min_length=1, max_length=1000)]] = Field(
        min_length=1,
        max_length=1000,
        description="Articles whose mention of the person is someone else (their ids)",
        examples=[["tasnim-2026-1182"]],
    )
    why: Why
    by: By


class UndoRequest(BaseModel):
    by: By


class Correction(BaseModel):
    """An analyst's correction: merge (`other` is `person`) or split (`person`'s mentions in `articles`
    are `other`, a new person)."""

    id: str = Field(examples=["c-3f9a0c2d4b6e8f10"])
    kind: Literal["merge", "split"]
    person: str = Field(description="merge: the person kept; split: the person split")
    other: str = Field(description="merge: the person who joined it; split: the new person")
    articles: list[str] = Field(
        description="split: the articles of the mentions split off; merge: the other person's articles"
    )
    why: str
    by: str
    created_at: dt.datetime
    undone: bool
    undone_by: str | None = None
    undone_at: dt.datetime | None = None
    sources: list[str] = Field(description="The articles written with it so far")


class CorrectionApplied(BaseModel):
    correction: Correction
    requeued: int = Field(description="Articles queued to be rewritten by the worker with (or without) it")


class CorrectionList(BaseModel):
    corrections: list[Correction] = Field(description="Newest first")


class Mention(BaseModel):
    """A person named in one report: the article (what a split names), the meeting, the sentence."""

    article: str
    published: dt.date | None = None
    title: str | None = None
    meeting: str
    date: dt.date | None = None
    name: str | None = Field(None, description="The name as the meeting's latest report wrote it")
    role: str | None = None
    rule: str | None = Field(
        None, description="How the mention was resolved to the person, if not by its own key"
    )
    sentence: str | None = None


class MentionList(BaseModel):
    person_id: str
    mentions: list[Mention] = Field(description="Newest first")
