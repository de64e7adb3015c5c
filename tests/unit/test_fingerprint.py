"""The extractor's fingerprint follows its code, lexicons and model files, and nothing else."""

import shutil
from pathlib import Path

from ingest.fingerprint import INGEST_ROOT, extractor_fingerprint


def _copy_of_ingest(tmp_path: Path) -> Path:
    copy = tmp_path / "ingest"
    shutil.copytree(INGEST_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_copy_of_the_extractor_has_the_same_fingerprint(tmp_path: Path) -> None:
    copy = _copy_of_ingest(tmp_path)
    (copy / "__pycache__").mkdir(exist_ok=True)
    (copy / "__pycache__" / "pipeline.cpython-312.pyc").write_bytes(b"compiled")

    assert extractor_fingerprint(copy) == extractor_fingerprint()
    assert len(extractor_fingerprint()) == 16


def test_changing_one_lexicon_row_changes_the_fingerprint(tmp_path: Path) -> None:
    copy = _copy_of_ingest(tmp_path)
    before = extractor_fingerprint(copy)
    roles = copy / "data" / "roles.tsv"
    text = roles.read_text(encoding="utf-8")
    assert "\tSupreme Leader\t" in text
    roles.write_text(text.replace("\tSupreme Leader\t", "\tLeader of the Revolution\t"), encoding="utf-8")
    extractor_fingerprint.cache_clear()

    assert extractor_fingerprint(copy) != before


def test_changing_the_code_changes_the_fingerprint(tmp_path: Path) -> None:
    copy = _copy_of_ingest(tmp_path)
    before = extractor_fingerprint(copy)
    with (copy / "pipeline.py").open("a", encoding="utf-8") as code:
        code.write("# a comment\n")
    extractor_fingerprint.cache_clear()

    assert extractor_fingerprint(copy) != before
