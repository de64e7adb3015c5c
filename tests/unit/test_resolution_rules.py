"""Cross-article identity rules (graph/resolution.py), without a database: names, conflicts, holders,
meetings within a day."""

from datetime import date

import pytest

from graph.keys import office_key, text_key
from graph.meeting_identity import WITHIN_A_DAY, KnownMeeting, Seat, choose_meeting, same_parties, stand_ins
from graph.resolution import (
    ROLE_HOLDER,
    SAME_HOLDER,
    SAME_NAME,
    SHORT_NAME,
    SPELLING,
    Candidate,
    Tenure,
    choose_holder,
    choose_person,
    name_rule,
)
from graph.rows import mention_of, name_forms, reports_of
from ingest.model import Article, Extraction, Meeting, Party, Span

FM = "وزیر امور خارجه"


def _forms(name: str):  # type: ignore[no-untyped-def]
    return name_forms(text_key(name))


@pytest.mark.parametrize(
    ("mention", "person", "rule"),
    [
        ("عباس عراقچی", "عباس عراقچي", SAME_NAME),  # Arabic ye
        ("حسین امیرعبداللهیان", "حسین امیر عبداللهیان", SAME_NAME),  # a space
        ("حسین امیر\u200cعبداللهیان", "حسین امیرعبداللهیان", SAME_NAME),  # a ZWNJ
        ("عراقچی", "عباس عراقچی", SHORT_NAME),  # surname only
        ("امیرعبداللهیان", "حسین امیر عبداللهیان", SHORT_NAME),  # a two-word surname, written as one
        ("عباس عراقچی", "عراقچی", SHORT_NAME),
        ("علی لاریجانی", "صادق لاریجانی", None),  # two people who share a surname
        ("عراقچی", "عباس", None),
        ("ابراهیم رئیسی", "ابراهیم رییسی", SAME_NAME),  # a hamza seat written or not
        ("اسکندر مؤمنی", "اسکندر مومنی", SAME_NAME),
        ("مومنی", "اسکندر مؤمنی", SHORT_NAME),
        ("مایک پمپئو", "مایک پامپئو", SPELLING),  # a long vowel written or left out
        ("نریندرا مودی", "نارندرا مودی", SPELLING),
        ("خوان گوایدو", "خوآن گوآیدو", SPELLING),  # the madda
        ("ایگناسیو کاسیس", "ایگنازیو کاسیس", SPELLING),  # a Latin s as "س" or "ز"
        ("حسن روحانی", "حسین روحانی", None),  # a Persian given name: its vowels tell names apart
        ("سعد حریری", "سعید حریری", None),  # an Arabic one too
        ("روح‌الله زم", "روح‌الله زام", None),  # a compound Persian given name
        ("پمپئو", "پامپئو", None),  # a bare surname: too little to go on
        ("مایک پمپئو", "مایک پنس", None),
    ],
)
def test_name_rules(mention: str, person: str, rule: str | None) -> None:
    assert name_rule(_forms(mention), _forms(person)) == rule


def _candidate(person_id: str, name: str, country: str = "IR", role: str | None = None) -> Candidate:
    offices = {mention_of(Party(name=name, role=role, country=country)).office} if role else set()
    return Candidate(person_id, _forms(name), {country}, set(), offices)  # type: ignore[arg-type]


def test_a_surname_joins_the_one_compatible_person_and_only_then() -> None:
    surname = mention_of(Party(name="لاریجانی", role="رئیس مجلس", country="IR"))
    ali = _candidate("p-ali", "علی لاریجانی", role="رئیس مجلس")
    sadegh = _candidate("p-sadegh", "صادق لاریجانی", role="رئیس قوه قضاییه")
    turk = _candidate("p-turk", "محمد لاریجانی", country="TR")

    chosen = choose_person(surname, [ali, sadegh, turk], blocked=set())
    assert chosen is not None and (chosen.id, chosen.rule) == ("p-ali", SHORT_NAME)  # role and country
    no_role = mention_of(Party(name="لاریجانی", country="IR"))
    assert choose_person(no_role, [ali, sadegh], blocked=set()) is None  # ambiguous: its own node
    assert choose_person(surname, [ali], blocked={"p-ali"}) is None  # an undone merge blocks the rule


