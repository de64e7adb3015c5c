#!/usr/bin/env python3
"""Take the README's screenshots from a real headless Chromium (Debian's `chromium`) against a running stack.

Starts its own Neo4j (var/neo4j-shots, ports 36687/36474) and
API (port 36000), ingests the sample articles and the eval dev set through the real extractor, then drives
Chromium over the DevTools protocol (a minimal WebSocket client below, stdlib only): the Browser with
didar's style and guide applied at connection and a query run, and the API docs. Run from the project
root: `.venv/bin/python docs/screenshots/take.py`.
"""

import base64
import http.client
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.server import LocalNeo4j  # noqa: E402

OUT = Path(__file__).resolve().parent
API_PORT, BOLT_PORT, HTTP_PORT, CDP_PORT = 36000, 36687, 36474, 36222
PASSWORD = "didar-shots-password"
API = f"http://127.0.0.1:{API_PORT}"
INPUTS = [ROOT / "samples", Path("/work/shared/eval/dev/articles.jsonl")]
# The latest meetings with their participants and the countries they represent.
QUERY = """MATCH (m:Meeting) WHERE m.date IS NOT NULL
WITH m ORDER BY m.date DESC LIMIT 7
MATCH (p:Person)-[r:PARTICIPATED_IN]->(m)
OPTIONAL MATCH (p)-[s:REPRESENTS]->(c:Country)
RETURN p, r, m, s, c"""


