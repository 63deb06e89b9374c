"""Rows → wire types, in the reader's language. Residents see the public timeline only."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.core import clock
from backend.core.i18n import Language, translate
from backend.tickets.categories import CATEGORIES, CATEGORY_BY_CODE, GROUP_NAMES, GROUPS
from backend.tickets.schemas import (
    CategoriesOut,
    CategoryGroupOut,
    CategoryOut,
    CommonAreaTicketOut,
    EventOut,
    PhotoOut,
    RatingOut,
    StatusOut,
    TicketOut,
    TicketSummaryOut,
)
from backend.tickets.services import may_reopen
from backend.tickets.tables import TicketEvent, TicketPhoto, TicketRating
from backend.tickets.transitions import OPEN_STATUSES, STATUSES


def categories_out(language: Language) -> CategoriesOut:
    return CategoriesOut(
        groups=[
            CategoryGroupOut(
                code=group,
                name=GROUP_NAMES[group][language],
                categories=[
                    CategoryOut(
                        code=c.code,
                        name=c.name(language),
                        expected_days=c.expected_days,
                        emergency=c.emergency,
                    )
                    for c in CATEGORIES
                    if c.group == group
                ],
            )
            for group in GROUPS
        ],
        statuses=[StatusOut(code=s, name=status_name(s, language)) for s in STATUSES],
    )


def status_name(status: str, language: Language) -> str:
    return translate(f"tickets.status.{status}", language)


def category_name(code: str, language: Language) -> str:
    found = CATEGORY_BY_CODE.get(code)
    return found.name(language) if found else code


def summary_fields(row: dict[str, Any], language: Language) -> dict[str, Any]:
    return {
        "id": row["id"],
        "number": row["number"],
        "lease_id": row["lease"],
        "category": row["category"],
        "category_name": category_name(row["category"], language),
        "area": row["area"],
        "location": row["location"],
        "status": row["status"],
        "status_name": status_name(row["status"], language),
        "expected_by": row["expected_by"],
        "scheduled_start": row["scheduled_start"] if row["status"] == "scheduled" else None,
        "scheduled_end": row["scheduled_end"] if row["status"] == "scheduled" else None,
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def summary_out(row: dict[str, Any], language: Language) -> TicketSummaryOut:
    return TicketSummaryOut(**summary_fields(row, language))


def common_area_out(row: dict[str, Any], language: Language) -> CommonAreaTicketOut:
    return CommonAreaTicketOut(
        number=row["number"],
        category=row["category"],
        category_name=category_name(row["category"], language),
        status=row["status"],
        status_name=status_name(row["status"], language),
        created_on=row["created_at"].date(),
    )


# The detail reads take many tickets at once: the sync view builds every ticket of a
# resident, and one query per ticket and kind was most of a full pull's cost.


async def photos_by_ticket(ticket_ids: list[UUID]) -> dict[UUID, list[PhotoOut]]:
    if not ticket_ids:
        return {}
    blob: Any = TicketPhoto.blob
    rows = (
        await TicketPhoto.select(
            TicketPhoto.ticket,
            TicketPhoto.id,
            TicketPhoto.position,
            blob.media_type.as_alias("media_type"),
            blob.width.as_alias("width"),
            blob.height.as_alias("height"),
        )
        .where(TicketPhoto.ticket.is_in(ticket_ids))
        .order_by(TicketPhoto.position)
    )
    found: dict[UUID, list[PhotoOut]] = {}
    for row in rows:
        found.setdefault(row.pop("ticket"), []).append(PhotoOut(**row))
    return found


async def timelines_by_ticket(
    ticket_ids: list[UUID], *, internal: bool
) -> dict[UUID, list[EventOut]]:
    if not ticket_ids:
        return {}
    query = TicketEvent.select(
        TicketEvent.ticket,
        TicketEvent.id,
        TicketEvent.kind,
        TicketEvent.actor_kind,
        TicketEvent.actor_name,
        TicketEvent.visibility,
        TicketEvent.from_status,
        TicketEvent.to_status,
        TicketEvent.text,
        TicketEvent.created_at,
    ).where(TicketEvent.ticket.is_in(ticket_ids))
    if not internal:
        query = query.where(TicketEvent.visibility == "public")
    rows = await query.order_by(TicketEvent.created_at).order_by(TicketEvent.id)
    found: dict[UUID, list[EventOut]] = {}
    for row in rows:
        found.setdefault(row.pop("ticket"), []).append(EventOut(**row))
    return found


async def ratings_by_ticket(ticket_ids: list[UUID]) -> dict[UUID, RatingOut]:
    if not ticket_ids:
        return {}
    rows = await TicketRating.select(
        TicketRating.ticket, TicketRating.stars, TicketRating.comment, TicketRating.created_at
    ).where(TicketRating.ticket.is_in(ticket_ids))
    return {row.pop("ticket"): RatingOut(**row) for row in rows}  # unique per ticket


async def photos_of(ticket_id: UUID) -> list[PhotoOut]:
    return (await photos_by_ticket([ticket_id])).get(ticket_id, [])


async def timeline_of(ticket_id: UUID, *, internal: bool) -> list[EventOut]:
    return (await timelines_by_ticket([ticket_id], internal=internal)).get(ticket_id, [])


async def rating_of(ticket_id: UUID) -> RatingOut | None:
    return (await ratings_by_ticket([ticket_id])).get(ticket_id)


async def tickets_out(rows: list[dict[str, Any]], language: Language) -> list[TicketOut]:
    """Whole tickets as a resident sees them, in the order of ``rows``: three queries for
    any number of tickets."""
    ids = [row["id"] for row in rows]
    photos = await photos_by_ticket(ids)
    timelines = await timelines_by_ticket(ids, internal=False)
    ratings = await ratings_by_ticket(ids)
    return [
        TicketOut(
            **summary_fields(row, language),
            description=row["description"],
            master_key_permission=row["master_key_permission"],
            contact_window=row["contact_window"],
            pets=row["pets"],
            contact_phone=row["contact_phone"],
            closed_at=row["closed_at"],
            reject_reason=row["reject_reason"],
            photos=photos.get(row["id"], []),
            timeline=timelines.get(row["id"], []),
            rating=ratings.get(row["id"]),
            can_cancel=row["status"] == "received",
            can_reopen=may_reopen(row),
            can_rate=row["status"] == "done",
        )
        for row in rows
    ]


async def ticket_out(row: dict[str, Any], language: Language) -> TicketOut:
    return (await tickets_out([row], language))[0]


def is_overdue(row: dict[str, Any]) -> bool:
    return row["status"] in OPEN_STATUSES and row["expected_by"] < clock.today()
