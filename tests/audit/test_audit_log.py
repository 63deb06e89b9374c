"""The audit log as admins read it: newest first, filtered, paged, with the actors' names;
nobody else may read it, and reading it leaves a trace too."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from backend.accounts.tables import ResidentAccount
from backend.core.tables import AuditEvent
from backend.demo.identity_codes import test_identity_code
from backend.staff.tables import StaffUser
from tests.factories import TODAY, make_lease, make_occupant, make_region
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import enrolled_staff, register

Client = httpx.AsyncClient
T0 = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


async def _event(at: datetime, action: str, **values: Any) -> uuid.UUID:
    event_id = uuid.uuid4()
    await AuditEvent.insert(
        AuditEvent(
            id=event_id,
            at=at,
            actor_type=values.pop("actor_type", "system"),
            action=action,
            details=values.pop("details", {}),
            **values,
        )
    )
    return event_id


async def _page(client: Client, **params: Any) -> Any:
    response = await client.get("/api/staff/audit", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_admins_read_events_newest_first_with_actor_names(
    client: Client, other_device: Client
) -> None:
    await make_region(code="east")
    born = TODAY.replace(year=TODAY.year - 35)
    code = test_identity_code(born, 950)
    await make_occupant(
        await make_lease(),
        identity_code=code,
        first_name="Anna",
        last_name="Laine",
        birth_date=born,
    )
    await register(other_device, SoftAuthenticator(), code, email="anna@example.fi")
    await enrolled_staff(client, roles=["admin"], region_codes=[], all_regions=True)
    account_id = (await ResidentAccount.select(ResidentAccount.id))[0]["id"]
    staff_id = (await StaffUser.select(StaffUser.id))[0]["id"]

    page = await _page(client)
    assert page["total"] == len(page["items"]) >= 4
    times = [item["at"] for item in page["items"]]
    assert times == sorted(times, reverse=True)
    assert set(page["items"][0]) == {
        "id",
        "at",
        "actorType",
        "actorId",
        "actorName",
        "action",
        "entityType",
        "entityId",
        "details",
        "requestId",
    }
    residents = await _page(client, actorType="resident")
    assert residents["items"]
    assert {(i["actorId"], i["actorName"]) for i in residents["items"]} == {
        (str(account_id), "Anna Laine")
    }
    enrolled = await _page(client, action="staff.enrolled")
    assert [(i["actorId"], i["actorName"], i["entityType"]) for i in enrolled["items"]] == [
        (str(staff_id), "Kaisa Virtanen", "credential")
    ]
    created = await _page(client, action="staff.created")
    assert created["items"][0]["actorType"] == "system"
    assert created["items"][0]["actorName"] is None
    assert created["items"][0]["details"] == {"roles": ["admin"], "regions": []}


async def test_filters_and_paging(client: Client) -> None:
    await enrolled_staff(client, roles=["admin"], region_codes=[], all_regions=True)
    ticket = uuid.uuid4()
    actor = uuid.uuid4()
    first = await _event(T0, "ticket.assign", entity_type="ticket", entity_id=ticket)
    second = await _event(
        T0 + timedelta(hours=1),
        "ticket.transition",
        entity_type="ticket",
        entity_id=ticket,
        actor_type="staff",
        actor_id=actor,
        details={"from": "received", "to": "in_progress"},
        request_id="req-1",
    )
    third = await _event(T0 + timedelta(hours=2), "ticket.assign", entity_type="ticket")

    def ids(page: Any) -> list[str]:
        return [item["id"] for item in page["items"]]

    assert ids(await _page(client, entityId=str(ticket))) == [str(second), str(first)]
    assert ids(await _page(client, action="ticket.assign", to=T0.isoformat())) == []
    window = {"from": T0.isoformat(), "to": (T0 + timedelta(hours=2)).isoformat()}
    assert ids(await _page(client, **window)) == [str(second), str(first)]  # to: exclusive
    by_actor = await _page(client, actorId=str(actor), actorType="staff")
    assert by_actor["items"][0]["details"] == {"from": "received", "to": "in_progress"}
    assert by_actor["items"][0]["requestId"] == "req-1"
    assert by_actor["items"][0]["actorName"] is None  # nobody we know any more
    tickets = await _page(client, entityType="ticket", limit=2)
    assert (tickets["total"], ids(tickets)) == (3, [str(third), str(second)])
    rest = await _page(client, entityType="ticket", limit=2, offset=2)
    assert (rest["total"], ids(rest)) == (3, [str(first)])


async def test_reading_the_log_is_recorded(client: Client) -> None:
    await enrolled_staff(client, roles=["admin"], region_codes=[], all_regions=True)
    await _page(client, action="ticket.assign")
    reads = (
        await AuditEvent.select()
        .where(AuditEvent.action == "audit_log.read")
        .output(load_json=True)
    )
    assert len(reads) == 1
    assert reads[0]["actor_type"] == "staff"
    assert reads[0]["details"]["action"] == "ticket.assign"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
async def test_a_period_that_ends_before_it_starts_is_refused(
    client: Client, language: str
) -> None:
    await enrolled_staff(client, roles=["admin"], region_codes=[], all_regions=True)
    response = await client.get(
        "/api/staff/audit",
        params={"from": T0.isoformat(), "to": (T0 - timedelta(days=1)).isoformat()},
        headers={"accept-language": language},
    )
    assert response.status_code == 422
    expected = {
        "fi": "Aikavälin alun",
        "sv": "Periodens början",
        "en": "The start of the period",
    }[language]
    assert expected in response.json()["detail"]
    bad = await client.get("/api/staff/audit", params={"actorType": "robot"})
    assert bad.status_code == 400


@pytest.mark.parametrize(
    ("roles", "region", "everywhere", "status"),
    [
        (["admin"], "east", False, 200),  # a regional admin is still an admin
        (["admin"], None, True, 200),
        (["customer_service", "maintenance", "lease_control", "editor"], "east", False, 403),
        (["lease_control"], None, True, 403),
        (["editor"], None, True, 403),
    ],
)
async def test_only_admins_read_the_log(
    client: Client, roles: list[str], region: str | None, everywhere: bool, status: int
) -> None:
    await make_region(code="east")
    await _event(T0, "ticket.assign", details={"secret": "Salainen"})
    await enrolled_staff(
        client, roles=roles, region_codes=[region] if region else [], all_regions=everywhere
    )
    response = await client.get("/api/staff/audit")
    assert response.status_code == status
    if status != 200:
        assert "Salainen" not in response.text
        assert response.headers["content-type"].startswith("application/problem+json")


async def test_residents_and_visitors_cannot_read_the_log(
    client: Client, other_device: Client
) -> None:
    born = TODAY.replace(year=TODAY.year - 35)
    code = test_identity_code(born, 951)
    await make_occupant(await make_lease(), identity_code=code, birth_date=born)
    await register(client, SoftAuthenticator(), code)
    assert (await client.get("/api/staff/audit")).status_code == 403
    assert (await other_device.get("/api/staff/audit")).status_code == 401
