"""A normalised name or title back in the spelling of the article as it came: "احمدی‌نژاد" is "احمدی نژاد" in a
text that writes it with a space. The eval contract asks for names as written; the graph keeps the
normalised ones."""

import re
from functools import lru_cache

from ingest.lexicon import one_word
from ingest.orthography import letter_map

# Letters the normaliser unifies, each with the forms a raw text may use.
_VARIANTS = {letter: forms for forms, letter in letter_map("letter_variant")}
_MARKS = r"[\u064b-\u065f\u0670\u0640]*"  # diacritics and tatweel a raw text may carry
_JOIN = "[\u200c\u200d ]?"  # the normaliser also joins words a text spaces ("دبیر کل" → "دبیرکل")


@lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str]:
    parts: list[str] = []
    for char in name:
        if char == "\u200c":
            parts.append(r"[\u200c\s]*")
        elif char.isspace():
            parts.append(r"[\s\u200c]+")
        else:
            variants = _VARIANTS.get(char, char)
            parts.append((f"[{re.escape(variants)}]" if len(variants) > 1 else re.escape(char)) + _MARKS)
            parts.append(_JOIN)
    if parts and parts[-1] == _JOIN:
        parts.pop()  # a space after the last letter is no part of the name ("هاکان فیدان (وزیر ...)")
    # The normaliser may have joined what the text spaced ("احمدی نژاد") or split what it ran together.
    body = (
        "".join(parts)
        .replace(_JOIN + r"[\u200c\s]*", r"[\u200c\s]*")
        .replace(_JOIN + r"[\s\u200c]+", r"[\s\u200c]+")
    )
    return re.compile(rf"(?<![\w\u200c]){body}(?![\w\u200c])")


def as_written(raw: str, name: str) -> str | None:
    """The first spelling of `name` in `raw` that differs from it only in the letters, spaces, ZWNJs
    and marks the normaliser changes; None if the text has no such spelling."""
    match = _pattern(name).search(raw)
    return match.group(0) if match else None


def surname_as_written(raw: str, name: str) -> str | None:
    """The article's spelling of the surname of `name`, with or without the Arabic article "ال"."""
    surname = name.split()[-1]
    article = one_word("arabic_article")
    bare = surname.removeprefix(article)
    for form in dict.fromkeys((surname, bare, article + bare)):
        if len(form) >= 3 and (written := as_written(raw, form)):
            return written
    return None
