"""Node keys and rows: deterministic, so that writing an extraction twice is a no-op."""

from datetime import date

import pytest

from graph.articles import build_rows
from graph.keys import meeting_key, name_key, person_keys
from ingest.model import Article, Extraction, Meeting, Party, Span

ARAGHCHI = Party(name="عباس عراقچی", role="وزیر امور خارجه", country="ir", country_fa="ایران")
SAUDI = Party(role="وزیر امور خارجه", country="SA", country_en="Saudi Arabia")
OFFICIAL = Party(role="مقام", org="سازمان ملل", org_id="un")


def _meeting(*parties: Party, when: date | None = None) -> Meeting:
    return Meeting(participants=list(parties), date=when, evidence="...", evidence_span=Span(start=0, end=3))


def test_meeting_keys_ignore_party_order_and_spelling_variants() -> None:
    one = _meeting(ARAGHCHI, SAUDI, when=date(2024, 5, 1))
    other = _meeting(
        SAUDI, ARAGHCHI.model_copy(update={"name": "عباس  عراقچي", "country": "IR"}), when=date(2024, 5, 1)
    )

    assert meeting_key(one, "a") == meeting_key(other, "b")  # dated: the same meeting in any article
    assert meeting_key(_meeting(ARAGHCHI, SAUDI), "a") != meeting_key(_meeting(ARAGHCHI, SAUDI), "b")
    assert meeting_key(one, "a") != meeting_key(one.model_copy(update={"kind": "phone"}), "a")


def test_unnamed_parties_are_keyed_by_what_is_said_and_their_meeting() -> None:
    meeting = _meeting(ARAGHCHI, SAUDI, OFFICIAL, OFFICIAL)

    keys = person_keys(meeting, "m-1")

    assert keys == person_keys(meeting, "m-1")
    assert len(set(keys)) == 4  # two look-alike officials stay two persons
    assert keys[0] == person_keys(_meeting(ARAGHCHI), "m-2")[0]  # a named person is not tied to a meeting
    assert keys[1] != person_keys(meeting, "m-2")[1]


def test_a_dated_meeting_in_two_articles_of_one_batch_has_two_reports() -> None:
    meeting = _meeting(ARAGHCHI, SAUDI, when=date(2024, 5, 1))
    items = [
        (
            Article(id=key, text="متن"),
            Extraction(id=key, meetings=[meeting], extractor_version="t", text="متن"),
        )
        for key in ("a", "b")
    ]

    rows = build_rows(items)

    assert len(rows.meetings) == 1
    assert sorted(article for _, article in rows.reports) == ["a", "b"]


def test_rows_are_deduplicated_and_names_fill_in() -> None:
    article = Article(id="a", text="متن")
    meeting = _meeting(ARAGHCHI, SAUDI, when=date(2024, 5, 1))
    extraction = Extraction(id="a", meetings=[meeting, meeting], extractor_version="t", text="متن")

    rows = build_rows([(article, extraction), (article, extraction)])

    assert list(rows.articles) == ["a"]
    assert len(rows.meetings) == 1
    assert len(rows.reports) == 1
    assert rows.countries["IR"]["name_fa"] == "ایران"
    assert rows.countries["SA"]["name_en"] == "Saudi Arabia"
    assert len(rows.roles) == 2
    assert len(rows.participations) == 2


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("دونالد جی. ترامپ", "دونالد ترامپ"),  # a middle initial, as the press writes J.
        ("دونالد ج. ترامپ", "دونالد ترامپ"),
        ("John F. Kennedy", "john kennedy"),
        ("شی جی پینگ", "شی جی پینگ"),  # no dot: a name's own word
        ("محمد بن سلمان", "محمد بن سلمان"),
        ("ج. ترامپ", "ج. ترامپ"),  # not between a first and a last word
    ],
)
def test_a_persons_name_key_drops_middle_initials(name: str, key: str) -> None:
    assert name_key(name) == key
