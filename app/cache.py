"""An optional response cache for the reads: the same GET answered from memory for a few seconds.

Off by default (RESPONSE_CACHE_SECONDS=0): every answer then reflects the graph as it is. A deployment
that serves many readers can turn it on with a TTL of a few seconds; the graph changes only when the
worker writes a batch, and an article posted is queued (202), not visible at once anyway. Each API
process keeps its own cache, bounded in entries and bytes; only complete 200 answers of the read routes
are kept, keyed by path, query string and API key. When an entry expires, concurrent requests for it wait
for the one that asks Neo4j instead of all asking at once.
"""

import asyncio
import time
from collections import OrderedDict

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES = ("/who-met-whom", "/meetings", "/persons", "/countries", "/topics", "/paths", "/graph")
MAX_ENTRIES = 2000
MAX_BYTES = 64 * 1024 * 1024
MAX_BODY = 1024 * 1024


class ResponseCache:
    """Pure ASGI: serve a fresh copy of a cached answer, else pass the request on and keep the answer."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds
        self.entries: OrderedDict[tuple[str, bytes, str], tuple[float, list[tuple[bytes, bytes]], bytes]] = (
            OrderedDict()
        )
        self.size = 0
        # Requests waiting for the same answer: when an entry expires, one of them asks Neo4j.
        self.filling: dict[tuple[str, bytes, str], asyncio.Event] = {}

    def _key(self, scope: Scope) -> tuple[str, bytes, str] | None:
        if self.seconds <= 0 or scope["type"] != "http" or scope["method"] != "GET":
            return None
        path: str = scope["path"]
        if not path.startswith(CACHED_PREFIXES):
            return None
        return path, scope.get("query_string", b""), Headers(scope=scope).get("x-api-key", "")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        if await self._served(key, send):
            return
        filling = self.filling.get(key)
        if filling is not None:  # the same question is being answered: wait for it, once
            await filling.wait()
            if await self._served(key, send):
                return
        self.filling[key] = filling = asyncio.Event()
        try:
            await self._answer(key, scope, receive, send)
        finally:
            filling.set()
            self.filling.pop(key, None)

    async def _served(self, key: tuple[str, bytes, str], send: Send) -> bool:
        found = self.entries.get(key)
        if found is None or found[0] <= time.monotonic():
            return False
        self.entries.move_to_end(key)
        await send({"type": "http.response.start", "status": 200, "headers": found[1]})
        await send({"type": "http.response.body", "body": found[2]})
        return True

    async def _answer(self, key: tuple[str, bytes, str], scope: Scope, receive: Receive, send: Send) -> None:
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        parts: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if not message.get("more_body", False) and status == 200:
                    self._store(key, headers, b"".join(parts))
            await send(message)

        await self.app(scope, receive, keep)

    def _store(self, key: tuple[str, bytes, str], headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if len(body) > MAX_BODY:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self.entries[key] = (time.monotonic() + self.seconds, headers, body)
        self.size += len(body)
        while len(self.entries) > MAX_ENTRIES or self.size > MAX_BYTES:
            _, (_, _, dropped) = self.entries.popitem(last=False)
            self.size -= len(dropped)
