"""Reads the letter classes of ingest/data/orthography.tsv: how letters and affixes are written before and
after normalisation, for the normaliser, the name matcher and the name skeletons.

The forms are raw text (the normaliser's input, not its output), so this reader, unlike
`ingest.lexicon`, normalises nothing and depends on nothing in ingest/; an invisible character is written
as its escape (`\\u200c`).
"""

import csv
import re
from functools import cache
from importlib import resources

_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _unescaped(cell: str) -> str:
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), cell)


@cache
def _classes() -> dict[str, tuple[tuple[str, str], ...]]:
    text = resources.files("ingest").joinpath("data/orthography.tsv").read_text(encoding="utf-8")
    found: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        found.setdefault(row["class"], []).append(
            (_unescaped(row["written"]), _unescaped(row["fixed"] or ""))
        )
    return {name: tuple(entries) for name, entries in found.items()}


def letter_map(name: str) -> tuple[tuple[str, str], ...]:
    """The (written, fixed) pairs of one class, in the file's order."""
    try:
        return _classes()[name]
    except KeyError:
        raise KeyError(f"orthography.tsv has no class {name!r}") from None


def letters(name: str) -> tuple[str, ...]:
    """The written forms of one class, in the file's order."""
    return tuple(written for written, _ in letter_map(name))


def one_letter(name: str) -> str:
    """The form of a class of one entry."""
    (form,) = letters(name)
    return form
