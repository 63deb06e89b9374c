"""Filing a new ticket: its row, its first timeline event and its number, in one
transaction (tickets.services checks everything before)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from backend.accounts.access import ResidentPrincipal
from backend.core import clock
from backend.core.db import DB
from backend.occupancy.access import Home
from backend.tickets import numbers
from backend.tickets.events import add_event, resident_name
from backend.tickets.schemas import TicketIn
from backend.tickets.tables import Ticket

# On PostgreSQL a filing is one statement: the ticket numbered from the year's sequence
# (see numbers), and its first timeline event. Filing is the hottest write of the app, and
# the ORM's three statements cost more CPU than the database's work for them.
# Built of constant fragments (the number's from numbers); every value is a bound parameter.
_FILE_ON_POSTGRES = (
    "WITH filed AS ("  # noqa: S608
    + """
  INSERT INTO ticket (id, number, lease, property, unit, area, category, location,
                      description, master_key_permission, contact_window, pets, contact_phone,
                      status, expected_by, reported_by, reporter_name, created_at, updated_at)
  SELECT {}, """
    + numbers.NUMBER_OF_N
    + """,
         {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, 'received', {}, {}, {}, {}, {}
    FROM """
    + numbers.NEXT_IN_SEQUENCE
    + """
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), event AS (
  INSERT INTO ticket_event (id, ticket, kind, actor_kind, actor_id, actor_name, visibility,
                            from_status, to_status, text, created_at)
  SELECT {}, id, 'status_change', 'resident', {}, {}, 'public', NULL, 'received', NULL, {}
    FROM filed
)
SELECT count(*) AS filed FROM filed
"""
)


async def insert_ticket(
    resident: ResidentPrincipal, home: Home, data: TicketIn, *, common_area: bool, days: int
) -> bool:
    """False when a ticket with this id exists already (nothing written then)."""
    now = clock.now()
    name = resident_name(resident)
    if numbers.numbered_by_sequence():
        year = now.year
        sequence = await numbers.year_sequence(year)
        rows = await Ticket.raw(
            _FILE_ON_POSTGRES,
            data.id,
            str(year),
            home.lease_id,
            home.property_id,
            None if common_area else home.unit_id,
            data.category if common_area else None,
            data.category,
            data.location,
            data.description,
            data.master_key_permission,
            data.contact_window,
            data.pets,
            data.contact_phone,
            now.date() + timedelta(days=days),
            resident.account_id,
            name,
            now,
            now,
            sequence,
            uuid.uuid4(),
            resident.account_id,
            name,
            now,
        )
        return bool(rows[0]["filed"])
    async with DB.transaction():
        inserted = await (
            Ticket.insert(
                Ticket(
                    id=data.id,
                    number=f"~{data.id.hex[:16]}",  # numbered last, below
                    lease=home.lease_id,
                    property=home.property_id,
                    unit=None if common_area else home.unit_id,
                    area=data.category if common_area else None,
                    category=data.category,
                    location=data.location,
                    description=data.description,
                    master_key_permission=data.master_key_permission,
                    contact_window=data.contact_window,
                    pets=data.pets,
                    contact_phone=data.contact_phone,
                    status="received",
                    expected_by=now.date() + timedelta(days=days),
                    reported_by=resident.account_id,
                    reporter_name=name,
                    created_at=now,
                    updated_at=now,
                )
            )
            .on_conflict(action="DO NOTHING")
            .returning(Ticket.id)
        )
        if not inserted:
            return False
        await add_event(
            data.id,
            kind="status_change",
            actor_kind="resident",
            actor_id=resident.account_id,
            actor_name=name,
            to_status="received",
        )
        await numbers.number_ticket(data.id, now.year)  # the last statement: see numbers
    return True
