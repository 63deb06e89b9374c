"""Sessions: cookies, fixation, timeouts, sign-out everywhere, lease end; CSRF; rate limits."""

from __future__ import annotations

from datetime import timedelta

import httpx
import msgspec
import pytest

from backend.core import clock
from backend.core.versions import view_changed
from backend.demo.identity_codes import test_identity_code
from backend.occupancy.tables import Lease
from backend.settings import Settings
from tests.conftest import WITHOUT_CSRF, api_client, running_app
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import passkey_login, register

Client = httpx.AsyncClient
ADULT = TODAY.replace(year=TODAY.year - 50)


@pytest.fixture
async def resident(client: Client) -> SoftAuthenticator:
    code = test_identity_code(ADULT, 970)
    await make_occupant(identity_code=code, birth_date=ADULT)
    authenticator = SoftAuthenticator()
    await register(client, authenticator, code)
    return authenticator


async def test_the_session_cookie_is_httponly_samesite_and_renewed_at_sign_in(
    client: Client, resident: SoftAuthenticator
) -> None:
    before = client.cookies.get("portal_session")
    await client.post("/api/auth/logout")
    options = await client.post("/api/auth/passkey/options", json={})
    pre_login_id = client.cookies.get("portal_session")
    assert pre_login_id  # the challenge lives in a pre-sign-in session
    response = await client.post(
        "/api/auth/passkey", json={"credential": resident.get(options.json())}
    )
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith("portal_session=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert client.cookies.get("portal_session") not in (pre_login_id, before)


async def test_sign_out_ends_the_session(client: Client, resident: SoftAuthenticator) -> None:
    assert (await client.get("/api/me/passkeys")).status_code == 200
    assert (await client.post("/api/auth/logout")).status_code == 204
    response = await client.get("/api/me/passkeys", headers={"accept-language": "sv"})
    assert response.status_code == 401
    assert response.json()["title"] == "Logga in"


async def test_sign_out_everywhere_ends_every_device(
    client: Client, other_device: httpx.AsyncClient, resident: SoftAuthenticator
) -> None:
    assert (await passkey_login(other_device, resident)).status_code == 200
    assert (await client.post("/api/auth/logout-everywhere")).status_code == 204
    assert (await other_device.get("/api/me/passkeys")).status_code == 401
    assert (await client.get("/api/me/passkeys")).status_code == 401
    assert (await passkey_login(other_device, resident)).status_code == 200  # may sign in again


async def test_an_idle_session_expires(client: Client, resident: SoftAuthenticator) -> None:
    with clock.travel(7 * 24 * 3600 + 60):
        assert (await client.get("/api/me/passkeys")).status_code == 401


async def test_a_session_in_use_still_ends_at_the_absolute_limit(
    client: Client, resident: SoftAuthenticator
) -> None:
    for day in range(1, 30, 3):  # used every third day: never idle for a week
        with clock.travel(day * 24 * 3600):
            assert (await client.get("/api/me/passkeys")).status_code == 200
    with clock.travel(30 * 24 * 3600 + 60):
        assert (await client.get("/api/me/passkeys")).status_code == 401


async def test_a_session_ends_when_the_last_lease_ends(
    client: Client, resident: SoftAuthenticator
) -> None:
    # The ERP reports the move-out date: the lease ends today.
    await Lease.update({Lease.ends_on: TODAY}).where(Lease.id.is_not_null())
    await view_changed(everyone=True)  # as the import from the ERP does
    assert (await client.get("/api/me/passkeys")).status_code == 200
    with clock.travel(24 * 3600):  # the next morning
        assert (await client.get("/api/me/passkeys")).status_code == 401
        assert (await client.get("/api/session")).json()["authenticated"] is False


async def test_a_lease_ended_by_the_erp_ends_the_session_at_once(
    client: Client, resident: SoftAuthenticator
) -> None:
    assert (await client.get("/api/me/passkeys")).status_code == 200
    await Lease.update({Lease.ends_on: TODAY - timedelta(days=1)}).where(Lease.id.is_not_null())
    await view_changed(everyone=True)  # as the import from the ERP does
    assert (await client.get("/api/me/passkeys")).status_code == 401


async def test_state_changing_requests_need_the_csrf_token(
    client: Client, resident: SoftAuthenticator
) -> None:
    response = await client.patch(
        "/api/me", json={"language": "en"}, headers={WITHOUT_CSRF: "1", "accept-language": "en"}
    )
    assert response.status_code == 403
    assert response.json()["type"] == "/problems/csrf"
    assert response.json()["title"] == "The session has expired"
    forged = await client.patch(
        "/api/me", json={"language": "en"}, headers={"x-csrf-token": "forged-token"}
    )
    assert forged.status_code == 403
    session = (await client.get("/api/session")).json()
    assert session["principal"]["language"] == "fi"
    assert (await client.patch("/api/me", json={"language": "en"})).status_code == 200


async def test_sign_in_endpoints_are_rate_limited_per_ip(db: None, settings: Settings) -> None:
    strict = msgspec.structs.replace(settings, auth_rate_limit_per_ip=3)
    async with running_app(strict) as app, api_client(app) as client:
        statuses = [
            (await client.post("/api/auth/passkey/options", json={})).status_code for _ in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        refused = await client.post(
            "/api/auth/passkey/options", json={}, headers={"accept-language": "en"}
        )
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert "seconds" in refused.json()["detail"]


async def test_password_attempts_are_rate_limited_per_account(db: None, settings: Settings) -> None:
    strict = msgspec.structs.replace(settings, auth_rate_limit_per_account=2)
    async with running_app(strict) as app, api_client(app) as client:
        attempts = [
            await client.post(
                "/api/auth/password",
                json={"email": "Someone@Example.fi", "password": f"wrong-password-{n}"},
            )
            for n in range(3)
        ]
        assert [a.status_code for a in attempts] == [401, 401, 429]
        other = await client.post(
            "/api/auth/password",
            json={"email": "other@example.fi", "password": "wrong-password-x"},
        )
        assert other.status_code == 401  # another account is not blocked
