"""Occupant changes through the API: the main tenant reports, staff approve or reject, the
register changes in the same transaction, and access follows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from litestar import Litestar

from backend.core import clock
from backend.core.identity_codes import identity_code_hmac
from backend.core.tables import AuditEvent
from backend.demo.identity_codes import test_identity_code
from backend.demo.loader import load_demo_data
from backend.occupancy.tables import Lease, Occupant, OccupantChange
from backend.settings import get_settings
from tests.conftest import api_client
from tests.factories import TODAY, make_lease, make_occupant, make_property, make_region, make_unit
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import enrolled_staff, register

Client = httpx.AsyncClient
ADULT = TODAY.replace(year=TODAY.year - 45)
YOUNG_ADULT = TODAY.replace(year=TODAY.year - 20)
DAY = 24 * 3600


@dataclass
class Household:
    lease: Lease
    main: Client  # the main tenant
    son: Client  # an adult occupant
    staff: Client  # lease control in the region
    son_id: UUID
    main_id: UUID

    @property
    def changes(self) -> str:
        return f"/api/homes/{self.lease.id}/occupant-changes"


@pytest.fixture
async def household(
    client: Client, other_device: Client, app: Litestar
) -> AsyncIterator[Household]:
    region = await make_region(code="r-occ")
    lease = await make_lease(await make_unit(await make_property(region)))
    main_code = test_identity_code(ADULT, 980)
    son_code = test_identity_code(YOUNG_ADULT, 981)
    main = await make_occupant(lease, identity_code=main_code, birth_date=ADULT, first_name="Ari")
    son = await make_occupant(
        lease, identity_code=son_code, birth_date=YOUNG_ADULT, first_name="Eetu", role="occupant"
    )
    await register(client, SoftAuthenticator(), main_code, email="ari@example.fi")
    await register(other_device, SoftAuthenticator(), son_code, email="eetu@example.fi")
    async with api_client(app) as staff:
        await enrolled_staff(staff, roles=["lease_control"], region_codes=["r-occ"])
        yield Household(lease, client, other_device, staff, son.id, main.id)


async def _report(household: Household, body: dict[str, Any]) -> dict[str, Any]:
    response = await household.main.post(household.changes, json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    assert result["status"] == "pending"
    return result


async def _approve(household: Household, change_id: str) -> dict[str, Any]:
    response = await household.staff.post(f"/api/staff/occupant-changes/{change_id}/approve")
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    assert result["status"] == "approved"
    return result


async def test_the_main_tenant_sees_the_household(household: Household) -> None:
    response = await household.main.get(f"/api/homes/{household.lease.id}/occupants")
    assert response.status_code == 200
    assert {o["firstName"]: o["role"] for o in response.json()} == {
        "Ari": "main_tenant",
        "Eetu": "occupant",
    }


async def test_who_moved_out_loses_access_the_day_after(household: Household) -> None:
    change = await _report(
        household,
        {"kind": "move_out", "occupantId": str(household.son_id), "movesOutOn": str(TODAY)},
    )
    queue = (await household.staff.get("/api/staff/occupant-changes")).json()
    assert [c["id"] for c in queue] == [change["id"]]
    assert queue[0]["leaseNumber"] == household.lease.number
    approved = await _approve(household, change["id"])
    assert approved["occupantId"] == str(household.son_id)
    son = await Occupant.objects().get(Occupant.id == household.son_id)
    assert son is not None
    assert son.moved_out_on == TODAY
    # The last day in the home still counts; the next day the session is over.
    assert (await household.son.get("/api/me/passkeys")).status_code == 200
    with clock.travel(DAY + 60):
        assert (await household.son.get("/api/me/passkeys")).status_code == 401
        assert (await household.son.get("/api/session")).json()["authenticated"] is False
        assert (await household.main.get("/api/me/passkeys")).status_code == 200
    audit = await AuditEvent.select(AuditEvent.action).where(
        AuditEvent.entity_id == UUID(change["id"])
    )
    assert {row["action"] for row in audit} >= {
        "occupant_change.reported",
        "occupant_change.approved",
    }


async def test_a_move_in_adds_a_register_row_without_an_identity_code(
    household: Household,
) -> None:
    moves_in = TODAY + timedelta(days=10)
    change = await _report(
        household,
        {
            "kind": "move_in",
            "firstName": "Liisa",
            "lastName": "Virtanen",
            "birthDate": "1990-04-12",
            "movesInOn": str(moves_in),
        },
    )
    approved = await _approve(household, change["id"])
    row = await Occupant.objects().get(Occupant.id == UUID(approved["occupantId"]))
    assert row is not None
    assert (row.first_name, row.role, row.moved_in_on) == ("Liisa", "occupant", moves_in)
    assert row.identity_code_hmac is None  # the ERP import completes it
    names = [
        o["firstName"]
        for o in (await household.main.get(f"/api/homes/{household.lease.id}/occupants")).json()
    ]
    assert "Liisa" in names


async def test_a_name_change_renames_the_occupant(household: Household) -> None:
    change = await _report(
        household,
        {
            "kind": "name_change",
            "occupantId": str(household.son_id),
            "firstName": "Eetu",
            "lastName": "Korhonen",
            "effectiveOn": str(TODAY),
        },
    )
    await _approve(household, change["id"])
    son = await Occupant.objects().get(Occupant.id == household.son_id)
    assert son is not None
    assert son.last_name == "Korhonen"
    assert (await household.son.get("/api/session")).json()["principal"]["lastName"] == "Korhonen"


async def test_a_birth_adds_a_child(household: Household) -> None:
    born = TODAY - timedelta(days=3)
    change = await _report(
        household,
        {"kind": "birth", "firstName": "Aino", "lastName": "Laine", "birthDate": str(born)},
    )
    approved = await _approve(household, change["id"])
    child = await Occupant.objects().get(Occupant.id == UUID(approved["occupantId"]))
    assert child is not None
    assert (child.role, child.birth_date, child.moved_in_on) == ("occupant", born, born)


async def test_a_rejection_needs_a_reason_and_leaves_the_register_alone(
    household: Household,
) -> None:
    change = await _report(
        household,
        {"kind": "move_out", "occupantId": str(household.son_id), "movesOutOn": str(TODAY)},
    )
    path = f"/api/staff/occupant-changes/{change['id']}"
    assert (await household.staff.post(f"{path}/reject", json={"reason": ""})).status_code == 400
    blank = await household.staff.post(f"{path}/reject", json={"reason": "   "})
    assert blank.status_code == 422
    rejected = await household.staff.post(f"{path}/reject", json={"reason": "Ei todisteita."})
    assert rejected.status_code == 200
    assert rejected.json()["reason"] == "Ei todisteita."
    again = await household.staff.post(f"{path}/approve")
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/occupant-change-decided"
    son = await Occupant.objects().get(Occupant.id == household.son_id)
    assert son is not None
    assert son.moved_out_on is None
    seen = (await household.main.get(f"{household.changes}/{change['id']}")).json()
    assert seen["status"] == "rejected"


BAD_REPORTS = [
    ({"kind": "divorce"}, 400),
    (
        {
            "kind": "move_in",
            "firstName": "A",
            "lastName": "B",
            "birthDate": "1990-01-01",
            "movesInOn": str(TODAY),
            "identityCode": "010190-123A",
        },
        400,
    ),
    (
        {
            "kind": "move_in",
            "firstName": "A" * 101,
            "lastName": "B",
            "birthDate": "1990-01-01",
            "movesInOn": str(TODAY),
        },
        400,
    ),
    (
        {
            "kind": "move_in",
            "firstName": "A",
            "lastName": "B",
            "birthDate": 1990,
            "movesInOn": str(TODAY),
        },
        400,
    ),
    (
        {
            "kind": "move_in",
            "firstName": " ",
            "lastName": "B",
            "birthDate": "1990-01-01",
            "movesInOn": str(TODAY),
        },
        422,
    ),
    (
        {
            "kind": "move_in",
            "firstName": "A",
            "lastName": "B",
            "birthDate": "1990-01-01",
            "movesInOn": str(TODAY + timedelta(days=400)),
        },
        422,
    ),
    (
        {
            "kind": "birth",
            "firstName": "A",
            "lastName": "B",
            "birthDate": str(TODAY + timedelta(days=1)),
        },
        422,
    ),
    ({"kind": "birth", "firstName": "A", "lastName": "B", "birthDate": "2001-01-01"}, 422),
    ({"kind": "move_out", "occupantId": "{unknown}", "movesOutOn": str(TODAY)}, 422),
    ({"kind": "move_out", "occupantId": "{main}", "movesOutOn": str(TODAY)}, 422),
    ({"kind": "move_out", "occupantId": "{foreign}", "movesOutOn": str(TODAY)}, 422),
    ({"kind": "move_out", "occupantId": "not-a-uuid", "movesOutOn": str(TODAY)}, 400),
]


@pytest.mark.parametrize(("body", "status"), BAD_REPORTS)
async def test_bad_reports_are_refused_and_nothing_is_written(
    household: Household, body: dict[str, Any], status: int
) -> None:
    foreign = await make_occupant(role="occupant")
    ids = {"unknown": str(uuid4()), "main": str(household.main_id), "foreign": str(foreign.id)}
    body = {k: v.format(**ids) if isinstance(v, str) else v for k, v in body.items()}
    response = await household.main.post(household.changes, json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await OccupantChange.count() == 0


async def test_one_pending_report_per_person_and_kind(household: Household) -> None:
    body = {"kind": "move_out", "occupantId": str(household.son_id), "movesOutOn": str(TODAY)}
    await _report(household, body)
    second = await household.main.post(household.changes, json=body)
    assert second.status_code == 409
    assert await OccupantChange.count() == 1


async def test_staff_outside_the_region_or_without_the_role_are_refused(
    household: Household, app: Litestar
) -> None:
    change = await _report(
        household,
        {"kind": "birth", "firstName": "A", "lastName": "B", "birthDate": str(TODAY)},
    )
    async with api_client(app) as outside, api_client(app) as maintenance:
        await make_region(code="r-far")
        await enrolled_staff(
            outside, roles=["lease_control"], region_codes=["r-far"], email="far@example.fi"
        )
        await enrolled_staff(
            maintenance, roles=["maintenance"], region_codes=["r-occ"], email="h@example.fi"
        )
        path = f"/api/staff/occupant-changes/{change['id']}"
        assert (await outside.post(f"{path}/approve")).status_code == 404
        assert (await outside.get("/api/staff/occupant-changes")).json() == []
        assert (await maintenance.post(f"{path}/approve")).status_code == 403
        assert (await maintenance.get("/api/staff/occupant-changes")).status_code == 403
    row = await OccupantChange.objects().get(OccupantChange.id == UUID(change["id"]))
    assert row is not None
    assert row.status == "pending"


async def test_demo_reports_wait_in_both_regions_and_stay_decided(db: None) -> None:
    key = get_settings().identity_code_key
    await load_demo_data(key, date(2026, 11, 30))
    assert await OccupantChange.count().where(OccupantChange.status == "pending") == 2
    await OccupantChange.update({OccupantChange.status: "rejected"}).where(
        OccupantChange.kind == "birth"
    )
    await load_demo_data(key, date(2026, 11, 30))
    assert await OccupantChange.count().where(OccupantChange.status == "pending") == 1


async def test_a_new_adult_may_register_once_the_erp_gives_their_identity_code(
    household: Household, app: Litestar
) -> None:
    born = TODAY.replace(year=TODAY.year - 30)
    change = await _report(
        household,
        {
            "kind": "move_in",
            "firstName": "Mira",
            "lastName": "Laine",
            "birthDate": str(born),
            "movesInOn": str(TODAY),
        },
    )
    approved = await _approve(household, change["id"])
    code = test_identity_code(born, 982)
    # What the ERP import will do: the register row gets the identity code's HMAC.
    await Occupant.update(
        {Occupant.identity_code_hmac: identity_code_hmac(code, get_settings().identity_code_key)}
    ).where(Occupant.id == UUID(approved["occupantId"]))
    async with api_client(app) as newcomer:
        session = await register(newcomer, SoftAuthenticator(), code, email="mira@example.fi")
        homes = session["principal"]["homes"]
        assert [(h["leaseId"], h["access"]) for h in homes] == [
            (str(household.lease.id), "resident")
        ]


async def test_an_approval_that_no_longer_fits_the_register_changes_nothing(
    household: Household,
) -> None:
    rename = await _report(
        household,
        {
            "kind": "name_change",
            "occupantId": str(household.son_id),
            "firstName": "Eetu",
            "lastName": "Uusi",
            "effectiveOn": str(TODAY),
        },
    )
    await Occupant.update({Occupant.moved_out_on: TODAY - timedelta(days=1)}).where(
        Occupant.id == household.son_id
    )
    response = await household.staff.post(f"/api/staff/occupant-changes/{rename['id']}/approve")
    assert response.status_code == 409
    row = await OccupantChange.objects().get(OccupantChange.id == UUID(rename["id"]))
    assert row is not None
    assert row.status == "pending"
    son = await Occupant.objects().get(Occupant.id == household.son_id)
    assert son is not None
    assert son.last_name == "Asukas"


async def test_staff_see_who_reported_and_whom_the_report_is_about(household: Household) -> None:
    """A moving-out names only an occupant id: the detail gives staff the reporter's name and
    the home's register, so they can tell whom it is about before deciding."""
    change = await _report(
        household,
        {"kind": "move_out", "occupantId": str(household.son_id), "movesOutOn": str(TODAY)},
    )
    response = await household.staff.get(f"/api/staff/occupant-changes/{change['id']}")
    assert response.status_code == 200, response.text
    detail = response.json()
    main = await Occupant.objects().get(Occupant.id == household.main_id)
    assert main is not None
    assert detail["reportedByName"] == f"Ari {main.last_name}"
    register = {row["id"]: row for row in detail["register"]}
    assert register[str(household.son_id)]["firstName"] == "Eetu"
    assert set(register) == {str(household.son_id), str(household.main_id)}
    read = await AuditEvent.objects().where(
        (AuditEvent.entity_id == UUID(change["id"])) & (AuditEvent.action == "personal_data.read")
    )
    assert len(read) == 1
