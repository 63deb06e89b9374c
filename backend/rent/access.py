"""The access gates of rent: every path that reads invoices, payments or the ledger (REST
now; offline sync and push later) goes through these."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.accounts.access import (
    ResidentPrincipal,
    StaffPrincipal,
    home_for,
    require_region,
    require_staff_role,
)
from backend.core.errors import NotFoundError
from backend.occupancy.access import Home
from backend.occupancy.tables import Lease
from backend.rent.tables import Invoice
from backend.staff.access import StaffRole

# Who among staff may read a lease's rent (admins always may).
RENT_READERS = (StaffRole.LEASE_CONTROL, StaffRole.CUSTOMER_SERVICE)


def rent_home_for_resident(resident: ResidentPrincipal, lease_id: UUID) -> Home:
    """Rent is for the main tenant and co-tenants only (DESIGN §1): 403 for an adult
    occupant of the lease, 404 for anyone else's lease."""
    return home_for(resident, lease_id, main_tenant=True)


async def invoice_for_resident(
    resident: ResidentPrincipal, lease_id: UUID, invoice_id: UUID
) -> Home:
    """The home of an invoice the resident may read; another lease's invoice is absent."""
    home = rent_home_for_resident(resident, lease_id)
    if not await Invoice.exists().where((Invoice.id == invoice_id) & (Invoice.lease == lease_id)):
        raise NotFoundError()
    return home


async def lease_for_staff(staff: StaffPrincipal, lease_id: UUID) -> dict[str, Any]:
    """The lease (id, number, region) whose rent a staff user may read."""
    require_staff_role(staff, *RENT_READERS)
    unit: Any = Lease.unit  # Piccolo's types stop at the first join
    row: dict[str, Any] | None = await (
        Lease.select(Lease.id, Lease.number, unit.property.region.id.as_alias("region_id"))
        .where(Lease.id == lease_id)
        .first()
    )
    if row is None:
        raise NotFoundError()
    require_region(staff, row["region_id"])
    return row
