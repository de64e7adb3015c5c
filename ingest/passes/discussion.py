"""Pass: the sentences that discuss each event (its reports and the ones after them), for its topics."""

from ingest.doc import Doc, Event
from ingest.segment import Sentence

_DISCUSSION_REACH = 2  # sentences after a report that still discuss it


def attach_discussion(doc: Doc) -> Doc:
    _attach_discussion(doc.events, doc.sentences)
    return doc


def _attach_discussion(events: list[Event], sentences: list[Sentence]) -> None:
    """Each meeting's topics come from its own reports and the sentences that follow them up to
    the next report of another meeting."""
    owner: dict[int, int] = {}
    for number, event in enumerate(events):
        for report in event.reports:
            owner.setdefault(report.sentence.index, number)
    current: int | None = None
    since = 0
    for sentence in sentences:
        if sentence.index in owner:
            current, since = owner[sentence.index], 0
        elif current is not None:
            since += 1
            if since > _DISCUSSION_REACH:
                current = None
        if current is not None:
            events[current].sentences.append(sentence)
    for event in events:
        if not event.sentences:
            event.sentences = [report.sentence for report in event.reports]
