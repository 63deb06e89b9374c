"""An office registration code is issued only once the staff user confirms having checked
the person's ID card; the confirmation is in the audit log."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.accounts.tables import OfficeRegistrationCode
from backend.core.tables import AuditEvent
from tests.factories import make_lease, make_occupant, make_property, make_region, make_unit
from tests.support.flows import enrolled_staff

Client = httpx.AsyncClient
DETAILS = {
    "fi": "Tarkista ensin henkilön henkilöllisyystodistus",
    "sv": "Kontrollera först personens identitetshandling",
    "en": "Check the person's ID card first",
}


async def _occupant() -> Any:
    region = await make_region(code="east")
    lease = await make_lease(await make_unit(await make_property(region)))
    return await make_occupant(lease, first_name="Ritva")


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
