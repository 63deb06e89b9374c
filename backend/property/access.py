"""Who may read which property's information and documents.

Residents: the property of any home they may see, also before the lease starts (DESIGN §1:
between signing and start, the start date and property info). Staff: editors and admins,
in the regions they work in; outside them a property looks exactly like a missing one.
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
from backend.property.tables import Property, PropertyDocument

EDITOR_ROLES = ("editor",)  # admins pass every role check


def property_home_for_resident(resident: ResidentPrincipal, lease_id: UUID) -> Home:
    """The home whose property the resident reads (404 for another's lease)."""
    return home_for(resident, lease_id, before_start=True)


async def document_for_resident(
    resident: ResidentPrincipal, lease_id: UUID, document_id: UUID
) -> dict[str, Any]:
    """A document of the home's property; any other document looks missing."""
    home = property_home_for_resident(resident, lease_id)
    row = await (
        PropertyDocument.select()
        .where(
            (PropertyDocument.id == document_id) & (PropertyDocument.property == home.property_id)
        )
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise NotFoundError()
    return row


def staff_property_filter(staff: StaffPrincipal) -> Any:
    """The where-clause of the properties a staff user may edit (None: every property)."""
    require_staff_role(staff, *EDITOR_ROLES)
    if staff.all_regions:
        return None
    return Property.region.is_in(list(staff.region_ids) or [UUID(int=0)])


async def property_for_staff(staff: StaffPrincipal, property_id: UUID) -> dict[str, Any]:
    require_staff_role(staff, *EDITOR_ROLES)
    row = await Property.select().where(Property.id == property_id).output(load_json=True).first()
    if row is None:
        raise NotFoundError()
    require_region(staff, row["region"])
    return row


async def document_for_staff(staff: StaffPrincipal, document_id: UUID) -> dict[str, Any]:
    require_staff_role(staff, *EDITOR_ROLES)
    document: Any = PropertyDocument
    row = await (
        PropertyDocument.select(
            *PropertyDocument.all_columns(),
            document.property.region.as_alias("region_id"),
        )
        .where(PropertyDocument.id == document_id)
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise NotFoundError()
    require_region(staff, row["region_id"])
    return row
