"""HTTP routes of the staff side of messages: the shared inbox, replies, closing, assigning."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from backend.accounts.access import StaffDep
from backend.core.problems import request_language
from backend.media.http import UPLOAD_BODY_LIMIT, binary, upload_bytes
from backend.messages import attachments, services, views
from backend.messages.access import thread_for_staff
from backend.messages.categories import MessageCategory, ThreadStatus
from backend.messages.schemas import (
    AssignIn,
    AttachmentOut,
    MessageIn,
    StaffInboxOut,
    StaffThreadOut,
    StaffUnreadOut,
)
from backend.settings import Settings
from sync.freshness import POKED_OPT

AnyRequest = Request[Any, Any, Any]
Limit = Annotated[int, QueryParameter(ge=1, le=200)]
Offset = Annotated[int, QueryParameter(ge=0)]


async def _staff_view(request: AnyRequest, staff: StaffDep, thread_id: UUID) -> StaffThreadOut:
    """The thread as staff see it; reading it is audit-logged and clears the inbox's unread."""
    thread = await thread_for_staff(staff, thread_id)
    await services.open_by_staff(staff, thread)
    thread = await thread_for_staff(staff, thread_id)
    return await views.staff_thread(staff, thread, request_language(request))


async def _staff_file(
    staff: StaffDep,
    thread_id: UUID,
    attachment_id: UUID,
    variant: Literal["original", "thumbnail"],
    settings: Settings,
) -> tuple[bytes, str]:
    thread = await thread_for_staff(staff, thread_id)
    data = await attachments.attachment_bytes(thread, attachment_id, variant, settings)
    await services.record_attachment_read(staff, attachment_id)
    return data


class StaffMessagesController(Controller):
    path = "/api/staff/messages"
    tags = ("staff", "messages")

    @get("/")
    async def inbox(
        self,
        request: AnyRequest,
        staff: StaffDep,
        status: FromQuery[ThreadStatus | None] = None,
        category: FromQuery[MessageCategory | None] = None,
        property_id: Annotated[UUID | None, QueryParameter(name="propertyId")] = None,
        unread: FromQuery[bool | None] = None,
        assigned_to: Annotated[UUID | None, QueryParameter(name="assignedTo")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> StaffInboxOut:
        """Threads in the staff user's regions, newest activity first, with filters."""
        return await views.staff_inbox(
            staff,
            request_language(request),
            status=status,
            category=category,
            property_id=property_id,
            unread=unread,
            assigned_to=assigned_to,
            limit=limit,
            offset=offset,
        )

    @get("/unread")
    async def unread_count(self, staff: StaffDep) -> StaffUnreadOut:
        threads, messages = await views.staff_unread(staff)
        return StaffUnreadOut(threads=threads, messages=messages)

    @get("/{thread_id:uuid}")
    async def get_thread(
        self, request: AnyRequest, thread_id: FromPath[UUID], staff: StaffDep
    ) -> StaffThreadOut:
        """The thread with the resident's name and messages (an audit-logged read)."""
        return await _staff_view(request, staff, thread_id)

    @post("/{thread_id:uuid}/messages", status_code=201, opt={POKED_OPT: True})
    async def reply(
        self,
        request: AnyRequest,
        thread_id: FromPath[UUID],
        data: JSONBody[MessageIn],
        staff: StaffDep,
    ) -> Response[StaffThreadOut]:
        thread = await thread_for_staff(staff, thread_id)
        created = await services.staff_reply(staff, thread, data.body, data.id)
        view = await _staff_view(request, staff, thread_id)
        return Response(view, status_code=201 if created else 200)

    @post(
        "/{thread_id:uuid}/messages/{message_id:uuid}/attachments",
        status_code=201,
        request_max_body_size=UPLOAD_BODY_LIMIT,
    )
    async def attach(
        self,
        request: AnyRequest,
        thread_id: FromPath[UUID],
        message_id: FromPath[UUID],
        staff: StaffDep,
        settings: NamedDependency[Settings],
    ) -> AttachmentOut:
        """Attach a photo or PDF to one's own reply (multipart ``file`` or the raw body)."""
        thread = await thread_for_staff(staff, thread_id)  # before reading the body
        attachment_id = await attachments.attach(
            thread,
            message_id,
            await upload_bytes(request),
            author=services.staff_author(staff),
            uploader_id=staff.staff_id,
            settings=settings,
        )
        return await attachments.attachment_out(thread_id, attachment_id)

    @get("/{thread_id:uuid}/attachments/{attachment_id:uuid}")
    async def attachment(
        self,
        thread_id: FromPath[UUID],
        attachment_id: FromPath[UUID],
        staff: StaffDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        """An attachment (a staff read of a resident's file: audit-logged)."""
        return binary(*await _staff_file(staff, thread_id, attachment_id, "original", settings))

    @get("/{thread_id:uuid}/attachments/{attachment_id:uuid}/thumbnail")
    async def thumbnail(
        self,
        thread_id: FromPath[UUID],
        attachment_id: FromPath[UUID],
        staff: StaffDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        return binary(*await _staff_file(staff, thread_id, attachment_id, "thumbnail", settings))

    @post("/{thread_id:uuid}/close", status_code=200, opt={POKED_OPT: True})
    async def close(
        self, request: AnyRequest, thread_id: FromPath[UUID], staff: StaffDep
    ) -> StaffThreadOut:
        thread = await thread_for_staff(staff, thread_id)
        await services.close_by_staff(staff, thread)
        return await _staff_view(request, staff, thread_id)

    @post("/{thread_id:uuid}/assign", status_code=200)
    async def assign(
        self,
        request: AnyRequest,
        thread_id: FromPath[UUID],
        data: JSONBody[AssignIn],
        staff: StaffDep,
    ) -> StaffThreadOut:
        """Assign the thread to a staff user of its region (``staffId: null`` unassigns)."""
        thread = await thread_for_staff(staff, thread_id)
        await services.assign(staff, thread, data.staff_id)
        return await _staff_view(request, staff, thread_id)
