"""The data that crosses from ingest/ to graph/: articles in, extractions out."""

import datetime as dt
import hashlib
import re
from typing import Literal

import jdatetime
from pydantic import BaseModel, ConfigDict, Field, field_validator

MeetingKind = Literal["in_person", "phone", "video"]
MeetingStatus = Literal["held", "planned"]

# The one reading of a day for every input path and the API's filters (app/params.py imports it).
JALALI_BEFORE = 1700  # a year below this is a Jalali (Solar Hijri) year: 1403 is 2024/25
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
DAY = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


def _gregorian(text: str) -> object:
    """`1403-07-15` or `۱۴۰۳/۰۷/۱۵` as the Gregorian day; any other text as it was."""
    match = DAY.fullmatch(text.strip().translate(DIGITS))
    if not match or int(match.group(1)) >= JALALI_BEFORE:
        return text
    year, month, day = (int(part) for part in match.groups())
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError as error:
        raise ValueError(f"{text!r} is not a Jalali day ({error})") from error


class Article(BaseModel):
    """An article as the contract gives it: only `text` is required (the id can be derived)."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = None
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @field_validator("published", mode="before")
    @classmethod
    def _date_part(cls, value: object) -> object:
        # Feeds give timestamps; the contract wants the day. A year below 1700 is Jalali.
        if isinstance(value, str) and len(value) > 10 and value[4] == "-":
            value = value[:10]
        return _gregorian(value) if isinstance(value, str) and value else value or None

    @property
    def key(self) -> str:
        """The input's id, else a hash of its URL, else of its raw text (never of normalised text,
        which changes whenever the normaliser improves)."""
        if self.id:
            return self.id
        basis = f"url:{self.url}" if self.url else f"text:{self.title or ''}\n{self.text}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def content_hash(article: Article) -> str:
    """The same story, whatever its id or URL: a hash of title and text as given."""
    basis = f"{article.title or ''}\x1f{article.text}"
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Span(BaseModel):
    """Character offsets into the normalised article text (title line included, see Extraction.text)."""

    start: int
    end: int


class Party(BaseModel):
    """One side of a meeting: a named person, an unnamed officeholder or a delegation."""

    name: str | None = None
    name_en: str | None = None
    name_source: Literal["text", "knowledge_base"] | None = None
    role: str | None = None
    role_en: str | None = None
    country: str | None = None
    country_fa: str | None = None
    country_en: str | None = None
    org: str | None = None
    org_id: str | None = None
    org_en: str | None = None
    mention: Span | None = None


class Place(BaseModel):
    city: str | None = None
    city_en: str | None = None
    country: str | None = None


class Meeting(BaseModel):
    participants: list[Party]
    kind: MeetingKind = "in_person"
    status: MeetingStatus = "held"
    date: dt.date | None = None
    place: Place | None = None
    topics: list[str] = Field(default_factory=list)
    subtopics: list[str] = Field(default_factory=list)
    evidence: str
    evidence_span: Span


class Extraction(BaseModel):
    """What ingest/ found in one article; the only thing graph/ is given to write."""

    id: str
    meetings: list[Meeting] = Field(default_factory=list)
    extractor_version: str
    # ingest.fingerprint.extractor_fingerprint() of the extractor that wrote it, stamped by the process
    # that runs the extractor (worker/); None when unknown, which `didar reprocess` treats as outdated.
    extractor_fingerprint: str | None = None
    text: str = Field(description="The normalised text (title line first) that offsets point into.")
    error: str | None = None
