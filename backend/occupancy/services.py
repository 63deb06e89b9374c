"""Occupant changes: the main tenant reports, staff approve or reject.

Approval writes the register of occupants in the same transaction as the decision, and
nothing else: access follows from the register (``backend.occupancy.access``), so a person
who moved out loses access the day after ``moved_out_on``, and a new adult may register
once the ERP import has given their row an identity code (``identity_code_hmac`` stays
empty until then: residents never send identity codes). A name changes on approval: the
register keeps no history of names, so ``effectiveOn`` stays in the report for the ERP.
A signatory (main tenant, co-tenant) cannot be reported as moving out: that is a lease
termination or transfer.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import msgspec

from backend.accounts.access import ResidentPrincipal, StaffPrincipal
from backend.core import clock
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import ConflictError, InvalidInputError, NotFoundError
from backend.occupancy.access import MAIN_TENANT_ROLES
from backend.occupancy.change_access import household_for_resident, staff_region_filter
from backend.occupancy.names import resident_names
from backend.occupancy.schemas import BirthIn, MoveInIn, MoveOutIn, NameChangeIn, OccupantChangeIn
from backend.occupancy.tables import Lease, Occupant, OccupantChange
from sync.poke import poke_leases

# How far from today a reported move may lie.
PAST_LIMIT = timedelta(days=92)
FUTURE_LIMIT = timedelta(days=183)
OLDEST_AGE_YEARS = 120


class ChangeDecidedError(ConflictError):
    code = "occupant-change-decided"


class ChangePendingError(ConflictError):
    code = "occupant-change-pending"


def _invalid(key: str, field: str) -> InvalidInputError:
    return InvalidInputError(f"occupancy.invalid.{key}", errors=[{"field": field, "message": key}])


def _name(value: str, field: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise _invalid("name", field)
    return cleaned


def _check_move_date(day: date, today: date, field: str) -> None:
    if not today - PAST_LIMIT <= day <= today + FUTURE_LIMIT:
        raise _invalid("date-range", field)


def _check_birth_date(birth_date: date, today: date, field: str) -> None:
    if birth_date > today or birth_date.year < today.year - OLDEST_AGE_YEARS:
        raise _invalid("birth-date", field)


async def current_occupants(lease_id: uuid.UUID, today: date) -> list[dict[str, Any]]:
    """The register of a lease as the main tenant sees it: who lives (or will live) there."""
    rows: list[dict[str, Any]] = await (
        Occupant.select(
            Occupant.id,
            Occupant.first_name,
            Occupant.last_name,
            Occupant.role,
            Occupant.moved_in_on,
            Occupant.moved_out_on,
        )
        .where(
            (Occupant.lease == lease_id)
            & (Occupant.moved_out_on.is_null() | (Occupant.moved_out_on >= today))
        )
        .order_by(Occupant.moved_in_on)
    )
    return rows


async def _current_occupant(
    lease_id: uuid.UUID, occupant_id: uuid.UUID, today: date
) -> dict[str, Any]:
    """An occupant of this lease who has not moved out; anyone else is an unknown id."""
    row: dict[str, Any] | None = await (
        Occupant.select()
        .where(
            (Occupant.id == occupant_id)
            & (Occupant.lease == lease_id)
            & (Occupant.moved_out_on.is_null() | (Occupant.moved_out_on >= today))
        )
        .first()
    )
    if row is None:
        raise _invalid("occupant", "occupantId")
    return row


async def _checked(lease_id: uuid.UUID, data: OccupantChangeIn, today: date) -> uuid.UUID | None:
    """Validates a report against the register; answers the occupant it is about."""
    if isinstance(data, MoveInIn):
        _name(data.first_name, "firstName")
        _name(data.last_name, "lastName")
        _check_birth_date(data.birth_date, today, "birthDate")
        _check_move_date(data.moves_in_on, today, "movesInOn")
        if data.birth_date > data.moves_in_on:
            raise _invalid("birth-date", "birthDate")
        return None
    if isinstance(data, BirthIn):
        _name(data.first_name, "firstName")
        _name(data.last_name, "lastName")
        if not today - timedelta(days=366) <= data.birth_date <= today:
            raise _invalid("birth-date", "birthDate")
        return None
    occupant = await _current_occupant(lease_id, data.occupant_id, today)
    if isinstance(data, MoveOutIn):
        if occupant["role"] in MAIN_TENANT_ROLES:
            # A signatory leaves through lease termination or transfer, not this report.
            raise _invalid("signatory", "occupantId")
        _check_move_date(data.moves_out_on, today, "movesOutOn")
        if data.moves_out_on < occupant["moved_in_on"]:
            raise _invalid("date-range", "movesOutOn")
    elif isinstance(data, NameChangeIn):
        _name(data.first_name, "firstName")
        _name(data.last_name, "lastName")
        _check_move_date(data.effective_on, today, "effectiveOn")
    occupant_id: uuid.UUID = occupant["id"]
    return occupant_id


async def report_change(
    resident: ResidentPrincipal, lease_id: uuid.UUID, data: OccupantChangeIn
) -> dict[str, Any]:
    """A change in the household's register, reported by its main tenant."""
    household_for_resident(resident, lease_id)
    today = clock.today()
    occupant_id = await _checked(lease_id, data, today)
    payload = msgspec.to_builtins(data)
    kind = payload.pop("kind")
    change_id = uuid.uuid4()
    async with DB.transaction():
        if occupant_id is not None and await OccupantChange.exists().where(
            (OccupantChange.occupant == occupant_id)
            & (OccupantChange.kind == kind)
            & (OccupantChange.status == "pending")
        ):
            raise ChangePendingError()
        await OccupantChange.insert(
            OccupantChange(
                id=change_id,
                lease=lease_id,
                kind=kind,
                payload=payload,
                status="pending",
                reported_by=resident.account_id,
                reported_at=clock.now(),
                occupant=occupant_id,
            )
        )
        await record_event(
            actor_type="resident",
            actor_id=resident.account_id,
            action="occupant_change.reported",
            entity_type="occupant_change",
            entity_id=change_id,
            details={"kind": kind},
        )
    row = await (
        OccupantChange.select().where(OccupantChange.id == change_id).output(load_json=True).first()
    )
    if row is None:
        raise NotFoundError()
    return row


