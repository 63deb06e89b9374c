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
