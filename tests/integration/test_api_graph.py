"""/graph (nodes and edges) and /export (JSON lines, GraphML, CSV), whole or filtered."""

import csv
import io
import json
import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def test_a_subgraph_has_each_node_once_and_edges_between_them(week_api: TestClient) -> None:
    body = week_api.get("/graph", params={"topic": "caucasus"}).json()

    nodes = {node["id"]: node for node in body["nodes"]}
    assert len(nodes) == len(body["nodes"])
    assert {node["label"] for node in nodes.values()} == {"Meeting", "Person", "Country", "Topic", "Place"}
    assert all(edge["source"] in nodes and edge["target"] in nodes for edge in body["edges"])
    meetings = [node for node in nodes.values() if node["label"] == "Meeting"]
    assert sorted(node["caption"] for node in meetings) == [
        "2024-05-01 · South Caucasus",
        "2024-07-15 · South Caucasus",
        "2024-08-01 · South Caucasus",
    ]
    assert nodes["country:IR"]["caption"] == "IR"
    assert sum(edge["type"] == "PARTICIPATED_IN" for edge in body["edges"]) == 7


def test_the_persons_view_weighs_met_edges(week_api: TestClient) -> None:
    body = week_api.get("/graph", params={"view": "persons", "person": "Araghchi"}).json()

    met = {
        frozenset((edge["source"], edge["target"])): edge["properties"]["weight"]
        for edge in body["edges"]
        if edge["type"] == "MET"
    }
    names = {node["id"]: node["properties"].get("name_en") for node in body["nodes"]}
    by_name = {frozenset(names[i] for i in pair): weight for pair, weight in met.items()}
    assert by_name[frozenset({"Abbas Araghchi", "Sergey Lavrov"})] == 2
    assert by_name[frozenset({"Sergey Lavrov", "Hakan Fidan"})] == 1


def test_graph_pages_follow_the_cursor(week_api: TestClient) -> None:
    first = week_api.get("/graph", params={"limit": 5}).json()
    rest = week_api.get("/graph", params={"limit": 5, "cursor": first["next_cursor"]}).json()

    meetings = [n for page in (first, rest) for n in page["nodes"] if n["label"] == "Meeting"]
    assert len(meetings) == 6
    assert rest["next_cursor"] is None


def test_jsonl_export_is_the_whole_graph_once(week_api: TestClient) -> None:
    response = week_api.get("/export", params={"format": "jsonl"})

    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    nodes = [line for line in lines if line["type"] == "node"]
    edges = [line for line in lines if line["type"] == "relationship"]
    assert len({n["id"] for n in nodes}) == len(nodes)
    assert sum(n["labels"] == ["Meeting"] for n in nodes) == 6
    assert sum(n["labels"] == ["Article"] for n in nodes) == 7
    assert sum(e["label"] == "REPORTED_IN" for e in edges) == 7
    ids = {n["id"] for n in nodes}
    assert all(e["start"]["id"] in ids and e["end"]["id"] in ids for e in edges)


def test_graphml_export_parses_and_is_filtered(week_api: TestClient) -> None:
    response = week_api.get("/export", params={"format": "graphml", "country": "AZ"})

    root = ET.fromstring(response.content)
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None
    meetings = [
        node
        for node in graph.iter(f"{GRAPHML}node")
        if any(d.get("key") == "n_label" and d.text == "Meeting" for d in node)
    ]
    assert len(meetings) == 1
    assert len(list(graph.iter(f"{GRAPHML}edge"))) > 0


def test_csv_export_has_one_row_per_pair(week_api: TestClient) -> None:
    response = week_api.get("/export", params={"format": "csv", "limit": 3})

    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response.headers["content-disposition"] == 'attachment; filename="didar.csv"'
    assert [row["date"] for row in rows] == ["2024-08-01"] * 3 + ["2024-07-15", "2024-06-09"]
    moscow = rows[-1]
    assert {moscow["a_name_en"], moscow["b_name_en"]} == {"Abbas Araghchi", "Sergey Lavrov"}
    assert moscow["urls"].split() == ["https://news.example/a-4", "https://news.example/a-3"]
    assert moscow["evidence"]  # the latest report's sentence
