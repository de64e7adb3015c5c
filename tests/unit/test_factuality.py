"""Factuality of a meeting word, read from its clause (the team's own sentences)."""

import pytest

from ingest.factuality import Clauses
from ingest.model import Article
from ingest.normalize import normalize
from ingest.pipeline import extract
from ingest.segment import split_sentences
from ingest.triggers import find_triggers


def _mood_of_first_trigger(sentence: str) -> str:
    parsed = split_sentences(normalize(f"عنوان\n{sentence}"))[1]
    trigger = find_triggers(parsed)[0]
    return Clauses(parsed).mood(trigger.first, trigger.last)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("علی کامرانی با وزیر خارجه ترکیه دیدار کرد.", "factual"),
        ("علی کامرانی با وزیر خارجه ترکیه دیدار و گفت‌وگو کردند.", "factual"),
        ("علی کامرانی در دیدار با وزیر خارجه ترکیه گفت روابط خوب است.", "factual"),
        ("دو وزیر در نشستی که سه ساعت طول کشید، توافق کردند.", "factual"),  # a past verb, not "ید"
        ("علی کامرانی با وزیر خارجه ترکیه دیدار نکرد.", "negated"),
        ("علی کامرانی با وزیر خارجه ترکیه دیدار نخواهد کرد.", "negated"),
        ("علی کامرانی با وزیر خارجه ترکیه دیدار خواهد کرد.", "future"),
        ("قرار است علی کامرانی با وزیر خارجه ترکیه دیدار کند.", "future"),
        ("این نشست قرار است روز جمعه در مسکو برگزار شود.", "future"),  # the plan after the noun
        ("وی عازم مسکو شد تا با همتای روس خود دیدار کند.", "future"),  # a purpose clause
        ("علی کامرانی خواستار دیدار با وزیر خارجه ترکیه شد.", "unreal"),
        ("علی کامرانی می‌خواهد با وزیر خارجه ترکیه دیدار کند.", "unreal"),
        ("احتمالا دیداری میان رؤسای دو هیئت برگزار شود.", "unreal"),
        ("اگر شرایط فراهم شود، دو رئیس‌جمهور دیدار خواهند کرد.", "unreal"),
        ("او برای برگزاری دیدار دو رهبر تلاش خواهد کرد.", "unreal"),  # the verb's noun is a wish
        # a wish a few words before its meeting word, across "خود را برای"; one the meeting is the purpose of
        ("علی کامرانی تمایل خود را برای دیدار با وزیر خارجه ترکیه اعلام کرد.", "unreal"),
        ("علی کامرانی برای دیدار با وزیر خارجه ترکیه اعلام آمادگی کرد.", "unreal"),
        ("علی کامرانی برای دیدار با وزیر خارجه ترکیه به آنکارا رفت.", "factual"),
        ("کارشناسان درباره روند گفت‌وگوها سخن گفتند.", "factual"),  # "روند" here is "process"
        # "هستند" is the copula's present, no subjunctive; "جنگی" before "و" is an adjective, not "you fight"
        ("علی کامرانی و وزیر خارجه ترکیه در حال گفت‌وگو درباره توافق هستند.", "factual"),
        ("علی کامرانی در دیدار با وزیر خارجه ترکیه بر آمادگی در شرایط جنگی و پساجنگ تاکید کرد.", "factual"),
        # called off or refused: the noun of the clause's verb says so
        ("دیدار دو وزیر خارجه به تعویق افتاد.", "negated"),
        ("کاخ سفید دیدار رئیس‌جمهور با سفیر ژاپن را لغو کرد.", "negated"),
        ("نشست سران دو کشور منتفی شد.", "negated"),
        ("علی کامرانی از دیدار با وزیر خارجه ترکیه خودداری کرد.", "negated"),
        # trying is no arrangement, though a purpose clause follows it and a journey is named
        ("رئیس‌جمهور در تلاش است تا در سفر آینده خود با رهبر کره دیدار کند.", "unreal"),
    ],
)
def test_mood(sentence: str, expected: str) -> None:
    assert _mood_of_first_trigger(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("پس از دیدار با نخست‌وزیر، وزیر خارجه خواستار آتش‌بس شد.", "factual"),  # the wish is not the meeting's
        ("پس از دیدار با نخست‌وزیر، وزیر خارجه این گزارش را رد کرد.", "factual"),  # nor the refusal
        ("وزیر خارجه هنگام دیدار با نخست‌وزیر ادعاهای رسانه‌ها را رد کرد.", "factual"),
        # the meeting's own verb left out before "و": the refusal is the next clause's
        ("وزیر خارجه با نخست‌وزیر دیدار و ادعاهای رسانه‌ها را رد کرد.", "factual"),
        ("وزیر خارجه خواستار دیدار با نخست‌وزیر شد.", "unreal"),
        ("کرملین اعلام کرد رئیس‌جمهور آماده دیدار با همتای اوکراینی خود است.", "unreal"),
        # the reported speech is not the meeting verb
        ("وزیر در دیدار با سفیر گفت کشورش هیچ مشکلی ندارد.", "factual"),
    ],
)
def test_mood_of_adjuncts_and_speech(sentence: str, expected: str) -> None:
    assert _mood_of_first_trigger(sentence) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وزیر خارجه در گفت‌وگو با خبرنگار شبکه دوم درباره مذاکرات سخن گفت.",
        "رئیس‌جمهور در گفت‌وگوی تلویزیونی با شبکه خبر از برنامه‌های دولت گفت.",
    ],
)
def test_an_interview_is_no_meeting(text: str) -> None:
    article = Article.model_validate({"id": "i", "title": "خبر", "text": text, "published": "2026-05-01"})
    assert extract(article).meetings == []


def test_a_session_of_one_body_is_no_meeting() -> None:
    text = "وزیر امور خارجه کشورمان در نشست شورای وزیران امور خارجه سازمان همکاری گفت همکاری ادامه دارد."
    article = Article.model_validate({"id": "s", "title": "خبر", "text": text, "published": "2026-05-01"})
    assert extract(article).meetings == []


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("وزیر خارجه با سفیر ژاپن دیدار کرد.", "3"),
        ("هیئت‌ها فردا با سفیر ژاپن دیدار خواهند کرد.", "3"),
        ("آنها تا کنون با سفیر ژاپن دیدار نمی‌کنند.", "3"),
        ("وزیر با سفیر ژاپن دیدار کرده است.", "3"),
        ("امروز با سفیر ژاپن دیدار کردم.", "1"),
        ("ما با سفیر ژاپن دیدار کرده‌ایم.", "1"),
        ("با سفیر ژاپن دیدار داشتیم.", "1"),
        ("وزیر در دیدار با سفیر ژاپن گفت روابط خوب است.", None),  # the verb is not the meeting word's
    ],
)
def test_the_person_of_a_meeting_words_own_verb(sentence: str, person: str | None) -> None:
    parsed = split_sentences(normalize(f"عنوان\n{sentence}"))[1]
    trigger = find_triggers(parsed)[0]
    assert Clauses(parsed).own_verb_person(trigger.first, trigger.last) == person
