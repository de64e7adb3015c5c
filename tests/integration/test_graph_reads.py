"""Reads: who met whom by topic (id, English label, Persian label), meetings by filter, persons."""

import pytest

from graph.articles import meeting_ids, write_extractions
from graph.countries import resolve_country
from graph.driver import Graph
from graph.errors import NotFound
from graph.meetings import find_meetings, find_who_met_whom, get_meeting
from graph.persons import get_person
from graph.topics import resolve_topic
from tests.integration.conftest import caucasus_article, phone_article


@pytest.fixture
def written(graph: Graph) -> Graph:
    write_extractions(graph, [caucasus_article(), phone_article()])
    return graph


@pytest.mark.parametrize(
    "term", ["caucasus", "South Caucasus", "south caucasus", "Caucasus", "قفقاز", "karabakh"]
)
def test_who_met_whom_about_a_topic_named_any_way(written: Graph, term: str) -> None:
    pairs = find_who_met_whom(written, topics=resolve_topic(written, term))

    assert len(pairs) == 1
    pair = pairs[0]
    assert {pair["person_a"]["name_en"], pair["person_b"]["name_en"]} == {"Abbas Araghchi", "Ararat Mirzoyan"}
    assert {pair["person_a"]["country"]["code"], pair["person_b"]["country"]["code"]} == {"IR", "AM"}
    assert pair["meeting"]["date"] == "2024-05-01"
    assert pair["meeting"]["place"]["name_en"] == "Tehran"
    assert [t["id"] for t in pair["meeting"]["topics"]] == ["caucasus", "karabakh"]
    assert pair["evidence"][0]["article"]["id"] == "a-1"
    assert "میرزویان" in pair["evidence"][0]["sentence"]


def test_who_met_whom_without_a_topic_lists_every_pair_dated_first(written: Graph) -> None:
    pairs = find_who_met_whom(written, topics=None)

    assert [pair["meeting"]["kind"] for pair in pairs] == ["in_person", "phone"]
    unnamed = [p for pair in pairs for p in (pair["person_a"], pair["person_b"]) if p["unnamed"]]
    assert [(p["name"], p["role_en"], p["country"]["name_en"]) for p in unnamed] == [
        (None, "Minister of Foreign Affairs", "Saudi Arabia")
    ]


def test_an_unknown_topic_is_not_found(written: Graph) -> None:
    with pytest.raises(NotFound, match="topic"):
        resolve_topic(written, "atlantis")


def test_meetings_filter_by_person_country_and_topic(written: Graph) -> None:
    assert len(find_meetings(written, person="عراقچی")) == 2
    assert len(find_meetings(written, person="mirzoyan")) == 1
    assert len(find_meetings(written, countries=resolve_country(written, "عربستان سعودی"))) == 1
    assert len(find_meetings(written, countries=resolve_country(written, "armenia"))) == 1
    assert len(find_meetings(written, countries=resolve_country(written, "ir"))) == 2
    assert len(find_meetings(written, topics=resolve_topic(written, "Gaza"), person="Araghchi")) == 1
    assert find_meetings(written, countries=resolve_country(written, "FJ")) == []
    with pytest.raises(NotFound, match="country"):
        resolve_country(written, "Atlantis")


def test_a_meeting_and_a_person_by_id(written: Graph) -> None:
    article, extraction = caucasus_article()
    meeting = get_meeting(written, meeting_ids(article, extraction)[0])
    araghchi = next(p for p in meeting["participants"] if p["name_en"] == "Abbas Araghchi")

    person = get_person(written, araghchi["id"])

    assert len(meeting["participants"]) == 2
    assert person["country"]["code"] == "IR"
    assert [role["country"]["code"] for role in person["roles"]] == ["IR"]
    assert [m["kind"] for m in person["meetings"]] == ["in_person", "phone"]
    with pytest.raises(NotFound):
        get_meeting(written, "m-nope")
    with pytest.raises(NotFound):
        get_person(written, "p-nope")
