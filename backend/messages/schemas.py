"""Wire types of the messages API (camelCase JSON)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec

from backend.accounts.schemas import Wire
from backend.messages.categories import MessageCategory

Subject = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Body = Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
Status = Literal["open", "answered", "closed"]
AuthorKind = Literal["resident", "staff"]


class CategoryOut(Wire):
    code: MessageCategory
    name: str
    main_tenant_only: bool
    service_request: bool


class ThreadIn(Wire, forbid_unknown_fields=True):
    category: MessageCategory
    subject: Subject
    body: Body
    # Chosen by the client when it creates the thread offline (UUIDv7); sending the same
    # thread again answers 200 with it, a different thread under the same id 409.
    id: UUID | None = None


class MessageIn(Wire, forbid_unknown_fields=True):
    body: Body
    id: UUID | None = None  # as for ThreadIn


class AttachmentOut(Wire):
    id: UUID
    media_type: str
    size_bytes: int
    width: int | None
    height: int | None
    has_thumbnail: bool


class MessageOut(Wire):
    id: UUID
    seq: int
    author_kind: AuthorKind
    author_name: str
    mine: bool
    body: str
    created_at: datetime
    attachments: list[AttachmentOut] = msgspec.field(default_factory=list)


class ThreadSummaryOut(Wire):
    id: UUID
    lease_id: UUID
    category: MessageCategory
    category_name: str
    subject: str
    status: Status
    status_name: str
    started_by_me: bool
    message_count: int
    unread: int
    created_at: datetime
    last_message_at: datetime
    closed_at: datetime | None


class ThreadOut(ThreadSummaryOut):
    messages: list[MessageOut]


class HomeUnreadOut(Wire):
    lease_id: UUID
    unread: int


class UnreadOut(Wire):
    total: int
    homes: list[HomeUnreadOut]


class StaffThreadSummaryOut(Wire):
    id: UUID
    lease_id: UUID
    lease_number: str
    property_id: UUID
    property_name: str
    unit: str
    category: MessageCategory
    category_name: str
    subject: str
    status: Status
    status_name: str
    message_count: int
    unread: int
    assigned_to: UUID | None
    created_at: datetime
    last_message_at: datetime
    closed_at: datetime | None


class StaffInboxOut(Wire):
    items: list[StaffThreadSummaryOut]
    total: int


class StaffThreadOut(StaffThreadSummaryOut):
    started_by_name: str
    messages: list[MessageOut]


class StaffUnreadOut(Wire):
    threads: int
    messages: int


class AssignIn(Wire, forbid_unknown_fields=True):
    staff_id: UUID | None
