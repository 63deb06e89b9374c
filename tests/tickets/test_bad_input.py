"""Bad input: a clear problem-details answer, never a 500, nothing half-written."""

from __future__ import annotations

import uuid

import pytest

from backend.tickets.tables import Ticket, TicketEvent
from tests.support.world import World
from tests.tickets.conftest import file_ticket, staff_move, ticket_body


@pytest.mark.parametrize(
    ("change", "status", "problem"),
    [
        ({"description": "x" * 4001}, 400, "invalid-input"),
        ({"description": ""}, 400, "invalid-input"),
        ({"location": "x" * 201}, 400, "invalid-input"),
        ({"category": "roof"}, 422, "unknown-category"),
        ({"masterKeyPermission": False}, 422, "contact-window-required"),
        ({"contactPhone": "call me"}, 400, "invalid-input"),
        ({"pets": "maybe"}, 400, "invalid-input"),
        ({"id": "not-a-uuid"}, 400, "invalid-input"),
        ({"leaseId": str(uuid.uuid4())}, 404, "not-found"),
        ({"status": "done"}, 400, "invalid-input"),  # unknown fields are refused
    ],
)
async def test_filing_refuses_bad_input(
    world: World, change: dict[str, object], status: int, problem: str
) -> None:
    response = await world.clients["main"].post(
        "/api/tickets", json=ticket_body(world.ids["L1"], **change)
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == f"/problems/{problem}"
    assert await Ticket.count() == 0
    assert await TicketEvent.count() == 0


async def test_the_longest_description_is_accepted(world: World) -> None:
    ticket = await file_ticket(world.clients["main"], world.ids["L1"], description="x" * 4000)
    assert len(ticket["description"]) == 4000


async def test_bad_comments_and_transitions(world: World) -> None:
    main, staff = world.clients["main"], world.clients["staff_in"]
    ticket = await file_ticket(main, world.ids["L1"])
    long = await main.post(f"/api/tickets/{ticket['id']}/comments", json={"text": "x" * 4001})
    assert long.status_code == 400
    empty = await main.post(f"/api/tickets/{ticket['id']}/comments", json={"text": ""})
    assert empty.status_code == 400
    bogus = await staff_move(staff, ticket["id"], "finished")
    assert bogus.status_code == 400
    wrong_visibility = await staff.post(
        f"/api/staff/tickets/{ticket['id']}/comments", json={"text": "x", "visibility": "secret"}
    )
    assert wrong_visibility.status_code == 400
    back = await staff_move(staff, ticket["id"], "received")
    assert back.status_code == 409
    reopen = await main.post(f"/api/tickets/{ticket['id']}/reopen", json={"reason": "x"})
    assert reopen.status_code == 409
    unknown = await staff_move(staff, str(uuid.uuid4()), "done")
    assert unknown.status_code == 404
    assert await TicketEvent.count() == 1
