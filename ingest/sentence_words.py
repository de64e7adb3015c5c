"""The words of one sentence as the party readers see them: tokens, plural titles made singular,
mentions, where the sentence proper starts, which words can be part of a name."""

import re

from ingest.knowledge import knowledge
from ingest.lexicon import word_class
from ingest.mentions import Kind, Mention, SentenceMentions
from ingest.segment import Sentence, is_punctuation
from ingest.triggers import Trigger

_DIGITS = re.compile(r"\d")
_SUFFIXES = word_class("word_suffix")
DELEGATION_WORDS = word_class("delegation")
_PLURAL_SUFFIXES = word_class("plural_suffix")
# The name tagger's probability under which a word is surely no name ("قدرت", "مرز", "تخریب"), and
# over which a word no lexicon knows begins one.
_SURELY_NOT_A_NAME = 0.01
BEGINS_A_NAME = 0.5
# A word the name tagger did not read (no name can matter in its sentence): neither vetoes nor begins a name.
UNDECIDED = (_SURELY_NOT_A_NAME + BEGINS_A_NAME) / 2


class SentenceWords:
    """A sentence's tokens and mentions, and what each word can be."""

    def __init__(
        self, sentence: Sentence, triggers: list[Trigger], mentions: SentenceMentions, names: list[float]
    ) -> None:
        """The layers of the passes before: the sentence's meeting words, its mentions, and the name
        tagger's reading of each word."""
        self.sentence = sentence
        self.triggers = triggers
        self.words = list(sentence.words)
        self.lead_in = mentions.lead_in
        self.singular = mentions.singular
        self.name_probability = names
        self.mentions = [m for m in mentions.mentions if not self._given_name_of_another(m)]
        self.mention_at: dict[int, Mention] = {m.first: m for m in self.mentions}
        self.covered: set[int] = {i for m in self.mentions for i in range(m.first, m.last)}

    def _given_name_of_another(self, mention: Mention) -> bool:
        """A known person's one-word name that is also a given name, with a word the name tagger reads
        as a name after it ("نصرالله کریمی", "عارف رستمی"): another man's given name."""
        after = mention.last
        return (
            mention.kind is Kind.PERSON
            and after - mention.first == 1
            and self.words[mention.first] in knowledge().first_names
            and after < len(self.words)
            and self.name_probability[after] >= BEGINS_A_NAME
            and not is_punctuation(self.words[after])
            and self.words[after] not in knowledge().title_words
        )

    # -- text helpers -----------------------------------------------------------------------------
    def span_text(self, first: int, last: int) -> str:
        spans = self.sentence.spans
        return self.sentence.text[spans[first][0] : spans[last - 1][1]]

    def role_text(self, first: int, last: int) -> str:
        """The title as written, each plural word made singular: "وزرای خارجه" → "وزیر خارجه"."""
        spans = self.sentence.spans
        pieces, previous_end = [], spans[first][0]
        for index in range(first, last):
            word, (start, end) = self.words[index], spans[index]
            if (
                word in _PLURAL_SUFFIXES
                and index > first
                and self.singular[index - 1] != self.words[index - 1]
            ):
                continue
            if word in _PLURAL_SUFFIXES and index > first and self.words[index - 1] in DELEGATION_WORDS:
                previous_end = end
                continue
            pieces.append(self.sentence.text[previous_end:start])
            pieces.append(self.singular[index])
            previous_end = end
        return "".join(pieces).strip().replace("\u200c ", " ")

    def name_tokens(self) -> frozenset[int]:
        """The words of person names: those the knowledge base knows, and those the name tagger reads as
        names ("فهمی" of "نبیل فهمی" is no "you understand", "گل" of "عبدالله گل" no goal)."""
        known = {i for m in self.mentions if m.kind is Kind.PERSON for i in range(m.first, m.last)}
        return frozenset(i for i in range(len(self.words)) if i in known or self._tagged_name(i))

    def _name_capable(self, index: int, *, titles_too: bool = False) -> bool:
        if index < 0 or index >= len(self.words) or index in self.covered:
            return False
        word = self.words[index]
        kb = knowledge()
        return not (
            is_punctuation(word)
            or _DIGITS.search(word)
            or (word in kb.not_names and not self._name_tail(index) and not self.sentence.runs_on(index))
            # "الله" of "روح‌الله" ends a given name; a title word only stands as a title on its own
            or (
                word in kb.title_words
                and not titles_too
                and self._starts_word(index)
                and not self._given_name_inside_titles(index)
            )
            or len(word) < 2
            or self.name_probability[index] < _SURELY_NOT_A_NAME
        )

    def _given_name_inside_titles(self, index: int) -> bool:
        """ "عمران کوالسکی", "اکبر رستمی": a given name that is a word inside titles ("... و عمران"), never
        the first word of one, is a name where the tagger reads it as one."""
        kb, word = knowledge(), self.words[index]
        return (
            word in kb.first_names
            and word not in kb.titles.first_words
            and self.name_probability[index] >= BEGINS_A_NAME
        )

    def _tagged_name(self, index: int) -> bool:
        """A word the name tagger reads as a name ("جورجا" before a known surname)."""
        return self.name_probability[index] >= BEGINS_A_NAME and self._name_capable(index)

    def _name_tail(self, index: int) -> bool:
        """ "نعمت‌زاده": after a ZWNJ, a common word ("زاده") ends a surname; a suffix ("های") does not."""
        return self.words[index] not in _SUFFIXES and index > 0 and not self._starts_word(index)

    def _starts_word(self, index: int) -> bool:
        """Is the token a word of its own, not the part after a ZWNJ ("گری" of "میانجی‌گری")?"""
        start = self.sentence.spans[index][0]
        return start == 0 or self.sentence.text[start - 1] != "\u200c"

    def _skip_honorifics_back(self, index: int) -> int:
        """Where the honorifics and ranks before `index` start ("آیت‌الله" is two tokens)."""
        moved = True
        while moved:
            moved = False
            for start in range(max(0, index - 4), index):
                honorific = self.mention_at.get(start)
                if honorific is not None and honorific.kind is Kind.HONORIFIC and honorific.last == index:
                    index, moved = start, True
                    break
        return index

    def _inner_hyphen(self, index: int) -> bool:
        """A hyphen with a word right against it on both sides."""
        if self.words[index] != "-" or index == 0 or index + 1 >= len(self.words):
            return False
        spans = self.sentence.spans
        return spans[index - 1][1] == spans[index][0] and spans[index][1] == spans[index + 1][0]
