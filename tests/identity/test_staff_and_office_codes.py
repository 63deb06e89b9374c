"""Staff: provisioning, passkey enrolment from a one-time link, sign-in, and office codes
with which a resident registers instead of strong identification."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from backend.accounts.tables import OfficeRegistrationCode, ResidentAccount
from backend.core import clock
from backend.core.tables import AuditEvent
from backend.settings import get_settings
from backend.staff.services import create_staff_user, issue_enrolment_link
from tests.factories import TODAY, make_occupant, make_property, make_region, make_unit
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import create_passkey, enrolled_staff, local, passkey_login

Client = httpx.AsyncClient


async def test_a_staff_user_enrols_once_and_signs_in_with_the_passkey(client: Client) -> None:
    region = await make_region(code="east")
    authenticator = await enrolled_staff(
        client, roles=["customer_service"], region_codes=[region.code]
    )
    await client.post("/api/auth/logout")
    response = await passkey_login(client, authenticator)
    assert response.status_code == 200
    assert response.json()["principal"]["roles"] == ["customer_service"]
    events = [r["action"] for r in await AuditEvent.select(AuditEvent.action)]
    assert {"staff.created", "staff.enrolled", "login.succeeded"} <= set(events)


async def test_an_enrolment_link_works_once(client: Client) -> None:
    settings = get_settings()
    await make_region(code="east")
    staff_id = await create_staff_user(
        email="a@example.fi", name="A", roles=["editor"], region_codes=["east"]
    )
    token = local(
        await issue_enrolment_link(staff_id, key=settings.secret_key, public_url="http://x")
    ).rsplit("/", 1)[1]
    path = f"/api/staff/enrolment/{token}"
    first = await create_passkey(
        client, SoftAuthenticator(), options_path=f"{path}/options", path=path
    )
    assert first.status_code == 201
    again = await client.post(f"{path}/options", json={})
    assert again.status_code == 400
    assert again.json()["type"] == "/problems/enrolment"


async def test_an_old_enrolment_link_has_expired(client: Client) -> None:
    settings = get_settings()
    await make_region(code="east")
    staff_id = await create_staff_user(
        email="b@example.fi", name="B", roles=["editor"], region_codes=["east"]
    )
    link = await issue_enrolment_link(staff_id, key=settings.secret_key, public_url="http://x")
    with clock.travel(8 * 24 * 3600):
        response = await client.get(f"/api/staff/enrolment/{link.rsplit('/', 1)[1]}")
    assert response.status_code == 400


async def test_admins_provision_staff_and_others_may_not(client: Client) -> None:
    region = await make_region(code="east")
    await enrolled_staff(client, roles=["admin"], region_codes=[], all_regions=True)
    created = await client.post(
        "/api/staff/users",
        json={
            "email": "uusi@example.fi",
            "name": "Uusi",
            "roles": ["editor"],
            "regionCodes": [region.code],
        },
    )
    assert created.status_code == 201, created.text
    assert "/staff/enrol/" in created.json()["enrolmentUrl"]
    bad = await client.post(
        "/api/staff/users",
        json={"email": "x@example.fi", "name": "X", "roles": ["janitor"], "regionCodes": []},
    )
    assert bad.status_code == 400


async def test_non_admin_staff_cannot_provision(client: Client) -> None:
    await make_region(code="east")
    await enrolled_staff(client, roles=["editor"], region_codes=["east"])
    response = await client.post(
        "/api/staff/users",
        json={"email": "y@example.fi", "name": "Y", "roles": ["editor"], "regionCodes": ["east"]},
    )
    assert response.status_code == 403


async def _occupant_in(region_code: str, **values: Any) -> Any:
    region = await make_region(code=region_code)
    unit = await make_unit(await make_property(region))
    from tests.factories import make_lease

    lease = await make_lease(unit)
    born = TODAY.replace(year=TODAY.year - 30)
    from backend.demo.identity_codes import test_identity_code

    return await make_occupant(
        lease, identity_code=test_identity_code(born, 990), birth_date=born, **values
    )


async def test_a_resident_registers_with_an_office_code(
    client: Client, other_device: httpx.AsyncClient
) -> None:
    occupant = await _occupant_in("east", first_name="Ritva")
    await enrolled_staff(client, roles=["customer_service"], region_codes=["east"])
    issued = await client.post(
        "/api/staff/office-codes", json={"occupantId": str(occupant.id), "idChecked": True}
    )
    assert issued.status_code == 201, issued.text
    code = issued.json()["code"]
    assert len(code.replace("-", "")) == 12
    assert issued.json()["firstName"] == "Ritva"
    stored = await OfficeRegistrationCode.select(OfficeRegistrationCode.code_hmac)
    assert code not in str(stored)
    assert code.replace("-", "") not in str(stored)

    state = await other_device.post("/api/registration/office-code", json={"code": code.lower()})
    assert state.status_code == 200, state.text
    assert state.json()["step"] == "contact"
    assert state.json()["person"]["firstName"] == "Ritva"
    await other_device.post(
        "/api/registration/contact",
        json={"email": "ritva@example.fi", "phone": "+358 40 000 0456", "language": "fi"},
    )
    done = await create_passkey(other_device, SoftAuthenticator())
    assert done.status_code == 201
    assert await ResidentAccount.count() == 1
    again = await other_device.post("/api/registration/office-code", json={"code": code})
    assert again.status_code == 400  # single use


async def test_an_expired_or_unknown_office_code_is_refused(
    client: Client, other_device: httpx.AsyncClient
) -> None:
    occupant = await _occupant_in("east")
    await enrolled_staff(client, roles=["lease_control"], region_codes=["east"])
    code = (
        await client.post(
            "/api/staff/office-codes", json={"occupantId": str(occupant.id), "idChecked": True}
        )
    ).json()["code"]
    with clock.travel(7 * 24 * 3600 + 1):
        late = await other_device.post("/api/registration/office-code", json={"code": code})
    assert late.status_code == 400
    unknown = await other_device.post(
        "/api/registration/office-code",
        json={"code": "AAAA-BBBB-CCCC"},
        headers={"accept-language": "en"},
    )
    assert unknown.status_code == 400
    assert unknown.json()["title"] == "The registration code is not valid"


@pytest.mark.parametrize(
    ("roles", "region", "status"),
    [
        (["customer_service"], "west", 404),  # outside the staff user's regions
        (["maintenance"], "east", 403),  # a role that does not issue codes
        (["editor"], "east", 403),
    ],
)
async def test_office_codes_need_the_role_and_the_region(
    client: Client, roles: list[str], region: str, status: int
) -> None:
    occupant = await _occupant_in("east")
    if region != "east":
        await make_region(code=region)
    await enrolled_staff(client, roles=roles, region_codes=[region])
    response = await client.post(
        "/api/staff/office-codes", json={"occupantId": str(occupant.id), "idChecked": True}
    )
    assert response.status_code == status
    assert await OfficeRegistrationCode.count() == 0


async def test_residents_cannot_use_staff_endpoints(client: Client) -> None:
    response = await client.post("/api/staff/office-codes", json={"occupantId": str(TODAY)})
    assert response.status_code in (400, 401)
    response = await client.post(
        "/api/staff/office-codes", json={"occupantId": "00000000-0000-0000-0000-000000000000"}
    )
    assert response.status_code == 401
    _ = timedelta
