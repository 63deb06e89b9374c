"""The password fallback: off by default, at least 12 characters, one answer for all failures."""

from __future__ import annotations

import httpx
import pytest

from backend.accounts.tables import ResidentAccount
from backend.demo.identity_codes import test_identity_code
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import register

Client = httpx.AsyncClient
ADULT = TODAY.replace(year=TODAY.year - 28)
PASSWORD = "kolme pientä porsasta"


@pytest.fixture
async def resident(client: Client) -> SoftAuthenticator:
    code = test_identity_code(ADULT, 980)
    await make_occupant(identity_code=code, birth_date=ADULT)
    authenticator = SoftAuthenticator()
    await register(client, authenticator, code, email="Salasana@Example.fi")
    return authenticator


async def login(client: Client, email: str, password: str) -> int:
    response = await client.post("/api/auth/password", json={"email": email, "password": password})
    return response.status_code


async def test_password_sign_in_is_off_until_turned_on(
    client: Client, resident: SoftAuthenticator
) -> None:
    assert (await client.get("/api/session")).json()["principal"]["passwordEnabled"] is False
    await client.post("/api/auth/logout")
    assert await login(client, "salasana@example.fi", PASSWORD) == 401


async def test_turned_on_it_signs_in_by_email(client: Client, resident: SoftAuthenticator) -> None:
    assert (await client.put("/api/me/password", json={"password": PASSWORD})).status_code == 204
    account = await ResidentAccount.objects().first()
    assert account is not None
    assert account.password_hash is not None
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash
    await client.post("/api/auth/logout")
    assert await login(client, "SALASANA@example.fi", PASSWORD) == 200
    assert (await client.get("/api/session")).json()["principal"]["passwordEnabled"] is True


async def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(
    client: Client, resident: SoftAuthenticator
) -> None:
    await client.put("/api/me/password", json={"password": PASSWORD})
    await client.post("/api/auth/logout")
    wrong = await client.post(
        "/api/auth/password", json={"email": "salasana@example.fi", "password": "x" * 12}
    )
    unknown = await client.post(
        "/api/auth/password", json={"email": "nobody@example.fi", "password": "x" * 12}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


@pytest.mark.parametrize("password", ["short", "a" * 11, "b" * 129])
async def test_length_is_the_only_rule(
    client: Client, resident: SoftAuthenticator, password: str
) -> None:
    response = await client.put("/api/me/password", json={"password": password})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "password"


async def test_no_composition_rules(client: Client, resident: SoftAuthenticator) -> None:
    for password in ("aaaaaaaaaaaa", "            x", "🏠🏠🏠🏠🏠🏠🏠🏠🏠🏠🏠🏠"):
        assert (
            await client.put("/api/me/password", json={"password": password})
        ).status_code == 204


async def test_turning_it_off_refuses_the_old_password(
    client: Client, resident: SoftAuthenticator
) -> None:
    await client.put("/api/me/password", json={"password": PASSWORD})
    assert (await client.delete("/api/me/password")).status_code == 204
    await client.post("/api/auth/logout")
    assert await login(client, "salasana@example.fi", PASSWORD) == 401
