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
    # The staff user confirms having checked the person's ID card. Only ``true`` is
    # accepted; false or missing is answered with a problem that says so (422).
    id_checked: bool = False


class OfficeCodeOut(Wire):
    id: UUID
    code: str
    expires_at: datetime
    first_name: str
    last_name: str


# --- the directory: staff, regions and properties to pick from ------------------------------


class StaffDirectoryEntryOut(Wire):
    id: UUID
    name: str
    roles: list[str]
    all_regions: bool
    region_ids: list[UUID]


class RegionPropertyOut(Wire):
    id: UUID
    code: str
    name: str


class RegionOut(Wire):
    id: UUID
    code: str
    # Per language, as stored ({"fi": ..., "sv": ..., "en": ...}; Finnish always there).
    name: dict[str, str]
    properties: list[RegionPropertyOut]


# --- finding an occupant for office registration ----------------------------------------------


class OccupantMatchOut(Wire):
    """A person in the register, as much as an office needs to recognise them: the birth
    year, never the identity code or the full birth date."""

    occupant_id: UUID
    first_name: str
    last_name: str
    birth_year: int
    address: str
    unit: str
    role: str  # main_tenant | co_tenant | occupant
    registered: bool
    can_register: bool
