"""The local push service of the fan-out bench (``tests.bench.fanout``), run in its own
process: a minimal HTTP/1.1 keep-alive server, cheap per request so that the worker's CPU
is what limits the run. It checks each request's shape (VAPID ``Authorization``,
``aes128gcm``), records its Topic and answers 201; ``/stats`` and ``/reset`` for the bench.
It does not decrypt (``tests.support.push_service`` does that in the test suite)."""

from __future__ import annotations

import asyncio
import json
import signal
from typing import Any, ClassVar
from urllib.request import Request, urlopen


class _Receiver(asyncio.Protocol):
    """A minimal HTTP/1.1 keep-alive server: cheap per request, so that the worker's CPU is
    what limits the run, not this one."""

    topics: ClassVar[set[str]] = set()
    stats: ClassVar[dict[str, int]] = {"received": 0, "bad": 0}

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1").split("\r\n")
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            self.transport.write(self._answer(head[0], headers))

    def _answer(self, request_line: str, headers: dict[str, str]) -> bytes:
        method, path = request_line.split(" ")[:2]
        body = b""
        if method == "POST" and path.startswith("/push/"):
            stats = _Receiver.stats
            stats["received"] += 1
            good = headers.get("authorization", "").startswith("vapid t=")
            good = good and headers.get("content-encoding") == "aes128gcm"
            if not good or not headers.get("topic"):
                stats["bad"] += 1
            _Receiver.topics.add(headers.get("topic", ""))
            status = "201 Created"
        elif path == "/stats":
            body = json.dumps({**_Receiver.stats, "topics": len(_Receiver.topics)}).encode()
            status = "200 OK"
        elif path == "/reset":
            _Receiver.topics.clear()
            _Receiver.stats.update(received=0, bad=0)
            status = "200 OK"
        else:
            status = "404 Not Found"
        return f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


async def receive(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Receiver, "127.0.0.1", port, backlog=1024)
    print("ready", flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    server.close()


def receiver_call(origin: str, path: str) -> dict[str, Any]:
    with urlopen(Request(f"{origin}{path}", method="GET"), timeout=10) as answer:  # noqa: S310
        body = answer.read()
    return dict(json.loads(body)) if body else {}
