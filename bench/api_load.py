"""The API bench's two sides: wrk against the API, and the statements the API ran, replayed through the
bare async driver at the same concurrency; plus where each statement's plan starts."""

import asyncio
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, LiteralString, cast
from urllib.parse import urlencode

from fastapi.testclient import TestClient
from neo4j import AsyncGraphDatabase, Query, RoutingControl

from app.api import create_app
from app.settings import Settings
from bench.api_setup import BENCH_PASSWORD
from graph.reader import Reader

Statement = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    params: list[dict[str, str]] = field(default_factory=list)

    def url(self, params: dict[str, str]) -> str:
        path, query = self.path, dict(params)
        for name in ("id", "a", "b"):
            if "{" + name + "}" in path:
                path = path.replace("{" + name + "}", query.pop(name))
        return path + ("?" + urlencode(query) if query else "")


@dataclass(frozen=True)
class RecordingReader(Reader):
    """A reader that also notes each statement it runs, with its parameters."""

    calls: list[Statement] = field(default_factory=list)

    async def read(self, statement: LiteralString, /, **parameters: Any) -> list[dict[str, Any]]:
        self.calls.append((statement, parameters))
        return await super().read(statement, **parameters)


def recorded(bolt_uri: str, endpoint: Endpoint) -> list[list[Statement]]:
    """For each parameter set, the statements the API runs to answer it (the catalog already loaded)."""
    settings = Settings(neo4j_uri=bolt_uri, neo4j_password=BENCH_PASSWORD)
    app = create_app(settings)
    requests: list[list[Statement]] = []
    with TestClient(app) as client:
        client.get("/topics")
        plain: Reader = app.state.reader
        recorder = RecordingReader(plain.driver, plain.database, plain.uri, plain.timeout)
        app.state.reader = recorder
        for params in endpoint.params:
            recorder.calls.clear()
            response = client.get(endpoint.url(params))
            if response.status_code != 200:
                raise SystemExit(f"{endpoint.url(params)}: {response.status_code} {response.text[:300]}")
            requests.append(list(recorder.calls))
    return requests


def _summary(latencies: list[float], seconds: float) -> dict[str, float]:
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / seconds,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
    }


async def bare(
    bolt_uri: str, requests: list[list[Statement]], connections: int, seconds: float
) -> dict[str, float]:
    """Replay the statements with `connections` concurrent workers for `seconds` (after a warm-up): each
    request runs its statements one after the other, as the API did, in read transactions."""
    driver = AsyncGraphDatabase.driver(bolt_uri, auth=("neo4j", BENCH_PASSWORD))
    latencies: list[float] = []
    cursor = 0

    async def worker(until: float, record: bool) -> None:
        nonlocal cursor
        while time.monotonic() < until:
            statements = requests[cursor % len(requests)]
            cursor += 1
            started = time.monotonic()
            for text, parameters in statements:
                records, _, _ = await driver.execute_query(
                    Query(cast(LiteralString, text), timeout=5.0), parameters, routing_=RoutingControl.READ
                )
                _ = [dict(record) for record in records]
            if record:
                latencies.append(time.monotonic() - started)

    try:
        await asyncio.gather(*(worker(time.monotonic() + 1.5, False) for _ in range(connections)))
        started = time.monotonic()
        await asyncio.gather(*(worker(started + seconds, True) for _ in range(connections)))
        return _summary(latencies, time.monotonic() - started)
    finally:
        await driver.close()


WRK_SCRIPT = """
local paths = %s
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%%d,"seconds":%%f,"p50":%%f,"p99":%%f,"errors":%%d,"non2xx":%%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def wrk(base: str, paths: list[str], connections: int, seconds: float) -> dict[str, float]:
    """wrk (one thread) with `connections` connections for `seconds`, after a warm-up, rotating paths."""
    binary = shutil.which("wrk")
    if binary is None:
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    lua_paths = "{" + ",".join(json.dumps(path) for path in paths) + "}"
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "rotate.lua"
        script.write_text(WRK_SCRIPT % lua_paths, encoding="utf-8")
        common = [binary, "-t1", f"-c{connections}", "--timeout", "10s", "-s", str(script)]
        subprocess.run([*common, "-d2s", base], capture_output=True, check=True)
        done = subprocess.run(
            [*common, f"-d{seconds:.0f}s", base], capture_output=True, text=True, check=True
        )
    line = next(line for line in done.stdout.splitlines() if line.startswith('{"requests"'))
    result = json.loads(line)
    if result["errors"] or result["non2xx"]:
        raise SystemExit(f"wrk saw errors: {result}")
    return {
        "requests": result["requests"],
        "rps": result["requests"] / result["seconds"],
        "p50": result["p50"],
        "p99": result["p99"],
    }


def _starts(plan: dict[str, Any]) -> list[str]:
    """The leaves of a plan that read the store (not the Argument rows a subquery is handed)."""
    children = plan.get("children") or []
    if not children:
        operator = plan["operatorType"].split("@")[0]
        details = (plan.get("args") or {}).get("Details", "")
        return [] if operator == "Argument" else [f"{operator} {details}".strip()]
    return [start for child in children for start in _starts(child)]


async def plans(bolt_uri: str, requests: list[list[Statement]]) -> list[str]:
    """For each distinct statement, the operators its plan starts from (EXPLAIN, so nothing runs)."""
    driver = AsyncGraphDatabase.driver(bolt_uri, auth=("neo4j", BENCH_PASSWORD))
    seen: dict[str, dict[str, Any]] = {}
    for statements in requests:
        for text, parameters in statements:
            seen.setdefault(text, parameters)
    lines = []
    try:
        for text, parameters in seen.items():
            explained = cast(LiteralString, "EXPLAIN " + text)
            _, summary, _ = await driver.execute_query(explained, parameters, routing_=RoutingControl.READ)
            plan = summary.plan or {}
            lines.append(" | ".join(dict.fromkeys(start[:100] for start in _starts(plan))))
    finally:
        await driver.close()
    return lines
