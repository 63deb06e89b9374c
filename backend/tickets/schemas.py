"""Wire types of the tickets API (camelCase JSON)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec

from backend.accounts.schemas import Phone, Wire
from backend.tickets.categories import Group
from backend.tickets.transitions import Status

Description = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Location = Annotated[str, msgspec.Meta(max_length=200)]
ContactWindow = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
CategoryCode = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
CommentText = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Reason = Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]
Stars = Annotated[int, msgspec.Meta(ge=1, le=5)]
Visibility = Literal["public", "internal"]


# --- categories --------------------------------------------------------------------------


class CategoryOut(Wire):
    code: str
    name: str
    expected_days: int
    emergency: bool


class CategoryGroupOut(Wire):
    code: Group
    name: str
    categories: list[CategoryOut]


class StatusOut(Wire):
    code: Status
    name: str


class CategoriesOut(Wire):
    groups: list[CategoryGroupOut]
    statuses: list[StatusOut]


# --- resident ----------------------------------------------------------------------------


class TicketIn(Wire, forbid_unknown_fields=True):
    id: UUID
    lease_id: UUID
    category: CategoryCode
    description: Description
    master_key_permission: bool
    pets: bool
    contact_phone: Phone
    location: Location = ""
    contact_window: ContactWindow | None = None


class CommentIn(Wire, forbid_unknown_fields=True):
    text: CommentText


class CancelIn(Wire, forbid_unknown_fields=True):
    reason: Reason | None = None


class ReopenIn(Wire, forbid_unknown_fields=True):
    reason: Reason


class RatingIn(Wire, forbid_unknown_fields=True):
    stars: Stars
    comment: Annotated[str, msgspec.Meta(max_length=2000)] = ""


class PhotoOut(Wire):
    id: UUID
    position: int
    media_type: str
    width: int | None
    height: int | None


class EventOut(Wire):
    id: UUID
    kind: str
    actor_kind: str
    actor_name: str
    visibility: Visibility
    from_status: Status | None
    to_status: Status | None
    text: str | None
    created_at: datetime


class RatingOut(Wire):
    stars: int
    comment: str
    created_at: datetime


class TicketSummaryOut(Wire):
    id: UUID
    number: str
    lease_id: UUID
    category: str
    category_name: str
    area: str | None
    location: str
    status: Status
    status_name: str
    expected_by: date
    scheduled_start: datetime | None
    scheduled_end: datetime | None
    created_at: datetime
    updated_at: datetime


class TicketOut(TicketSummaryOut):
    description: str
    master_key_permission: bool
    contact_window: str | None
    pets: bool
    contact_phone: str
    closed_at: datetime | None
    reject_reason: str | None
    photos: list[PhotoOut]
    timeline: list[EventOut]
    rating: RatingOut | None
    can_cancel: bool
    can_reopen: bool
    can_rate: bool


class CommonAreaTicketOut(Wire):
    """Another household's open ticket in the same common area: nothing personal."""

    number: str
    category: str
    category_name: str
    status: Status
    status_name: str
    created_on: date


# --- staff -------------------------------------------------------------------------------


class StaffTicketSummaryOut(TicketSummaryOut):
    property_id: UUID
    property_name: str
    unit: str | None
    assignee_id: UUID | None
    assignee_name: str | None
    overdue: bool


class StaffTicketOut(StaffTicketSummaryOut):
    description: str
    master_key_permission: bool
    contact_window: str | None
    pets: bool
    contact_phone: str
    reporter_name: str
    closed_at: datetime | None
    reject_reason: str | None
    photos: list[PhotoOut]
    timeline: list[EventOut]
    rating: RatingOut | None


class StaffTicketPageOut(Wire):
    items: list[StaffTicketSummaryOut]
    total: int


class AssignIn(Wire, forbid_unknown_fields=True):
    assignee_id: UUID | None


class TransitionIn(Wire, forbid_unknown_fields=True):
    to: Status
    note: CommentText | None = None
    visibility: Visibility = "public"
    scheduled_start: datetime | None = None
    scheduled_end: datetime | None = None
    reason: Reason | None = None


class StaffCommentIn(Wire, forbid_unknown_fields=True):
    text: CommentText
    visibility: Visibility
