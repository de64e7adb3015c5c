"""The Browser's style and guide, served by the API to the Browser's origin."""

import re

from fastapi.testclient import TestClient

BROWSER = "http://127.0.0.1:7474"


def test_the_style_captions_persons_meetings_and_countries(client: TestClient) -> None:
    response = client.get("/browser/style.grass", headers={"Origin": BROWSER})

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == BROWSER
    style = response.text
    assert "node.Person {" in style and 'caption: "{name}";' in style
    assert 'caption: "{date} {topic_labels}";' in style
    assert 'caption: "{code}";' in style
    blocks = re.findall(r"^(node\.\w+) \{\n(.*?)^\}", style, re.M | re.S)
    colours = {label: re.findall(r"^  color: (#\w+);", body, re.M)[0] for label, body in blocks}
    assert len(colours) == len(set(colours.values())) == 8  # Person ... Organization


def test_the_guide_has_slides_with_runnable_queries(client: TestClient) -> None:
    response = client.get("/browser/guide.html", headers={"Origin": BROWSER})

    assert response.headers["access-control-allow-origin"] == BROWSER
    assert response.text.count("<slide>") == 5
    assert response.text.count('class="code runnable"') >= 8
    assert "Who met whom about the Caucasus" in response.text


def test_other_origins_get_no_cors_grant(client: TestClient) -> None:
    response = client.get("/browser/style.grass", headers={"Origin": "https://evil.example"})

    assert "access-control-allow-origin" not in response.headers
