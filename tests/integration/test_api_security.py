"""The API key on writes (and on reads when asked), the body limit, and Cypher injection in every
query parameter: the answer is a normal 200 or 4xx and the graph is untouched."""

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from app.api import create_app
from app.settings import Settings
from graph.driver import Graph
from tests.integration.graph_state import graph_state
from tests.integration.meetings_data import write_week

ARTICLE = {"id": "posted-1", "title": "دیدار", "text": "عراقچی با لاوروف دیدار کرد."}

INJECTIONS = [
    "' OR 1=1 //",
    '" }) MATCH (n) DETACH DELETE n //',
    "x') DETACH DELETE n RETURN ('",
    "caucasus' }) WITH 1 AS x MATCH (n) DETACH DELETE n //",
    "1; MATCH (n) SET n.hacked = true",
    "$topics",
    "`Person`",
    "*) OR name:*",
    'p-x\\" OR true //',
    "IR\nMATCH (n) DELETE n",
]

# Every query parameter of the reads, with the paths they belong to.
READS = {
    "/who-met-whom": [
        "topic",
        "person",
        "country",
        "with_country",
        "since",
        "until",
        "kind",
        "status",
        "limit",
        "cursor",
    ],
    "/meetings": ["topic", "person", "country", "with_country", "since", "until", "kind", "status", "cursor"],
    "/persons": ["q", "cursor", "limit"],
    "/paths": ["from", "to", "max_hops"],
    "/graph": ["topic", "person", "country", "view", "cursor"],
    "/export": ["format", "topic", "country", "limit"],
}


@pytest.fixture
def api(client: TestClient, graph: Graph) -> TestClient:
    write_week(graph)
    return client


def test_injection_strings_in_every_parameter_leave_the_graph_untouched(
    api: TestClient, neo4j_driver: Driver
) -> None:
    before = graph_state(neo4j_driver)
    statuses = set()
    for path, names in READS.items():
        for name in names:
            for value in INJECTIONS:
                others = {"from": "x", "to": "y"} if path == "/paths" else {}
                response = api.get(path, params=others | {name: value})
                assert response.status_code == 200 or 400 <= response.status_code < 500, (path, name, value)
                assert "error" in response.json() if response.status_code >= 400 else True
                statuses.add(response.status_code)
    for value in INJECTIONS:
        for path in ("/meetings/{}", "/persons/{}", "/persons/{}/contacts", "/countries/{}/meetings"):
            response = api.get(path.format(quote(value, safe="")))
            assert response.status_code == 200 or 400 <= response.status_code < 500, (path, value)
    assert graph_state(neo4j_driver) == before
    assert 200 in statuses and 404 in statuses and 422 in statuses


def test_writes_need_the_api_key(api: TestClient) -> None:
    missing = api.post("/articles", json=ARTICLE, headers={"X-API-Key": ""})
    wrong = api.post("/articles", json=ARTICLE, headers={"X-API-Key": "not-the-key"})
    admin = api.post("/admin/captions", headers={"X-API-Key": ""})
    right = api.post("/articles", json=ARTICLE)

    assert (missing.status_code, missing.json()["error"]["code"]) == (401, "api_key_required")
    assert missing.headers["www-authenticate"] == "ApiKey"
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (403, "api_key_invalid")
    assert admin.status_code == 401
    assert right.status_code == 202


def test_the_admin_action_refreshes_browser_captions(api: TestClient, neo4j_driver: Driver) -> None:
    response = api.post("/admin/captions")

    records, _, _ = neo4j_driver.execute_query(
        "MATCH (m:Meeting {date: date('2024-05-01')}) RETURN m.topic_labels AS labels"
    )
    assert response.json() == {"meetings": 6}
    assert records[0]["labels"] == ["قفقاز", "قره\u200cباغ"]


@pytest.fixture
def locked(neo4j_driver: Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    settings = neo4j_settings.model_copy(update={"reads_require_key": True})
    with TestClient(create_app(settings)) as client:
        yield client


def test_reads_can_require_the_key_too(locked: TestClient, neo4j_settings: Settings) -> None:
    key = neo4j_settings.api_key.get_secret_value()

    assert locked.get("/meetings").status_code == 401
    assert locked.get("/meetings", headers={"X-API-Key": key}).status_code == 200
    assert locked.get("/health").status_code == 200  # health stays open for load balancers


# What stays open when reads need the key: the service's health and the Browser's files (the docs pages
# are no part of the spec; test_the_docs_stay_open).
OPEN_PATHS = {"/health", "/browser/style.grass", "/browser/guide.html"}


def _example_path(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def test_every_data_route_follows_reads_require_key(locked: TestClient, neo4j_settings: Settings) -> None:
    spec = locked.get("/openapi.json").json()
    key = neo4j_settings.api_key.get_secret_value()
    answers = {}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            response = locked.request(method.upper(), _example_path(path), headers={"X-API-Key": ""})
            answers[(method, path)] = (response.status_code, "security" in operation)

    assert {p for (_, p), (status, _) in answers.items() if status != 401} == OPEN_PATHS
    # The spec marks the key on exactly the routes that ask for it.
    assert all(marked == (status == 401) for status, marked in answers.values()), answers
    assert locked.get("/articles/x", headers={"X-API-Key": key}).status_code == 404
    assert locked.get("/queue", headers={"X-API-Key": key}).status_code == 200


def test_the_docs_stay_open(locked: TestClient) -> None:
    assert [locked.get(page).status_code for page in ("/docs", "/redoc", "/openapi.json")] == [200, 200, 200]


def test_an_open_server_marks_the_key_only_on_writes_and_admin_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()

    marked = sorted(
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if "security" in operation
    )
    assert marked == [
        "GET /admin/corrections",
        "GET /admin/persons/{person_id}/mentions",
        "POST /admin/captions",
        "POST /admin/corrections/{correction_id}/undo",
        "POST /admin/persons/{person_id}/merge",
        "POST /admin/persons/{person_id}/split",
        "POST /articles",
    ]


def test_a_body_over_the_limit_is_refused_before_it_is_read(
    neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    settings = neo4j_settings.model_copy(update={"max_body_bytes": 1000})
    key = settings.api_key.get_secret_value()
    with TestClient(create_app(settings), headers={"X-API-Key": key}) as client:
        declared = client.post("/articles", json=ARTICLE | {"text": "دیدار " * 500})

        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            yield b"x" * 2000
            yield b'"}'

        streamed = client.post("/articles", content=chunks(), headers={"Content-Type": "application/json"})

    assert (declared.status_code, declared.json()["error"]["code"]) == (413, "too_large")
    assert streamed.status_code == 413
