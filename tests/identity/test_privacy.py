"""The personal identity code is never stored or logged: not in any table, not in any log
line, after a full registration and sign-in."""

from __future__ import annotations

import logging

import httpx
import pytest
from piccolo.conf.apps import Finder

from backend.core.db import APP_NAMES
from backend.demo.identity_codes import test_identity_code
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import passkey_login, register


async def test_no_identity_code_in_any_table_or_log_line(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    born = TODAY.replace(year=TODAY.year - 33)
    code = test_identity_code(born, 955)
    compact = code[:6] + code[7:]
    await make_occupant(identity_code=code, birth_date=born)
    authenticator = SoftAuthenticator()
    with caplog.at_level(logging.DEBUG):
        await register(client, authenticator, code)
        await client.post("/api/auth/logout")
        await passkey_login(client, authenticator)
        # A failed attempt with a bad code must not log it either.
        await client.post("/api/registration/strong-auth", json={"purpose": "register"})
    dump = ""
    for table in Finder().get_table_classes(include_apps=list(APP_NAMES)):
        dump += repr(await table.select())
    assert dump  # the tables were read
    for text in (code, code.lower(), compact):
        assert text not in dump
        assert all(text not in record.getMessage() for record in caplog.records)
        assert all(text not in repr(record.__dict__) for record in caplog.records)
