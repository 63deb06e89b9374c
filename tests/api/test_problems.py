"""Errors are RFC 9457 problem details in the reader's language, never a stack trace."""

import logging
import uuid

import httpx
import msgspec
import pytest
from litestar import Litestar, get, post
from litestar.params import JSONBody

from backend.core.errors import ConflictError
from backend.property.tables import Region

PROBLEM_TYPE = "application/problem+json"


class Greeting(msgspec.Struct):
    name: str = msgspec.field()
    count: int


@pytest.fixture
def app(app: Litestar) -> Litestar:
    @get("/api/test/boom", sync_to_thread=False)
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    @get("/api/test/conflict", sync_to_thread=False)
    def conflict() -> None:
        raise ConflictError()

    @post("/api/test/greet", sync_to_thread=False)
    def greet(data: JSONBody[Greeting]) -> Greeting:
        return data

    @post("/api/test/region", status_code=201)
    async def region() -> None:
        # A unique code inserted twice: what two racing requests would do.
        await Region.insert(Region(id=uuid.uuid4(), code="twice", name={}))

    for handler in (boom, conflict, greet, region):
        app.register(handler)
    return app


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("fi", "Ei löytynyt"),
        ("sv-FI", "Hittades inte"),
        ("en-GB", "Not found"),
        ("de", "Ei löytynyt"),
    ],
)
async def test_unknown_api_path_is_a_404_problem_in_the_readers_language(
    client: httpx.AsyncClient, language: str, title: str
) -> None:
    response = await client.get("/api/no-such-thing", headers={"accept-language": language})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM_TYPE)
    body = response.json()
    assert body["title"] == title
    assert body["status"] == 404
    assert body["type"] == "/problems/not-found"
    assert body["instance"] == "/api/no-such-thing"
    assert body["requestId"] == response.headers["x-request-id"]


async def test_lang_query_parameter_wins_over_the_header(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/nothing?lang=en", headers={"accept-language": "fi"})
    assert response.json()["title"] == "Not found"


async def test_wrong_method_is_a_405_problem(client: httpx.AsyncClient) -> None:
    response = await client.delete("/health/live", headers={"accept-language": "sv"})
    assert response.status_code == 405
    assert response.headers["content-type"].startswith(PROBLEM_TYPE)
    assert response.json()["title"] == "Åtgärden är inte tillåten"
    assert response.json()["requestId"] == response.headers["x-request-id"]


async def test_domain_errors_map_to_their_status(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/test/conflict", headers={"accept-language": "en"})
    assert response.status_code == 409
    assert response.json()["title"] == "Conflict"


async def test_invalid_body_names_the_fields(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/test/greet", json={"name": "Aino", "count": "many"}, headers={"accept-language": "en"}
    )
    assert response.status_code == 400
    body = response.json()
    assert body["title"] == "Please check the details"
    assert [error["field"] for error in body["errors"]] == ["count"]


@pytest.mark.parametrize("raw", [b"{", b"\xff\xfe", b"[]", b'{"name": 1}', b""])
async def test_malformed_json_is_a_400_never_a_500(client: httpx.AsyncClient, raw: bytes) -> None:
    response = await client.post(
        "/api/test/greet", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM_TYPE)


async def test_an_unexpected_error_is_logged_but_not_shown(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="backend.errors"):
        response = await client.get(
            "/api/test/boom", headers={"accept-language": "en", "x-request-id": "req-12345678"}
        )
    assert response.status_code == 500
    assert response.headers["content-type"].startswith(PROBLEM_TYPE)
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text
    body = response.json()
    assert body["title"] == "Something went wrong"
    assert "req-12345678" in body["detail"]
    assert response.headers["x-request-id"] == "req-12345678"
    assert any("secret internals" in (r.exc_text or "") for r in caplog.records)


async def test_a_malformed_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live", headers={"x-request-id": "bad id\nwith newline"})
    assert response.headers["x-request-id"] != "bad id\nwith newline"
    assert len(response.headers["x-request-id"]) == 32


async def test_a_database_conflict_is_a_409_not_a_500(client: httpx.AsyncClient) -> None:
    first = await client.post("/api/test/region", headers={"accept-language": "en"})
    second = await client.post("/api/test/region", headers={"accept-language": "en"})
    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["title"] == "Conflict"
