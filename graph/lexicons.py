"""The lexicons graph/ reads, the topic tree, the country names and the titles (graph/keys.py), straight
from the shared data files in ingest/data/ (one copy of each): the data is shared, ingest/'s code that
reads it is not."""

import csv
from functools import cache
from pathlib import Path

from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `ingest/data/NAME.tsv` as dicts keyed by the header; empty cells are ''."""
    text = (DATA / f"{name}.tsv").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({key: (value or "").strip() for key, value in row.items() if key} for row in reader)


@cache
def country_names(code: str) -> tuple[str | None, str | None]:
    """A country's Persian and English names: the lexicon's (built from CLDR, with the press's own
    forms), else CLDR's through Babel for an ISO code the lexicon lacks; (None, None) if CLDR lacks it."""
    row = next((row for row in rows("countries") if row["code"] == code), None)
    if row:
        return row["name_fa"] or None, row["name_en"] or None
    return Locale("fa").territories.get(code), Locale("en").territories.get(code)
