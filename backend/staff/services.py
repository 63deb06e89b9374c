"""Writes for staff users: provisioning (CLI now, an admin API later)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import ConflictError, InvalidInputError
from backend.property.tables import Region
from backend.staff.access import StaffRole
from backend.staff.tables import StaffRegion, StaffUser


async def create_staff_user(
    *,
    email: str,
    name: str,
    roles: Sequence[str],
    region_codes: Sequence[str],
    all_regions: bool = False,
    language: str = "fi",
) -> uuid.UUID:
    email = email.strip().lower()
    unknown_roles = sorted(set(roles) - {role.value for role in StaffRole})
    if not roles or unknown_roles:
        raise InvalidInputError(
            "problem.staff-roles.detail", roles=", ".join(r.value for r in StaffRole)
        )
    if not all_regions and not region_codes:
        raise InvalidInputError("problem.staff-scope.detail")
    async with DB.transaction():
        if await StaffUser.exists().where(StaffUser.email == email):
            raise ConflictError("problem.staff-exists.detail", email=email)
        regions = await Region.select(Region.id, Region.code).where(
            Region.code.is_in(list(region_codes) or [""])
        )
        missing = sorted(set(region_codes) - {row["code"] for row in regions})
        if missing:
            raise InvalidInputError("problem.unknown-region.detail", codes=", ".join(missing))
        staff_id = uuid.uuid4()
        await StaffUser.insert(
            StaffUser(
                id=staff_id,
                email=email,
                name=name.strip(),
                language=language,
                roles=sorted(set(roles)),
                all_regions=all_regions,
                active=True,
                created_at=datetime.now(UTC),
            )
        )
        for region in regions:
            await StaffRegion.insert(
                StaffRegion(id=uuid.uuid4(), staff_user=staff_id, region=region["id"])
            )
        await record_event(
            actor_type="system",
            action="staff.created",
            entity_type="staff_user",
            entity_id=staff_id,
            details={"roles": sorted(set(roles)), "regions": sorted(region_codes)},
        )
    return staff_id
