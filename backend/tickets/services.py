"""Defect notifications, the resident's side: file (idempotently), photos, comment, cancel,
rate, reopen. Every write happens here, in one transaction, with its timeline event."""

from __future__ import annotations

import uuid
from typing import Any, Literal
from uuid import UUID

from backend.accounts.access import ResidentPrincipal, home_for
from backend.core import clock
from backend.core.db import DB
from backend.core.errors import NotFoundError
from backend.media import services as media
from backend.property.tables import Property
from backend.settings import Settings
from backend.tickets import errors, filing
from backend.tickets.access import (
    TicketRow,
    resident_homes,
    resident_ticket_filter,
    ticket_for_resident,
)
from backend.tickets.categories import COMMON_AREAS, category
from backend.tickets.events import add_event, resident_name
from backend.tickets.schemas import TicketIn
from backend.tickets.tables import Ticket, TicketPhoto
from backend.tickets.tables import TicketRating as Rating
from backend.tickets.transitions import (
    OPEN_STATUSES,
    REOPEN_WITHIN,
    Status,
    may_transition,
)

MAX_PHOTOS = 5
# The fields that make two filings of one client id "the same content".
_CONTENT = (
    "category",
    "location",
    "description",
    "master_key_permission",
    "contact_window",
    "pets",
    "contact_phone",
)


def _same_content(existing: dict[str, Any], data: TicketIn) -> bool:
    return existing["lease"] == data.lease_id and all(
        existing[name] == getattr(data, name) for name in _CONTENT
    )


async def create_ticket(resident: ResidentPrincipal, data: TicketIn) -> tuple[UUID, bool]:
    """Files a defect notification; answers its id and whether it was new. The same client
    id with the same content is the same ticket (a retried upload from an offline outbox)."""
    home = home_for(resident, data.lease_id)
    found = category(data.category)
    if found is None:
        raise errors.UnknownCategoryError(errors=[{"field": "category", "message": "unknown"}])
    if found.emergency:
        phone = await Property.select(Property.emergency_phone).where(
            Property.id == home.property_id
        )
        raise errors.EmergencyCategoryError(phone=phone[0]["emergency_phone"] if phone else "")
    if not data.master_key_permission and not (data.contact_window or "").strip():
        raise errors.ContactWindowRequiredError(
            errors=[{"field": "contactWindow", "message": "required"}]
        )
    filed = await filing.insert_ticket(
        resident, home, data, common_area=found.common_area, days=found.expected_days
    )
    if filed:
        return data.id, True
    # Filed before (a retried upload from an offline outbox), or twice at once.
    existing = await _existing(data)
    if existing is None:
        raise errors.TicketIdConflictError()  # that row is gone again: not this ticket
    return existing, False


async def _existing(data: TicketIn) -> UUID | None:
    rows = await Ticket.select().where(Ticket.id == data.id)
    if not rows:
        return None
    if not _same_content(rows[0], data):
        raise errors.TicketIdConflictError()
    return data.id


async def list_tickets(resident: ResidentPrincipal, lease_id: UUID | None) -> list[dict[str, Any]]:
    homes = resident_homes(resident, lease_id)
    if not homes:
        return []
    rows: list[dict[str, Any]] = (
        await Ticket.select()
        .where(resident_ticket_filter(homes))
        .order_by(Ticket.created_at, ascending=False)
    )
    return rows


async def common_area_open(
    resident: ResidentPrincipal, lease_id: UUID, area: str
) -> list[dict[str, Any]]:
    """Open tickets of the same property and common area, so that the resident can follow
    one instead of filing a duplicate; the view shows nothing personal of them."""
    home = home_for(resident, lease_id)
    if area not in COMMON_AREAS:
        raise errors.CategoryAreaError(errors=[{"field": "area", "message": "unknown"}])
    rows: list[dict[str, Any]] = (
        await Ticket.select(Ticket.number, Ticket.category, Ticket.status, Ticket.created_at)
        .where(
            (Ticket.property == home.property_id)
            & (Ticket.area == area)
            & Ticket.status.is_in(list(OPEN_STATUSES))
        )
        .order_by(Ticket.created_at, ascending=False)
    )
    return rows


async def add_photo(
    resident: ResidentPrincipal, ticket_id: UUID, data: bytes, settings: Settings
) -> dict[str, Any]:
    await _photo_gate(resident, ticket_id)  # before storing anything
    stored = await media.store_image(
        data, uploaded_by_kind="resident", uploaded_by_id=resident.account_id, settings=settings
    )
    return await _attach(ticket_id, stored.id)


async def attach_blob(
    resident: ResidentPrincipal, ticket_id: UUID, blob_id: UUID
) -> dict[str, Any]:
    """A photo already stored (and so already re-encoded) onto a ticket, as ``add_photo``
    does but without encoding it again: an offline upload that arrived apart from its
    mutation. The caller has checked that the blob is the resident's own upload."""
    await _photo_gate(resident, ticket_id)
    if (await media.blob_info(blob_id)).media_type not in media.IMAGE_TYPES:
        raise media.UploadTypeError("problem.upload-type.image")
    return await _attach(ticket_id, blob_id)


