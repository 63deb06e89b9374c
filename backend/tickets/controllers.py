"""Defect notifications, the resident's API (``/api/tickets``). Staff routes live in
``staff_controllers``; both are listed in CONTROLLERS below."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from backend.accounts.access import ResidentDep
from backend.core.problems import request_language
from backend.media.http import UPLOAD_BODY_LIMIT, binary, upload_bytes
from backend.settings import Settings
from backend.tickets import services, views
from backend.tickets.access import ticket_for_resident
from backend.tickets.schemas import (
    CancelIn,
    CategoriesOut,
    CommentIn,
    CommonAreaTicketOut,
    PhotoOut,
    RatingIn,
    ReopenIn,
    TicketIn,
    TicketOut,
    TicketSummaryOut,
)
from backend.tickets.staff_controllers import StaffTicketsController


class TicketCategoriesController(Controller):
    path = "/api/tickets/categories"
    tags = ("tickets",)

    @get("/", sync_to_thread=False)
    def categories(self, request: Request[Any, Any, Any]) -> CategoriesOut:
        """The category tree and the statuses, in the reader's language (public)."""
        return views.categories_out(request_language(request))


class TicketsController(Controller):
    path = "/api/tickets"
    tags = ("tickets",)

    @post("/", status_code=201)
    async def create(
        self, request: Request[Any, Any, Any], data: JSONBody[TicketIn], resident: ResidentDep
    ) -> Response[TicketOut]:
        """File a defect notification (201); the same id and content again answers 200."""
        ticket_id, created = await services.create_ticket(resident, data)
        row = await ticket_for_resident(resident, ticket_id)
        out = await views.ticket_out(row.values, request_language(request))
        return Response(out, status_code=201 if created else 200)

    @get("/")
    async def list_mine(
        self,
        request: Request[Any, Any, Any],
        resident: ResidentDep,
        lease_id: Annotated[UUID | None, QueryParameter(name="leaseId")] = None,
    ) -> list[TicketSummaryOut]:
        """The tickets of the resident's homes (or of one home)."""
        rows = await services.list_tickets(resident, lease_id)
        language = request_language(request)
        return [views.summary_out(row, language) for row in rows]

    @get("/common-area-open")
    async def common_area_open(
        self,
        request: Request[Any, Any, Any],
        resident: ResidentDep,
        lease_id: Annotated[UUID, QueryParameter(name="leaseId")],
        area: FromQuery[str],
    ) -> list[CommonAreaTicketOut]:
        """Open tickets of the same property and common area (nothing personal)."""
        rows = await services.common_area_open(resident, lease_id, area)
        language = request_language(request)
        return [views.common_area_out(row, language) for row in rows]

    @get("/{ticket_id:uuid}")
    async def detail(
        self, request: Request[Any, Any, Any], ticket_id: FromPath[UUID], resident: ResidentDep
    ) -> TicketOut:
        row = await ticket_for_resident(resident, ticket_id)
        return await views.ticket_out(row.values, request_language(request))

    @post("/{ticket_id:uuid}/photos", status_code=201, request_max_body_size=UPLOAD_BODY_LIMIT)
    async def add_photo(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> PhotoOut:
        """Attach a photo (multipart ``file`` or the raw image as the body); at most 5."""
        await ticket_for_resident(resident, ticket_id)  # the gate before reading the body
        photo = await services.add_photo(resident, ticket_id, await upload_bytes(request), settings)
        photos = await views.photos_of(ticket_id)
        return next(p for p in photos if p.id == photo["id"])

    @get("/{ticket_id:uuid}/photos/{photo_id:uuid}")
    async def photo(
        self,
        ticket_id: FromPath[UUID],
        photo_id: FromPath[UUID],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        row = await ticket_for_resident(resident, ticket_id)
        return binary(*await services.photo_bytes(row, photo_id, "original", settings))

    @get("/{ticket_id:uuid}/photos/{photo_id:uuid}/thumbnail")
    async def thumbnail(
        self,
        ticket_id: FromPath[UUID],
        photo_id: FromPath[UUID],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        row = await ticket_for_resident(resident, ticket_id)
        return binary(*await services.photo_bytes(row, photo_id, "thumbnail", settings))

    @post("/{ticket_id:uuid}/comments", status_code=201)
    async def comment(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        data: JSONBody[CommentIn],
        resident: ResidentDep,
    ) -> TicketOut:
        await services.comment(resident, ticket_id, data.text)
        return await self._fresh(request, resident, ticket_id)

    @post("/{ticket_id:uuid}/cancel", status_code=200)
    async def cancel(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        data: JSONBody[CancelIn],
        resident: ResidentDep,
    ) -> TicketOut:
        """Cancel a ticket nobody has started on yet (status received)."""
        await services.cancel(resident, ticket_id, data.reason)
        return await self._fresh(request, resident, ticket_id)

    @post("/{ticket_id:uuid}/rating", status_code=200)
    async def rate(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        data: JSONBody[RatingIn],
        resident: ResidentDep,
    ) -> TicketOut:
        """Rate done work, 1–5 stars and a comment (again: replaces the rating)."""
        await services.rate(resident, ticket_id, data.stars, data.comment)
        return await self._fresh(request, resident, ticket_id)

    @post("/{ticket_id:uuid}/reopen", status_code=200)
    async def reopen(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        data: JSONBody[ReopenIn],
        resident: ResidentDep,
    ) -> TicketOut:
        """Reopen done work within 14 days (back to in progress, with the reason)."""
        await services.reopen(resident, ticket_id, data.reason)
        return await self._fresh(request, resident, ticket_id)

    @staticmethod
    async def _fresh(request: Request[Any, Any, Any], resident: Any, ticket_id: UUID) -> TicketOut:
        row = await ticket_for_resident(resident, ticket_id)
        return await views.ticket_out(row.values, request_language(request))


CONTROLLERS: list[type[Controller]] = [
    TicketCategoriesController,
    TicketsController,
    StaffTicketsController,
]
