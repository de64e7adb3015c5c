"""Meeting dates from the sentence's own words, relative to the publication day."""

from datetime import date

import pytest

from ingest.dates import meeting_date
from ingest.normalize import normalize
from ingest.segment import split_sentences

WEDNESDAY = date(2025, 3, 12)


def _date(text: str, published: date | None, planned: bool = False) -> date | None:
    sentence = split_sentences(normalize(text))[0]
    trigger = next(i for i, t in enumerate(sentence.tokens) if t.text in ("دیدار", "گفت"))
    return meeting_date(sentence, published, planned=planned, anchors=(trigger,))


@pytest.mark.parametrize(
    ("text", "planned", "expected"),
    [
        ("وزیر خارجه امروز با سفیر ژاپن دیدار کرد.", False, WEDNESDAY),
        ("وزیر خارجه عصر امروز با سفیر ژاپن دیدار کرد.", False, WEDNESDAY),
        ("وزیر خارجه دیروز با سفیر ژاپن دیدار کرد.", False, date(2025, 3, 11)),
        ("وزیر خارجه دیشب با همتای خود تلفنی گفت‌وگو کرد.", False, date(2025, 3, 11)),
        ("وزیر خارجه روز گذشته با سفیر ژاپن دیدار کرد.", False, date(2025, 3, 11)),
        # "سه‌شنبه" tokenises as سه + شنبه: its شنبه is not Saturday.
        ("وزیر خارجه روز سه‌شنبه با سفیر ژاپن دیدار کرد.", False, date(2025, 3, 11)),
        ("وزیر خارجه روز پنج‌شنبه با سفیر ژاپن دیدار خواهد کرد.", True, date(2025, 3, 13)),
        ("وزیر خارجه هفته گذشته با سفیر ژاپن دیدار کرد.", False, None),
        ("وزیر خارجه فردا با سفیر ژاپن دیدار خواهد کرد.", True, date(2025, 3, 13)),
        ("وزیر خارجه روز دوشنبه با سفیر ژاپن دیدار کرد.", False, date(2025, 3, 10)),
        ("وزیر خارجه روز شنبه با سفیر ژاپن دیدار خواهد کرد.", True, date(2025, 3, 15)),
        ("این دیدار در ۲۰ اسفند ۱۴۰۳ انجام شد.", False, date(2025, 3, 10)),
        ("این دیدار روز ۱۷ مارس برگزار می‌شود.", True, date(2025, 3, 17)),
        ("این دیدار روز 1403/12/20 انجام شد.", False, date(2025, 3, 10)),
        ("وزیر خارجه با سفیر ژاپن دیدار کرد.", False, None),
        # Month names glued to "ماه", days written as ordinals.
        ("وزیر خارجه روز ۱۹ اسفندماه با سفیر ژاپن دیدار کرد.", False, date(2025, 3, 9)),
        ("وزیر خارجه روز ۱۹ اسفند ماه ۱۴۰۲ با سفیر ژاپن دیدار کرد.", False, date(2024, 3, 9)),
        ("وزیر خارجه در بیست و یکم اسفندماه با سفیر ژاپن دیدار کرد.", False, date(2025, 3, 11)),
        ("وزیر خارجه اول فروردین با سفیر ژاپن دیدار خواهد کرد.", True, date(2025, 3, 21)),
        # Dushanbe is no Monday.
        ("وزیر خارجه امروز وارد دوشنبه شد و با سفیر ژاپن دیدار کرد.", False, WEDNESDAY),
        # A day in another clause dates something else.
        ("در آستانه نشستی که دوشنبه آغاز خواهد شد، سفیران با مدیرکل آژانس دیدار کردند.", False, None),
        (
            "رئیس‌جمهور در همایشی که ۲۰ مارس (۳۰ اسفند) در ژنو برگزار خواهد شد، با دبیرکل دیدار خواهد کرد.",
            True,
            None,
        ),
        # A long clause may stand between the meeting's only day and the meeting word.
        (
            "دو رئیس‌جمهور روز پنجشنبه، هنگامی که رئیس‌جمهور روسیه برای شرکت در مراسم سالگرد پیروزی"
            " برای مدت کوتاهی در پایتخت حضور خواهد داشت، با یکدیگر دیدار خواهند کرد.",
            True,
            date(2025, 3, 13),
        ),
        # The day of the journey is not the meeting's.
        ("فرمانده ارتش عصر دیروز برای دیدار با مقامات ایرانی به تهران سفر کرد.", False, None),
    ],
)
def test_meeting_date(text: str, planned: bool, expected: date | None) -> None:
    assert _date(text, WEDNESDAY, planned) == expected


def test_relative_words_need_a_publication_day() -> None:
    assert _date("وزیر خارجه امروز با سفیر ژاپن دیدار کرد.", None) is None
    assert _date("این دیدار در ۲۰ اسفند ۱۴۰۳ انجام شد.", None) == date(2025, 3, 10)
