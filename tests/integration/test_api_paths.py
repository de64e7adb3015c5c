"""/paths: the shortest chains of meetings between two persons."""

from fastapi.testclient import TestClient


def test_two_persons_two_meetings_apart(week_api: TestClient) -> None:
    body = week_api.get("/paths", params={"from": "Mirzoyan", "to": "لاوروف"}).json()

    names = [[p["name_en"] for p in path["persons"]] for path in body["paths"]]
    assert names == [["Ararat Mirzoyan", "Abbas Araghchi", "Sergey Lavrov"]] * 2  # via Moscow or Istanbul
    assert {path["length"] for path in body["paths"]} == {2}
    assert {path["meetings"][1]["date"] for path in body["paths"]} == {"2024-06-09", "2024-08-01"}
    # Each person's own count of meetings, as /persons/{id} gives it (not 0).
    for person in body["paths"][0]["persons"]:
        assert person["meetings"] == week_api.get(f"/persons/{person['id']}").json()["meetings"] > 0


def test_max_hops_bounds_the_search(week_api: TestClient) -> None:
    far = week_api.get("/paths", params={"from": "Mirzoyan", "to": "Bayramov"}).json()
    near = week_api.get("/paths", params={"from": "Mirzoyan", "to": "Bayramov", "max_hops": 2}).json()

    assert {path["length"] for path in far["paths"]} == {3}
    assert near["paths"] == []


def test_bad_requests(week_api: TestClient) -> None:
    assert week_api.get("/paths", params={"from": "Lavrov", "to": "Lavrov"}).status_code == 422
    assert week_api.get("/paths", params={"from": "Lavrov", "to": "nobody-zzzz"}).status_code == 404
    assert week_api.get("/paths", params={"from": "Lavrov", "to": "Fidan", "max_hops": 9}).status_code == 422
