"""Trains the event model of `ingest.event_model` from gold meetings.

Each training article runs through the pipeline up to the judging pass; each event it finds is one
example, labelled news where a gold meeting of the article has two or more participants among the
event's parties. The config (`ingest/models/events.json`) names the sources and the draw the same way
`ingest/models/names.json` does, so `didar train events` rebuilds the model byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from ingest.crf import fit
from ingest.doc import Doc, Event
from ingest.event_model import NEWS, NOT_NEWS, THRESHOLD, features, judged
from ingest.model import Article
from ingest.normalize import normalize, text_key
from ingest.passes.judging import judge_events
from ingest.pipeline import PASSES
from ingest.resolve import Party

# The passes before the judging pass: the events the model judges.
_FINDING_PASSES = PASSES[: PASSES.index(judge_events)]


def _words(text: str | None) -> set[str]:
    return set(text_key(normalize(text or "")).split())


def _same_words(found: str | None, gold: str | None) -> bool:
    """One written form within the other, word for word ("عراقچی" in "عباس عراقچی")."""
    a, b = _words(found), _words(gold)
    return bool(a and b) and (a <= b or b <= a)


def matches(party: Party, participant: dict) -> bool:
    """Does a resolved party stand for a gold participant? By name where either has one; by title where
    the text never names the participant (whatever the country: the question is whether the meeting is
    news, not whose title it is); by country or organisation where it gives no title either."""
    names = [*(participant.get("names") or []), *(participant.get("kb_names") or [])]
    if party.name and names:
        return any(_same_words(party.name, name) for name in names)
    if participant.get("names") or party.name:
        return False
    if participant.get("role"):
        return _same_words(party.role, participant["role"])
    if participant.get("country"):
        return party.country == participant["country"]
    return _same_words(party.org or party.role, participant.get("org"))


def is_gold(event: Event, meetings: list[dict]) -> bool:
    """Are two or more participants of one gold meeting among the event's parties, each a party of
    its own?"""
    for meeting in meetings:
        taken: set[int] = set()
        for participant in meeting.get("participants", []):
            party = next(
                (i for i, p in enumerate(event.parties) if i not in taken and matches(p, participant)), None
            )
            if party is not None:
                taken.add(party)
        if len(taken) >= 2:
            return True
    return False


def events(article: dict) -> Doc:
    """The article read up to the judging pass."""
    doc = Doc(Article.model_validate(article))
    for step in _FINDING_PASSES:
        doc = step(doc)
    return doc


def examples(article: dict, gold: dict) -> list[tuple[list[str], str]]:
    """(features, label) of each event the rules find in one training article."""
    doc = events(article)
    meetings = gold.get("meetings", [])
    return [(features(doc, event), NEWS if is_gold(event, meetings) else NOT_NEWS) for event in doc.events]


def train(config_path: Path, root: Path, model_path: Path) -> dict[str, object]:
    """Train on the config's `train` sources; report, on its `evaluate` sources, how many judged events
    the model keeps and drops of those that are news and those that are not."""
    return fit(
        config_path,
        root,
        model_path,
        layer="meetings",
        sequences=lambda article, gold: (([found], [label]) for found, label in examples(article, gold)),
        unit="events",
        evaluate=evaluate,
    )


def evaluate(pairs: list[tuple[dict, dict]], model_path: Path) -> dict[str, int]:
    """Of the events the model judges: news kept and dropped, others kept and dropped."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    counts = {"news_kept": 0, "news_dropped": 0, "other_kept": 0, "other_dropped": 0}
    for article, gold in pairs:
        doc = events(article)
        for event in doc.events:
            if not judged(event):
                continue
            tagger.set([features(doc, event)])
            kept = tagger.marginal(NEWS, 0) >= THRESHOLD
            news = is_gold(event, gold.get("meetings", []))
            counts[f"{'news' if news else 'other'}_{'kept' if kept else 'dropped'}"] += 1
    return counts
