"""/who-met-whom and /meetings over the real test Neo4j: every filter, pages and cursors, errors."""

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.articles import write_extractions
from graph.driver import Graph
from ingest.model import Article, Extraction, Meeting, Party, Span
from tests.integration.meetings_data import ARAGHCHI, write_week


def _pairs(week_api: TestClient, **params: Any) -> list[tuple[str, str, str | None]]:
    response = week_api.get("/who-met-whom", params=params)
    assert response.status_code == 200, response.text
    return [
        (pair["person_a"]["name_en"], pair["person_b"]["name_en"], pair["meeting"]["date"])
        for pair in response.json()["pairs"]
    ]


def test_who_met_whom_lists_every_pair_newest_first_undated_last(week_api: TestClient) -> None:
    pairs = _pairs(week_api)

    dated = ["2024-08-01"] * 3 + ["2024-07-15", "2024-06-09", "2024-05-01", "2023-12-01"]
    assert [date for _, _, date in pairs] == [*dated, None]
    assert len(set(pairs)) == len(pairs)


@pytest.mark.parametrize("term", ["caucasus", "South Caucasus", "Caucasus", "قفقاز"])
def test_a_topic_named_any_way_includes_its_subtopics(week_api: TestClient, term: str) -> None:
    body = week_api.get("/who-met-whom", params={"topic": term}).json()

    assert body["filters"]["topics"][0] == "caucasus"
    assert {"karabakh", "zangezur", "format-3-3"} <= set(body["filters"]["topics"])
    assert {date for *_, date in _pairs(week_api, topic=term)} == {"2024-08-01", "2024-07-15", "2024-05-01"}


def test_a_pair_carries_persons_meeting_and_evidence(week_api: TestClient) -> None:
    pair = week_api.get("/who-met-whom", params={"topic": "karabakh"}).json()["pairs"][0]

    assert {pair["person_a"]["name"], pair["person_b"]["name"]} == {"عباس عراقچی", "آرارات میرزویان"}
    assert pair["person_a"]["role_en"] == "Minister of Foreign Affairs"
    assert pair["meeting"]["place"]["name_en"] == "Tehran"
    assert pair["meeting"]["country"]["code"] == "IR"
    assert [t["id"] for t in pair["meeting"]["topics"]] == ["caucasus", "karabakh"]
    evidence = pair["evidence"][0]
    assert "میرزویان" in evidence["sentence"]
    assert evidence["article"] == {
        "id": "a-1",
        "title": "خبر a-1",
        "url": "https://news.example/a-1",
        "source": "example",
        "published": "2024-05-01",
    }


def test_person_and_country_describe_side_a_and_with_country_side_b(week_api: TestClient) -> None:
    by_person = _pairs(week_api, person="Lavrov")
    by_countries = _pairs(week_api, country="Iran", with_country="روسیه")

    assert {a for a, _, _ in by_person} == {"Sergey Lavrov"}
    assert {(b, date) for _, b, date in by_person} == {
        ("Hakan Fidan", "2024-08-01"),
        ("Abbas Araghchi", "2024-08-01"),
        ("Jeyhun Bayramov", "2024-07-15"),
        ("Abbas Araghchi", "2024-06-09"),
    }
    assert by_countries == [
        ("Abbas Araghchi", "Sergey Lavrov", "2024-08-01"),
        ("Abbas Araghchi", "Sergey Lavrov", "2024-06-09"),
    ]


def test_a_pair_within_one_country_is_listed_once(week_api: TestClient) -> None:
    assert _pairs(week_api, country="IR", with_country="IR") == []
    assert len(_pairs(week_api, country="AM")) == 2


def test_dates_in_gregorian_or_jalali_and_kind_and_status(week_api: TestClient) -> None:
    gregorian = _pairs(week_api, since="2024-06-09", until="2024-07-15")
    jalali = _pairs(week_api, since="1403-03-20", until="۱۴۰۳/۰۴/۲۵")

    assert gregorian == jalali
    assert {date for *_, date in gregorian} == {"2024-06-09", "2024-07-15"}
    assert [{a, b} for a, b, _ in _pairs(week_api, kind="video")] == [
        {"Ararat Mirzoyan", "Masoud Pezeshkian"}
    ]
    assert [date for *_, date in _pairs(week_api, status="planned")] == ["2023-12-01"]
    assert [date for *_, date in _pairs(week_api, kind="phone")] == [None]


def test_year_and_month_in_gregorian_or_jalali(week_api: TestClient) -> None:
    june = _pairs(week_api, month="2024-06")

    assert {date for *_, date in june} == {"2024-06-09"}
    assert _pairs(week_api, month="1403-03") == june  # Khordad 1403 is 2024-05-21 to 2024-06-20
    assert _pairs(week_api, month="۱۴۰۳/۳") == june
    assert {date for *_, date in _pairs(week_api, year=2024)} == {
        date for *_, date in _pairs(week_api, since="2024-01-01", until="2024-12-31")
    }
    assert _pairs(week_api, year=1403, month="1403-04", since="1403-04-01") == _pairs(
        week_api, since="1403-04-01", until="1403-04-31"
    )
    assert _pairs(week_api, year=2023, month="2024-06") == []  # no day is in both
    assert week_api.get("/meetings", params={"month": "2024-13"}).status_code == 422


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_cursors_walk_the_same_list_without_gaps_or_repeats(week_api: TestClient, limit: int) -> None:
    for params in ({}, {"topic": "caucasus"}, {"person": "عراقچی"}, {"country": "IR"}):
        whole = week_api.get("/who-met-whom", params=params | {"limit": 200}).json()["pairs"]
        walked: list[dict[str, Any]] = []
        cursor = None
        while True:
            page = week_api.get("/who-met-whom", params=params | {"limit": limit, "cursor": cursor}).json()
            walked += page["pairs"]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert walked == whole, params


