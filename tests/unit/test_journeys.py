"""Talks on a journey whose host the text does not name are with the host country."""

import pytest

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


def _places(text: str) -> list[str | None]:
    article = Article.model_validate({"id": "j", "title": "خبر", "text": text, "published": "2026-05-01"})
    return [m.place.country if m.place else None for m in extract(article).meetings]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # The journey told before the meeting word, its noun before or after the place.
        ("وزیر امور خارجه در نخستین سفر رسمی خود به ارمنستان با آرارات میرزویان دیدار کرد.", "AM"),
        ("وزیر کشور پاکستان به تهران سفر کرد و با اسکندر مومنی وزیر کشور دیدار کرد.", "IR"),
        # A journey told as after the meeting is not where it was.
        ("محسن نقوی پیش از سفر به تهران با شهباز شریف نخست‌وزیر پاکستان دیدار کرد.", None),
        # A call is not held anywhere.
        ("وزیر امور خارجه در سفر به ارمنستان در تماسی تلفنی با هاکان فیدان گفت‌وگو کرد.", None),
    ],
)
def test_a_meeting_on_a_journey_is_held_where_the_journey_goes(text: str, country: str | None) -> None:
    assert _places(text) == [country]


def test_a_meeting_on_this_trip_is_held_where_the_trip_told_before_goes() -> None:
    places = _places(
        "وزیر دفاع آمریکا امروز در نخستین سفر رسمی خود به اسرائیل می‌رود.\n"
        "او قرار است در این سفر با بنیامین نتانیاهو نخست‌وزیر اسرائیل و یسرائیل کاتس دیدار کند."
    )
    assert places == ["IL"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("هیئت‌های ایران و آمریکا امروز در آغاز مذاکرات ژنو با یکدیگر دیدار کردند.", "CH"),
        ("رئیس‌جمهور آمریکا در دیدار با امیر قطر در حاشیه نشست گروه هفت در فرانسه از توافق سخن گفت.", "FR"),
        # A document named for the city it was signed in is no meeting held there.
        ("عراقچی همتای کویتی را در جریان تفاهم‌نامه اسلام‌آباد قرار داد و با او گفت‌وگو کرد.", None),
    ],
)
def test_a_meeting_is_held_where_its_meeting_word_or_summit_is(text: str, country: str | None) -> None:
    assert _places(text) == [country]


def test_a_call_is_held_nowhere() -> None:
    assert _places("وزیر امور خارجه امروز در تهران در تماسی تلفنی با هاکان فیدان گفت‌وگو کرد.") == [None]
