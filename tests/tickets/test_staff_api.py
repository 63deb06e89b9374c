"""Defect notifications from the staff side: the queue, detail (audit-logged), assignment,
transitions with their required data, region scope."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from backend.core import clock
from backend.core.tables import AuditEvent
from backend.staff.tables import StaffUser
from backend.tickets.tables import Ticket
from tests.support.world import World
from tests.tickets.conftest import file_ticket, staff_move


async def _queue(world: World, query: str = "", persona: str = "staff_in") -> Any:
    response = await world.clients[persona].get(f"/api/staff/tickets{query}")
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_queue_filters_sorts_and_searches(world: World) -> None:
    main, other = world.clients["main"], world.clients["other"]
    kitchen = await file_ticket(main, world.ids["L1"], category="kitchen")
    elevator = await file_ticket(main, world.ids["L1"], category="elevator")
    in_p2 = await file_ticket(other, world.ids["L2"], category="kitchen")
    await staff_move(world.clients["staff_in"], elevator["id"], "in_progress")

    everything = await _queue(world)
    assert everything["total"] == 3
    assert [t["id"] for t in everything["items"]] == [kitchen["id"], elevator["id"], in_p2["id"]]
    newest_first = await _queue(world, "?sort=-created")
    assert newest_first["items"][0]["id"] == in_p2["id"]
    by_status = await _queue(world, "?status=received")
    assert {t["id"] for t in by_status["items"]} == {kitchen["id"], in_p2["id"]}
    both = await _queue(world, "?status=received&status=in_progress")
    assert both["total"] == 3
    by_category = await _queue(world, "?category=kitchen")
    assert by_category["total"] == 2
    by_property = await _queue(world, f"?propertyId={world.ids['P2']}")
    assert [t["id"] for t in by_property["items"]] == [in_p2["id"]]
    by_number = await _queue(world, f"?number={elevator['number']}")
    assert [t["id"] for t in by_number["items"]] == [elevator["id"]]
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    assert (await _queue(world, f"?createdBefore={tomorrow}"))["total"] == 3
    assert (await _queue(world, f"?createdBefore={clock.today()}"))["total"] == 0
    page = await _queue(world, "?limit=2&offset=2")
    assert (page["total"], len(page["items"])) == (3, 1)
    assert (await _queue(world, "?overdue=true"))["total"] == 0
    # The elevator is promised in 2 days: three days on, it is late.
    await Ticket.update({Ticket.expected_by: clock.today() - timedelta(days=1)}).where(
        Ticket.id == elevator["id"]
    )
    overdue = await _queue(world, "?overdue=true")
    assert [t["id"] for t in overdue["items"]] == [elevator["id"]]
    assert overdue["items"][0]["overdue"] is True
    assert (await _queue(world, persona="staff_out"))["total"] == 0  # another region
    bad = await world.clients["staff_in"].get("/api/staff/tickets?status=bogus")
    assert bad.status_code == 400


async def test_detail_shows_contact_details_and_is_audit_logged(world: World) -> None:
    ticket = await file_ticket(
        world.clients["main"], world.ids["L1"], masterKeyPermission=False, contactWindow="Ma 8–12"
    )
    response = await world.clients["staff_in"].get(f"/api/staff/tickets/{ticket['id']}")
    assert response.status_code == 200
    body = response.json()
    assert body["contactPhone"] == "+358 40 000 0123"
    assert body["contactWindow"] == "Ma 8–12"
    assert body["reporterName"] == "Main Asukas"
    assert body["unit"] == "A 1"
    reads = await AuditEvent.select().where(AuditEvent.action == "personal_data.read")
    assert [(r["entity_type"], r["entity_id"]) for r in reads] == [
        ("ticket", Ticket.id.value_type(ticket["id"]))
    ]
    outside = await world.clients["staff_out"].get(f"/api/staff/tickets/{ticket['id']}")
    assert outside.status_code == 404
    assert "+358 40 000 0123" not in outside.text


async def test_assignment(world: World) -> None:
    ticket = await file_ticket(world.clients["main"], world.ids["L1"])
    staff = world.clients["staff_in"]
    staff_in_id = (
        await StaffUser.select(StaffUser.id).where(StaffUser.email == "staff.in@example.fi")
    )[0]["id"]
    staff_out_id = (
        await StaffUser.select(StaffUser.id).where(StaffUser.email == "staff.out@example.fi")
    )[0]["id"]
    assigned = await staff.post(
        f"/api/staff/tickets/{ticket['id']}/assign", json={"assigneeId": str(staff_in_id)}
    )
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["assigneeName"] == "Kaisa Virtanen"
    mine = await _queue(world, f"?assigneeId={staff_in_id}")
    assert mine["total"] == 1
    assert (await _queue(world, "?unassigned=true"))["total"] == 0
    wrong_region = await staff.post(
        f"/api/staff/tickets/{ticket['id']}/assign", json={"assigneeId": str(staff_out_id)}
    )
    assert wrong_region.status_code == 422
    assert wrong_region.json()["type"] == "/problems/ticket-assignee"
    cleared = await staff.post(
        f"/api/staff/tickets/{ticket['id']}/assign", json={"assigneeId": None}
    )
    assert cleared.json()["assigneeId"] is None
    resident_view = await world.clients["main"].get(f"/api/tickets/{ticket['id']}")
    assert all(e["kind"] != "assignment" for e in resident_view.json()["timeline"])


async def test_the_whole_lifecycle(world: World) -> None:
    main, staff = world.clients["main"], world.clients["staff_in"]
    ticket = await file_ticket(main, world.ids["L1"])
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    no_window = await staff_move(staff, ticket["id"], "scheduled")
    assert no_window.status_code == 422
    assert no_window.json()["type"] == "/problems/ticket-schedule"
    backwards = await staff_move(
        staff,
        ticket["id"],
        "scheduled",
        scheduledStart=start.isoformat(),
        scheduledEnd=(start - timedelta(hours=1)).isoformat(),
    )
    assert backwards.status_code == 422
    scheduled = await staff_move(
        staff,
        ticket["id"],
        "scheduled",
        scheduledStart=start.isoformat(),
        scheduledEnd=(start + timedelta(hours=2)).isoformat(),
    )
    assert scheduled.status_code == 200, scheduled.text
    seen = (await main.get(f"/api/tickets/{ticket['id']}")).json()
    assert seen["status"] == "scheduled"
    assert datetime.fromisoformat(seen["scheduledStart"]) == start
    assert (await staff_move(staff, ticket["id"], "waiting_for_parts")).status_code == 200
    assert (await staff_move(staff, ticket["id"], "received")).status_code == 409
    assert (await staff_move(staff, ticket["id"], "done")).status_code == 200
    assert (await staff_move(staff, ticket["id"], "in_progress")).status_code == 409
    timeline = (await main.get(f"/api/tickets/{ticket['id']}")).json()["timeline"]
    assert [e["toStatus"] for e in timeline] == [
        "received",
        "scheduled",
        "waiting_for_parts",
        "done",
    ]
    assert timeline[1]["actorName"] == "Kaisa Virtanen"


async def test_rejection_needs_a_reason(world: World) -> None:
    ticket = await file_ticket(world.clients["main"], world.ids["L1"])
    staff = world.clients["staff_in"]
    refused = await staff_move(staff, ticket["id"], "rejected")
    assert refused.status_code == 422
    assert refused.json()["type"] == "/problems/ticket-reject-reason"
    rejected = await staff_move(
        staff, ticket["id"], "rejected", reason="Asukkaan vastuulla: liesituulettimen suodatin."
    )
    assert rejected.status_code == 200
    seen = (await world.clients["main"].get(f"/api/tickets/{ticket['id']}")).json()
    assert seen["status"] == "rejected"
    assert seen["rejectReason"].startswith("Asukkaan vastuulla")
    assert (await staff_move(staff, ticket["id"], "done")).status_code == 409


async def test_staff_without_a_ticket_role_may_not_work_tickets(world: World, app: Any) -> None:
    from tests.conftest import api_client
    from tests.support.flows import enrolled_staff

    ticket = await file_ticket(world.clients["main"], world.ids["L1"])
    async with api_client(app) as editor:
        await enrolled_staff(
            editor, roles=["editor", "lease_control"], region_codes=["r1"], email="ed@example.fi"
        )
        for path in ("/api/staff/tickets", f"/api/staff/tickets/{ticket['id']}"):
            response = await editor.get(path)
            assert response.status_code == 403, path
            assert ticket["number"] not in response.text
        moved = await staff_move(editor, ticket["id"], "done")
        assert moved.status_code == 403
    async with api_client(app) as maintenance:
        await enrolled_staff(
            maintenance, roles=["maintenance"], region_codes=["r1"], email="huolto@example.fi"
        )
        assert (await staff_move(maintenance, ticket["id"], "in_progress")).status_code == 200
