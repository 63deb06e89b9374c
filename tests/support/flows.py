"""The identity flows, driven through the HTTP API the way the PWA and a browser do."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

import httpx

from backend.settings import get_settings
from backend.staff.services import create_staff_user, issue_enrolment_link
from tests.support.authenticator import SoftAuthenticator

Client = httpx.AsyncClient
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def local(url: str) -> str:
    """The path and query of an absolute URL of the app (the test client's own host)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


async def demo_bank_identify(
    client: Client, identity_code: str, *, purpose: str = "register"
) -> dict[str, Any]:
    """Strong identification through the demo bank, typing an identity code; returns the
    registration state the app shows afterwards."""
    start = await client.post("/api/registration/strong-auth", json={"purpose": purpose})
    assert start.status_code == 200, start.text
    page = await client.get(local(start.json()["authorizationUrl"]))
    assert page.status_code == 200, page.text
    code_form = page.text.split('class="code-form"', 1)[1].split("</form>", 1)[0]
    fields = {name: html.unescape(value) for name, value in _HIDDEN.findall(code_form)}
    fields["identity_code"] = identity_code
    answer = await client.post("/oidc/demo/authorize", data=fields, follow_redirects=False)
    assert answer.status_code in (302, 303), answer.text
    back = await client.get(local(answer.headers["location"]), follow_redirects=False)
    assert back.status_code == 303
    assert back.headers["location"] == "/register/continue"
    state = await client.get("/api/registration")
    assert state.status_code == 200
    result: dict[str, Any] = state.json()
    return result


async def create_passkey(
    client: Client,
    authenticator: SoftAuthenticator,
    *,
    options_path: str = "/api/registration/passkey/options",
    path: str = "/api/registration/passkey",
    name: str | None = "Puhelin",
) -> Any:
    options = await client.post(options_path, json={})
    assert options.status_code == 200, options.text
    credential = authenticator.create(options.json())
    return await client.post(path, json={"credential": credential, "name": name})


async def register(
    client: Client,
    authenticator: SoftAuthenticator,
    identity_code: str,
    *,
    email: str = "asukas@example.fi",
) -> dict[str, Any]:
    """A whole registration; returns the session the app answers with."""
    state = await demo_bank_identify(client, identity_code)
    assert state["step"] == "contact", state
    contact = await client.post(
        "/api/registration/contact",
        json={"email": email, "phone": "+358 40 000 0123", "language": "fi"},
    )
    assert contact.json()["step"] == "passkey", contact.text
    response = await create_passkey(client, authenticator)
    assert response.status_code == 201, response.text
    session: dict[str, Any] = response.json()
    return session


async def passkey_login(client: Client, authenticator: SoftAuthenticator, **tamper: Any) -> Any:
    options = await client.post("/api/auth/passkey/options", json={})
    assert options.status_code == 200, options.text
    credential = authenticator.get(options.json(), **tamper)
    return await client.post("/api/auth/passkey", json={"credential": credential})


async def enrolled_staff(
    client: Client,
    *,
    roles: list[str],
    region_codes: list[str],
    all_regions: bool = False,
    email: str = "palvelu@example.fi",
) -> SoftAuthenticator:
    """Provision a staff user, enrol a passkey from their link; signed in afterwards."""
    settings = get_settings()
    staff_id = await create_staff_user(
        email=email,
        name="Kaisa Virtanen",
        roles=roles,
        region_codes=region_codes,
        all_regions=all_regions,
    )
    link = await issue_enrolment_link(
        staff_id, key=settings.secret_key, public_url=settings.public_url
    )
    token = local(link).rsplit("/", 1)[1]
    authenticator = SoftAuthenticator()
    who = await client.get(f"/api/staff/enrolment/{token}")
    assert who.json()["email"] == email
    response = await create_passkey(
        client,
        authenticator,
        options_path=f"/api/staff/enrolment/{token}/options",
        path=f"/api/staff/enrolment/{token}",
    )
    assert response.status_code == 201, response.text
    assert response.json()["principal"]["kind"] == "staff"
    return authenticator
