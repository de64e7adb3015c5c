"""Reads the lexicons in ingest/data/: UTF-8 TSV files with a header row, loaded once per process."""

import csv
from collections.abc import Iterator
from functools import cache
from importlib import resources

from ingest.normalize import normalize

ALTERNATIVES = "|"


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `ingest/data/NAME.tsv` as dicts keyed by the header; empty cells are ''."""
    text = resources.files("ingest").joinpath(f"data/{name}.tsv").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({key: (value or "").strip() for key, value in row.items() if key} for row in reader)


def alternatives(cell: str) -> list[str]:
    """The `|`-separated forms of one cell, normalised like article text."""
    return [normalize(form) for form in cell.split(ALTERNATIVES) if form.strip()]


def forms(row: dict[str, str], *columns: str) -> Iterator[str]:
    """Every normalised form in the given columns of a row."""
    for column in columns:
        yield from alternatives(row.get(column, ""))
