"""The API's health, topics and article posting over the real test Neo4j, and 503 when Neo4j is gone."""

import socket

from fastapi.testclient import TestClient

from app.api import create_app
from app.settings import Settings
from ingest.model import Article
from ingest.pipeline import extract


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens once the probe is closed


def test_health_reports_neo4j(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["neo4j"]["agent"].startswith("Neo4j/")


def test_topics_lists_the_seeded_tree(client: TestClient) -> None:
    topics = {topic["id"]: topic for topic in client.get("/topics").json()}

    assert topics["karabakh"]["parent"] == "caucasus"
    assert topics["caucasus"]["label_fa"] == "قفقاز"


def test_posting_an_article_extracts_and_writes_it(client: TestClient) -> None:
    article = {
        "id": "posted-1",
        "title": "دیدار",
        "text": "عباس عراقچی وزیر امور خارجه ایران با آرارات میرزویان وزیر امور خارجه ارمنستان دیدار کرد.",
        "published": "2024-05-01T10:00:00Z",
    }

    response = client.post("/articles", json=article)
    again = client.post("/articles", json=article)

    assert response.status_code == 201
    body = response.json()
    assert body["id"] == "posted-1"
    assert again.json() == body
    expected = extract(Article.model_validate(article))
    assert len(body["meetings"]) == len(expected.meetings)
    for meeting in body["meetings"]:
        assert client.get(f"/meetings/{meeting['id']}").status_code == 200


def test_posting_an_article_without_text_is_a_422_json_error(client: TestClient) -> None:
    missing = client.post("/articles", json={"title": "no text"})
    blank = client.post("/articles", json={"text": "   "})

    assert missing.status_code == 422
    assert missing.json()["error"]["details"][0]["location"] == ["body", "text"]
    assert blank.status_code == 422
    assert blank.json()["error"]["code"] == "invalid_request"


def test_neo4j_unreachable_is_a_503_json_error() -> None:
    settings = Settings(neo4j_uri=f"bolt://127.0.0.1:{_closed_port()}")

    with TestClient(create_app(settings)) as client:
        health = client.get("/health")
        meetings = client.get("/meetings")

    for response in (health, meetings):
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "neo4j_unavailable"
        assert response.headers["retry-after"]
