"""Pass: the meetings each sentence reports, each with its meeting word and its parties as phrases."""

from ingest.doc import Doc
from ingest.factuality import Clauses
from ingest.meeting_context import is_anaphoric
from ingest.meetings import read_meetings
from ingest.parties import SentenceParties
from ingest.sentence_meeting import SentenceReadings


def find_meetings(doc: Doc) -> Doc:
    doc.readings = [
        _readings(analysis, clauses) for analysis, clauses in zip(doc.parties, doc.clauses, strict=True)
    ]
    return doc


def _readings(analysis: SentenceParties, clauses: Clauses) -> SentenceReadings:
    """A sentence that refers back to a meeting ("در این دیدار X و Y ...") reads one way when the
    article told a meeting before it and another when not; the candidates pass knows which."""
    told = read_meetings(analysis, clauses, told_before=True)
    if not any(is_anaphoric(analysis.words, trigger) for trigger in analysis.triggers):
        return SentenceReadings(told=told, first=told)
    return SentenceReadings(told=told, first=read_meetings(analysis, clauses, told_before=False))
