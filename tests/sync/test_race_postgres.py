"""No lost update when a staff transition and a resident push race (issue 5), on PostgreSQL
with real concurrency: both sides read the ticket as ``received`` and try to move it.

For each of many tickets, at the same moment: staff move it on (in progress, scheduled,
done or rejected) and comment on it, while the resident's app pushes a comment and a
cancellation. Afterwards exactly one status change won; the loser was told so (staff: a 409
problem; the resident: a rejected mutation with its reason, lastMutationId advanced); the
ticket holds only the winner's changes; the timeline and the audit log record every applied
change and nothing else; and no comment is lost.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from litestar import Litestar

from backend.core import clock
from backend.core.tables import AuditEvent
from backend.tickets.tables import Ticket, TicketEvent
from tests.conftest import IS_POSTGRES
from tests.support.world import World, build_world
from tests.sync.conftest import mutation, new_group, pulled, push
from tests.tickets.conftest import file_ticket, staff_move

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="PostgreSQL only: real concurrency")

ROUNDS = 30
CANCELS, COMMENTS = "tab-cancel", "tab-comment"  # two tabs of one app
STAFF_MOVES = ("in_progress", "scheduled", "done", "rejected")


def _staff_values(to: str) -> dict[str, Any]:
    if to == "scheduled":
        start = clock.now() + timedelta(days=2)
        return {
            "scheduledStart": start.isoformat(),
            "scheduledEnd": (start + timedelta(hours=2)).isoformat(),
        }
    if to == "rejected":
        return {"reason": "Ei vuokranantajan vastuulla."}
    return {}


async def _race(
    world: World, group: str, n: int, ticket_id: str, to: str
) -> dict[str, httpx.Response]:
    """Four requests at once: a staff transition and comment, and two tabs of the resident's
    app, one pushing the cancellation and the other a comment."""
    main, staff = world.clients["main"], world.clients["staff_in"]
    requests = {
        "cancel": push(
            main,
            group,
            [mutation(CANCELS, n + 1, "cancelTicket", ticketId=ticket_id, reason="Korjasin.")],
        ),
        "move": staff_move(staff, ticket_id, to, **_staff_values(to)),
        "comment": push(
            main,
            group,
            [mutation(COMMENTS, n + 1, "addTicketComment", ticketId=ticket_id, text=f"asukas {n}")],
        ),
        "staff_comment": staff.post(
            f"/api/staff/tickets/{ticket_id}/comments",
            json={"text": f"huolto {n}", "visibility": "public"},
        ),
    }
    # Who starts first alternates, so that each side sometimes reaches the database first.
    names = list(requests) if n % 2 else list(reversed(requests))
    responses = await asyncio.gather(*(requests[name] for name in names))
    return dict(zip(names, responses, strict=True))


async def test_a_staff_transition_and_a_resident_cancel_never_both_win(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        tickets = [(await file_ticket(main, world.ids["L1"]))["id"] for _ in range(ROUNDS)]
        winners: dict[str, str] = {}
        rejected: list[str] = []
        for n, ticket_id in enumerate(tickets):
            to = STAFF_MOVES[n % len(STAFF_MOVES)]
            answers = await _race(world, group, n, ticket_id, to)
            for name, response in answers.items():
                assert response.status_code in (200, 201, 409), (name, response.text)
            assert answers["staff_comment"].status_code == 201
            cancel, comment = (_only_result(answers[name], n + 1) for name in ("cancel", "comment"))
            staff_won = answers["move"].status_code == 200
            resident_won = cancel["status"] == "applied"
            assert staff_won != resident_won, (answers["move"].text, cancel)  # exactly one
            if staff_won:
                assert cancel["status"] == "rejected"
                assert cancel["problem"]["code"] == "ticket-transition"
                assert cancel["problem"]["title"]
                assert cancel["problem"]["detail"]
                rejected.append(f"rejected/{CANCELS}/{n + 1}")
                winners[ticket_id] = to
            else:
                move = answers["move"]
                assert move.headers["content-type"].startswith("application/problem+json")
                assert move.json()["type"] == "/problems/ticket-transition"
                winners[ticket_id] = "cancelled"
            # A comment is refused only by a cancellation that came first, and says so.
            if comment["status"] == "rejected":
                assert winners[ticket_id] == "cancelled"
                assert comment["problem"]["code"] == "ticket-closed"
                rejected.append(f"rejected/{COMMENTS}/{n + 1}")
            else:
                assert comment["status"] == "applied"
            await _check_ticket(ticket_id, n, winners[ticket_id], comment["status"] == "applied")

        # The resident's app learns the same from a pull: every outcome, every rejection.
        view = await pulled(main, group, None)
        assert view["lastMutationIdChanges"] == {CANCELS: ROUNDS, COMMENTS: ROUNDS}
        state = {op["key"]: op["value"] for op in view["patch"] if op["op"] == "put"}
        for ticket_id, status in winners.items():
            assert state[f"ticket/{ticket_id}"]["status"] == status
        assert sorted(key for key in state if key.startswith("rejected/")) == sorted(rejected)


def _only_result(response: httpx.Response, mutation_id: int) -> dict[str, Any]:
    """The push's one mutation, applied or rejected; lastMutationId advanced either way."""
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    results: list[dict[str, Any]] = body["results"]
    [result] = results
    assert result["id"] == mutation_id
    assert body["lastMutationIds"] == {result["clientId"]: mutation_id}
    assert body["stopped"] is None
    return result


async def _check_ticket(ticket_id: str, n: int, status: str, resident_commented: bool) -> None:
    """The ticket holds the winner's change only, recorded once; no comment is lost."""
    ticket = (await Ticket.select().where(Ticket.id == uuid.UUID(ticket_id)))[0]
    assert ticket["status"] == status
    assert (ticket["scheduled_start"] is not None) == (status == "scheduled")
    assert (ticket["reject_reason"] is not None) == (status == "rejected")
    assert (ticket["closed_at"] is not None) == (status in ("done", "rejected", "cancelled"))
    events = await TicketEvent.select(
        TicketEvent.kind,
        TicketEvent.actor_kind,
        TicketEvent.from_status,
        TicketEvent.to_status,
        TicketEvent.text,
    ).where(TicketEvent.ticket == uuid.UUID(ticket_id))
    changes = sorted(
        (e["actor_kind"], e["from_status"] or "", e["to_status"])
        for e in events
        if e["kind"] == "status_change"
    )
    winner = "resident" if status == "cancelled" else "staff"
    assert changes == sorted([("resident", "", "received"), (winner, "received", status)])
    comments = sorted(e["text"] for e in events if e["kind"] == "comment")
    assert comments == sorted([f"huolto {n}", *([f"asukas {n}"] if resident_commented else [])])
    audited = (
        await AuditEvent.select(AuditEvent.details)
        .where(
            (AuditEvent.entity_id == uuid.UUID(ticket_id))
            & (AuditEvent.action == "ticket.transition")
        )
        .output(load_json=True)
    )
    expected = [] if winner == "resident" else [{"from": "received", "to": status}]
    assert [row["details"] for row in audited] == expected
