"""The push worker's HTTP client against servers that answer the ways real ones may: kept
alive or not, chunked or close-delimited bodies, dropped idle connections, silence, garbage,
and TLS."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import ssl
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from backend.notifications.http import Origin, PushHttpClient, PushTransportError, split_url

Answerer = Callable[[bytes], bytes | None]  # a request (head + body) → the raw answer


class ScriptedServer:
    """Reads one HTTP request at a time and writes whatever ``answer`` returns; ``None``
    closes the connection without an answer. Counts connections and requests."""

    def __init__(self, answer: Answerer, close_after_answer: bool = False) -> None:
        self.answer = answer
        self.close_after_answer = close_after_answer
        self.connections = 0
        self.requests: list[bytes] = []
        self.writers: list[asyncio.StreamWriter] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.writers.append(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                request = head + await reader.readexactly(length)
                self.requests.append(request)
                answer = self.answer(request)
                if answer is None:
                    break
                writer.write(answer)
                await writer.drain()
                if self.close_after_answer:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def drop_idle_connections(self) -> None:
        for writer in self.writers:
            writer.close()


@asynccontextmanager
async def serving(server: ScriptedServer, tls: ssl.SSLContext | None = None) -> AsyncIterator[int]:
    listener = await asyncio.start_server(server.handle, "127.0.0.1", 0, ssl=tls)
    try:
        yield int(listener.sockets[0].getsockname()[1])
    finally:
        listener.close()
        server.drop_idle_connections()


def created(request: bytes) -> bytes:
    return b"HTTP/1.1 201 Created\r\nLocation: /m/1\r\nContent-Length: 0\r\n\r\n"


async def test_connections_are_kept_alive_and_the_request_is_what_a_push_service_needs() -> None:
    server = ScriptedServer(created)
    client = PushHttpClient()
    async with serving(server) as port:
        for n in range(5):
            response = await client.post(
                f"http://127.0.0.1:{port}/push/abc?x=1",
                {"TTL": "60", "Topic": f"t{n}"},
                b"\x00encrypted\xff",
            )
            assert response.status == 201
            assert response.headers["location"] == "/m/1"
    await client.close()
    assert server.connections == 1
    first = server.requests[0]
    assert first.startswith(b"POST /push/abc?x=1 HTTP/1.1\r\n")
    assert f"Host: 127.0.0.1:{port}\r\n".encode() in first
    assert b"Content-Length: 11\r\n" in first
    assert b"TTL: 60\r\n" in first
    assert first.endswith(b"\r\n\r\n\x00encrypted\xff")


async def test_a_chunked_answer_is_read_whole_and_its_headers_kept() -> None:
    answer = (
        b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120\r\nTransfer-Encoding: chunked\r\n"
        b"\r\n5\r\nslow \r\n5\r\ndown!\r\n0\r\n\r\n"
    )
    server = ScriptedServer(lambda request: answer)
    client = PushHttpClient()
    async with serving(server) as port:
        statuses = [
            (await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")).status for _ in range(3)
        ]
        retry_after = (await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")).headers
    await client.close()
    assert statuses == [429, 429, 429]
    assert retry_after["retry-after"] == "120"
    assert server.connections == 1  # the chunked body ended where it should


async def test_an_answer_delimited_by_closing_is_read_and_the_next_request_reconnects() -> None:
    server = ScriptedServer(
        lambda request: b"HTTP/1.1 410 Gone\r\nConnection: close\r\n\r\nsubscription expired",
        close_after_answer=True,
    )
    client = PushHttpClient()
    async with serving(server) as port:
        first = await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")
        second = await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")
    await client.close()
    assert (first.status, second.status) == (410, 410)
    assert server.connections == 2


async def test_a_kept_alive_connection_closed_without_an_answer_is_retried_on_a_new_one() -> None:
    # What a push service's idle timeout looks like from here: the request goes out on a
    # kept-alive connection, and the connection closes with no answer.
    def answer(request: bytes) -> bytes | None:
        return None if len(server.requests) == 2 else created(request)

    server = ScriptedServer(answer)
    client = PushHttpClient()
    async with serving(server) as port:
        assert (await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")).status == 201
        assert (await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")).status == 201
    await client.close()
    assert (server.connections, len(server.requests)) == (2, 3)


async def test_a_service_that_closes_without_answering_is_a_transport_error() -> None:
    server = ScriptedServer(lambda request: None)
    client = PushHttpClient()
    async with serving(server) as port:
        with pytest.raises(ConnectionResetError):
            await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")
    await client.close()


async def test_a_silent_service_times_out() -> None:
    silent = asyncio.Event()

    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await silent.wait()
        writer.close()

    listener = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    client = PushHttpClient(timeout_seconds=0.2)
    try:
        with pytest.raises(TimeoutError):
            await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")
    finally:
        silent.set()
        listener.close()
        await client.close()


async def test_an_answer_that_is_not_http_is_a_transport_error() -> None:
    server = ScriptedServer(lambda request: b"SMTP ready\r\n\r\n")
    client = PushHttpClient()
    async with serving(server) as port:
        with pytest.raises(PushTransportError):
            await client.post(f"http://127.0.0.1:{port}/p", {}, b"x")
    await client.close()


async def test_nothing_unsafe_is_sent() -> None:
    client = PushHttpClient()
    for evil in ({"Topic": "a\r\nX-Evil: 1"}, {"Topic": "a\nb"}, {"X\rY": "1"}):
        with pytest.raises(ValueError, match="line break"):
            await client.post("http://127.0.0.1:1/p", evil, b"x")
    for url, why in (
        ("ftp://push.example/p", "not an http"),
        ("http://user@push.example/p", "credentials"),
        ("http://push.example/a b", "control characters or spaces"),
        ("http://push.example/a\x00", "control characters or spaces"),
    ):
        with pytest.raises(ValueError, match=why):
            split_url(url)
    await client.close()


def test_urls_split_into_origin_and_target() -> None:
    assert split_url("https://fcm.googleapis.com/fcm/send/abc") == (
        Origin("https", "fcm.googleapis.com", 443),
        "/fcm/send/abc",
    )
    assert split_url("http://[::1]:8080/p?q=1#frag") == (Origin("http", "::1", 8080), "/p?q=1")
    assert split_url("https://push.example") == (Origin("https", "push.example", 443), "/")


def _self_signed(folder: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context for ``localhost`` and a client context that trusts only it."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cafile=str(cert_file))
    return server, client


async def test_https_is_verified_against_the_trusted_certificates(tmp_path: Path) -> None:
    server_tls, client_tls = _self_signed(tmp_path)
    server = ScriptedServer(created)
    trusting = PushHttpClient(ssl_context=client_tls)
    default = PushHttpClient()  # the system's CAs: our self-signed certificate fails
    async with serving(server, tls=server_tls) as port:
        assert (await trusting.post(f"https://localhost:{port}/p", {}, b"x")).status == 201
        assert (await trusting.post(f"https://localhost:{port}/p", {}, b"x")).status == 201
        with pytest.raises(ssl.SSLCertVerificationError):
            await default.post(f"https://localhost:{port}/p", {}, b"x")
    await trusting.close()
    await default.close()
    assert len(server.requests) == 2
