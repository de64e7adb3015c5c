"""The extraction pipeline: one article in, one Extraction out; pure, no database.

`extract` runs the passes of PASSES in order over one Doc (ingest/doc.py); each pass reads the layers the
passes before it wrote and adds its own: the normalised text, sentences with their tokens, clauses,
meeting words, mentions, the name tagger's reading, party phrases, what the sentences tell each other, the
meetings each sentence reports with their kind and status, day and place, candidate events, the days the
sentences around them tell, one event per meeting, the sentences that discuss each and their topics, the
events the article reports as news (a trained model), the place of a meeting its sentence left unplaced,
the state of untitled officials where the article says whose they are, and the contract's records.
"""

from collections.abc import Callable

from ingest.doc import Doc
from ingest.model import Article, Extraction
from ingest.passes.candidates import read_candidates
from ingest.passes.clauses import cut_clauses
from ingest.passes.coreference import link_article
from ingest.passes.dates import date_meetings
from ingest.passes.days import date_from_context
from ingest.passes.discussion import attach_discussion
from ingest.passes.events import merge_events
from ingest.passes.foreign_news import place_foreign_officials
from ingest.passes.judging import judge_events
from ingest.passes.late_places import place_remaining_meetings
from ingest.passes.meetings import find_meetings
from ingest.passes.mentions import find_mentions
from ingest.passes.names import tag_names
from ingest.passes.parties import find_parties
from ingest.passes.places import place_meetings
from ingest.passes.records import write_meetings
from ingest.passes.sentences import split_into_sentences
from ingest.passes.status import read_status
from ingest.passes.text import normalize_text
from ingest.passes.topics import tag_topics
from ingest.passes.triggers import find_meeting_words

EXTRACTOR_VERSION = "0.2.0"

PASSES: tuple[Callable[[Doc], Doc], ...] = (
    normalize_text,
    split_into_sentences,
    cut_clauses,
    find_meeting_words,
    find_mentions,
    tag_names,
    find_parties,
    link_article,
    find_meetings,
    read_status,
    date_meetings,
    place_meetings,
    read_candidates,
    date_from_context,
    merge_events,
    attach_discussion,
    tag_topics,
    judge_events,
    place_remaining_meetings,
    place_foreign_officials,
    write_meetings,
)


def extract(article: Article) -> Extraction:
    """Find the meetings an article reports."""
    doc = Doc(article)
    for step in PASSES:
        doc = step(doc)
    return Extraction(
        id=article.key, meetings=doc.meetings, extractor_version=EXTRACTOR_VERSION, text=doc.text
    )
