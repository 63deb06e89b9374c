"""A lean HTTP/1.1 client for the one request a push worker makes: POST an encrypted message
to a push service and read the status.

Why not a general client: at thousands of messages a second a general-purpose client's
per-request machinery (cookies, redirects, URL objects, streaming bodies, tracing) cost as
much CPU as encrypting the message. This one keeps connections alive per origin, writes
the request in one buffer and parses the answer with httptools (llhttp, the parser Node.js
uses): Content-Length, chunked and close-delimited bodies, keep-alive decisions.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from collections import deque
from dataclasses import dataclass, field
from typing import NamedTuple, cast

import httptools

MAX_HEADER_BYTES = 64 * 1024  # a push service's answer is a few hundred bytes
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f]")  # would break the request line


class PushTransportError(Exception):
    """The push service could not be reached or did not answer in HTTP."""


class PushResponse(NamedTuple):
    status: int
    headers: dict[str, str]  # names lower-cased


class Origin(NamedTuple):
    scheme: str
    host: str
    port: int


def split_url(url: str) -> tuple[Origin, str]:
    """``(origin, path-and-query)``; ValueError for anything but a plain http(s) URL."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("http", "https"):
        raise ValueError("not an http(s) URL")
    authority, slash, path = rest.partition("/")
    if "@" in authority or not authority:
        raise ValueError("no host, or credentials in the URL")
    host, port = authority, 443 if scheme == "https" else 80
    if authority.startswith("["):  # an IPv6 literal
        end = authority.find("]")
        host, tail = authority[1:end], authority[end + 1 :]
        if tail:
            port = int(tail.removeprefix(":"))
    elif ":" in authority:
        host, _, number = authority.rpartition(":")
        port = int(number)
    target = "/" + path.partition("#")[0] if slash else "/"
    if _UNSAFE_IN_URL.search(target) or _UNSAFE_IN_URL.search(host):
        raise ValueError("control characters or spaces in the URL")
    return Origin(scheme, host, port), target


class _Connection(asyncio.Protocol):
    """One kept-alive connection; one request at a time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.waiter: asyncio.Future[PushResponse] | None = None
        self.headers: dict[str, str] = {}
        self.header_bytes = 0
        self.received = False  # any byte of the current answer
        self.closed = False
        self.keep_alive = False
        self.status: int | None = None

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        self.received = True
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._fail(PushTransportError("the push service switched protocols"))
        except httptools.HttpParserError as error:
            self._fail(PushTransportError(f"not an HTTP answer: {error}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.status is not None and self.waiter is not None and not self.waiter.done():
            # A body delimited by the close: the status and headers are what we came for.
            self.waiter.set_result(PushResponse(self.status, self.headers))
        self._fail(exc or ConnectionResetError("the push service closed the connection"))

    # httptools callbacks
    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_bytes += len(name) + len(value)
        if self.header_bytes > MAX_HEADER_BYTES:
            raise httptools.HttpParserError("answer headers too large")
        self.headers[name.decode("latin-1").lower()] = value.decode("latin-1")

    def on_headers_complete(self) -> None:
        # Read here: once the message is complete the parser has moved on to the next one.
        self.keep_alive = bool(self.parser.should_keep_alive())
        self.status = int(self.parser.get_status_code())

    def on_message_complete(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(PushResponse(self.status or 0, self.headers))

    def _fail(self, error: BaseException) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(error)
        self.close()

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    @property
    def reusable(self) -> bool:
        return not self.closed and self.keep_alive

    async def exchange(self, request: bytes) -> PushResponse:
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.headers, self.header_bytes, self.received = {}, 0, False
        self.keep_alive, self.status = False, None
        self.transport.write(request)
        try:
            return await self.waiter
        finally:
            self.waiter = None


@dataclass
class _Pool:
    gate: asyncio.Semaphore
    idle: deque[_Connection] = field(default_factory=deque)


class PushHttpClient:
    """POSTs to push services, at most ``limit`` connections per origin."""

    def __init__(
        self,
        *,
        timeout_seconds: float = 10.0,
        limit: int = 100,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.timeout_seconds = timeout_seconds
        self.limit = limit
        self.ssl_context = ssl_context
        self._pools: dict[Origin, _Pool] = {}

    def _pool(self, origin: Origin) -> _Pool:
        pool = self._pools.get(origin)
        if pool is None:
            pool = self._pools[origin] = _Pool(asyncio.Semaphore(self.limit))
        return pool

    async def _connect(self, origin: Origin) -> _Connection:
        loop = asyncio.get_running_loop()
        secure = origin.scheme == "https"
        if secure and self.ssl_context is None:
            self.ssl_context = ssl.create_default_context()
        _, connection = await loop.create_connection(
            _Connection,
            origin.host,
            origin.port,
            ssl=self.ssl_context if secure else None,
            server_hostname=origin.host if secure else None,
        )
        return connection

    async def post(self, url: str, headers: dict[str, str], body: bytes) -> PushResponse:
        """The push service's answer; PushTransportError, OSError or TimeoutError when there
        is none. ValueError for a URL or header this client will not send."""
        origin, target = split_url(url)
        host = origin.host if ":" not in origin.host else f"[{origin.host}]"
        default_port = 443 if origin.scheme == "https" else 80
        lines = [
            f"POST {target} HTTP/1.1",
            f"Host: {host}" if origin.port == default_port else f"Host: {host}:{origin.port}",
            f"Content-Length: {len(body)}",
        ]
        lines.extend(f"{name}: {value}" for name, value in headers.items())
        head = "\r\n".join(lines)
        breaks = len(lines) - 1  # the ones between the lines; any other splits a header
        if head.count("\n") != breaks or head.count("\r") != breaks:
            raise ValueError("line break in a header")
        request = (head + "\r\n\r\n").encode("latin-1") + body
        pool = self._pool(origin)
        async with asyncio.timeout(self.timeout_seconds), pool.gate:
            while pool.idle:
                connection = pool.idle.pop()
                if connection.closed:
                    continue
                try:
                    return self._keep(pool, connection, await connection.exchange(request))
                except (OSError, PushTransportError):
                    connection.close()
                    if connection.received:
                        raise
                    # No answer at all on a kept-alive connection: almost always one the
                    # service closed while it was idle. Try another (delivery is at least
                    # once anyway; the topic makes a duplicate show once).
                except BaseException:
                    connection.close()
                    raise
            connection = await self._connect(origin)
            try:
                return self._keep(pool, connection, await connection.exchange(request))
            except BaseException:
                connection.close()
                raise

    @staticmethod
    def _keep(pool: _Pool, connection: _Connection, response: PushResponse) -> PushResponse:
        if connection.reusable:
            pool.idle.append(connection)
        else:
            connection.close()
        return response

    async def close(self) -> None:
        for pool in self._pools.values():
            while pool.idle:
                pool.idle.pop().close()
        self._pools.clear()