async def resident_changes(lease_id: uuid.UUID) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await (
        OccupantChange.select()
        .where(OccupantChange.lease == lease_id)
        .order_by(OccupantChange.reported_at, ascending=False)
        .output(load_json=True)
    )
    return rows


def _staff_columns() -> list[Any]:
    lease: Any = OccupantChange.lease  # Piccolo's types stop at the first join
    return [
        *OccupantChange.all_columns(),
        lease.number.as_alias("lease_number"),
        lease.unit.staircase.as_alias("staircase"),
        lease.unit.number.as_alias("unit_number"),
        lease.unit.property.name.as_alias("property_name"),
    ]


async def staff_changes(
    staff: StaffPrincipal, *, status: str | None, lease_id: uuid.UUID | None
) -> list[dict[str, Any]]:
    """The queue within the staff user's regions; the read of personal data is logged."""
    if not staff.all_regions and not staff.region_ids:
        return []
    query = OccupantChange.select(*_staff_columns()).output(load_json=True)
    region_filter = staff_region_filter(staff)
    if region_filter is not None:
        query = query.where(region_filter)
    if status is not None:
        query = query.where(OccupantChange.status == status)
    if lease_id is not None:
        query = query.where(OccupantChange.lease == lease_id)
    rows: list[dict[str, Any]] = await query.order_by(OccupantChange.reported_at)
    if rows:
        async with DB.transaction():
            await record_event(
                actor_type="staff",
                actor_id=staff.staff_id,
                action="personal_data.read",
                entity_type="occupant_change",
                details={"what": "occupant-change-queue", "ids": [str(r["id"]) for r in rows]},
            )
    return rows


