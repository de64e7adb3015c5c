"""A switch of bench/rule_use turns one function or method off: it returns the value it names."""

from collections.abc import Iterator

import pytest

from bench.rule_use import Switch


class Reader:
    def kept(self, items: list[int]) -> list[int]:
        return [item for item in items if item > 1]

    def fires(self) -> bool:
        return True


def named(items: list[int]) -> list[int]:
    return items[:1]


@pytest.fixture
def restore() -> Iterator[None]:
    """Put the switched functions back: a switch replaces them for the whole process."""
    saved = Reader.kept, Reader.fires, named
    yield
    Reader.kept, Reader.fires = saved[0], saved[1]
    globals()["named"] = saved[2]


@pytest.mark.usefixtures("restore")
def test_a_method_switched_to_same_gives_back_its_argument_after_self() -> None:
    Switch.parse(f"{__name__}:Reader.kept=same").apply()
    assert Reader().kept([0, 1, 2]) == [0, 1, 2]


@pytest.mark.usefixtures("restore")
def test_a_function_switched_to_same_gives_back_its_first_argument() -> None:
    Switch.parse(f"{__name__}:named=same").apply()
    assert globals()["named"]([3, 4]) == [3, 4]


@pytest.mark.usefixtures("restore")
def test_a_method_switched_to_false_no_longer_fires() -> None:
    Switch.parse(f"{__name__}:Reader.fires=false").apply()
    assert Reader().fires() is False


@pytest.mark.parametrize("text", ["no-colon=false", f"{__name__}:named=maybe", f"{__name__}:named"])
def test_a_malformed_switch_is_refused_with_its_text(text: str) -> None:
    with pytest.raises(SystemExit, match="bench/rule_use"):
        Switch.parse(text)


def test_a_switch_of_no_such_function_is_refused() -> None:
    with pytest.raises(SystemExit, match="has no function"):
        Switch.parse(f"{__name__}:Reader.missing=none").apply()
