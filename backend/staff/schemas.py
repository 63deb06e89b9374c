"""Wire types of the staff identity API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec

from backend.accounts.schemas import Email, Wire
from backend.staff.access import StaffRole


class StaffUserIn(Wire, forbid_unknown_fields=True):
    email: Email
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    roles: Annotated[list[StaffRole], msgspec.Meta(min_length=1, max_length=5)]
    region_codes: list[Annotated[str, msgspec.Meta(max_length=40)]] = msgspec.field(
        default_factory=list
    )
    all_regions: bool = False
    language: Literal["fi", "sv", "en"] = "fi"


class StaffUserCreatedOut(Wire):
    id: UUID
    enrolment_url: str


class EnrolmentLinkOut(Wire):
    enrolment_url: str


class EnrolmentOut(Wire):
    name: str
    email: str


class OfficeCodeRequestIn(Wire, forbid_unknown_fields=True):
    occupant_id: UUID


class OfficeCodeOut(Wire):
    id: UUID
    code: str
    expires_at: datetime
    first_name: str
    last_name: str