async def staff_change(staff: StaffPrincipal, change_id: uuid.UUID) -> dict[str, Any]:
    """One change with what staff need to decide it: who reported it and the home's
    register now (whom a moving-out or name change is about); the read is logged."""
    row = await (
        OccupantChange.select(*_staff_columns())
        .where(OccupantChange.id == change_id)
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise NotFoundError()
    row["register"] = await current_occupants(row["lease"], clock.today())
    row["reported_by_name"] = (await resident_names([row["reported_by"]])).get(row["reported_by"])
    async with DB.transaction():
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="personal_data.read",
            entity_type="occupant_change",
            entity_id=change_id,
            details={"what": "occupant-change, reporter and register of the home"},
        )
    return row


async def _apply(change: dict[str, Any], today: date) -> uuid.UUID:
    """Writes the register; answers the occupant row changed or created."""
    payload = change["payload"]
    lease_id = change["lease"]
    if change["kind"] in ("move_in", "birth"):
        lease = await Lease.select(Lease.starts_on).where(Lease.id == lease_id).first()
        birth_date = date.fromisoformat(payload["birthDate"])
        moved_in_on = (
            date.fromisoformat(payload["movesInOn"])
            if change["kind"] == "move_in"
            else max(birth_date, lease["starts_on"] if lease else birth_date)
        )
        occupant_id = uuid.uuid4()
        await Occupant.insert(
            Occupant(
                id=occupant_id,
                lease=lease_id,
                first_name=payload["firstName"].strip(),
                last_name=payload["lastName"].strip(),
                birth_date=birth_date,
                identity_code_hmac=None,  # the ERP import adds it; see the module docstring
                role="occupant",
                moved_in_on=moved_in_on,
            )
        )
        return occupant_id
    try:
        occupant = await _current_occupant(lease_id, change["occupant"], today)
    except InvalidInputError:
        raise ConflictError("occupancy.stale") from None
    values: dict[Any, Any]
    if change["kind"] == "move_out":
        values = {Occupant.moved_out_on: date.fromisoformat(payload["movesOutOn"])}
    else:
        values = {
            Occupant.first_name: " ".join(payload["firstName"].split()),
            Occupant.last_name: " ".join(payload["lastName"].split()),
        }
    await Occupant.update(values).where(Occupant.id == occupant["id"])
    changed: uuid.UUID = occupant["id"]
    return changed


async def decide(
    staff: StaffPrincipal, change_id: uuid.UUID, *, approve: bool, reason: str | None = None
) -> None:
    """Approve (the register changes) or reject (with a reason); only a pending change."""
    now = clock.now()
    if not approve and not (reason or "").strip():
        raise _invalid("reason", "reason")
    async with DB.transaction():
        change = await (
            OccupantChange.select()
            .where(OccupantChange.id == change_id)
            .output(load_json=True)
            .first()
        )
        if change is None or change["status"] != "pending":
            raise ChangeDecidedError()
        values: dict[Any, Any] = {
            OccupantChange.status: "approved" if approve else "rejected",
            OccupantChange.decided_by: staff.staff_id,
            OccupantChange.decided_at: now,
        }
        if approve:
            values[OccupantChange.occupant] = await _apply(change, clock.today())
        else:
            values[OccupantChange.reason] = (reason or "").strip()
        updated = (
            await OccupantChange.update(values)
            .where((OccupantChange.id == change_id) & (OccupantChange.status == "pending"))
            .returning(OccupantChange.id)
        )
        if not updated:
            raise ChangeDecidedError()  # decided meanwhile by someone else
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="occupant_change.approved" if approve else "occupant_change.rejected",
            entity_type="occupant_change",
            entity_id=change_id,
            details={"kind": change["kind"]},
        )
    await poke_leases([change["lease"]], reason="occupants", members_changed=True)
