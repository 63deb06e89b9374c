"""The access gates of occupant-change reports and of the occupant list a main tenant sees.

(Kept apart from ``access.py``: that module is the eligibility rule which
``backend.accounts.access`` itself imports, and these gates build on the account gates.)
"""

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
from backend.occupancy.tables import OccupantChange
from backend.staff.access import StaffRole

# Who among staff processes occupant changes (admins always may).
CHANGE_HANDLERS = (StaffRole.LEASE_CONTROL, StaffRole.CUSTOMER_SERVICE)


def household_for_resident(resident: ResidentPrincipal, lease_id: UUID) -> Home:
    """Occupant changes are reported by the main tenant or a co-tenant (DESIGN §1)."""
    return home_for(resident, lease_id, main_tenant=True)


async def change_for_resident(
    resident: ResidentPrincipal, lease_id: UUID, change_id: UUID
) -> dict[str, Any]:
    household_for_resident(resident, lease_id)
    row: dict[str, Any] | None = await (
        OccupantChange.select()
        .where((OccupantChange.id == change_id) & (OccupantChange.lease == lease_id))
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise NotFoundError()
    return row


def require_change_handler(staff: StaffPrincipal) -> None:
    require_staff_role(staff, *CHANGE_HANDLERS)


def change_region(change: Any) -> Any:
    """The column path from a change to its region (for selects and filters)."""
    return change.lease.unit.property.region.id


async def change_for_staff(staff: StaffPrincipal, change_id: UUID) -> dict[str, Any]:
    """A change the staff user may process: 403 without the role, 404 outside the regions."""
    require_change_handler(staff)
    row: dict[str, Any] | None = await (
        OccupantChange.select(
            OccupantChange.id, change_region(OccupantChange).as_alias("region_id")
        )
        .where(OccupantChange.id == change_id)
        .first()
    )
    if row is None:
        raise NotFoundError()
    require_region(staff, row["region_id"])
    return row


def staff_region_filter(staff: StaffPrincipal) -> Any:
    """The filter of changes inside the staff user's regions (None: every region)."""
    if staff.all_regions:
        return None
    return change_region(OccupantChange).is_in(list(staff.region_ids))
