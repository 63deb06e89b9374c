"""Defect notifications, the staff API (``/api/staff/tickets``): customer service,
maintenance and admins, within their regions."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from backend.accounts.access import StaffDep
from backend.core.i18n import Language
from backend.core.problems import request_language
from backend.media.http import NO_STORE, binary
from backend.settings import Settings
from backend.tickets import services, staff_services, views
from backend.tickets.access import ticket_for_staff
from backend.tickets.schemas import (
    AssignIn,
    StaffCommentIn,
    StaffTicketOut,
    StaffTicketPageOut,
    StaffTicketSummaryOut,
    TransitionIn,
)
from backend.tickets.staff_services import QueueFilter, Sort
from backend.tickets.transitions import Status
from sync.freshness import POKED_OPT


def _unit(row: dict[str, Any]) -> str | None:
    if row.get("unit_number") is None:
        return None
    return f"{row.get('unit_staircase') or ''} {row['unit_number']}".strip()


def _staff_summary_fields(row: dict[str, Any], language: Language) -> dict[str, Any]:
    return {
        **views.summary_fields(row, language),
        "property_id": row["property"],
        "property_name": row["property_name"],
        "unit": _unit(row),
        "assignee_id": row["assignee"],
        "assignee_name": row["assignee_name"],
        "overdue": views.is_overdue(row),
    }


async def _staff_ticket_out(row: dict[str, Any], language: Language) -> StaffTicketOut:
    return StaffTicketOut(
        **_staff_summary_fields(row, language),
        description=row["description"],
        master_key_permission=row["master_key_permission"],
        contact_window=row["contact_window"],
        pets=row["pets"],
        contact_phone=row["contact_phone"],
        reporter_name=row["reporter_name"],
        closed_at=row["closed_at"],
        reject_reason=row["reject_reason"],
        photos=await views.photos_of(row["id"]),
        timeline=await views.timeline_of(row["id"], internal=True),
        rating=await views.rating_of(row["id"]),
    )


class StaffTicketsController(Controller):
    path = "/api/staff/tickets"
    tags = ("staff", "tickets")

    @get("/")
    async def queue(
        self,
        request: Request[Any, Any, Any],
        staff: StaffDep,
        status: Annotated[list[Status] | None, QueryParameter(name="status")] = None,
        category: Annotated[str | None, QueryParameter(name="category")] = None,
        property_id: Annotated[UUID | None, QueryParameter(name="propertyId")] = None,
        created_before: Annotated[date | None, QueryParameter(name="createdBefore")] = None,
        assignee_id: Annotated[UUID | None, QueryParameter(name="assigneeId")] = None,
        unassigned: Annotated[bool, QueryParameter(name="unassigned")] = False,
        overdue: Annotated[bool, QueryParameter(name="overdue")] = False,
        number: Annotated[str | None, QueryParameter(name="number", max_length=20)] = None,
        q: Annotated[str | None, QueryParameter(name="q", max_length=100)] = None,
        sort: Annotated[Sort, QueryParameter(name="sort")] = "created",
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=200)] = 50,
        offset: Annotated[int, QueryParameter(name="offset", ge=0)] = 0,
    ) -> StaffTicketPageOut:
        """The ticket queue of the staff user's regions, filtered, sorted and paged;
        ``number`` searches by ticket number; ``q`` by ticket number, street address or home
        ("Kontulantie 5 A 12"), ignoring case."""
        flt = QueueFilter(
            statuses=status,
            category=category,
            property_id=property_id,
            created_before=created_before,
            assignee_id=assignee_id,
            unassigned=unassigned,
            overdue=overdue,
            number=number,
            q=q,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        rows, total = await staff_services.queue(staff, flt)
        language = request_language(request)
        return StaffTicketPageOut(
            items=[StaffTicketSummaryOut(**_staff_summary_fields(r, language)) for r in rows],
            total=total,
        )

    @get("/{ticket_id:uuid}")
    async def detail(
        self, request: Request[Any, Any, Any], ticket_id: FromPath[UUID], staff: StaffDep
    ) -> Response[StaffTicketOut]:
        """The whole ticket, internal notes included (the read is audit-logged)."""
        row = await staff_services.detail(staff, ticket_id)
        out = await _staff_ticket_out(row, request_language(request))
        return Response(out, headers=NO_STORE)

    @post("/{ticket_id:uuid}/assign", status_code=200, opt={POKED_OPT: True})
    async def assign(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        data: JSONBody[AssignIn],
        staff: StaffDep,
    ) -> StaffTicketSummaryOut:
        await staff_services.assign(staff, ticket_id, data.assignee_id)
        return await self._summary(request, staff, ticket_id)

    @post("/{ticket_id:uuid}/transition", status_code=200, opt={POKED_OPT: True})
    async def transition(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        data: JSONBody[TransitionIn],
        staff: StaffDep,
    ) -> StaffTicketSummaryOut:
        """Move the ticket on (scheduled needs a visit window, rejected a reason)."""
        await staff_services.transition(staff, ticket_id, data)
        return await self._summary(request, staff, ticket_id)

    @post("/{ticket_id:uuid}/comments", status_code=201, opt={POKED_OPT: True})
    async def comment(
        self,
        request: Request[Any, Any, Any],
        ticket_id: FromPath[UUID],
        data: JSONBody[StaffCommentIn],
        staff: StaffDep,
    ) -> StaffTicketSummaryOut:
        """A public comment to the resident, or an internal note."""
        await staff_services.comment(staff, ticket_id, data.text, data.visibility)
        return await self._summary(request, staff, ticket_id)

    @get("/{ticket_id:uuid}/photos/{photo_id:uuid}")
    async def photo(
        self,
        ticket_id: FromPath[UUID],
        photo_id: FromPath[UUID],
        staff: StaffDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        """The photo in full size (the read is audit-logged; its thumbnail's is not)."""
        row = await ticket_for_staff(staff, ticket_id)
        photo = await services.photo_bytes(row, photo_id, "original", settings)
        await staff_services.record_photo_read(staff, ticket_id, photo_id)
        return binary(*photo)

    @get("/{ticket_id:uuid}/photos/{photo_id:uuid}/thumbnail")
    async def thumbnail(
        self,
        ticket_id: FromPath[UUID],
        photo_id: FromPath[UUID],
        staff: StaffDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        row = await ticket_for_staff(staff, ticket_id)
        return binary(*await services.photo_bytes(row, photo_id, "thumbnail", settings))

    @staticmethod
    async def _summary(
        request: Request[Any, Any, Any], staff: Any, ticket_id: UUID
    ) -> StaffTicketSummaryOut:
        row = await ticket_for_staff(staff, ticket_id)
        extra = await staff_services.names_of(ticket_id)
        return StaffTicketSummaryOut(
            **_staff_summary_fields({**row.values, **extra}, request_language(request))
        )
