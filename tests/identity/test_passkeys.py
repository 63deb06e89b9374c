"""Passkey sign-in: usernameless, user-verified, single-use challenges, counters, revocation."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from backend.accounts.tables import Credential
from backend.core import clock
from backend.core.tables import AuditEvent
from backend.demo.identity_codes import test_identity_code
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import create_passkey, demo_bank_identify, passkey_login, register

Client = httpx.AsyncClient
ADULT = TODAY.replace(year=TODAY.year - 35)


@pytest.fixture
async def registered(client: Client) -> SoftAuthenticator:
    """A resident who registered, then signed out; their authenticator holds the passkey."""
    code = test_identity_code(ADULT, 960)
    await make_occupant(identity_code=code, birth_date=ADULT, first_name="Eero")
    authenticator = SoftAuthenticator()
    await register(client, authenticator, code)
    assert (await client.post("/api/auth/logout")).status_code == 204
    assert (await client.get("/api/session")).json()["authenticated"] is False
    return authenticator


async def test_sign_in_without_a_username(client: Client, registered: SoftAuthenticator) -> None:
    options = (await client.post("/api/auth/passkey/options", json={})).json()
    assert options["allowCredentials"] == []
    assert options["userVerification"] == "required"
    response = await passkey_login(client, registered)
    assert response.status_code == 200, response.text
    assert response.json()["principal"]["firstName"] == "Eero"
    assert (await client.get("/api/session")).json()["authenticated"] is True


async def test_registration_options_ask_for_a_discoverable_verified_passkey(
    client: Client,
) -> None:
    code = test_identity_code(ADULT, 961)
    await make_occupant(identity_code=code, birth_date=ADULT)
    await demo_bank_identify(client, code)
    await client.post(
        "/api/registration/contact",
        json={"email": "x@example.fi", "phone": "+358 40 000 0000", "language": "sv"},
    )
    options = (await client.post("/api/registration/passkey/options", json={})).json()
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert options["attestation"] == "none"
    assert options["rp"]["id"] == "localhost"


@pytest.mark.parametrize(
    "tamper",
    [
        {"origin": "https://evil.example.com"},
        {"rp_id": "evil.example.com"},
        {"user_verified": False},
    ],
    ids=["wrong-origin", "wrong-rp-id", "no-user-verification"],
)
async def test_a_tampered_sign_in_is_refused(
    client: Client, registered: SoftAuthenticator, tamper: dict[str, object]
) -> None:
    response = await passkey_login(client, registered, **tamper)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert (await client.get("/api/session")).json()["authenticated"] is False


@pytest.mark.parametrize(
    "tamper",
    [{"origin": "http://localhost:9999"}, {"rp_id": "example.com"}, {"user_verified": False}],
    ids=["wrong-origin", "wrong-rp-id", "no-user-verification"],
)
async def test_a_tampered_registration_is_refused(
    client: Client, tamper: dict[str, object]
) -> None:
    code = test_identity_code(ADULT, 962)
    await make_occupant(identity_code=code, birth_date=ADULT)
    await demo_bank_identify(client, code)
    await client.post(
        "/api/registration/contact",
        json={"email": "x@example.fi", "phone": "+358 40 000 0000", "language": "fi"},
    )
    options = (await client.post("/api/registration/passkey/options", json={})).json()
    credential = SoftAuthenticator().create(options, **tamper)  # type: ignore[arg-type]
    response = await client.post("/api/registration/passkey", json={"credential": credential})
    assert response.status_code == 400
    assert await Credential.count() == 0


async def test_a_challenge_works_once(client: Client, registered: SoftAuthenticator) -> None:
    options = (await client.post("/api/auth/passkey/options", json={})).json()
    first = registered.get(options)
    assert (await client.post("/api/auth/passkey", json={"credential": first})).status_code == 200
    await client.post("/api/auth/logout")
    replay = registered.get(options)  # same challenge, fresh counter
    response = await client.post("/api/auth/passkey", json={"credential": replay})
    assert response.status_code == 400
    assert (await client.get("/api/session")).json()["authenticated"] is False


async def test_an_expired_challenge_is_refused(
    client: Client, registered: SoftAuthenticator
) -> None:
    options = (await client.post("/api/auth/passkey/options", json={})).json()
    with clock.travel(301):
        response = await client.post(
            "/api/auth/passkey", json={"credential": registered.get(options)}
        )
    assert response.status_code == 400


async def test_a_signature_counter_going_backwards_is_refused(
    client: Client, registered: SoftAuthenticator
) -> None:
    assert (await passkey_login(client, registered, sign_count=5)).status_code == 200
    await client.post("/api/auth/logout")
    cloned = await passkey_login(client, registered, sign_count=3)
    assert cloned.status_code == 400
    failures = await AuditEvent.select(AuditEvent.details).where(
        AuditEvent.action == "login.failed"
    )
    assert failures


async def test_an_unknown_passkey_is_refused(client: Client, registered: SoftAuthenticator) -> None:
    stranger = SoftAuthenticator()
    stranger.create({"rp": {"id": "localhost"}, "user": {"id": "AAAA"}, "challenge": "AAAA"})
    response = await passkey_login(client, stranger)
    assert response.status_code == 401


async def test_passkeys_are_listed_named_and_revoked(
    client: Client, registered: SoftAuthenticator
) -> None:
    await passkey_login(client, registered)
    second = SoftAuthenticator()
    added = await create_passkey(
        client,
        second,
        options_path="/api/me/passkeys/options",
        path="/api/me/passkeys",
        name="Tabletti",
    )
    assert added.status_code == 201, added.text
    listed = (await client.get("/api/me/passkeys")).json()
    assert [(p["name"], p["current"]) for p in listed] == [("Puhelin", True), ("Tabletti", False)]
    renamed = await client.patch(f"/api/me/passkeys/{listed[1]['id']}", json={"name": "iPad"})
    assert renamed.json()["name"] == "iPad"
    assert (await client.delete(f"/api/me/passkeys/{listed[1]['id']}")).status_code == 204
    assert [p["name"] for p in (await client.get("/api/me/passkeys")).json()] == ["Puhelin"]
    await client.post("/api/auth/logout")
    assert (await passkey_login(client, second)).status_code == 401


async def test_registering_the_same_authenticator_twice_is_excluded(
    client: Client, registered: SoftAuthenticator
) -> None:
    await passkey_login(client, registered)
    options = (await client.post("/api/me/passkeys/options", json={})).json()
    assert len(options["excludeCredentials"]) == 1
    with pytest.raises(PermissionError):
        registered.create(options)


async def test_revoking_the_passkey_in_use_ends_this_session(
    client: Client, registered: SoftAuthenticator
) -> None:
    await passkey_login(client, registered)
    current = (await client.get("/api/me/passkeys")).json()[0]
    assert (await client.delete(f"/api/me/passkeys/{current['id']}")).status_code == 204
    assert (await client.get("/api/session")).json()["authenticated"] is False
    assert (await passkey_login(client, registered)).status_code == 401


async def test_a_revoked_passkey_ends_its_sessions_on_other_devices(
    client: Client, other_device: httpx.AsyncClient, registered: SoftAuthenticator
) -> None:
    await passkey_login(client, registered)
    assert (await passkey_login(other_device, registered)).status_code == 200
    current = (await client.get("/api/me/passkeys")).json()[0]
    await client.delete(f"/api/me/passkeys/{current['id']}")
    assert (await other_device.get("/api/me/passkeys")).status_code == 401


async def test_recovery_lists_existing_passkeys_as_excluded(client: Client) -> None:
    code = test_identity_code(ADULT, 963)
    await make_occupant(identity_code=code, birth_date=ADULT)
    await register(client, SoftAuthenticator(), code)
    await client.post("/api/auth/logout")
    await demo_bank_identify(client, code, purpose="recover")
    options = (await client.post("/api/registration/passkey/options", json={})).json()
    assert len(options["excludeCredentials"]) == 1


async def test_sign_in_is_refused_once_the_lease_has_ended(
    client: Client, registered: SoftAuthenticator
) -> None:
    from backend.occupancy.tables import Lease

    await Lease.update({Lease.ends_on: TODAY - timedelta(days=1)}).where(Lease.id.is_not_null())
    response = await passkey_login(
        client,
        registered,
    )
    assert response.status_code == 403
    assert response.json()["type"] == "/problems/login-no-lease"
