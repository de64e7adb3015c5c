"""Where a name stands around a title or a word that opens one: before it, after it, in quotes, with its
patronymics."""

from ingest.knowledge import knowledge
from ingest.lexicon import one_word, word_class
from ingest.mentions import Kind
from ingest.sentence_words import BEGINS_A_NAME, SentenceWords

_PATRONYMICS = word_class("patronymic")
_DYNASTY = one_word("dynasty")
_LONGEST_NAME = 10  # "محمد بن عبدالرحمن بن جاسم بن جبر آل ثانی"
_QUOTES = word_class("quote")
_OPEN_QUOTES = word_class("open_quote")
_CLOSE_QUOTES = word_class("close_quote")
_COMMAS = word_class("comma")


class NameReader(SentenceWords):
    """Finds the spans of names in a sentence."""

    def _name_before(self, index: int) -> tuple[int, int] | None:
        """A name of 1-3 words that ends right before `index` (a comma may sit between)."""
        end = index
        if end - 1 >= 0 and self.words[end - 1] in _COMMAS:
            end -= 1
        if end - 1 >= 0 and self.words[end - 1] in _CLOSE_QUOTES:
            quoted = self._quoted_back(end - 1)
            if quoted:
                return quoted
        start = end
        while start - 1 >= 0 and self._words_in(start - 1, end) <= 3 and self._name_capable(start - 1):
            start -= 1
        while start < end and not self._starts_word(start):
            start += 1  # "میانجی‌گری بدر ...": "گری" ends another word, it begins no name
        while start - 1 >= 0 and end - start < _LONGEST_NAME:
            # "خالد بن هلال المعولی": a patronymic makes a longer name.
            if self.words[start] in _PATRONYMICS and self._name_capable(start - 1):
                start -= 1
            elif start >= 2 and self.words[start - 1] in _PATRONYMICS and self._name_capable(start - 2):
                start -= 2
            elif start >= 2 and self._inner_hyphen(start - 1) and self._name_capable(start - 2):
                start -= 2  # "دیاز-کانل"
                if start >= 1 and self.words[start - 1] in knowledge().first_names:
                    start -= 1  # "میگل دیاز-کانل"
            elif (
                start >= 3
                and self.words[start - 2] in _PATRONYMICS
                and self._name_capable(start - 1, titles_too=True)  # "بن هلال": a father's name
                and self._name_capable(start - 3)
            ):
                start -= 3
            else:
                break
        if start == end or start < self.lead_in:
            return None
        kb = knowledge()
        # Start at a given name when one precedes the surname ("گفت ایگور خوایف"); a surname that is
        # also a given name somewhere ("کریستوف برنار") does not cut the name short.
        for index in range(start, end - 1):
            if self.words[index] in kb.first_names:
                return index, end
        return start, end

    def _words_in(self, first: int, last: int) -> int:
        """How many words tokens [first, last) make: "روح‌الله" is two tokens of one word."""
        return sum(1 for index in range(first, last) if self._starts_word(index))

    def _name_after(self, index: int) -> tuple[int, int] | None:
        """A name right after a title phrase: it must start with a known given name or be quoted."""
        if index < len(self.words) and self.words[index] in _COMMAS:
            index += 1
        if index < len(self.words) and self.words[index] in _OPEN_QUOTES:
            return self._quoted_forward(index)
        kb = knowledge()
        if (
            index >= len(self.words)
            or not (self.words[index] in kb.first_names or self.name_probability[index] >= BEGINS_A_NAME)
            or not self._name_capable(index)
            or not self._starts_word(index)
        ):
            return None
        end = index + 1
        while end < len(self.words) and self._words_in(index, end + 1) <= 3 and self._name_capable(end):
            end += 1
        end = self._patronymics_after(index, end)
        return (index, end) if self._words_in(index, end) >= 2 else None

    def _quoted_back(self, close: int) -> tuple[int, int] | None:
        start = close
        while start - 1 >= 0 and self.words[start - 1] not in _QUOTES and close - start < 5:
            start -= 1
        if start - 1 >= 0 and self.words[start - 1] in _OPEN_QUOTES and start < close:
            return start, close
        return None

    def _quoted_forward(self, open_: int) -> tuple[int, int] | None:
        end = open_ + 1
        while end < len(self.words) and self.words[end] not in _QUOTES and end - open_ < 6:
            end += 1
        if end < len(self.words) and self.words[end] in _CLOSE_QUOTES and end > open_ + 1:
            return open_ + 1, end
        return None

    def _looks_like_name(self, first: int, last: int) -> bool:
        """A quoted phrase is a name when a given name starts it or a title follows it."""
        if last - first > 4 or not all(self._name_capable(i) for i in range(first, last)):
            return False
        if self.words[first] in knowledge().first_names:
            return True
        after = last + 1 if last < len(self.words) and self.words[last] in _QUOTES else last
        if after < len(self.words) and self.words[after] in _COMMAS:
            after += 1
        title = self.mention_at.get(after)
        return title is not None and title.kind is Kind.TITLE

    def _opens_a_name(self, index: int) -> bool:
        """A given name the lexicon knows, or a word the tagger reads as the first of a name of two or
        more words ("اندی برنهام")."""
        if not 0 <= index < len(self.words):
            return False
        probability = self.name_probability
        given_name = self.words[index] in knowledge().first_names
        # Most words are neither: they are turned away before the dearer reading of `_name_capable`.
        if not (given_name or probability[index] >= BEGINS_A_NAME):
            return False
        if not (self._name_capable(index) and self._starts_word(index)):
            return False
        return given_name or (
            (index == 0 or probability[index - 1] < BEGINS_A_NAME)
            and index + 1 < len(self.words)
            and probability[index + 1] >= BEGINS_A_NAME
        )

    def _patronymics_after(self, first: int, end: int) -> int:
        """ "عبدالله بن احمد آل خلیفه": a name read forward goes on through "بن X" and "آل X", and
        through a hyphen written inside a name ("میگل دیاز-کانل")."""
        words = self.words
        while (
            end + 1 < len(words)
            and end + 2 - first <= _LONGEST_NAME
            and (words[end] in _PATRONYMICS or words[end] == _DYNASTY or self._inner_hyphen(end))
            and self._name_capable(end + 1, titles_too=True)
        ):
            end += 2
        return end