async def _photo_gate(resident: ResidentPrincipal, ticket_id: UUID) -> None:
    row = await ticket_for_resident(resident, ticket_id)
    if row.status not in OPEN_STATUSES:
        raise errors.TicketClosedError()
    if await TicketPhoto.count().where(TicketPhoto.ticket == ticket_id) >= MAX_PHOTOS:
        raise errors.PhotoLimitError()


async def _attach(ticket_id: UUID, blob_id: UUID) -> dict[str, Any]:
    async with DB.transaction():
        photos = await TicketPhoto.select().where(TicketPhoto.ticket == ticket_id)
        same = next((p for p in photos if p["blob"] == blob_id), None)
        if same is not None:
            return same  # the same picture again (a retried upload)
        if len(photos) >= MAX_PHOTOS:
            raise errors.PhotoLimitError()
        photo: dict[str, Any] = {
            "id": uuid.uuid4(),
            "ticket": ticket_id,
            "blob": blob_id,
            "position": max((p["position"] for p in photos), default=0) + 1,
            "created_at": clock.now(),
        }
        await TicketPhoto.insert(TicketPhoto(**photo))
        await Ticket.update({Ticket.updated_at: clock.now()}).where(Ticket.id == ticket_id)
    return photo


async def photo_bytes(
    row: TicketRow,
    photo_id: UUID,
    variant: Literal["original", "thumbnail"],
    settings: Settings,
) -> tuple[bytes, str]:
    """A photo of a ticket the caller has already passed the gate of."""
    photos = await TicketPhoto.select(TicketPhoto.blob).where(
        (TicketPhoto.id == photo_id) & (TicketPhoto.ticket == row.id)
    )
    if not photos:
        raise NotFoundError()
    return await media.read_blob(photos[0]["blob"], variant=variant, settings=settings)


async def comment(resident: ResidentPrincipal, ticket_id: UUID, text: str) -> None:
    row = await ticket_for_resident(resident, ticket_id)
    if row.status == "cancelled":
        raise errors.TicketClosedError()
    async with DB.transaction():
        await add_event(
            ticket_id,
            kind="comment",
            actor_kind="resident",
            actor_id=resident.account_id,
            actor_name=resident_name(resident),
            text=text,
        )
        await Ticket.update({Ticket.updated_at: clock.now()}).where(Ticket.id == ticket_id)


async def _resident_transition(
    resident: ResidentPrincipal, row: TicketRow, target: Status, text: str | None
) -> None:
    if not may_transition("resident", row.status, target):  # type: ignore[arg-type]
        raise errors.InvalidTransitionError()
    now = clock.now()
    changes: dict[Any, Any] = {Ticket.status: target, Ticket.updated_at: now}
    changes[Ticket.closed_at] = now if target == "cancelled" else None
    async with DB.transaction():
        # Only if nobody moved it meanwhile (a staff transition at the same moment).
        updated = (
            await Ticket.update(changes)
            .where((Ticket.id == row.id) & (Ticket.status == row.status))
            .returning(Ticket.id)
        )
        if not updated:
            raise errors.InvalidTransitionError()
        await add_event(
            row.id,
            kind="status_change",
            actor_kind="resident",
            actor_id=resident.account_id,
            actor_name=resident_name(resident),
            from_status=row.status,
            to_status=target,
            text=text,
        )


async def cancel(resident: ResidentPrincipal, ticket_id: UUID, reason: str | None) -> None:
    row = await ticket_for_resident(resident, ticket_id)
    await _resident_transition(resident, row, "cancelled", reason)


def may_reopen(values: dict[str, Any]) -> bool:
    closed_at = values["closed_at"]
    return (
        values["status"] == "done"
        and closed_at is not None
        and clock.now() - closed_at <= REOPEN_WITHIN
    )


async def reopen(resident: ResidentPrincipal, ticket_id: UUID, reason: str) -> None:
    """Back to ``in_progress`` (see ``transitions``), within 14 days of done."""
    row = await ticket_for_resident(resident, ticket_id)
    if row.status == "done" and not may_reopen(row.values):
        raise errors.ReopenWindowError()
    await _resident_transition(resident, row, "in_progress", reason)


async def rate(resident: ResidentPrincipal, ticket_id: UUID, stars: int, text: str) -> None:
    """Rates done work (1–5 and a comment); rating again replaces the earlier rating."""
    row = await ticket_for_resident(resident, ticket_id)
    if row.status != "done":
        raise errors.RatingNotAllowedError()
    now = clock.now()
    async with DB.transaction():
        await Rating.delete().where(Rating.ticket == ticket_id)
        await Rating.insert(
            Rating(
                id=uuid.uuid4(),
                ticket=ticket_id,
                stars=stars,
                comment=text,
                rated_by=resident.account_id,
                created_at=now,
            )
        )
        await add_event(
            ticket_id,
            kind="rating",
            actor_kind="resident",
            actor_id=resident.account_id,
            actor_name=resident_name(resident),
            text=f"{stars}/5" + (f": {text}" if text else ""),
        )
        await Ticket.update({Ticket.updated_at: now}).where(Ticket.id == ticket_id)
