"""Writes for staff users: provisioning (CLI now, an admin API later)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from backend.core import clock
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import ConflictError, DomainError, InvalidInputError
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
                user_handle=secrets.token_urlsafe(32),
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


ENROLMENT_VALID_FOR = timedelta(days=7)


class EnrolmentError(DomainError):
    status = 400
    code = "enrolment"


def _token_hmac(token: str, key: str) -> str:
    return hmac.new(key.encode(), b"staff-enrolment:" + token.encode(), hashlib.sha256).hexdigest()


async def issue_enrolment_link(staff_id: uuid.UUID, *, key: str, public_url: str) -> str:
    """A one-time link with which the staff user creates a passkey; the previous one dies."""
    token = secrets.token_urlsafe(32)
    async with DB.transaction():
        updated = (
            await StaffUser.update(
                {
                    StaffUser.enrolment_token_hmac: _token_hmac(token, key),
                    StaffUser.enrolment_expires_at: datetime.now(UTC) + ENROLMENT_VALID_FOR,
                }
            )
            .where(StaffUser.id == staff_id)
            .returning(StaffUser.id)
        )
        if not updated:
            raise EnrolmentError()
        await record_event(
            actor_type="system",
            action="staff.enrolment_link_issued",
            entity_type="staff_user",
            entity_id=staff_id,
        )
    return f"{public_url.rstrip('/')}/staff/enrol/{token}"


async def staff_for_enrolment(token: str, *, key: str) -> dict[str, Any]:
    row: dict[str, Any] | None = (
        await StaffUser.select(
            StaffUser.id,
            StaffUser.name,
            StaffUser.email,
            StaffUser.user_handle,
            StaffUser.enrolment_expires_at,
            StaffUser.active,
        )
        .where(StaffUser.enrolment_token_hmac == _token_hmac(token, key))
        .first()
    )
    if (
        row is None
        or not row["active"]
        or row["enrolment_expires_at"] is None
        or row["enrolment_expires_at"] <= clock.now()
    ):
        raise EnrolmentError()
    if not row["user_handle"]:
        row["user_handle"] = secrets.token_urlsafe(32)
        await StaffUser.update({StaffUser.user_handle: row["user_handle"]}).where(
            StaffUser.id == row["id"]
        )
    return row


async def complete_enrolment(token: str, *, key: str, credential_row: dict[str, Any]) -> uuid.UUID:
    from backend.accounts.tables import Credential

    async with DB.transaction():
        staff = await staff_for_enrolment(token, key=key)
        spent = (
            await StaffUser.update(
                {StaffUser.enrolment_token_hmac: None, StaffUser.enrolment_expires_at: None}
            )
            .where(
                (StaffUser.id == staff["id"])
                & (StaffUser.enrolment_token_hmac == _token_hmac(token, key))
            )
            .returning(StaffUser.id)
        )
        if not spent:
            raise EnrolmentError()
        await Credential.insert(Credential(**credential_row, staff_user=staff["id"]))
        await record_event(
            actor_type="staff",
            actor_id=staff["id"],
            action="staff.enrolled",
            entity_type="credential",
            entity_id=credential_row["id"],
        )
    staff_id: uuid.UUID = staff["id"]
    return staff_id