def test_meetings_list_and_one_meeting(week_api: TestClient) -> None:
    meetings = week_api.get("/meetings", params={"person": "Araghchi"}).json()["meetings"]
    moscow = next(m for m in meetings if m["date"] == "2024-06-09")
    one = week_api.get(f"/meetings/{moscow['id']}").json()

    assert [m["date"] for m in meetings] == ["2024-08-01", "2024-06-09", "2024-05-01", None]
    assert one["reports"] == 2
    assert [item["article"]["id"] for item in one["evidence"]] == ["a-4", "a-3"]  # newest article first
    assert [p["id"] for p in one["participants"]] == sorted(p["id"] for p in one["participants"])
    phone = week_api.get("/meetings", params={"kind": "phone"}).json()["meetings"][0]
    unnamed = next(p for p in phone["participants"] if p["unnamed"])
    assert unnamed["country"]["code"] == "SA"


def test_meeting_pages_follow_the_cursor(week_api: TestClient) -> None:
    first = week_api.get("/meetings", params={"limit": 4}).json()
    second = week_api.get("/meetings", params={"limit": 4, "cursor": first["next_cursor"]}).json()

    assert len(first["meetings"]) == 4
    assert [m["date"] for m in second["meetings"]] == ["2023-12-01", None]
    assert second["next_cursor"] is None


def test_since_after_until_is_an_empty_list_not_an_error(week_api: TestClient) -> None:
    # Each is a day the spec accepts; the range they make is empty.
    assert _pairs(week_api, since="2024-06-01", until="2024-01-01") == []


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/who-met-whom", {"topic": "atlantis"}, 404, "not_found"),
        ("/who-met-whom", {"country": "Atlantis"}, 404, "not_found"),
        ("/who-met-whom", {"person": "zzzzqqq"}, 404, "not_found"),
        ("/who-met-whom", {"limit": 100_000}, 422, "invalid_request"),
        ("/who-met-whom", {"since": "2024-06-32"}, 422, "invalid_request"),
        ("/who-met-whom", {"kind": "telepathy"}, 422, "invalid_request"),
        ("/who-met-whom", {"cursor": "not-a-cursor"}, 404, "invalid_cursor"),
        ("/who-met-whom", {"since": "0000/0/0"}, 422, "invalid_request"),
        ("/meetings/m-nope", {}, 404, "not_found"),
        ("/nowhere", {}, 404, "not_found"),
    ],
)
def test_errors_have_the_json_body(
    week_api: TestClient, path: str, params: dict[str, Any], status: int, code: str
) -> None:
    response = week_api.get(path, params=params)

    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_a_cursor_of_another_list_is_refused(week_api: TestClient) -> None:
    cursor = week_api.get("/meetings", params={"limit": 1}).json()["next_cursor"]

    response = week_api.get("/who-met-whom", params={"cursor": cursor})

    assert response.status_code == 404  # a cursor is any string to the spec: like an id naming nothing
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_an_organisation_filter_selects_meetings_of_its_officials(client: TestClient, graph: Graph) -> None:
    write_week(graph)
    kallas = Party(
        name="کایا کالاس",
        name_en="Kaja Kallas",
        name_source="text",
        role="مسئول سیاست خارجی",
        role_en="High Representative",
        org="اتحادیه اروپا",
        org_en="European Union",
        org_id="eu",
    )
    sentence = "عباس عراقچی با کایا کالاس در بروکسل دیدار کرد."
    article = Article(id="eu-1", title="خبر", text=sentence, published=date(2024, 9, 2), source="example")
    meeting = Meeting(
        participants=[ARAGHCHI, kallas],
        date=date(2024, 9, 2),
        evidence=sentence,
        evidence_span=Span(start=4, end=4 + len(sentence)),
    )
    write_extractions(graph, [(article, Extraction(id="eu-1", meetings=[meeting], extractor_version="t",
                                                   text=f"خبر\n{sentence}"))])  # fmt: skip

    for term in ("eu", "EU", "European Union", "اتحادیه اروپا"):
        pairs = _pairs(client, organization=term)
        assert [(a, b) for a, b, _ in pairs] == [("Abbas Araghchi", "Kaja Kallas")], term
    meetings = client.get("/meetings", params={"organization": "eu"}).json()
    assert [m["date"] for m in meetings["meetings"]] == ["2024-09-02"]
    assert meetings["filters"]["organizations"] == ["eu"]
    assert _pairs(client, organization="United Nations") == []
    assert client.get("/meetings", params={"organization": "Atlantis League"}).status_code == 404
