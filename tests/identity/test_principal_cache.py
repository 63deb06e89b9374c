"""The resident behind a session is loaded once and reused while nothing it depends on
changed (accounts.principal_cache) — and never after it did."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.accounts import access
from backend.core.versions import view_changed
from backend.demo.identity_codes import test_identity_code
from backend.occupancy.tables import Occupant
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import register
from tests.sync.conftest import mutation, new_group, pushed

ADULT = TODAY.replace(year=TODAY.year - 45)


@pytest.fixture
def register_lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the register lookups: each full load of a resident makes one."""
    seen: list[str] = []
    real = access.person_in_register

    async def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append("lookup")
        return await real(*args, **kwargs)

    monkeypatch.setattr(access, "person_in_register", counting)
    return seen


@pytest.fixture
async def signed_in(client: httpx.AsyncClient) -> httpx.AsyncClient:
    code = test_identity_code(ADULT, 972)
    await make_occupant(identity_code=code, birth_date=ADULT, first_name="Aino")
    await register(client, SoftAuthenticator(), code)
    return client


async def test_the_resident_is_loaded_once_for_many_requests(
    signed_in: httpx.AsyncClient, register_lookups: list[str]
) -> None:
    for _ in range(3):
        assert (await signed_in.get("/api/me/passkeys")).status_code == 200
    assert len(register_lookups) <= 1  # at most the first (registration may have loaded it)


async def test_the_resident_s_own_change_is_seen_by_the_next_request(
    signed_in: httpx.AsyncClient,
) -> None:
    assert (await signed_in.get("/api/session")).json()["principal"]["language"] == "fi"
    changed = await signed_in.patch("/api/me", json={"language": "sv"})
    assert changed.status_code == 200, changed.text
    assert (await signed_in.get("/api/session")).json()["principal"]["language"] == "sv"


async def test_a_register_change_is_seen_once_it_is_announced(
    signed_in: httpx.AsyncClient,
) -> None:
    assert (await signed_in.get("/api/session")).json()["principal"]["firstName"] == "Aino"
    await Occupant.update({Occupant.first_name: "Aino-Maria"}).where(Occupant.first_name == "Aino")
    await view_changed(everyone=True)  # as the import from the ERP does
    assert (await signed_in.get("/api/session")).json()["principal"]["firstName"] == "Aino-Maria"


async def test_a_profile_change_through_sync_is_seen_by_the_next_request(
    signed_in: httpx.AsyncClient,
) -> None:
    assert (await signed_in.get("/api/session")).json()["principal"]["language"] == "fi"
    result = await pushed(
        signed_in, new_group(), [mutation("c1", 1, "updateProfile", language="en")]
    )
    assert result["results"][0]["status"] == "applied", result
    assert (await signed_in.get("/api/session")).json()["principal"]["language"] == "en"
