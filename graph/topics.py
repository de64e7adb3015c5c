"""Topics: resolving what a person types (id, English or Persian label) to ids of the seeded tree.

The tree is small (tens of rows), so it is read whole (graph/catalog.py keeps it with its counts) and
matched in Python: the matching rules (case, Persian normalisation, whole words) are then plain code
with table tests instead of Cypher regexes.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.keys import text_key

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Topic:
    id: str
    label_en: str
    label_fa: str
    parent: str | None
    meetings: int = 0  # meetings linked to it (the extractor links a subtopic's meetings to its parent too)


def _words(text: str) -> list[str]:
    return _WORD.findall(text_key(text))


def _contains_words(label: str, words: list[str]) -> bool:
    label_words = _words(label)
    width = len(words)
    return width > 0 and any(label_words[i : i + width] == words for i in range(len(label_words) - width + 1))


def match_topic(topics: Sequence[Topic], term: str) -> list[str]:
    """The ids a term names, best match first: the id itself; else a label equal to the term (English
    case-insensitive, Persian after normalisation); else every label containing the term as whole words."""
    wanted = term.strip().casefold()
    by_id = [topic.id for topic in topics if topic.id.casefold() == wanted]
    if by_id:
        return by_id
    key = text_key(term)
    by_label = [
        topic.id for topic in topics if key and key in (text_key(topic.label_en), text_key(topic.label_fa))
    ]
    if by_label:
        return by_label
    words = _words(term)
    return [
        topic.id
        for topic in topics
        if _contains_words(topic.label_en, words) or _contains_words(topic.label_fa, words)
    ]


def with_subtopics(topics: Sequence[Topic], ids: Sequence[str]) -> list[str]:
    """The ids and all their descendants: a meeting about Karabakh is a meeting about the Caucasus."""
    children: dict[str, list[str]] = {}
    for topic in topics:
        if topic.parent:
            children.setdefault(topic.parent, []).append(topic.id)
    found: list[str] = []
    pending = list(ids)
    while pending:
        current = pending.pop(0)
        if current not in found:
            found.append(current)
            pending.extend(children.get(current, []))
    return found