def test_a_surname_the_knowledge_base_recognised_joins_its_holder_among_namesakes() -> None:
    surname = mention_of(Party(name="عراقچی", name_en="Abbas Araghchi", role=FM, country="IR"))
    abbas = Candidate("p-abbas", _forms("سید عباس عراقچی"), {"IR"}, english="Abbas Araghchi")
    kazem = Candidate("p-kazem", _forms("کاظم عراقچی"), {"IR"})
    assert (
        choose_person(mention_of(Party(name="عراقچی", role=FM, country="IR")), [abbas, kazem], set()) is None
    )
    chosen = choose_person(surname, [abbas, kazem], blocked=set())
    assert chosen is not None and (chosen.id, chosen.rule) == ("p-abbas", SAME_HOLDER)
    namesake = Candidate("p-other", _forms("عباس عراقچی"), {"IR"}, english="Abbas Araghchi")
    assert choose_person(surname, [abbas, kazem, namesake], blocked=set()) is None  # two holders: no rule
    stranger = mention_of(Party(name="عراقچی", name_en="Kazem Araghchi", country="IR"))
    assert choose_person(stranger, [abbas], blocked=set()) is None  # another holder, a bare surname


@pytest.mark.parametrize(
    ("title", "other", "same"),
    [
        ("وزیر خارجه", "وزیر امور خارجه", True),  # a synonym of the table
        ("رئیس جمهوری", "رئیس‌جمهور", True),
        ("وزیر امورخارجه", "وزیر خارجه", True),
        ("معاون وزیر خارجه", "وزیر امور خارجه", False),  # a rank word makes another office
        ("سرپرست وزارت خارجه", "وزیر خارجه", False),
        ("وزیر خارجه سابق", "وزیر خارجه", False),
        ("معاون سیاسی وزیر امور خارجه", "معاون سیاسی وزیر خارجه", True),
        ("معاون اول رئیس‌جمهور", "معاون رئیس جمهور", False),
        ("معاون رییس‌جمهوری", "معاون رئیس جمهور", True),  # a ranked office of the table, other wording
        ("معاون اول رییس جمهوری", "معاون اول رئیس‌جمهور", True),
        ("معاون رییس‌جمهوری سابق", "معاون رئیس جمهور", False),
    ],
)
def test_titles_are_one_office_whatever_the_wording_and_ranks_stay_apart(
    title: str, other: str, same: bool
) -> None:
    assert (office_key(title) == office_key(other)) is same


def test_a_surname_with_a_synonym_title_joins_the_full_name() -> None:
    fidan = _candidate("p-fidan", "حاکان فیدان", country="TR", role="وزیر امور خارجه")
    surname = mention_of(Party(name="فیدان", role="وزیر خارجه", country="TR"))
    chosen = choose_person(surname, [fidan], blocked=set())
    assert chosen is not None and (chosen.id, chosen.rule) == ("p-fidan", SHORT_NAME)
    deputy = mention_of(Party(name="فیدان", role="معاون وزیر خارجه", country="TR"))
    assert choose_person(deputy, [fidan], blocked=set()) is None  # another office: not him
    fuller = mention_of(Party(name="سید عباس عراقچی", role="وزیر امور خارجه", country="IR"))
    araghchi = _candidate("p-araghchi", "عراقچی", role="وزیر خارجه")
    chosen = choose_person(fuller, [araghchi], blocked=set())
    assert chosen is not None and chosen.id == "p-araghchi"


def _seen(person: Candidate, office: str | None, *days: date) -> Candidate:
    """The person as the graph saw them: in `office` (if any) on `days`."""
    person.seen = (min(days), max(days))
    if office:
        key = office_key(office)
        assert key is not None
        person.offices.add(key)
        person.tenures[key] = (min(days), max(days))
    return person


def test_a_given_name_is_evidence_enough_whatever_the_office() -> None:
    deputy = _seen(_candidate("p-araghchi", "عباس عراقچی"), "معاون وزیر امور خارجه", date(2019, 12, 10))
    political = mention_of(Party(name="سید عباس عراقچی", role="معاون سیاسی وزیر امور خارجه", country="IR"))
    chosen = choose_person(political, [deputy], blocked=set(), day=date(2020, 2, 26))
    assert chosen is not None and (chosen.id, chosen.rule) == ("p-araghchi", SHORT_NAME)


