"""The Doc: one article as the passes of `ingest.pipeline` annotate it, one layer each."""

from dataclasses import dataclass, field
from datetime import date

from ingest.model import Article, Meeting, MeetingKind, MeetingStatus, Place
from ingest.parties import SentenceParties
from ingest.resolve import ArticleRegistry
from ingest.resolve import Party as ResolvedParty
from ingest.segment import Sentence
from ingest.sentence_meeting import SentenceMeeting
from ingest.triggers import Trigger


@dataclass
class Event:
    """One meeting: its resolved parties, the sentences that report it (`reports`) and those that
    discuss it (`sentences`, for its topics)."""

    parties: list[ResolvedParty]
    reports: list[SentenceMeeting]
    kind: MeetingKind
    status: MeetingStatus
    day: date | None
    place: Place | None
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Doc:
    """The layers, in the order the passes add them; a pass reads the layers before its own."""

    article: Article
    # The normalised text, title line first: every offset of every layer points into it.
    text: str = ""
    # Sentences, each with its tokens (`Sentence.words`; `Sentence.tokens` with offsets into `text`).
    sentences: list[Sentence] = field(default_factory=list)
    # The meeting words of each sentence.
    triggers: list[list[Trigger]] = field(default_factory=list)
    # The mentions (names, titles, countries, organisations, places) and party phrases of each sentence.
    parties: list[SentenceParties] = field(default_factory=list)
    # The article's people and its outlet's country, which resolve a party phrase to a party.
    registry: ArticleRegistry | None = None
    # One candidate event per meeting a sentence reports, in text order, before repeats are merged.
    candidates: list[Event] = field(default_factory=list)
    # One event per meeting.
    events: list[Event] = field(default_factory=list)
    # The contract's records of the events.
    meetings: list[Meeting] = field(default_factory=list)
