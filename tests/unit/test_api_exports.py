"""Meetings as nodes and edges, and the export formats, without a database."""

import asyncio
import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import AsyncIterator
from typing import Any

from app.exports import FORMATS, stream
from graph.subgraph import View, build

IR = {"code": "IR", "name_fa": "ایران", "name_en": "Iran"}
AM = {"code": "AM", "name_fa": "ارمنستان", "name_en": "Armenia"}


def _meeting(meeting_id: str, day: str | None, *people: tuple[str, str, dict[str, str]]) -> dict[str, Any]:
    return {
        "id": meeting_id,
        "date": day,
        "kind": "in_person",
        "status": "held",
        "place": {"id": "pl-1", "name": "تهران", "name_en": "Tehran", "country": IR},
        "country": IR,
        "topics": [{"id": "caucasus", "label_en": "South Caucasus", "label_fa": "قفقاز"}],
        "reports": 1,
        "participants": [
            {
                "id": pid,
                "name": name,
                "name_en": None,
                "unnamed": False,
                "role": "وزیر",
                "role_en": "Minister",
                "country": country,
            }
            for pid, name, country in people
        ],
        "evidence": [
            {
                "sentence": "دیدار <کرد> & رفت",
                "start": 0,
                "end": 9,
                "article": {
                    "id": f"a-{meeting_id}",
                    "title": "خبر",
                    "url": f"https://x.example/{meeting_id}",
                    "source": "x",
                    "published": day,
                },
            }
        ],
    }


MEETINGS = [
    _meeting("m-1", "2024-05-01", ("p-a", "عراقچی", IR), ("p-b", "میرزویان", AM)),
    _meeting("m-2", None, ("p-a", "عراقچی", IR), ("p-b", "میرزویان", AM), ("p-c", "پزشکیان", IR)),
]


def test_the_meetings_view_keeps_the_graph_model() -> None:
    elements = build(MEETINGS)

    labels = sorted(node["label"] for node in elements.nodes.values())
    assert labels == [
        "Country",
        "Country",
        "Meeting",
        "Meeting",
        "Person",
        "Person",
        "Person",
        "Place",
        "Topic",
    ]
    assert elements.nodes["m-1"]["caption"] == "2024-05-01 · South Caucasus"
    assert elements.nodes["m-2"]["caption"] == "undated · South Caucasus"
    assert elements.edges["p-a|PARTICIPATED_IN|m-1"]["properties"] == {"role": "وزیر", "role_en": "Minister"}
    assert "pl-1|IN|country:IR" in elements.edges


def test_the_persons_view_weighs_who_met_whom() -> None:
    elements = build(MEETINGS, View.PERSONS)

    weights = {
        key: edge["properties"]["weight"] for key, edge in elements.edges.items() if edge["type"] == "MET"
    }
    assert weights == {"p-a|MET|p-b": 2, "p-a|MET|p-c": 1, "p-b|MET|p-c": 1}


async def _chunks() -> AsyncIterator[list[dict[str, Any]]]:
    for meeting in MEETINGS:
        yield [meeting]


def _export(name: str) -> str:
    async def collect() -> str:
        return "".join([piece async for piece in stream(FORMATS[name], _chunks())])

    return asyncio.run(collect())


def test_jsonl_writes_each_node_once_across_chunks() -> None:
    lines = [json.loads(line) for line in _export("jsonl").splitlines()]

    ids = [line["id"] for line in lines if line["type"] == "node"]
    assert len(ids) == len(set(ids)) == 11  # 9 above and two articles
    assert {line["label"] for line in lines if line["type"] == "relationship"} >= {"REPORTED_IN", "ABOUT"}


def test_graphml_is_well_formed_and_escapes_text() -> None:
    root = ET.fromstring(_export("graphml"))

    namespace = "{http://graphml.graphdrawing.org/xmlns}"
    evidence = [d.text for d in root.iter(f"{namespace}data") if d.get("key") == "e_evidence"]
    assert evidence == ["دیدار <کرد> & رفت"] * 2
    assert len(list(root.iter(f"{namespace}node"))) == 11


def test_csv_has_a_row_per_pair() -> None:
    text = _export("csv")
    assert text.startswith("\ufeffmeeting_id,")  # the BOM Excel needs to read Persian as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))

    assert [(row["meeting_id"], row["a_id"], row["b_id"]) for row in rows] == [
        ("m-1", "p-a", "p-b"),
        ("m-2", "p-a", "p-b"),
        ("m-2", "p-a", "p-c"),
        ("m-2", "p-b", "p-c"),
    ]
    assert rows[0]["urls"] == "https://x.example/m-1"
    assert rows[0]["evidence"] == "دیدار <کرد> & رفت"
