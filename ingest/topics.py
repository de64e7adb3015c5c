"""Tags a text with the topics it says were discussed, from the keyword lexicon `data/topic_keywords.tsv`.

Each row is `topic keyword_fa weight`. Per topic, the weights of the keywords found add up (one keyword
counts at most twice); a topic is tagged once its score reaches 1, and a sub-topic's score counts for its
parent too, so a sub-topic always comes with its parent. A weight below 1 marks a word that is evidence
only together with others: a country name is mostly a participant's country ("وزیر خارجه عراق"), not a
subject. Two reserved topic values shape the matching instead of scoring:

- `@frame`: a subject frame ("تحولات", "بحران", "درباره"). The next keyword, at most two words further on
  in the same sentence, counts with the frame's weight if it is a weak one (a name, weight <= 0.5; a
  frame word of a topic too: "درباره جنگ"): "بحران یمن" makes Yemen a subject where a bare "یمن" does
  not, and "جنگ", which news of 2025-26 names as the time of everything, only as a subject. A list
  that continues a framed keyword ("اوضاع لبنان و سوریه") shares the frame.
- `@none`: a phrase that scores nothing. It hides the topic words inside it ("وزیر دفاع" is a role, not a
  talk about defence) and, being a match, ends a frame's reach ("درباره روابط ایران و عراق").

Matching is longest-first, left to right, without overlaps. Inside a keyword a space and a ZWNJ are
interchangeable (or absent), and a ZWNJ-joined plural or ezafe suffix (ها، های، ای ...) may follow it.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from ingest import lexicon
from ingest.lexicon import one_word, word_class
from ingest.normalize import normalize

FRAME = "@frame"
NONE = "@none"
# Subjects the guideline allows but does not score: useful in the graph, never "specific".
GENERIC_TOPICS = frozenset({"bilateral-relations", "regional-developments", "international", "other"})
THRESHOLD = 1.0
MAX_COUNT = 2
# Only a weak keyword (a name, which says nothing alone) is lifted by a frame; a word that is already
# partial evidence keeps its weight, so "بحران یمن و ناامنی" does not make "ناامنی" certain.
FRAMEABLE_UP_TO = 0.5
FRAME_REACH_WORDS = 2

_SEPARATOR = "\x00"
_SEPARATORS = re.compile(r"[\s\u200c]+")
_SEPARATOR_PATTERN = "[ \u200c]?"
# Suffixes a keyword may carry after a ZWNJ; other ZWNJ compounds ("آزادی‌بخش") are other words.
_SUFFIXES = "|".join(sorted(word_class("word_suffix"), key=lambda suffix: (-len(suffix), suffix)))
_SENTENCE_BREAK = re.compile(r"[.!?؟:;؛«»()\[\]\n]")
_ENUMERATION = re.compile(rf"\s*[،,]?\s*(?:{one_word('and')}\s+)?")
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class TopicNode:
    """One row of the topic tree; `parent` is None for a top-level topic."""

    id: str
    parent: str | None
    label_en: str
    label_fa: str


@dataclass(frozen=True, slots=True)
class TopicTags:
    """Top-level topic ids and finer sub-topic ids, strongest first."""

    topics: tuple[str, ...] = ()
    subtopics: tuple[str, ...] = ()

    @property
    def specific(self) -> tuple[str, ...]:
        """The top-level topics without the generic ones the guideline does not score."""
        return tuple(topic for topic in self.topics if topic not in GENERIC_TOPICS)


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    weights: tuple[tuple[str, float], ...]
    frame: float


def topic_tree() -> tuple[TopicNode, ...]:
    """The topic tree of `data/topics.tsv`, in file order (parents before their children)."""
    return tuple(
        TopicNode(row["id"], row["parent"] or None, row["label_en"], normalize(row["label_fa"]))
        for row in lexicon.rows("topics")
    )


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", text)


def _units(form: str) -> list[str]:
    """A keyword as trie units: its characters, with one separator unit for each run of spaces/ZWNJ."""
    return list(_SEPARATORS.sub(_SEPARATOR, form.strip()))


def _trie_pattern(node: dict[str, dict]) -> str:
    """A regex equivalent to the trie: shared prefixes are matched once, longer continuations first."""
    branches = []
    for unit in sorted(key for key in node if key):
        head = _SEPARATOR_PATTERN if unit == _SEPARATOR else re.escape(unit)
        branches.append(head + _trie_pattern(node[unit]))
    if not branches:
        return ""
    body = "|".join(branches)
    if "" in node:
        return f"(?:{body})?"
    return body if len(branches) == 1 else f"(?:{body})"


def _compile(forms: Iterable[str]) -> re.Pattern[str]:
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for unit in _units(form):
            node = node.setdefault(unit, {})
        node[""] = {}
    return re.compile(rf"(?<![\w\u200c])({_trie_pattern(trie)})(?:\u200c(?:{_SUFFIXES}))?(?!\w)")


class TopicTagger:
    """Finds topic keywords in normalised text with one compiled matcher; build once per process."""

    def __init__(self, keyword_rows: Iterable[Mapping[str, str]] | None = None) -> None:
        tree = topic_tree()
        parents = {node.id: node.parent for node in tree}
        self._order = {node.id: index for index, node in enumerate(tree)}
        self._lineage = {topic: _lineage(topic, parents) for topic in parents}
        rows = lexicon.rows("topic_keywords") if keyword_rows is None else keyword_rows
        entries, forms = _entries(rows, set(parents))
        self._entries = entries | {form: entries[key] for form, key in forms.items()}
        self._pattern = _compile(forms)

    def tag(self, text: str) -> TopicTags:
        """The topics and sub-topics a normalised text states."""
        scores = self.scores(text)
        found = sorted(
            (topic for topic, score in scores.items() if score >= THRESHOLD - _EPSILON),
            key=lambda topic: (-scores[topic], self._order[topic]),
        )
        top = tuple(topic for topic in found if len(self._lineage[topic]) == 1)
        return TopicTags(top, tuple(topic for topic in found if len(self._lineage[topic]) > 1))

    def scores(self, text: str) -> dict[str, float]:
        """Each topic's score in the text (sub-topic scores included in their parents')."""
        scores: dict[str, float] = defaultdict(float)
        counts: dict[tuple[str, str], int] = {}
        entries, lineage = self._entries, self._lineage
        reach_from, boost, listing = -1, 0.0, False
        for match in self._pattern.finditer(text):
            surface = match.group(1)
            entry = entries.get(surface) or entries[_compact(surface)]
            framed = reach_from >= 0 and _reaches(text[reach_from : match.start()], listing)
            for topic, weight in entry.weights:
                seen = counts.get((entry.key, topic), 0)
                if seen >= MAX_COUNT:
                    continue
                counts[entry.key, topic] = seen + 1
                if framed and weight <= FRAMEABLE_UP_TO:
                    weight = max(weight, boost)
                for scored in lineage[topic]:
                    scores[scored] += weight
            if entry.frame:
                reach_from, boost, listing = match.end(), entry.frame, False
            elif framed and entry.weights:
                reach_from, listing = match.end(), True
            else:
                reach_from = -1
        return dict(scores)


def _entries(rows: Iterable[Mapping[str, str]], topics: set[str]) -> tuple[dict[str, _Entry], dict[str, str]]:
    """The lexicon's entries by compact key, and each normalised form's compact key."""
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    frames: dict[str, float] = {}
    forms: dict[str, str] = {}
    for row in rows:
        topic, weight = row["topic"], _weight(row)
        if topic not in topics and topic not in (FRAME, NONE):
            raise ValueError(f"topic_keywords: unknown topic {topic!r} for {row['keyword_fa']!r}")
        for form in lexicon.alternatives(row["keyword_fa"]):
            key = forms[form] = _compact(form)
            if topic == FRAME:
                frames[key] = weight
            elif topic == NONE:
                weights.setdefault(key, {})
            else:
                weights[key][topic] = weight
    entries = {
        key: _Entry(key, tuple(scored.items()), frames.get(key, 0.0)) for key, scored in weights.items()
    }
    for key, frame in frames.items():
        entries.setdefault(key, _Entry(key, (), frame))
    # A topic phrase ending in a frame word frames like it: "پایان جنگ در لبنان" as "جنگ در لبنان".
    for form, key in forms.items():
        last = frames.get(_compact(form.split()[-1]))
        if last and entries[key].weights and not entries[key].frame:
            entries[key] = _Entry(key, entries[key].weights, last)
    return entries, forms


def _lineage(topic: str, parents: Mapping[str, str | None]) -> tuple[str, ...]:
    chain = [topic]
    while (parent := parents.get(chain[-1])) and parent not in chain:
        chain.append(parent)
    return tuple(chain)


def _weight(row: Mapping[str, str]) -> float:
    try:
        return float(row["weight"])
    except ValueError:
        raise ValueError(f"topic_keywords: bad weight {row['weight']!r} for {row['keyword_fa']!r}") from None


def _reaches(gap: str, listing: bool) -> bool:
    """Whether a frame (or a framed keyword, when listing) reaches across the text between two matches."""
    if _SENTENCE_BREAK.search(gap):
        return False
    if listing:
        return _ENUMERATION.fullmatch(gap) is not None
    return len(gap.split()) <= FRAME_REACH_WORDS


@cache
def tagger() -> TopicTagger:
    """The process-wide tagger over the project lexicon."""
    return TopicTagger()
