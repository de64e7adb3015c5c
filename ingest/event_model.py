"""Which meetings an article reports as news, learned from data: a logistic model (a CRF over one item)
reads each event the rules found and gives the chance that the article reports it.

The rules find a meeting wherever a meeting word stands with two parties; many such sentences tell no
news of a meeting (an interview, a meeting recalled, a session spoken about). What separates them is
spread thin over many words, so the model weighs them all from annotated articles: how many sentences
report the event and where the first stands, whether a headline does, how many events the article holds,
its parties (named, titled, known to the knowledge base, of how many states), its kind, status, day,
place and topics, and the words and word tags around each report's meeting word. The model is a file
shipped in the package (`ingest/models/events.crfsuite`), rebuilt by `didar train events` from the
config beside it (`ingest.event_training`).
"""

from __future__ import annotations

from ingest.crf import shipped
from ingest.doc import Doc, Event
from ingest.names import lexicons

MODEL = "models/events.crfsuite"
NEWS, NOT_NEWS = "Y", "N"
# An event the model judges (`judged`) and gives less than this chance is dropped.
THRESHOLD = 0.3
# Events of more parties are kept whatever the model says: losing a true one costs many pairs, and the
# headline's and the lead's are the article's news (train, five folds: pairs F1 fell without these).
JUDGED_PARTIES = 2
_LEAD = 1  # the last sentence of the lead: the headline (sentence 0 where the article has one) and the next
_REPORTS_READ = 3  # the first reports of an event whose words are read
_WINDOW = (-3, -2, -1, 1, 2, 3)


def _bucket(count: int, limits: tuple[int, ...] = (0, 1, 2, 3, 5, 8)) -> str:
    for limit in limits:
        if count <= limit:
            return str(limit)
    return "more"


def _first_sentence(event: Event) -> int:
    """The index of the first sentence that reports the event."""
    return min(report.sentence.index for report in event.reports)


def features(doc: Doc, event: Event) -> list[str]:
    """What the model reads of one event of the article."""
    parties = event.parties
    found = [
        "bias",
        f"reports={_bucket(len(event.reports))}",
        f"kind={event.kind}",
        f"status={event.status}",
        f"parties={_bucket(len(parties))}",
        f"named={_bucket(sum(1 for p in parties if p.name))}",
        f"titled={_bucket(sum(1 for p in parties if p.role))}",
        f"known={_bucket(sum(1 for p in parties if p.person))}",
        f"states={_bucket(len({p.country for p in parties if p.country}))}",
        f"day={event.day is not None}",
        f"place={event.place is not None}",
        f"topics={_bucket(len(event.topics))}",
        f"headline={any(report.sentence.is_title for report in event.reports)}",
        f"events={_bucket(len(doc.events))}",
        f"first_sentence={_bucket(_first_sentence(event), (0, 1, 2, 3, 5, 10, 20))}",
    ]
    tags = lexicons().tags
    for report in event.reports[:_REPORTS_READ]:
        words, trigger = report.analysis.words, report.trigger
        found += [f"trigger={' '.join(words[trigger.first : trigger.last])}", f"trigger_kind={trigger.kind}"]
        for offset in _WINDOW:
            at = trigger.first + offset if offset < 0 else trigger.last - 1 + offset
            if 0 <= at < len(words):
                found += [f"{offset}w={words[at]}", f"{offset}t={tags.get(words[at], '-')}"]
        found.append(f"length={_bucket(len(words), (5, 10, 20, 30, 50))}")
    return found


def chance(doc: Doc, event: Event) -> float:
    """The model's chance that the article reports `event` as news."""
    tagger = shipped(MODEL)
    tagger.set([features(doc, event)])
    return float(tagger.marginal(NEWS, 0))


def judged(event: Event) -> bool:
    """Is the event one the model judges? Not when a headline or the lead reports it (the news of an
    article is told first), nor when it has more than two parties, nor when a party tells it in a post
    of his own ("X نوشت: امروز میزبان Y بودم": his news, not one the article recalls)."""
    return (
        _first_sentence(event) > _LEAD
        and len(event.parties) <= JUDGED_PARTIES
        and not any(report.writer_subject for report in event.reports)
    )


def is_news(doc: Doc, event: Event) -> bool:
    return not judged(event) or chance(doc, event) >= THRESHOLD
