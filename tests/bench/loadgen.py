"""A small HTTP/1.1 keep-alive load generator on raw asyncio (uvloop when installed).

Each connection sends its requests back to back (one in flight per connection), bodies
with Content-Length; responses are read by Content-Length (or chunked). Requests are
pre-encoded bytes, built per connection and request by the scenario, so cookies and
headers are per connection (or per request). A run is a warm-up of W requests, then N
timed requests: requests per second over the timed part, latency percentiles, and every
non-2xx answer (or failed check) counted.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import cast

import msgspec


class HttpError(Exception):
    pass


@dataclass(slots=True)
class Answer:
    status: int
    head: bytes  # the status line and headers, as received
    body: bytes

    def cookies(self) -> dict[str, str]:
        """The cookies this answer sets (``Set-Cookie``)."""
        jar: dict[str, str] = {}
        for line in self.head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"set-cookie":
                parsed: SimpleCookie = SimpleCookie()
                parsed.load(value.strip().decode("latin-1"))
                jar.update({key: morsel.value for key, morsel in parsed.items()})
        return jar

    def json(self) -> object:
        return msgspec.json.decode(self.body)


def _chunked(buffer: bytearray, start: int) -> tuple[bytes, int] | None:
    """The de-chunked body and where it ends, or None while incomplete."""
    body = bytearray()
    at = start
    while True:
        line_end = buffer.find(b"\r\n", at)
        if line_end < 0:
            return None
        size = int(bytes(buffer[at:line_end]).split(b";")[0], 16)
        at = line_end + 2
        if size == 0:
            end = buffer.find(b"\r\n\r\n", at - 2)
            return (bytes(body), end + 4) if end >= 0 else None
        if len(buffer) < at + size + 2:
            return None
        body += buffer[at : at + size]
        at += size + 2


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.buffer = bytearray()
        self.waiter: asyncio.Future[Answer] | None = None
        self.transport: asyncio.Transport | None = None
        self.lost: Exception | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.waiter is not None and not self.waiter.done():
            answer = self._parse()
            if answer is not None:
                self.waiter.set_result(answer)

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = exc or HttpError("connection closed")
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(self.lost)

    def _parse(self) -> Answer | None:
        buffer = self.buffer
        head_end = buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return None
        head = bytes(buffer[:head_end])
        lowered = head.lower()
        status = int(head[9:12])
        at = lowered.find(b"\r\ncontent-length:")
        if at >= 0:
            line_end = lowered.find(b"\r\n", at + 2)
            length = int(head[at + 17 : line_end if line_end >= 0 else len(head)])
            end = head_end + 4 + length
            if len(buffer) < end:
                return None
            body = bytes(buffer[head_end + 4 : end])
        elif b"transfer-encoding: chunked" in lowered:
            parsed = _chunked(buffer, head_end + 4)
            if parsed is None:
                return None
            body, end = parsed
        else:  # no body (204, 304)
            body, end = b"", head_end + 4
        del buffer[:end]
        return Answer(status, head, body)


class Connection:
    """One keep-alive connection; ``send`` one request at a time."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.protocol: _Protocol | None = None

    async def open(self) -> Connection:
        loop = asyncio.get_running_loop()
        _, self.protocol = await loop.create_connection(_Protocol, self.host, self.port)
        return self

    async def send(self, request: bytes) -> Answer:
        if self.protocol is None or self.protocol.lost is not None:
            await self.open()
        protocol = self.protocol
        assert protocol is not None
        assert protocol.transport is not None
        protocol.waiter = asyncio.get_running_loop().create_future()
        protocol.transport.write(request)
        return await protocol.waiter

    def close(self) -> None:
        if self.protocol is not None and self.protocol.transport is not None:
            self.protocol.transport.close()


def encode(
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
    body: bytes | None = None,
    host: str = "127.0.0.1",
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"host: {host}", "user-agent: portal-bench"]
    lines.extend(f"{name}: {value}" for name, value in (headers or {}).items())
    if cookies:
        lines.append("cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
    if body is not None:
        lines.append(f"content-length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")


@dataclass
class Result:
    requests: int
    seconds: float
    errors: int
    latencies: list[float] = field(repr=False)
    first_error: str = ""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Milliseconds."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    def summary(self) -> str:
        return (
            f"{self.requests} requests in {self.seconds:.2f} s: {self.rate:,.0f} req/s, "
            f"p50 {self.percentile(50):.1f} ms, p99 {self.percentile(99):.1f} ms, "
            f"errors {self.errors}" + (f" (first: {self.first_error})" if self.errors else "")
        )


# (connection index, request index) → the request's bytes
MakeRequest = Callable[[int, int], bytes]
# an answer → None when it is right, else what is wrong
Check = Callable[[Answer], str | None]


async def _phase(
    connections: list[Connection], make: MakeRequest, count: int, check: Check | None
) -> Result:
    next_index = 0
    latencies: list[float] = []
    errors = 0
    first_error = ""
    clock = time.perf_counter

    async def drive(c: int, connection: Connection) -> None:
        nonlocal next_index, errors, first_error
        while next_index < count:
            index = next_index
            next_index += 1
            request = make(c, index)
            started = clock()
            try:
                answer = await connection.send(request)
            except (OSError, HttpError) as error:
                problem: str | None = f"{type(error).__name__}: {error}"
            else:
                latencies.append(clock() - started)
                problem = None
                if not 200 <= answer.status < 300:
                    problem = f"HTTP {answer.status}: {answer.body[:200]!r}"
                elif check is not None:
                    problem = check(answer)
            if problem is not None:
                errors += 1
                first_error = first_error or problem

    started = clock()
    await asyncio.gather(*(drive(c, conn) for c, conn in enumerate(connections)))
    return Result(count, clock() - started, errors, latencies, first_error)


async def run_load(
    connections: list[Connection],
    make: MakeRequest,
    *,
    requests: int,
    warmup: int,
    check: Check | None = None,
) -> Result:
    """``warmup`` requests (not counted), then ``requests`` timed ones. ``make`` gets the
    request index across both phases (warm-up first), so one-use requests are not reused."""
    if warmup:
        await _phase(connections, make, warmup, check)
    return await _phase(connections, lambda c, i: make(c, warmup + i), requests, check)


async def open_connections(host: str, port: int, count: int) -> list[Connection]:
    return list(await asyncio.gather(*(Connection(host, port).open() for _ in range(count))))


def install_uvloop() -> bool:
    try:
        import uvloop
    except ImportError:
        return False
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return True
