"""Wire types of the register of occupants and of occupant-change reports."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

import msgspec

from backend.accounts.schemas import Wire

PersonName = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
ChangeKind = Literal["move_in", "move_out", "name_change", "birth"]
ChangeStatus = Literal["pending", "approved", "rejected"]


class MoveInIn(Wire, tag_field="kind", tag="move_in", forbid_unknown_fields=True):
    """Someone moves in. No identity code: staff complete it in the ERP."""

    first_name: PersonName
    last_name: PersonName
    birth_date: date
    moves_in_on: date


class MoveOutIn(Wire, tag_field="kind", tag="move_out", forbid_unknown_fields=True):
    occupant_id: UUID
    # The last day the person lives in the home.
    moves_out_on: date


class NameChangeIn(Wire, tag_field="kind", tag="name_change", forbid_unknown_fields=True):
    occupant_id: UUID
    first_name: PersonName
    last_name: PersonName
    effective_on: date


class BirthIn(Wire, tag_field="kind", tag="birth", forbid_unknown_fields=True):
    first_name: PersonName
    last_name: PersonName
    birth_date: date


OccupantChangeIn = MoveInIn | MoveOutIn | NameChangeIn | BirthIn


class RejectIn(Wire, forbid_unknown_fields=True):
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]


class OccupantOut(Wire):
    id: UUID
    first_name: str
    last_name: str
    role: Literal["main_tenant", "co_tenant", "occupant"]
    moved_in_on: date
    moved_out_on: date | None


class OccupantChangeOut(Wire):
    id: UUID
    lease_id: UUID
    kind: ChangeKind
    status: ChangeStatus
    # What was reported, as sent (the fields of the kind's input, without ``kind``).
    details: dict[str, Any]
    occupant_id: UUID | None
    reported_at: datetime
    decided_at: datetime | None
    reason: str | None


class StaffOccupantChangeOut(OccupantChangeOut):
    lease_number: str
    property_name: str
    unit: str
    reported_by: UUID
    decided_by: UUID | None


class StaffOccupantChangeDetailOut(StaffOccupantChangeOut):
    """One change as staff decide it: the reporter's name and the home's register now."""

    reported_by_name: str | None
    register: list[OccupantOut]