@pytest.mark.parametrize(
    ("seen_as", "seen_on", "day", "joins"),
    [
        ("شهردار", date(2011, 5, 24), date(2022, 6, 11), True),  # a mayor, later the speaker
        ("شهردار", date(2021, 5, 24), date(2022, 6, 11), False),  # two offices in one period
        (None, date(2015, 5, 24), date(2022, 6, 11), True),  # untitled: joins within the period
        (None, date(2011, 5, 24), date(2022, 6, 11), False),  # ... and only then
    ],
)
def test_an_office_of_another_period_is_a_career_not_another_person(
    seen_as: str | None, seen_on: date, day: date, joins: bool
) -> None:
    surname = _seen(_candidate("p-q", "قالیباف"), seen_as, seen_on)
    fuller = mention_of(Party(name="محمدباقر قالیباف", role="رئیس مجلس", country="IR"))
    chosen = choose_person(fuller, [surname], blocked=set(), day=day)
    assert (chosen is not None) is joins


@pytest.mark.parametrize(
    ("role", "day", "joins"),
    [
        (None, date(2026, 8, 13), False),  # an untitled surname 22 years on: another man
        (None, date(2005, 3, 1), True),  # the same period
        ("رئیس جمهور", date(2005, 3, 1), True),
        ("رئیس جمهور", date(2026, 8, 13), True),  # a shared office says who, whenever
        # a title in words the role table does not know says nothing: the period decides
        ("عضو کمیسیون حقوقی و قضایی مجلس", date(2026, 8, 13), False),
        ("عضو کمیسیون حقوقی و قضایی مجلس", date(2005, 3, 1), True),
        (None, None, True),  # no date: as before, the one person of that surname
    ],
)
def test_a_surname_without_a_known_title_joins_only_in_the_same_period(
    role: str | None, day: date | None, joins: bool
) -> None:
    president = _seen(_candidate("p-k", "سید محمد خاتمی"), "رئیس جمهور", date(2003, 11, 18), date(2004, 4, 7))
    surname = mention_of(Party(name="خاتمی", role=role, country="IR"))
    chosen = choose_person(surname, [president], blocked=set(), day=day)
    assert (chosen is not None) is joins


def test_the_same_name_in_another_country_is_another_person() -> None:
    mention = mention_of(Party(name="محمد علی", country="IQ"))

    assert choose_person(mention, [_candidate("p-1", "محمد علی", country="EG")], blocked=set()) is None
    same = choose_person(mention, [_candidate("p-2", "محمد  علي", country="IQ")], blocked=set())
    assert same is not None and same.rule == SAME_NAME


def test_an_unnamed_officeholder_is_the_one_person_seen_in_the_role_at_that_date() -> None:
    unnamed = mention_of(Party(role=FM, country="IR"))
    role = unnamed.role_id
    assert role is not None
    zarif = Tenure("p-zarif", role, date(2013, 8, 15), date(2021, 8, 20))
    araghchi = Tenure("p-araghchi", role, date(2024, 8, 25), date(2025, 6, 1))

    linked = choose_holder(unnamed, date(2025, 1, 10), [zarif, araghchi])
    assert linked is not None and (linked.id, linked.rule) == ("p-araghchi", ROLE_HOLDER)
    assert choose_holder(unnamed, date(2023, 1, 1), [zarif, araghchi]) is None  # nobody seen then
    assert choose_holder(unnamed, None, [zarif, araghchi]) is None
    overlap = Tenure("p-other", role, date(2024, 1, 1), date(2025, 2, 1))
    assert choose_holder(unnamed, date(2025, 1, 10), [araghchi, overlap]) is None  # two: stays unnamed


def _report(article: str, published: date | None, day: date | None):  # type: ignore[no-untyped-def]
    meeting = Meeting(
        participants=[Party(name="عباس عراقچی", country="IR"), Party(name="آرارات میرزویان", country="AM")],
        date=day,
        evidence="...",
        evidence_span=Span(start=0, end=3),
    )
    extraction = Extraction(id=article, meetings=[meeting], extractor_version="t", text="...")
    return reports_of([(Article(id=article, text="...", published=published), extraction)])[0]


def _seats(report) -> list[Seat]:  # type: ignore[no-untyped-def]
    return [Seat(m.surface, True, m.country or "", m.office) for m in report.mentions]


