"""Knowledge-base links that check the whole name (ingest/resolve.py, ingest/knowledge.py): a written
given name must fit one of the holder's aliases; a bare surname needs a title or the article's context."""

from datetime import date

import pytest

from ingest.knowledge import NameFit, knowledge
from ingest.model import Article
from ingest.pipeline import extract


def _holder(name_en: str):  # type: ignore[no-untyped-def]
    return next(
        p for people in knowledge().holders_by_office.values() for p in people if p.name_en == name_en
    )


@pytest.mark.parametrize(
    ("written", "name_en", "fit"),
    [
        ("حاکان فیدان", "Hakan Fidan", NameFit.FULL),
        ("هاکان فیدان", "Hakan Fidan", NameFit.FULL),  # another letter for the same sound
        ("فیدان", "Hakan Fidan", NameFit.BARE),
        ("مراد فیدان", "Hakan Fidan", None),  # another given name: another person
        ("راضیه عراقچی", "Abbas Araghchi", None),
        ("سید عباس عراقچی", "Abbas Araghchi", NameFit.FULL),
        ("عباس عراقچی", "Abbas Araghchi", NameFit.FULL),
        ("یوسف باقری", "Mohammad Bagheri", None),
        ("سرلشکر محمد باقری", "Mohammad Bagheri", NameFit.FULL),
        ("جواد المالکی", "Nouri al-Maliki", NameFit.FULL),
    ],
)
def test_a_written_name_fits_a_holder_only_by_an_alias(
    written: str, name_en: str, fit: NameFit | None
) -> None:
    assert knowledge().name_fit(written, _holder(name_en)) is fit


def _parties(text: str, published: date = date(2025, 3, 1)) -> list[tuple[str | None, str | None]]:
    extraction = extract(Article(id="t", text=text, published=published))
    return [(p.name, p.name_en) for m in extraction.meetings for p in m.participants]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("حاکان فیدان وزیر امور خارجه ترکیه با عباس عراقچی دیدار کرد.", ("حاکان فیدان", "Hakan Fidan")),
        ("مراد فیدان با عباس عراقچی وزیر امور خارجه دیدار کرد.", ("مراد فیدان", None)),
        ("راضیه عراقچی با مراد فیدان دیدار کرد.", ("راضیه عراقچی", None)),
    ],
)
def test_the_kb_links_a_text_name_only_when_its_given_name_fits(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in _parties(text)
