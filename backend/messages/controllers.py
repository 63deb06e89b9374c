"""HTTP routes of messages and service requests: the resident side and the staff inbox."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.access import PrincipalDep, ResidentDep, home_for
from backend.core.problems import request_language
from backend.media.http import UPLOAD_BODY_LIMIT, binary, upload_bytes
from backend.messages import attachments, services, views
from backend.messages.access import thread_for_resident
from backend.messages.schemas import (
    AttachmentOut,
    CategoryOut,
    MessageIn,
    ThreadIn,
    ThreadOut,
    ThreadSummaryOut,
    UnreadOut,
)
from backend.messages.staff_controllers import StaffMessagesController
from backend.settings import Settings

AnyRequest = Request[Any, Any, Any]


async def _resident_view(request: AnyRequest, resident: ResidentDep, thread_id: UUID) -> ThreadOut:
    """The thread as the resident sees it now; reading it marks it read."""
    thread = await thread_for_resident(resident, thread_id)
    await services.mark_read_by_resident(resident, thread)
    return await views.resident_thread(resident, thread, request_language(request), unread=0)


class MessageCategoriesController(Controller):
    path = "/api/messages"
    tags = ("messages",)

    @get("/categories")
    async def categories(self, request: AnyRequest, principal: PrincipalDep) -> list[CategoryOut]:
        """The thread categories in the reader's language; which need main-tenant rights."""
        return views.categories(request_language(request))

    @get("/unread")
    async def unread(self, resident: ResidentDep) -> UnreadOut:
        """Unread messages per home (for the badge)."""
        return await views.resident_unread(resident)


class HomeMessagesController(Controller):
    path = "/api/homes/{lease_id:uuid}/messages"
    tags = ("messages",)

    @get("/")
    async def list_threads(
        self, request: AnyRequest, lease_id: FromPath[UUID], resident: ResidentDep
    ) -> list[ThreadSummaryOut]:
        """The threads of this home the resident sees, newest first, with unread counts."""
        home = home_for(resident, lease_id)
        return await views.resident_threads(resident, home, request_language(request))

    @post("/", status_code=201)
    async def create_thread(
        self,
        request: AnyRequest,
        lease_id: FromPath[UUID],
        data: JSONBody[ThreadIn],
        resident: ResidentDep,
    ) -> Response[ThreadOut]:
        """Start a thread (a message or a service request) with its first message.

        201 when created; 200 when a client sends a thread it already sent (same ``id``)."""
        thread_id, created = await services.create_thread(
            resident,
            lease_id,
            category=data.category,
            subject=data.subject,
            body=data.body,
            thread_id=data.id,
        )
        thread = await _resident_view(request, resident, thread_id)
        return Response(thread, status_code=201 if created else 200)


class ThreadController(Controller):
    path = "/api/messages/{thread_id:uuid}"
    tags = ("messages",)

    @get("/")
    async def get_thread(
        self, request: AnyRequest, thread_id: FromPath[UUID], resident: ResidentDep
    ) -> ThreadOut:
        """The thread with its messages; marks it read for this resident."""
        return await _resident_view(request, resident, thread_id)

    @post("/messages", status_code=201)
    async def post_message(
        self,
        request: AnyRequest,
        thread_id: FromPath[UUID],
        data: JSONBody[MessageIn],
        resident: ResidentDep,
    ) -> Response[ThreadOut]:
        """Add a message (201; 200 when the same message, same ``id``, was sent before)."""
        thread = await thread_for_resident(resident, thread_id)
        created = await services.post_resident_message(resident, thread, data.body, data.id)
        view = await _resident_view(request, resident, thread_id)
        return Response(view, status_code=201 if created else 200)

    @post(
        "/messages/{message_id:uuid}/attachments",
        status_code=201,
        request_max_body_size=UPLOAD_BODY_LIMIT,
    )
    async def attach(
        self,
        request: AnyRequest,
        thread_id: FromPath[UUID],
        message_id: FromPath[UUID],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> AttachmentOut:
        """Attach a photo or PDF to one's own message (multipart ``file`` or the raw body)."""
        thread = await thread_for_resident(resident, thread_id)  # before reading the body
        attachment_id = await attachments.attach(
            thread,
            message_id,
            await upload_bytes(request),
            author=services.resident_author(resident),
            uploader_id=resident.account_id,
            settings=settings,
        )
        return await attachments.attachment_out(thread_id, attachment_id)

    @get("/attachments/{attachment_id:uuid}")
    async def attachment(
        self,
        thread_id: FromPath[UUID],
        attachment_id: FromPath[UUID],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        thread = await thread_for_resident(resident, thread_id)
        return binary(
            *await attachments.attachment_bytes(thread, attachment_id, "original", settings)
        )

    @get("/attachments/{attachment_id:uuid}/thumbnail")
    async def thumbnail(
        self,
        thread_id: FromPath[UUID],
        attachment_id: FromPath[UUID],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        thread = await thread_for_resident(resident, thread_id)
        return binary(
            *await attachments.attachment_bytes(thread, attachment_id, "thumbnail", settings)
        )

    @post("/close", status_code=200)
    async def close(
        self, request: AnyRequest, thread_id: FromPath[UUID], resident: ResidentDep
    ) -> ThreadOut:
        """Close the thread (only the resident who started it)."""
        thread = await thread_for_resident(resident, thread_id)
        await services.close_by_resident(resident, thread)
        return await _resident_view(request, resident, thread_id)


CONTROLLERS: list[type[Controller]] = [
    MessageCategoriesController,
    HomeMessagesController,
    ThreadController,
    StaffMessagesController,
]