def test_an_undated_report_joins_a_meeting_of_the_same_parties_within_a_day() -> None:
    dated = _report("a", date(2024, 5, 1), date(2024, 5, 1))
    parties = sorted(m.surface for m in dated.mentions)
    seats = _seats(dated)
    own = choose_meeting(dated, parties, seats, [])
    known = [KnownMeeting(own.id, "in_person", "held", date(2024, 5, 1), date(2024, 5, 1), seats, {"a"})]

    def chosen(article: str, published: date | None, day: date | None):  # type: ignore[no-untyped-def]
        return choose_meeting(_report(article, published, day), parties, seats, known)

    next_day = chosen("b", date(2024, 5, 2), None)
    assert (next_day.id, next_day.rule) == (own.id, WITHIN_A_DAY)
    assert chosen("c", date(2024, 5, 4), None).id != own.id  # too far
    assert chosen("d", date(2024, 5, 2), date(2024, 5, 2)).id != own.id  # two dates: two meetings
    assert chosen("e", None, date(2024, 5, 1)) == own  # same date
    assert choose_meeting(dated, parties, seats, [*known[:0], KnownMeeting("m-x", "in_person", "held",
        date(2024, 5, 1), date(2024, 5, 1), seats, {"a"})]).id == own.id  # fmt: skip  # its own article's


def _seat(person: str | None, side: str, title: str | None = None) -> Seat:
    return Seat(person, person is not None, side, office_key(title))


ARAGHCHI_SEAT = _seat("p-araghchi", "IR", FM)
ALBUSAIDI = _seat("p-albusaidi", "OM", FM)


@pytest.mark.parametrize(
    ("mine", "theirs", "same"),
    [
        (
            [ARAGHCHI_SEAT, _seat(None, "OM", "وزیر خارجه")],
            [ARAGHCHI_SEAT, ALBUSAIDI],
            True,
        ),  # unnamed = named
        (
            [ARAGHCHI_SEAT, _seat(None, "OM", "همتای عمانی")],
            [ARAGHCHI_SEAT, ALBUSAIDI],
            True,
        ),  # a counterpart
        ([_seat(None, "IR", "هیئت"), _seat(None, "OM", "هیات")], [ARAGHCHI_SEAT, ALBUSAIDI], True),  # groups
        ([ARAGHCHI_SEAT, _seat(None, "OM", "سفیر")], [ARAGHCHI_SEAT, ALBUSAIDI], False),  # another office
        ([ARAGHCHI_SEAT, _seat("p-other", "OM", FM)], [ARAGHCHI_SEAT, ALBUSAIDI], False),  # another person
        ([ARAGHCHI_SEAT, ALBUSAIDI], [ARAGHCHI_SEAT, ALBUSAIDI, _seat("p-x", "QA")], False),  # another side
        ([_seat(None, "IR", "استاندار")], [_seat(None, "IR", "امام جمعه")], False),  # one side, no one named
    ],
)
def test_the_same_parties_whatever_the_words_for_their_roles(
    mine: list[Seat], theirs: list[Seat], same: bool
) -> None:
    assert same_parties(mine, theirs) is same
    assert same_parties(theirs, mine) is same


def test_an_unnamed_party_takes_the_person_it_stands_for_in_the_meeting() -> None:
    meeting = KnownMeeting(
        "m-1", "phone", "held", date(2025, 1, 1), date(2025, 1, 1), [ARAGHCHI_SEAT, ALBUSAIDI]
    )

    assert stand_ins([ARAGHCHI_SEAT, _seat(None, "OM", "وزیر خارجه")], meeting) == {1: "p-albusaidi"}
    assert stand_ins([_seat(None, "IR", "همتای ایرانی"), ALBUSAIDI], meeting) == {0: "p-araghchi"}


def test_a_transliteration_joins_the_one_person_of_its_spelling_whose_country_fits() -> None:
    variant = mention_of(Party(name="مایک پامپئو", role=FM, country="US"))
    pompeo = _candidate("p-pompeo", "مایک پمپئو", country="US")
    chosen = choose_person(variant, [pompeo], blocked=set())
    assert chosen is not None and (chosen.id, chosen.rule) == ("p-pompeo", SPELLING)
    elsewhere = _candidate("p-other", "مایک پمپئو", country="GB")
    assert choose_person(variant, [elsewhere], blocked=set()) is None  # another country
    second = _candidate("p-second", "مایک پومپئو", country="US")
    assert choose_person(variant, [pompeo, second], blocked=set()) is None  # two such persons: no rule
