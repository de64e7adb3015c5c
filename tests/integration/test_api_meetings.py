"""The API over the real test Neo4j: meetings, persons, articles and the JSON error body."""

from fastapi.testclient import TestClient

from graph.articles import write_extractions
from graph.driver import Graph
from tests.integration.conftest import caucasus_article, phone_article


def test_who_met_whom_by_english_and_persian_topic(client: TestClient, graph: Graph) -> None:
    write_extractions(graph, [caucasus_article(), phone_article()])

    english = client.get("/who-met-whom", params={"topic": "Caucasus"})
    persian = client.get("/who-met-whom", params={"topic": "قفقاز"})
    everyone = client.get("/who-met-whom")

    assert english.status_code == 200
    assert english.json() == persian.json()
    body = english.json()
    assert body["topic_ids"][0] == "caucasus"
    assert len(body["pairs"]) == 1
    pair = body["pairs"][0]
    assert {pair["person_a"]["name"], pair["person_b"]["name"]} == {"عباس عراقچی", "آرارات میرزویان"}
    assert pair["meeting"]["place"]["country"]["code"] == "IR"
    assert pair["evidence"][0]["article"]["url"] == "https://news.example/a-1"
    assert len(everyone.json()["pairs"]) == 2


def test_an_unknown_topic_is_a_404_json_error(client: TestClient) -> None:
    response = client.get("/who-met-whom", params={"topic": "atlantis"})

    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "no topic matches 'atlantis'"}}


def test_a_limit_over_the_ceiling_is_a_422_json_error(client: TestClient) -> None:
    response = client.get("/meetings", params={"limit": 100_000})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert "limit" in error["message"]
    assert error["details"][0]["location"] == ["query", "limit"]


def test_meetings_filters_and_meeting_and_person_by_id(client: TestClient, graph: Graph) -> None:
    write_extractions(graph, [caucasus_article(), phone_article()])

    saudi = client.get("/meetings", params={"country": "Saudi Arabia"}).json()["meetings"]
    by_name = client.get("/meetings", params={"person": "عراقچی", "topic": "gaza"}).json()["meetings"]
    meeting = client.get(f"/meetings/{saudi[0]['id']}").json()
    unnamed = next(p for p in meeting["participants"] if p["unnamed"])
    person = client.get(f"/persons/{unnamed['id']}").json()

    assert [m["kind"] for m in saudi] == ["phone"]
    assert [m["id"] for m in by_name] == [saudi[0]["id"]]
    assert meeting["evidence"][0]["article"]["id"] == "a-2"
    assert person["unnamed"] is True
    assert [m["id"] for m in person["meetings"]] == [saudi[0]["id"]]
    assert client.get("/meetings/m-nope").json()["error"]["code"] == "not_found"
    assert client.get("/persons/p-nope").status_code == 404
    assert client.get("/meetings", params={"country": "Atlantis"}).status_code == 404


def test_unknown_routes_and_methods_answer_with_the_error_body(client: TestClient) -> None:
    missing = client.get("/nowhere")
    wrong_method = client.delete("/meetings")

    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not_found")
    assert (wrong_method.status_code, wrong_method.json()["error"]["code"]) == (405, "method_not_allowed")
