"""Splits normalised article text into sentences and tokens, keeping character offsets."""

import re
from dataclasses import dataclass
from functools import cached_property

# Channel-post furniture: handles, "Link" lines, bullet emojis, agency sign-offs.
_ARTEFACT_LINE = re.compile(r"^\W*(@\w+|-?\s*link|انتهای پیام|پایان پیام)\W*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[.!?؟])$")
# Subtokens: ZWNJ separates them too, so "رئیس‌جمهور" and "رئیس جمهور" tokenise alike.
_TOKEN = re.compile(r"[\w\u064B-\u065F]+|[^\s\w\u200c]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    line: int
    start: int
    end: int
    text: str
    words: tuple[str, ...]  # the tokens' texts

    @cached_property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Where each word lies in `text` (offsets into the sentence, not the article). Made when
        first asked for: offsets for every word of every sentence cost more than the rules that
        read the words, and only the sentences that name a party need them."""
        return tuple([match.span() for match in _TOKEN.finditer(self.text)])

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The words with their offsets in the article text."""
        return tokenize(self.text, self.start)

    @property
    def is_title(self) -> bool:
        return self.line == 0


def words(text: str) -> tuple[str, ...]:
    """The texts of `tokenize(text)`, without the offsets."""
    return tuple(_TOKEN.findall(text))


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a normalised text whose first line is the title. Lines never merge: a headline
    without a final stop stays a sentence of its own."""
    sentences: list[Sentence] = []
    position = 0
    for line_number, line in enumerate(text.split("\n")):
        line_start = position
        position += len(line) + 1
        if not line.strip() or _ARTEFACT_LINE.match(line.strip()):
            continue
        piece_start = 0
        for boundary in _SENTENCE_END.finditer(line):
            _add(sentences, line_number, line_start, line[piece_start : boundary.start()], piece_start)
            piece_start = boundary.end()
        _add(sentences, line_number, line_start, line[piece_start:], piece_start)
    return sentences


def _add(sentences: list[Sentence], line: int, line_start: int, piece: str, piece_start: int) -> None:
    stripped = piece.strip()
    if not stripped or not re.search(r"\w", stripped):
        return
    start = line_start + piece_start + piece.index(stripped)
    sentences.append(Sentence(len(sentences), line, start, start + len(stripped), stripped, words(stripped)))
