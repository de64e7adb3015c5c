"""Splits normalised article text into sentences and tokens, keeping character offsets."""

import re
from dataclasses import dataclass
from functools import cache, cached_property

from ingest.lexicon import rows, word_class
from ingest.normalize import normalize

# A sentence ends at a stop followed by spaces or the line's end; group 1 is the gap after the stop.
# (Starting at the stop lets the search skip to the next one; a lookbehind would be tried everywhere.)
_SENTENCE_END = re.compile(
    "[" + "".join(sorted(map(re.escape, word_class("sentence_end_mark")))) + r"](\s+|$)"
)
# A web page's title joins several headlines with a spaced slash ("نشست X و Y / درخواست روسیه ...");
# in the body a spaced slash joins two forms of one name ("«گرانادا / Granada»"), and hazm spaces the
# slashes of a date ("۱۴۰۳ / ۱۲ / ۲۰").
_HEADLINE_JOIN = re.compile(r"(?<!\d)\s/(\s+)(?!\d)")
_WORD_CHAR = re.compile(r"\w")
_INITIALS = word_class("latin_initial")
# Subtokens: ZWNJ separates them too, so "رئیس‌جمهور" and "رئیس جمهور" tokenise alike.
_TAIL = 40  # longer than any open end, so the tail's last token is the line's
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
        read the words, and only the sentences that name a party need them. Only spaces and ZWNJ lie
        between tokens, so each word is the next occurrence of its text: finding it is cheaper than
        matching the tokens again."""
        spans = []
        end = 0
        for word in self.words:
            start = self.text.find(word, end)
            end = start + len(word)
            spans.append((start, end))
        return tuple(spans)

    def runs_on(self, index: int) -> bool:
        """Does word `index` go on after a ZWNJ into the next token ("کشتی‌رانی", "روح‌الله")?"""
        end = self.spans[index][1]
        return end < len(self.text) and self.text[end] == "\u200c"

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The words with their offsets in the article text."""
        return tokenize(self.text, self.start)

    @property
    def is_title(self) -> bool:
        return self.line == 0


def is_punctuation(token: str) -> bool:
    """A token of stops, commas, quotes or other marks only: no letter or digit."""
    return bool(token) and _WORD_CHAR.search(token) is None


def words(text: str) -> tuple[str, ...]:
    """The texts of `tokenize(text)`, without the offsets."""
    return tuple(_TOKEN.findall(text))


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text))


def _logical_lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, start, text) of the lines, a body line that ends inside its sentence ("... با",
    "... و", "... ،": a post broken at a link or a bold word) joined with the next one. The headline
    stays a line of its own: a headline without a final stop is still a sentence."""
    lines: list[tuple[int, int, str]] = []
    position = 0
    for number, line in enumerate(text.split("\n")):
        previous = lines[-1] if lines else None
        if previous is not None and previous[0] > 0 and _open_end(previous[2]) and line.strip():
            lines[-1] = (previous[0], previous[1], previous[2] + "\n" + line)
        else:
            lines.append((number, position, line))
        position += len(line) + 1
    return lines


@cache
def _artefact_line() -> re.Pattern[str]:
    """Channel-post furniture: handles, "Link" lines, bullet emojis, agency sign-offs (word_classes.tsv,
    normalised as the lines they are matched in are: hazm writes "انتهای پیام" as "انت‌های پیام")."""
    sign_offs = "|".join(re.escape(normalize(form)) for form in sorted(word_class("sign_off")))
    return re.compile(rf"^\W*(@\w+|-?\s*link|{sign_offs})\W*$", re.IGNORECASE)


@cache
def _open_ends() -> frozenset[str]:
    return frozenset(row["form"] for row in rows("open_ends"))


def _open_end(line: str) -> bool:
    # Only the line's last token matters: tokenise its tail, not the whole line (every line passes here).
    tokens = words(line.rstrip()[-_TAIL:])
    return bool(tokens) and tokens[-1] in _open_ends()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a normalised text whose first line is the title. A headline without a final stop
    stays a sentence of its own; a body line cut inside its sentence is joined with the next."""
    sentences: list[Sentence] = []
    for line_number, line_start, line in _logical_lines(text):
        stripped = line.strip()
        if not stripped or _artefact_line().match(stripped):
            continue
        piece_start = 0
        for boundary in _ends(line, title=line_number == 0):
            _add(sentences, line_number, line_start, line[piece_start : boundary.start(1)], piece_start)
            piece_start = boundary.end(1)
        _add(sentences, line_number, line_start, line[piece_start:], piece_start)
    return sentences


def _ends(line: str, title: bool) -> list[re.Match[str]]:
    """Where the line's sentences end: at stops (not after a Latin letter's initial, "اس. جایشانکار"),
    and in the title also where headlines are joined."""
    ends = [end for end in _SENTENCE_END.finditer(line) if not _after_initial(line, end.start())]
    if title:
        ends = sorted(ends + list(_HEADLINE_JOIN.finditer(line)), key=lambda end: end.start(1))
    return ends


def _after_initial(line: str, stop: int) -> bool:
    """Is the stop at `stop` an initial's: "." after a Latin letter's name standing alone, not after a
    number (the month "دی" in "۱۵ دی."), with more of the line after it?"""
    if line[stop] != "." or not line[stop + 1 :].strip():
        return False
    space = line.rfind(" ", 0, stop)
    if line[space + 1 : stop] not in _INITIALS:
        return False
    previous = line[: max(space, 0)].rsplit(" ", 1)[-1]
    return not any(character.isdigit() for character in previous)


def _add(sentences: list[Sentence], line: int, line_start: int, piece: str, piece_start: int) -> None:
    stripped = piece.strip()
    if not stripped or not _WORD_CHAR.search(stripped):
        return
    start = line_start + piece_start + piece.index(stripped)
    sentences.append(Sentence(len(sentences), line, start, start + len(stripped), stripped, words(stripped)))
