"""The Doc: one article as the passes of `ingest.pipeline` annotate it, one layer each."""

from dataclasses import dataclass, field
from datetime import date

from ingest.factuality import Clauses
from ingest.mentions import SentenceMentions
from ingest.model import Article, Meeting, MeetingKind, MeetingStatus, Place
from ingest.parties import SentenceParties
from ingest.resolve import ArticleRegistry
from ingest.resolve import Party as ResolvedParty
from ingest.segment import Sentence
from ingest.sentence_meeting import SentenceMeeting, SentenceReadings
from ingest.triggers import Trigger


@dataclass
class Event:
    """One meeting: its resolved parties, the sentences that report it (`reports`) and those that
    discuss it (`sentences`), and the topics they state (the topics pass)."""

    parties: list[ResolvedParty]
    reports: list[SentenceMeeting]
    kind: MeetingKind
    status: MeetingStatus
    day: date | None
    place: Place | None
    sentences: list[Sentence] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    subtopics: list[str] = field(default_factory=list)


@dataclass
class Doc:
    """The layers, in the order the passes add them; a pass reads the layers before its own."""

    article: Article
    # The normalised text, title line first: every offset of every layer points into it.
    text: str = ""
    # Sentences, each with its tokens (`Sentence.words`; `Sentence.tokens` with offsets into `text`).
    sentences: list[Sentence] = field(default_factory=list)
    # The clauses of each sentence as the factuality reader cuts them, and the mood of each meeting word
    # asked about (made when first read).
    clauses: list[Clauses] = field(default_factory=list)
    # The meeting words of each sentence.
    triggers: list[list[Trigger]] = field(default_factory=list)
    # The mentions of each sentence (places, organisations, titles, known people, honorifics), its words
    # with plural titles made singular, and where it starts after its lead-in ("به گزارش X،").
    mentions: list[SentenceMentions] = field(default_factory=list)
    # The name tagger's reading of each word of each sentence: the probability it is part of a name.
    names: list[list[float]] = field(default_factory=list)
    # The party phrases of each sentence.
    parties: list[SentenceParties] = field(default_factory=list)
    # The article's people and its outlet's country, which resolve a party phrase to a party.
    registry: ArticleRegistry | None = None
    # The one state a foreign-news article is about (it names states, none of them the outlet's).
    foreign_state: str | None = None
    # The meetings each sentence reports, with their parties as phrases; then their kind and status,
    # day and place, as the status, dates and places passes read them.
    readings: list[SentenceReadings] = field(default_factory=list)
    # The day of a journey each sentence dates ("قرار است X فردا به کابل سفر کند"), for the meetings
    # on that journey that later sentences tell without a day.
    trip_days: list[date | None] = field(default_factory=list)
    # One candidate event per meeting a sentence reports, in text order, before repeats are merged; the
    # days pass then dates those their sentences leave undated from the sentences around them.
    candidates: list[Event] = field(default_factory=list)
    # One event per meeting.
    events: list[Event] = field(default_factory=list)
    # The contract's records of the events.
    meetings: list[Meeting] = field(default_factory=list)
