"""An office registration code is issued only once the staff user confirms having checked
the person's ID card; the confirmation is in the audit log."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from backend.accounts.tables import OfficeRegistrationCode
from backend.core.tables import AuditEvent
from backend.demo.identity_codes import test_identity_code
from tests.factories import make_lease, make_occupant, make_property, make_region, make_unit
from tests.support.flows import enrolled_staff

Client = httpx.AsyncClient
RITVA_BORN = date(1961, 5, 2)
RITVA = test_identity_code(RITVA_BORN, 977)
DETAILS = {
    "fi": "Tarkista ensin henkilön henkilöllisyystodistus",
    "sv": "Kontrollera först personens identitetshandling",
    "en": "Check the person's ID card first",
}


async def _occupant(*, identity_code: str | None = RITVA) -> Any:
    region = await make_region(code="east")
    lease = await make_lease(await make_unit(await make_property(region)))
    return await make_occupant(
        lease, first_name="Ritva", identity_code=identity_code, birth_date=RITVA_BORN
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("checked", [False, None, "yes"])
async def test_without_the_id_check_no_code_is_issued(
    client: Client, language: str, checked: Any
) -> None:
    occupant = await _occupant()
    await enrolled_staff(client, roles=["customer_service"], region_codes=["east"])
    body: dict[str, Any] = {"occupantId": str(occupant.id)}
    if checked is not None:
        body["idChecked"] = checked
    response = await client.post(
        "/api/staff/office-codes", json=body, headers={"accept-language": language}
    )
    if checked == "yes":  # not a boolean at all: the request itself is malformed
        assert response.status_code == 400
    else:
        assert response.status_code == 422, response.text
        problem = response.json()
        assert response.headers["content-type"].startswith("application/problem+json")
        assert DETAILS[language] in problem["detail"]
        assert problem["errors"] == [{"field": "idChecked", "message": "true"}]
    assert await OfficeRegistrationCode.count() == 0


async def test_the_check_is_recorded_with_the_code(client: Client) -> None:
    occupant = await _occupant()
    await enrolled_staff(client, roles=["customer_service"], region_codes=["east"])
    response = await client.post(
        "/api/staff/office-codes", json={"occupantId": str(occupant.id), "idChecked": True}
    )
    assert response.status_code == 201, response.text
    events = (
        await AuditEvent.select()
        .where(AuditEvent.action == "office_code.issued")
        .output(load_json=True)
    )
    assert len(events) == 1
    details = events[0]["details"]
    assert details["idChecked"] is True
    assert details["codeId"] == response.json()["id"]


async def test_refusals_of_role_and_region_come_before_the_id_check(client: Client) -> None:
    occupant = await _occupant()
    await enrolled_staff(client, roles=["maintenance"], region_codes=["east"])
    response = await client.post("/api/staff/office-codes", json={"occupantId": str(occupant.id)})
    assert response.status_code == 403


NO_CODE_YET = {
    "fi": "henkilötunnus ei ole vielä tullut asukasrekisteriin",
    "sv": "personbeteckning har ännu inte kommit in i invånarregistret",
    "en": "identity code has not reached the register of occupants yet",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
async def test_no_code_for_someone_the_register_cannot_match_yet(
    client: Client, language: str
) -> None:
    """A new occupant whose identity code the ERP import has not brought: a code would be
    refused at registration, so the desk is told now, and the search says so beforehand."""
    occupant = await _occupant(identity_code=None)
    await enrolled_staff(client, roles=["customer_service"], region_codes=["east"])
    found = (await client.get("/api/staff/occupants", params={"q": "Ritva"})).json()
    assert [(p["occupantId"], p["canRegister"]) for p in found] == [(str(occupant.id), False)]
    response = await client.post(
        "/api/staff/office-codes",
        json={"occupantId": str(occupant.id), "idChecked": True},
        headers={"accept-language": language},
    )
    assert response.status_code == 409, response.text
    assert NO_CODE_YET[language] in response.json()["detail"]
    assert await OfficeRegistrationCode.count() == 0
