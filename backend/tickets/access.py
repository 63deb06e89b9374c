"""The one gate to a ticket, for residents and for staff (REST now; sync and push later).

A ticket belongs to a home (lease): every adult of the household who may use the portal for
that home sees its tickets, whoever filed them. Anyone else gets exactly what a missing
ticket gets (404). Staff need a ticket-working role and the ticket's region.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from piccolo.columns.combination import Where

from backend.accounts.access import (
    ResidentPrincipal,
    StaffPrincipal,
    home_for,
    require_region,
    require_staff_role,
)
from backend.core.errors import NotFoundError
from backend.occupancy.access import Home, LeaseAccess
from backend.tickets.tables import Ticket

TICKET_ROLES = ("customer_service", "maintenance")  # and admin, who may do everything


@dataclass(frozen=True, slots=True)
class TicketRow:
    """A ticket as stored, plus the region of its property (for staff scoping)."""

    values: dict[str, Any]
    region_id: UUID

    @property
    def id(self) -> UUID:
        ticket_id: UUID = self.values["id"]
        return ticket_id

    @property
    def status(self) -> str:
        status: str = self.values["status"]
        return status


async def _load(ticket_id: UUID) -> TicketRow | None:
    prop: Any = Ticket.property
    rows = await Ticket.select(*Ticket.all_columns(), prop.region.as_alias("region_id")).where(
        Ticket.id == ticket_id
    )
    if not rows:
        return None
    values = dict(rows[0])
    region_id = values.pop("region_id")
    return TicketRow(values=values, region_id=region_id)


async def ticket_for_resident(resident: ResidentPrincipal, ticket_id: UUID) -> TicketRow:
    """The ticket, if it belongs to one of the resident's homes (started); 404 otherwise."""
    row = await _load(ticket_id)
    if row is None:
        raise NotFoundError()
    home = next((h for h in resident.homes if h.lease_id == row.values["lease"]), None)
    if home is None or home.access == LeaseAccess.BEFORE_START:
        raise NotFoundError()
    return row


def resident_homes(resident: ResidentPrincipal, lease_id: UUID | None) -> list[Home]:
    """The homes whose tickets the resident may list: one (through ``home_for``) or all
    started ones."""
    if lease_id is not None:
        return [home_for(resident, lease_id)]
    return [home for home in resident.homes if home.access != LeaseAccess.BEFORE_START]


def resident_ticket_filter(homes: list[Home]) -> Where | Any:
    return Ticket.lease.is_in([home.lease_id for home in homes])


def require_ticket_staff(staff: StaffPrincipal) -> None:
    require_staff_role(staff, *TICKET_ROLES)


async def ticket_for_staff(staff: StaffPrincipal, ticket_id: UUID) -> TicketRow:
    """The ticket for a staff user who works tickets (403 otherwise) in its region (404)."""
    require_ticket_staff(staff)
    row = await _load(ticket_id)
    if row is None:
        raise NotFoundError()
    require_region(staff, row.region_id)
    return row


def staff_ticket_filter(staff: StaffPrincipal) -> Any:
    """The queue's scope: the staff user's regions (everything for head-office staff)."""
    require_ticket_staff(staff)
    if staff.all_regions:
        return None
    prop: Any = Ticket.property
    return prop.region.is_in(list(staff.region_ids) or [UUID(int=0)])
