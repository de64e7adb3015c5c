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
