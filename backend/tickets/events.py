"""A ticket's timeline: one row per thing that happened (status changes, comments, notes,
ratings, assignments), written inside the transaction of the change it records."""

from __future__ import annotations

import uuid
from uuid import UUID

from backend.accounts.access import ResidentPrincipal
from backend.core import clock
from backend.tickets.tables import TicketEvent
from backend.tickets.transitions import Actor


async def add_event(
    ticket_id: UUID,
    *,
    kind: str,
    actor_kind: Actor,
    actor_id: UUID | None,
    actor_name: str,
    visibility: str = "public",
    from_status: str | None = None,
    to_status: str | None = None,
    text: str | None = None,
) -> None:
    await TicketEvent.insert(
        TicketEvent(
            id=uuid.uuid4(),
            ticket=ticket_id,
            kind=kind,
            actor_kind=actor_kind,
            actor_id=actor_id,
            actor_name=actor_name,
            visibility=visibility,
            from_status=from_status,
            to_status=to_status,
            text=text,
            created_at=clock.now(),
        )
    )


def resident_name(resident: ResidentPrincipal) -> str:
    return f"{resident.first_name} {resident.last_name}".strip()
