"""The two lexicons graph/ reads, the topic tree and the country names, straight from the shared data
files in ingest/data/ (one copy of each): the data is shared, ingest/'s code that reads it is not."""

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `ingest/data/NAME.tsv` as dicts keyed by the header; empty cells are ''."""
    text = (DATA / f"{name}.tsv").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({key: (value or "").strip() for key, value in row.items() if key} for row in reader)
