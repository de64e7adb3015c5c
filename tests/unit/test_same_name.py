"""Two written names of one person within an article (the team's own names)."""

import pytest

from ingest.resolve import same_name


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("سید حسن حسینی", "حسینی شاهرودی", True),  # one name read in two overlapping pieces
        ("کامران رستمی", "کامران رستمی‌فر", True),  # a name cut before its last part
        ("علی کامرانی", "علی رستمی", False),  # one given name, two people
        ("مریم سهرابی", "سهرابی", True),
    ],
)
def test_pieces_of_one_name(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same
