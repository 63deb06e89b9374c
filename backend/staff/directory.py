"""The staff directory: colleagues, regions and properties a staff user picks from (the
assignee drop-down, the queue's filters, a news audience). Reads only.

A staff user sees the colleagues who share a region with them (head-office staff, who
work every region, share all of them), and the regions they may work in; a region outside
their scope looks exactly like a missing one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any
from uuid import UUID

from backend.accounts.access import StaffPrincipal, require_region
from backend.property.tables import Property, Region
from backend.staff.schemas import RegionOut, RegionPropertyOut, StaffDirectoryEntryOut
from backend.staff.tables import StaffRegion, StaffUser


def _works_in(entry: StaffDirectoryEntryOut, region_ids: Collection[UUID]) -> bool:
    return entry.all_regions or bool(set(entry.region_ids) & set(region_ids))


async def staff_directory(
    staff: StaffPrincipal, *, region_id: UUID | None = None, roles: Collection[str] = ()
) -> list[StaffDirectoryEntryOut]:
    """Active staff who share a region with ``staff`` (who work in ``region_id``, with any
    of ``roles``), by name. Staff are a few hundred people: filtered here, not in SQL."""
    if region_id is not None:
        require_region(staff, region_id)
    users = await StaffUser.select(
        StaffUser.id, StaffUser.name, StaffUser.roles, StaffUser.all_regions
    ).where(StaffUser.active.eq(True))
    regions: dict[UUID, list[UUID]] = defaultdict(list)
    for row in await StaffRegion.select(StaffRegion.staff_user, StaffRegion.region):
        regions[row["staff_user"]].append(row["region"])
    entries = [
        StaffDirectoryEntryOut(
            id=user["id"],
            name=user["name"],
            roles=sorted(user["roles"]),
            all_regions=user["all_regions"],
            region_ids=sorted(regions[user["id"]], key=str),
        )
        for user in users
    ]
    if not staff.all_regions:
        entries = [e for e in entries if _works_in(e, staff.region_ids)]
    if region_id is not None:
        entries = [e for e in entries if _works_in(e, {region_id})]
    if roles:
        entries = [e for e in entries if set(e.roles) & set(roles)]
    return sorted(entries, key=lambda e: (e.name.casefold(), str(e.id)))


async def regions_of(staff: StaffPrincipal) -> list[RegionOut]:
    """The regions ``staff`` may work in, each with its properties, by code."""
    region_query = Region.select(Region.id, Region.code, Region.name).output(load_json=True)
    property_query = Property.select(Property.id, Property.code, Property.name, Property.region)
    if not staff.all_regions:
        scope = list(staff.region_ids) or [UUID(int=0)]
        region_query = region_query.where(Region.id.is_in(scope))
        property_query = property_query.where(Property.region.is_in(scope))
    properties: dict[UUID, list[RegionPropertyOut]] = defaultdict(list)
    for row in await property_query.order_by(Property.name):
        properties[row["region"]].append(
            RegionPropertyOut(id=row["id"], code=row["code"], name=row["name"])
        )
    rows: list[dict[str, Any]] = await region_query.order_by(Region.code)
    return [
        RegionOut(
            id=row["id"],
            code=row["code"],
            name=dict(row["name"] or {}),
            properties=properties[row["id"]],
        )
        for row in rows
    ]
