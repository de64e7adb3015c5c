"""/countries, a country's meetings, the relations of two countries, and the /topics tree."""

import pytest
from fastapi.testclient import TestClient


def test_countries_have_person_and_meeting_counts(week_api: TestClient) -> None:
    countries = {c["code"]: c for c in week_api.get("/countries").json()["countries"]}

    assert countries["IR"] == {
        "code": "IR",
        "name_fa": "ایران",
        "name_en": "Iran",
        "persons": 2,
        "meetings": 5,
    }
    assert countries["RU"]["meetings"] == 3
    assert list(countries) == sorted(countries)


def test_countries_page_by_code(week_api: TestClient) -> None:
    first = week_api.get("/countries", params={"limit": 4}).json()
    rest = week_api.get("/countries", params={"limit": 4, "cursor": first["next_cursor"]}).json()

    codes = [c["code"] for c in first["countries"] + rest["countries"]]
    assert codes == ["AM", "AZ", "IR", "RU", "SA", "TR"]
    assert rest["next_cursor"] is None


@pytest.mark.parametrize("code", ["AM", "am", "Armenia", "ارمنستان"])
def test_a_country_is_named_by_code_or_name(week_api: TestClient, code: str) -> None:
    meetings = week_api.get(f"/countries/{code}/meetings").json()["meetings"]

    assert [m["date"] for m in meetings] == ["2024-05-01", "2023-12-01"]


def test_a_code_with_no_meeting_is_an_empty_list_and_a_name_or_code_nobody_knows_is_404(
    week_api: TestClient,
) -> None:
    assert week_api.get("/countries/NZ/meetings").json()["meetings"] == []
    assert week_api.get("/countries/Atlantis/meetings").status_code == 404
    for path in ("/countries/ZZ/meetings", "/countries/IR/relations/QQ", "/meetings?country=ZZ"):
        response = week_api.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found"


def test_relations_count_by_topic_year_and_kind_and_list_the_meetings(week_api: TestClient) -> None:
    body = week_api.get("/countries/IR/relations/RU").json()

    assert (body["country"]["name_en"], body["other"]["name_en"]) == ("Iran", "Russia")
    assert (body["meetings"], body["first"], body["last"]) == (2, "2024-06-09", "2024-08-01")
    assert {t["id"]: t["meetings"] for t in body["by_topic"]} == {
        "negotiations": 1,
        "caucasus": 1,
        "format-3-3": 1,
    }
    assert body["by_year"] == [{"year": 2024, "meetings": 2}]
    assert body["by_kind"] == [{"kind": "in_person", "meetings": 2}]
    assert [m["date"] for m in body["page"]["meetings"]] == ["2024-08-01", "2024-06-09"]
    assert week_api.get("/countries/RU/relations/IR").json()["meetings"] == 2


def test_relations_take_the_filters(week_api: TestClient) -> None:
    body = week_api.get(
        "/countries/IR/relations/RU", params={"topic": "caucasus", "since": "1403-01-01"}
    ).json()

    assert body["meetings"] == 1
    assert body["page"]["filters"]["with_countries"] == ["RU"]


def test_topics_are_a_tree_in_both_languages_with_counts(week_api: TestClient) -> None:
    roots = {t["id"]: t for t in week_api.get("/topics").json()["topics"]}

    caucasus = roots["caucasus"]
    assert (caucasus["label_en"], caucasus["label_fa"], caucasus["meetings"]) == (
        "South Caucasus",
        "قفقاز",
        3,
    )
    children = {child["id"]: child["meetings"] for child in caucasus["children"]}
    assert children["karabakh"] == 1
    assert children["zangezur"] == 1
    assert "karabakh" not in roots
