"""Word classes learned from raw news (`ingest.cluster_training`): words that stand in the same company
share a class, so a surname the lexicons never saw reads like the surnames they did. The classes are a
file shipped in the package (`ingest/models/clusters.tsv`), rebuilt by `didar train clusters`; the name
tagger reads them as features."""

from __future__ import annotations

from functools import cache
from importlib import resources

TABLE = "models/clusters.tsv"


@cache
def classes() -> dict[str, tuple[str, ...]]:
    """Each word's class at each size, as features ("c64=12", "c512=301")."""
    lines = resources.files("ingest").joinpath(TABLE).read_text(encoding="utf-8").splitlines()
    sizes = [column.removeprefix("class") for column in lines[0].split("\t")[1:]]
    found = {}
    for line in lines[1:]:
        word, *ids = line.split("\t")
        found[word] = tuple(f"c{size}={id_}" for size, id_ in zip(sizes, ids, strict=True))
    return found
