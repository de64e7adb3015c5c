"""/persons: search by name with Persian spelling variants, a person's roles, timeline and contacts."""

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _search(week_api: TestClient, q: str, **params: Any) -> list[str | None]:
    response = week_api.get("/persons", params={"q": q} | params)
    assert response.status_code == 200, response.text
    return [person["name_en"] for person in response.json()["persons"]]


def _id(week_api: TestClient, name: str) -> str:
    person_id: str = week_api.get("/persons", params={"q": name}).json()["persons"][0]["id"]
    return person_id


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("عراقچی", "Abbas Araghchi"),
        ("عراقچي", "Abbas Araghchi"),  # Arabic ye
        ("araghchi", "Abbas Araghchi"),
        ("ARAGHCHI", "Abbas Araghchi"),
        ("عباس عراق", "Abbas Araghchi"),  # typing: the last word is a prefix
        ("لاوروف", "Sergey Lavrov"),
        ("سرگئی لاوروف", "Sergey Lavrov"),
        ("سرگئیلاوروف", "Sergey Lavrov"),  # the space left out
        ("سرگیی لاوروف", "Sergey Lavrov"),  # the hamza seat typed as a plain ye
        ("میرز ویان", "Ararat Mirzoyan"),  # a space put in
        ("پزشکيان", "Masoud Pezeshkian"),
        ("جیحون\u200cبایراموف", "Jeyhun Bayramov"),  # a ZWNJ for the space
        ("Fidan", "Hakan Fidan"),
        ("Araqchi", "Abbas Araghchi"),  # another transliteration: q for gh
        ("Pazeshkian", "Masoud Pezeshkian"),  # a for e
        ("Lavrouv", "Sergey Lavrov"),  # ou for o
        ("Jeyhoun Bayramov", "Jeyhun Bayramov"),
    ],
)
def test_search_tolerates_spelling_variants(week_api: TestClient, q: str, expected: str | None) -> None:
    found = _search(week_api, q)
    assert (found[0] if found else None) == expected


def test_search_finds_nothing_for_nonsense_and_refuses_empty_text(week_api: TestClient) -> None:
    assert _search(week_api, "zzzzqqq") == []
    assert _search(week_api, "***") == []
    assert week_api.get("/persons", params={"q": ""}).status_code == 422


def test_persons_without_q_page_through_everyone_by_id(week_api: TestClient) -> None:
    first = week_api.get("/persons", params={"limit": 4}).json()
    second = week_api.get("/persons", params={"limit": 4, "cursor": first["next_cursor"]}).json()
    ids = [p["id"] for p in first["persons"] + second["persons"]]

    assert ids == sorted(ids)
    assert len(ids) == 7  # six named and the unnamed Saudi minister
    assert second["next_cursor"] is None


def test_a_person_has_countries_and_roles_with_the_days_seen(week_api: TestClient) -> None:
    person = week_api.get(f"/persons/{_id(week_api, 'Araghchi')}").json()

    assert person["name"] == "عباس عراقچی"
    assert [c["code"] for c in person["countries"]] == ["IR"]
    assert person["meetings"] == 4
    assert (person["first_seen"], person["last_seen"]) == ("2024-05-01", "2024-08-01")
    role = person["roles"][0]
    assert (role["name_en"], role["first_seen"], role["last_seen"], role["meetings"]) == (
        "Minister of Foreign Affairs",
        "2024-05-01",
        "2024-08-01",
        4,
    )
    assert week_api.get("/persons/p-nope").status_code == 404


def test_a_person_timeline_is_newest_first_and_filtered(week_api: TestClient) -> None:
    araghchi = _id(week_api, "Araghchi")

    everything = week_api.get(f"/persons/{araghchi}/meetings").json()["meetings"]
    with_russia = week_api.get(f"/persons/{araghchi}/meetings", params={"with_country": "RU"}).json()[
        "meetings"
    ]

    assert [m["date"] for m in everything] == ["2024-08-01", "2024-06-09", "2024-05-01", None]
    assert [m["date"] for m in with_russia] == ["2024-08-01", "2024-06-09"]
    assert week_api.get("/persons/p-nope/meetings").status_code == 404


def test_contacts_say_how_often_when_and_about_what(week_api: TestClient) -> None:
    contacts = week_api.get(f"/persons/{_id(week_api, 'Araghchi')}/contacts").json()["contacts"]

    lavrov = contacts[0]
    assert lavrov["person"]["name_en"] == "Sergey Lavrov"
    assert (lavrov["meetings"], lavrov["first_met"], lavrov["last_met"]) == (2, "2024-06-09", "2024-08-01")
    assert {t["id"] for t in lavrov["topics"]} == {"negotiations", "caucasus", "format-3-3"}
    assert len(contacts) == 4  # Lavrov, then Fidan, Mirzoyan and the Saudi minister once each
    unnamed = next(c for c in contacts if c["person"]["unnamed"])
    assert (unnamed["first_met"], unnamed["last_met"]) == (None, None)


def test_contacts_page_with_a_cursor(week_api: TestClient) -> None:
    araghchi = _id(week_api, "Araghchi")
    whole = week_api.get(f"/persons/{araghchi}/contacts").json()["contacts"]
    first = week_api.get(f"/persons/{araghchi}/contacts", params={"limit": 3}).json()
    rest = week_api.get(
        f"/persons/{araghchi}/contacts", params={"limit": 3, "cursor": first["next_cursor"]}
    ).json()

    assert first["contacts"] + rest["contacts"] == whole
    assert rest["next_cursor"] is None
