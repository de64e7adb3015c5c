"""The extractor's fingerprint: a hash of every file that decides what it finds, so a stored extraction
can tell whether today's extractor would write the same thing.

The human version (`ingest.pipeline.EXTRACTOR_VERSION`) moves when someone remembers to bump it; the
fingerprint moves with every change to the code, a lexicon row or a model file under ingest/, and with
the version of hazm, whose word lists the normaliser reads. `didar reprocess` re-extracts the articles
whose fingerprint differs from this one.
"""

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

INGEST_ROOT = Path(__file__).resolve().parent
LIBRARIES = ("hazm",)  # third-party code whose data changes the extractor's output
_SKIPPED_PARTS = {"__pycache__"}
_SKIPPED_SUFFIXES = {".pyc", ".pyo"}


def _files(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and not _SKIPPED_PARTS.intersection(path.relative_to(root).parts)
        and path.suffix not in _SKIPPED_SUFFIXES
    )


@cache
def extractor_fingerprint(root: Path = INGEST_ROOT) -> str:
    """16 hex digits over the relative path and bytes of every file under `root`, and the versions of
    LIBRARIES; computed once per process."""
    digest = hashlib.sha256()
    for path in _files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for library in LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}".encode())
    return digest.hexdigest()[:16]