class DevTools:
    """Just enough of a WebSocket client for the Chrome DevTools protocol."""

    def __init__(self, url: str) -> None:
        host, _, path = url.removeprefix("ws://").partition("/")
        address, port = host.split(":")
        self.sock = socket.create_connection((address, int(port)), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET /{path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        self.next_id = 0

    def _send(self, text: str) -> None:
        payload = text.encode()
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _exactly(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = self.sock.recv(size - len(data))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            data += chunk
        return data

    def _receive(self) -> str:
        message = b""
        while True:
            first, second = self._exactly(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack(">H", self._exactly(2))[0]
            elif size == 127:
                size = struct.unpack(">Q", self._exactly(8))[0]
            message += self._exactly(size)
            if first & 0x80:
                return message.decode()

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self._receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def evaluate(self, expression: str) -> Any:
        return (
            self.call("Runtime.evaluate", expression=expression, returnByValue=True)
            .get("result", {})
            .get("value")
        )

    def wait_for(self, expression: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                data = self.call("Page.captureScreenshot", format="png")["data"]
                Path(tempfile.gettempdir(), "didar-shot-timeout.png").write_bytes(base64.b64decode(data))
                raise TimeoutError(f"{expression} (see {tempfile.gettempdir()}/didar-shot-timeout.png)")
            time.sleep(0.5)

    def screenshot(self, name: str) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        (OUT / name).write_bytes(base64.b64decode(data))
        print(f"wrote {OUT / name}")


def _chromium(profile: str) -> subprocess.Popen[bytes]:
    binary = shutil.which("chromium") or sys.exit("chromium is needed: apt-get install -y chromium")
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--remote-debugging-port={CDP_PORT}", "--window-size=1600,1000",
        "--lang=en-US", "about:blank",
    ]  # fmt: skip
    return subprocess.Popen([binary, *flags], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _page() -> DevTools:
    deadline = time.monotonic() + 30
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", CDP_PORT, timeout=5)
            connection.request("GET", "/json/list")
            pages = [p for p in json.loads(connection.getresponse().read()) if p["type"] == "page"]
            tools = DevTools(pages[0]["webSocketDebuggerUrl"])
            tools.call("Page.enable")
            tools.call(
                "Emulation.setDeviceMetricsOverride",
                width=1600,
                height=1000,
                deviceScaleFactor=1,
                mobile=False,
            )
            return tools
        except (OSError, IndexError, ValueError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _browser(tools: DevTools, query: str) -> None:
    url = (
        f"http://127.0.0.1:{HTTP_PORT}/browser/?dbms=bolt://127.0.0.1:{BOLT_PORT}&cmd=edit&arg={quote(query)}"
    )
    tools.call("Page.navigate", url=url)
    tools.wait_for("document.querySelector('[data-testid=\"username\"]') !== null")
    for field, text in (("username", "neo4j"), ("password", PASSWORD)):
        tools.evaluate(f"document.querySelector('[data-testid=\"{field}\"]').focus()")
        tools.call("Input.insertText", text=text)
    tools.evaluate("document.querySelector('[data-testid=\"connect\"]').click()")
    # Connected, the style applied and the guide open (browser.post_connect_cmd), the query in the editor.
    tools.wait_for("document.querySelector('[data-testid=\"editor-Run\"]') !== null && "
                   "document.body.innerText.includes('didar: diplomatic meetings as a graph')")  # fmt: skip
    time.sleep(3)
    tools.evaluate("document.querySelector('[data-testid=\"editor-Run\"]').click()")
    tools.wait_for("document.querySelectorAll('svg g.node').length > 5", 60)
    # Room for the graph: no properties panel, and the later frames (:style, :play start) closed.
    tools.evaluate("document.querySelector('button[title=\"Collapse the node properties display\"]').click()")
    tools.evaluate(
        "[...document.querySelectorAll('button[title=\"Close\"]')].slice(1).forEach(b => b.click())"
    )
    time.sleep(10)  # the force layout settles
    tools.screenshot("browser-guide-and-graph.png")
    tools.evaluate("document.querySelector('button[title=\"Fullscreen\"]').click()")
    time.sleep(2)
    for _ in range(2):
        tools.evaluate("document.querySelector('button[aria-label=\"zoom-in\"]').click()")
        time.sleep(1)
    time.sleep(2)
    tools.screenshot("browser-graph.png")


def _docs(tools: DevTools) -> None:
    tools.call("Page.navigate", url=f"{API}/docs#/meetings/who_met_whom_who_met_whom_get")
    tools.wait_for("document.querySelectorAll('.opblock').length > 10", 60)
    time.sleep(3)
    tools.screenshot("api-docs.png")
    # Try it out: who met whom about the Caucasus, asked in Persian, two pairs.
    tools.evaluate("document.querySelector('.opblock.is-open .try-out__btn').click()")
    time.sleep(1)
    for name, text in (("topic", "قفقاز"), ("limit", "2")):
        selector = json.dumps(f".opblock.is-open input[placeholder='{name}']")
        tools.evaluate(f"(e => {{ e.focus(); e.select(); }})(document.querySelector({selector}))")
        tools.call("Input.insertText", text=text)
    tools.evaluate("document.querySelector('.opblock.is-open .execute').click()")
    tools.wait_for("document.querySelector('.opblock.is-open .live-responses-table .microlight') !== null")
    tools.evaluate("document.querySelector('.opblock.is-open .request-url').scrollIntoView()")
    time.sleep(2)
    tools.screenshot("api-who-met-whom.png")


def main() -> None:
    server = LocalNeo4j(
        ROOT / "var" / "neo4j-shots", bolt_port=BOLT_PORT, http_port=HTTP_PORT, password=PASSWORD, api_url=API
    )
    server.start()
    env = os.environ | {
        "NEO4J_URI": server.bolt_uri, "NEO4J_PASSWORD": PASSWORD, "NEO4J_HTTP_PORT": str(HTTP_PORT),
        "API_PORT": str(API_PORT),
    }  # fmt: skip
    didar = str(ROOT / ".venv" / "bin" / "didar")
    subprocess.run([didar, "migrate"], env=env, check=True)
    subprocess.run([didar, "ingest", *[str(p) for p in INPUTS if p.exists()]], env=env, check=False)
    api = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "uvicorn"), "--factory", "app.api:create_app", "--port", str(API_PORT),
         "--log-level", "warning"], cwd=ROOT, env=env,
    )  # fmt: skip
    profile = tempfile.mkdtemp()
    chromium = None
    try:
        time.sleep(4)
        connection = http.client.HTTPConnection("127.0.0.1", API_PORT, timeout=60)
        connection.request("POST", "/admin/captions", headers={"X-API-Key": "didar-local-dev-key"})
        print("captions:", connection.getresponse().read().decode())
        for _ in range(3):  # warm: plans compiled and the catalog read before the docs ask
            connection.request("GET", f"/who-met-whom?limit=20&topic={quote('قفقاز')}")
            connection.getresponse().read()
        chromium = _chromium(profile)
        tools = _page()
        _browser(tools, QUERY)
        _docs(tools)
    finally:
        if chromium:
            chromium.terminate()
        api.terminate()
        server.stop()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
