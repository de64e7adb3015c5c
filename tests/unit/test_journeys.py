"""Talks on a journey whose host the text does not name are with the host country."""

from ingest.model import Article
from ingest.pipeline import extract


def _parties(text: str) -> list[list[tuple[str | None, str | None]]]:
    article = Article.model_validate({"id": "j", "title": "خبر", "text": text, "published": "2026-05-01"})
    return [[(p.name, p.country) for p in m.participants] for m in extract(article).meetings]


def test_the_host_country_of_a_journey_made_for_talks() -> None:
    meetings = _parties("کامران رستمی، رئیس بانک مرکزی برای گفت‌وگو درباره پول‌های بلوکه‌شده به دوحه سفر کرد.")
    assert meetings == [[("کامران رستمی", "IR"), (None, "QA")]]


def test_no_host_when_the_text_names_the_partner() -> None:
    meetings = _parties("مریم سهرابی وزیر خارجه برای رایزنی با سرگئی لاوروف به مسکو سفر کرد.")
    assert meetings and all(name for meeting in meetings for name, _ in meeting)


def test_no_host_when_the_partner_is_a_pronoun() -> None:
    meetings = _parties("فردا به دعوت رئیس‌جمهور به واشنگتن سفر خواهم کرد تا با او ملاقات کنم.")
    assert (None, "US") not in [party for meeting in meetings for party in meeting]
