"""Overlapping requests of one browser must not undo each other's session changes.

The sign-in page asks for a passkey challenge while the visitor may already be starting bank
identification; a read of the session (any API call) may overlap a write. Each test holds
one request at the exact point where the old whole-session writes lost the other's change
(the holds are events, not sleeps), lets the other request finish, then releases it.
"""

from __future__ import annotations

import asyncio
import html
import re
from datetime import timedelta
from typing import Any

import httpx
from litestar import Litestar
from litestar.stores.file import FileStore

from backend.core import clock
from backend.demo.identity_codes import test_identity_code
from tests.conftest import api_client
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import local, register

ADULT = TODAY.replace(year=TODAY.year - 40)
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


class HeldFileStore(FileStore):
    """The file store, able to hold the next read (after reading) or the next write."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hold_read: asyncio.Event | None = None
        self.hold_write: asyncio.Event | None = None
        self.held = asyncio.Event()

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        value = await super().get(key, renew_for)
        if self.hold_read is not None:
            release, self.hold_read = self.hold_read, None
            self.held.set()
            await release.wait()
        return value

    async def set(
        self, key: str, value: str | bytes, expires_in: int | timedelta | None = None
    ) -> None:
        if self.hold_write is not None:
            release, self.hold_write = self.hold_write, None
            self.held.set()
            await release.wait()
        await super().set(key, value, expires_in)


async def _adult_in_register(serial: int) -> str:
    """An adult occupant of an active lease (who may register); their identity code."""
    code = test_identity_code(ADULT, serial)
    await make_occupant(identity_code=code, birth_date=ADULT)
    return code


async def _held_sessions(app: Litestar, tmp_path: Any) -> HeldFileStore:
    store = HeldFileStore(tmp_path / "sessions", create_directories=True)
    app.stores.register("sessions", store, allow_override=True)
    return store


async def _finish_bank_identification(client: httpx.AsyncClient, url: str, code: str) -> Any:
    page = await client.get(local(url))
    form = page.text.split('class="code-form"', 1)[1].split("</form>", 1)[0]
    fields = {name: html.unescape(value) for name, value in _HIDDEN.findall(form)}
    fields["identity_code"] = code
    answer = await client.post("/oidc/demo/authorize", data=fields)
    await client.get(local(answer.headers["location"]))
    return (await client.get("/api/registration")).json()


async def test_a_passkey_challenge_overlapping_the_start_of_bank_identification_keeps_both(
    db: None, app: Litestar, tmp_path: Any
) -> None:
    code = await _adult_in_register(981)
    resident = SoftAuthenticator()
    async with api_client(app) as setup:
        await register(setup, resident, code)
    store = await _held_sessions(app, tmp_path)
    async with api_client(app) as browser:
        assert (await browser.post("/api/auth/passkey/options", json={})).status_code == 200
        release = asyncio.Event()
        store.hold_read = release
        # The challenge request has read the session and is held there ...
        challenge = asyncio.create_task(browser.post("/api/auth/passkey/options", json={}))
        await store.held.wait()
        # ... while bank identification starts and stores its state.
        start = await browser.post("/api/registration/strong-auth", json={"purpose": "recover"})
        assert start.status_code == 200
        release.set()
        options = await challenge
        assert options.status_code == 200

        state = await _finish_bank_identification(browser, start.json()["authorizationUrl"], code)
        assert state.get("problem") is None, state  # not "could not be joined to this browser"
        assert state["step"] != "failed"
        signed_in = await browser.post(
            "/api/auth/passkey", json={"credential": resident.get(options.json())}
        )
        assert signed_in.status_code == 200, signed_in.text  # the challenge was kept too


async def test_a_request_that_only_reads_the_session_never_undoes_an_overlapping_write(
    db: None, app: Litestar, tmp_path: Any
) -> None:
    code = await _adult_in_register(982)
    store = await _held_sessions(app, tmp_path)
    async with api_client(app) as browser:
        assert (await browser.post("/api/auth/passkey/options", json={})).status_code == 200
        release = asyncio.Event()
        store.hold_write = release
        # A read of the session (the registration screen asking where things stand): if it
        # writes anything, that write is held with what it read ...
        read = asyncio.create_task(browser.get("/api/registration"))
        held = asyncio.create_task(store.held.wait())
        await asyncio.wait({read, held}, return_when=asyncio.FIRST_COMPLETED)
        store.hold_write = None  # the read wrote nothing: hold nothing else
        # ... while bank identification starts and stores its state.
        start = await browser.post("/api/registration/strong-auth", json={"purpose": "register"})
        assert start.status_code == 200
        release.set()
        assert (await read).status_code == 200
        held.cancel()

        state = await _finish_bank_identification(browser, start.json()["authorizationUrl"], code)
        assert state.get("problem") is None, state
        assert state["step"] == "contact"


async def test_a_request_overlapping_sign_out_does_not_sign_the_browser_back_in(
    db: None, app: Litestar, tmp_path: Any
) -> None:
    code = await _adult_in_register(983)
    store = await _held_sessions(app, tmp_path)
    async with api_client(app) as browser:
        await register(browser, SoftAuthenticator(), code)
        with clock.travel(120):  # "last seen" is due to move: the next request writes it
            release = asyncio.Event()
            store.hold_read = release
            seen = asyncio.create_task(browser.get("/api/me/passkeys"))
            await store.held.wait()
            assert (await browser.post("/api/auth/logout")).status_code == 204
            release.set()
            await seen
            assert (await browser.get("/api/me/passkeys")).status_code == 401
