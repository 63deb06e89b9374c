"""Eligibility: what a person may do in the portal, per lease, on a given day.

This is the root of every access decision (DESIGN §1): no access for applicants, minors,
people who have moved out, or after the lease ends; between signing and the start only
the start date and property info; main-tenant rights for signatories.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

LEGAL_AGE = 18
MAIN_TENANT_ROLES = frozenset({"main_tenant", "co_tenant"})
OCCUPANT_ROLES = frozenset({*MAIN_TENANT_ROLES, "occupant"})


class LeaseAccess(enum.StrEnum):
    NONE = "none"
    BEFORE_START = "before_start"
    RESIDENT = "resident"
    MAIN_TENANT = "main_tenant"


@dataclass(frozen=True, slots=True)
class OccupancyRecord:
    """One row of the register of occupants, with the dates of its lease."""

    lease_id: UUID
    role: str
    signed_on: date
    starts_on: date
    ends_on: date | None
    moved_in_on: date
    moved_out_on: date | None


def age_on(birth_date: date, on: date) -> int:
    """Completed years. Someone born on 29 February has a birthday on 1 March in common years
    (the later of the two candidate days, so that nobody gets access a day early)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def lease_access(birth_date: date, record: OccupancyRecord, on: date) -> LeaseAccess:
    if record.role not in OCCUPANT_ROLES:
        return LeaseAccess.NONE
    if age_on(birth_date, on) < LEGAL_AGE:
        return LeaseAccess.NONE
    if on < record.signed_on:
        return LeaseAccess.NONE
    if record.ends_on is not None and on > record.ends_on:
        return LeaseAccess.NONE
    if record.moved_out_on is not None and on > record.moved_out_on:
        return LeaseAccess.NONE
    if on < record.starts_on or on < record.moved_in_on:
        return LeaseAccess.BEFORE_START
    if record.role in MAIN_TENANT_ROLES:
        return LeaseAccess.MAIN_TENANT
    return LeaseAccess.RESIDENT


def eligibility(
    birth_date: date, records: Iterable[OccupancyRecord], on: date
) -> dict[UUID, LeaseAccess]:
    """Per lease, the access a person has on ``on``; leases without access are left out.

    A person with two leases (moving between homes) gets both, each on its own terms.
    If the register lists a person twice on one lease, the stronger entry wins.
    """
    order = list(LeaseAccess)
    result: dict[UUID, LeaseAccess] = {}
    for record in records:
        access = lease_access(birth_date, record, on)
        if access is LeaseAccess.NONE:
            continue
        current = result.get(record.lease_id)
        if current is None or order.index(access) > order.index(current):
            result[record.lease_id] = access
    return result


@dataclass(frozen=True, slots=True)
class Home:
    """A lease a person may see today, with what the portal shows of it."""

    lease_id: UUID
    access: LeaseAccess
    property_id: UUID
    region_id: UUID
    property_name: str
    street_address: dict[str, str]
    unit: str
    unit_id: UUID
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True, slots=True)
class PersonInRegister:
    """Everything the register says of one person (by identity-code HMAC)."""

    first_name: str
    last_name: str
    birth_date: date
    records: tuple[OccupancyRecord, ...]
    homes: tuple[Home, ...]


def register_columns() -> list[Any]:
    """The columns every eligibility decision reads from a register row (``record_of``)."""
    from backend.occupancy.tables import Occupant

    lease: Any = Occupant.lease  # Piccolo's types stop at the first join
    return [
        Occupant.identity_code_hmac,
        Occupant.birth_date,
        Occupant.role,
        Occupant.moved_in_on,
        Occupant.moved_out_on,
        lease.id.as_alias("lease_id"),
        lease.signed_on.as_alias("signed_on"),
        lease.starts_on.as_alias("starts_on"),
        lease.ends_on.as_alias("ends_on"),
    ]


def record_of(row: dict[str, Any]) -> OccupancyRecord:
    """The occupancy record of a row selected with ``register_columns``."""
    return OccupancyRecord(
        lease_id=row["lease_id"],
        role=row["role"],
        signed_on=row["signed_on"],
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
        moved_in_on=row["moved_in_on"],
        moved_out_on=row["moved_out_on"],
    )


def latest_entry(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Of one person's register rows, the newest: it carries the current name and birth
    date (names change; a corrected birth date comes with the newest entry)."""
    return max(rows, key=lambda row: row["moved_in_on"])


def register_access(rows: list[dict[str, Any]], on: date) -> dict[UUID, LeaseAccess]:
    """``eligibility`` of one person from their rows selected with ``register_columns``."""
    return eligibility(latest_entry(rows)["birth_date"], (record_of(row) for row in rows), on)


async def person_in_register(identity_code_hmac: str, on: date) -> PersonInRegister | None:
    """The register rows of a person and the homes they may see on ``on``; None if absent."""
    from backend.occupancy.tables import Occupant

    lease: Any = Occupant.lease  # Piccolo's types stop at the first join
    rows = (
        await Occupant.select(
            *register_columns(),
            Occupant.first_name,
            Occupant.last_name,
            lease.unit.id.as_alias("unit_id"),
            lease.unit.staircase.as_alias("staircase"),
            lease.unit.number.as_alias("unit_number"),
            lease.unit.property.id.as_alias("property_id"),
            lease.unit.property.region.id.as_alias("region_id"),
            lease.unit.property.name.as_alias("property_name"),
            lease.unit.property.street_address.as_alias("street_address"),
        )
        .where(Occupant.identity_code_hmac == identity_code_hmac)
        .output(load_json=True)
    )
    if not rows:
        return None
    records = tuple(record_of(row) for row in rows)
    latest = latest_entry(rows)
    access = register_access(rows, on)
    homes: dict[UUID, Home] = {}
    for row in rows:
        lease_access_ = access.get(row["lease_id"])
        if lease_access_ is None or row["lease_id"] in homes:
            continue
        homes[row["lease_id"]] = Home(
            lease_id=row["lease_id"],
            access=lease_access_,
            property_id=row["property_id"],
            region_id=row["region_id"],
            property_name=row["property_name"],
            street_address=row["street_address"] or {},
            unit=f"{row['staircase']} {row['unit_number']}".strip(),
            unit_id=row["unit_id"],
            starts_on=max(row["starts_on"], row["moved_in_on"]),
            ends_on=row["ends_on"],
        )
    return PersonInRegister(
        first_name=latest["first_name"],
        last_name=latest["last_name"],
        birth_date=latest["birth_date"],
        records=records,
        homes=tuple(sorted(homes.values(), key=lambda home: home.starts_on)),
    )
