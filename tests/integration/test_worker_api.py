"""POST /articles queues (202 and a status URL), the worker processes, GET /articles/{id} follows."""

import json

from fastapi.testclient import TestClient

from app.settings import Settings
from graph.driver import Graph
from tests.integration.workers import drain

ARTICLE = {
    "id": "posted-1",
    "title": "دیدار",
    "text": "عباس عراقچی وزیر امور خارجه ایران با آرارات میرزویان وزیر امور خارجه ارمنستان دیدار کرد.",
    "published": "2024-05-01T10:00:00Z",
}


def test_a_posted_article_is_queued_then_done_with_what_was_extracted(
    client: TestClient, graph: Graph, neo4j_settings: Settings
) -> None:
    response = client.post("/articles", json=ARTICLE)

    assert response.status_code == 202
    body = response.json()
    assert body == {"id": "posted-1", "status": "queued", "status_url": "http://testserver/articles/posted-1"}
    assert response.headers["location"] == body["status_url"]
    queued = client.get(body["status_url"]).json()
    assert (queued["status"], queued["attempts"], queued["meetings"]) == ("queued", 0, [])

    drain(graph, neo4j_settings)

    done = client.get(body["status_url"]).json()
    assert (done["status"], done["attempts"], done["error"]) == ("done", 1, None)
    assert done["extractor_version"] and done["processed_at"]
    [meeting] = done["meetings"]
    assert sorted(p["name"] for p in meeting["participants"]) == ["آرارات میرزویان", "عباس عراقچی"]
    assert client.get(f"/meetings/{meeting['id']}").status_code == 200
    assert client.get("/queue").json() == {"queued": 0, "processing": 0, "done": 1, "failed": 0}


def test_many_articles_in_one_post_and_posting_again_changes_nothing(client: TestClient) -> None:
    batch = [ARTICLE, {"text": "متن خبری دیگر درباره دیداری دیگر.", "url": "https://news.example/2"}]

    first = client.post("/articles", json=batch)
    again = client.post("/articles", json=batch)
    edited = client.post("/articles", json={**ARTICLE, "text": ARTICLE["text"] + " دو طرف گفت‌وگو کردند."})

    assert first.status_code == again.status_code == 202
    assert [a["status"] for a in first.json()["articles"]] == ["queued", "queued"]
    assert [a["status"] for a in again.json()["articles"]] == ["known", "known"]
    assert edited.json()["status"] == "queued"  # a changed text is queued again
    slashed = client.post("/articles", json={"id": "irna/2024/1", "text": "متن خبر."}).json()
    assert slashed["status_url"] == "http://testserver/articles/irna%2F2024%2F1"
    assert client.get(slashed["status_url"]).json()["id"] == "irna/2024/1"
    second_id = first.json()["articles"][1]["id"]
    assert len(second_id) == 16  # no id given: a hash of the URL
    assert client.get(f"/articles/{second_id}").json()["url"] == "https://news.example/2"


def test_bad_posts_are_json_errors(client: TestClient) -> None:
    missing = client.post("/articles", json={"title": "no text"})
    blank = client.post("/articles", json={"text": "   "})
    empty = client.post("/articles", json=[])
    unknown = client.get("/articles/nope")

    assert missing.status_code == 422
    assert missing.json()["error"]["code"] == "invalid_request"
    assert "text" in missing.json()["error"]["message"]
    assert blank.status_code == 422
    assert blank.json()["error"]["message"] == "invalid text: the article has neither title nor text"
    assert empty.status_code == 422
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "not_found"


def test_the_spec_of_a_posted_article_says_what_the_route_checks(client: TestClient) -> None:
    # schemathesis --checks all: what the spec calls valid is taken, what it calls invalid refused.
    body = client.get("/openapi.json").json()["paths"]["/articles"]["post"]["requestBody"]
    schema = client.get("/openapi.json").json()["components"]["schemas"]["PostedArticle"]
    not_a_day = client.post("/articles", json={"text": "متن", "published": {}})

    assert body["content"]["application/json"]["schema"]["anyOf"][1]["minItems"] == 1
    assert {"required": ["title"], "properties": {"title": {"type": "string", "pattern": r"\S"}}} in schema[
        "anyOf"
    ]
    assert schema["properties"]["published"]["anyOf"][0]["pattern"].startswith("^$|")
    assert not_a_day.status_code == 422


def test_an_article_over_the_limit_is_accepted_then_failed_with_the_reason(
    client: TestClient, graph: Graph, neo4j_settings: Settings
) -> None:
    settings = neo4j_settings.model_copy(update={"max_article_chars": 50})
    long = {"id": "long", "text": "دیدار " * 20}
    lone_surrogates = {"id": "garbled", "text": "متن " + "\ud800" * 20}

    for article in (long, lone_surrogates):  # JSON escapes lone surrogates; UTF-8 cannot hold them
        posted = client.post(
            "/articles", content=json.dumps(article), headers={"content-type": "application/json"}
        )
        assert posted.status_code == 202
    drain(graph, settings)

    failed = client.get("/articles/long").json()
    assert failed["status"] == "failed"
    assert failed["error"] == "the article has 120 characters, over the limit of 50"
    assert failed["attempts"] == 1
    garbled = client.get("/articles/garbled").json()
    assert garbled["status"] == "failed"
    assert garbled["error"].startswith("the text is not decodable: 20 characters")


HEADLINE = "عباس عراقچی وزیر امور خارجه ایران با آرارات میرزویان وزیر امور خارجه ارمنستان دیدار کرد"


def test_a_headline_only_post_is_an_article(
    client: TestClient, graph: Graph, neo4j_settings: Settings
) -> None:
    response = client.post("/articles", json={"id": "caption-1", "title": HEADLINE, "text": ""})
    drain(graph, neo4j_settings)

    assert response.status_code == 202
    done = client.get("/articles/caption-1").json()
    assert (done["status"], done["error"], len(done["meetings"])) == ("done", None, 1)
