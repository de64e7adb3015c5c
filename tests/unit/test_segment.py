"""Sentences of a post whose lines are cut inside a sentence (the team's own text)."""

from ingest.segment import split_sentences


def test_a_line_cut_inside_its_sentence_joins_the_next() -> None:
    text = "عنوان خبر\nوزیر خارجه امروز با\nهمتای ترک خود دیدار کرد.\nخط بعدی."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "عنوان خبر",
        "وزیر خارجه امروز با\nهمتای ترک خود دیدار کرد.",
        "خط بعدی.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)  # offsets still point into the text


def test_the_headline_never_joins_the_body() -> None:
    sentences = split_sentences("دیدار وزیر با\nمتن خبر.")
    assert [s.text for s in sentences] == ["دیدار وزیر با", "متن خبر."]


def test_a_title_of_several_headlines_is_a_sentence_each_but_a_body_slash_is_not() -> None:
    text = "نشست وزیر با سفیران عرب / درخواست روسیه برای آتش‌بس\nفیلم «گرانادا / Granada» پخش شد."
    assert [(s.line, s.text) for s in split_sentences(text)] == [
        (0, "نشست وزیر با سفیران عرب /"),
        (0, "درخواست روسیه برای آتش‌بس"),
        (1, "فیلم «گرانادا / Granada» پخش شد."),
    ]
    # a date or a pair of words joined by a slash without spaces is no headline join
    assert len(split_sentences("دیدار ۱۳۹۹/۰۵/۰۱ و/یا گفتگو")) == 1


def test_an_initials_stop_ends_no_sentence_but_a_months_does() -> None:
    text = "عنوان\nکامران اسمیت با اس. جی. کاپور دیدار کرد. او سپس رفت. نشست روز ۱۵ دی. وزیر آمد."
    assert [s.text for s in split_sentences(text)][1:] == [
        "کامران اسمیت با اس. جی. کاپور دیدار کرد.",
        "او سپس رفت.",
        "نشست روز ۱۵ دی.",
        "وزیر آمد.",
    ]
