"""Registration through strong identification: every outcome, in the person's language."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from backend.accounts.tables import Credential, ResidentAccount
from backend.core import clock
from backend.demo.identity_codes import test_identity_code
from tests.factories import TODAY, make_lease, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import demo_bank_identify, register

Client = httpx.AsyncClient
ADULT = TODAY.replace(year=TODAY.year - 40)


def code_for(born: object, number: int = 950) -> str:
    return test_identity_code(born, number)  # type: ignore[arg-type]


async def test_an_eligible_main_tenant_registers_and_is_signed_in(client: Client) -> None:
    code = code_for(ADULT)
    await make_occupant(identity_code=code, first_name="Aino", role="main_tenant", birth_date=ADULT)
    authenticator = SoftAuthenticator()
    state = await demo_bank_identify(client, code)
    assert state["outcome"] == "eligible"
    assert state["person"] == {"firstName": "Aino", "lastName": "Asukas"}
    assert state["homes"][0]["access"] == "main_tenant"
    session = await register(client, authenticator, code)
    assert session["authenticated"] is True
    assert session["principal"]["kind"] == "resident"
    assert session["principal"]["firstName"] == "Aino"
    assert session["principal"]["email"] == "asukas@example.fi"
    me = await client.get("/api/session")
    assert me.json()["principal"]["homes"][0]["access"] == "main_tenant"
    assert await ResidentAccount.count() == 1
    assert await Credential.count() == 1


async def test_a_signed_but_not_started_lease_registers_and_sees_the_start_date(
    client: Client,
) -> None:
    code = code_for(ADULT)
    lease = await make_lease(starts_on=TODAY + timedelta(days=20))
    await make_occupant(lease, identity_code=code, birth_date=ADULT)
    state = await demo_bank_identify(client, code)
    assert state["outcome"] == "before_start"
    assert state["step"] == "contact"
    assert state["homes"][0]["startsOn"] == (TODAY + timedelta(days=20)).isoformat()
    assert state["homes"][0]["access"] == "before_start"


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("fi", "Emme löytäneet sinua asukasrekisteristä"),
        ("sv", "Vi hittade dig inte i boenderegistret"),
        ("en", "We could not find you in the register of occupants"),
    ],
)
async def test_someone_not_in_the_register_is_told_where_to_turn(
    client: Client, language: str, title: str
) -> None:
    client.headers["accept-language"] = language
    state = await demo_bank_identify(client, code_for(ADULT))
    assert state["step"] == "refused"
    assert state["outcome"] == "not_in_register"
    assert state["problem"]["title"] == title
    assert "+358 9 000 0000" in state["problem"]["detail"]
    contact = await client.post(
        "/api/registration/contact",
        json={"email": "a@example.fi", "phone": "+358 40 000 0000", "language": "fi"},
    )
    assert contact.status_code == 409
    assert await ResidentAccount.count() == 0


async def test_a_minor_is_refused(client: Client) -> None:
    born = TODAY.replace(year=TODAY.year - 17)
    code = code_for(born)
    await make_occupant(identity_code=code, birth_date=born, role="occupant")
    state = await demo_bank_identify(client, code)
    assert (state["step"], state["outcome"]) == ("refused", "under_18")


async def test_after_the_lease_ended_registration_is_refused(client: Client) -> None:
    code = code_for(ADULT)
    lease = await make_lease(
        starts_on=TODAY - timedelta(days=800), ends_on=TODAY - timedelta(days=1)
    )
    await make_occupant(lease, identity_code=code, birth_date=ADULT)
    state = await demo_bank_identify(client, code)
    assert (state["step"], state["outcome"]) == ("refused", "lease_ended")


async def test_contact_details_are_validated_with_the_field_named(client: Client) -> None:
    code = code_for(ADULT)
    await make_occupant(identity_code=code, birth_date=ADULT)
    await demo_bank_identify(client, code)
    response = await client.post(
        "/api/registration/contact",
        json={"email": "not-an-address", "phone": "+358 40 000 0000", "language": "fi"},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["email"]


async def test_a_registration_left_for_too_long_must_start_again(client: Client) -> None:
    code = code_for(ADULT)
    await make_occupant(identity_code=code, birth_date=ADULT)
    await demo_bank_identify(client, code)
    with clock.travel(31 * 60):
        response = await client.post(
            "/api/registration/contact",
            json={"email": "a@example.fi", "phone": "+358 40 000 0000", "language": "fi"},
        )
        assert response.status_code == 409
        assert (await client.get("/api/registration")).json()["step"] == "none"


async def test_cancelling_at_the_bank_is_explained(client: Client) -> None:
    start = await client.post("/api/registration/strong-auth", json={"purpose": "register"})
    from tests.support.flows import local

    page = await client.get(local(start.json()["authorizationUrl"]))
    cancel_form = page.text.split('class="cancel-form"', 1)[1].split("</form>", 1)[0]
    import html
    import re

    fields = {
        n: html.unescape(v)
        for n, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', cancel_form)
    }
    fields["action"] = "cancel"
    answer = await client.post("/oidc/demo/authorize", data=fields, follow_redirects=False)
    await client.get(local(answer.headers["location"]), follow_redirects=False)
    state = (await client.get("/api/registration", headers={"accept-language": "en"})).json()
    assert state["step"] == "failed"
    assert state["problem"]["status"] == 400
    assert state["problem"]["detail"]


async def test_a_callback_with_a_forged_state_is_refused(client: Client) -> None:
    await client.post("/api/registration/strong-auth", json={"purpose": "register"})
    response = await client.get("/auth/oidc/callback?code=abc&state=forged", follow_redirects=False)
    assert response.status_code == 303
    state = (await client.get("/api/registration")).json()
    assert state["step"] == "failed"
    assert await ResidentAccount.count() == 0


async def test_an_existing_account_recovers_with_a_new_passkey(client: Client) -> None:
    code = code_for(ADULT)
    await make_occupant(identity_code=code, birth_date=ADULT)
    await register(client, SoftAuthenticator(), code)
    await client.post("/api/auth/logout")
    state = await demo_bank_identify(client, code, purpose="recover")
    assert state["step"] == "passkey"
    assert state["recovery"] is True
    from tests.support.flows import create_passkey

    response = await create_passkey(client, SoftAuthenticator())
    assert response.status_code == 201, response.text
    assert await ResidentAccount.count() == 1
    assert await Credential.count() == 2
