"""Reads of the messages feature, shaped for the wire (in the reader's language).

Every function here takes threads that have already passed a gate in ``access``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from backend.accounts.access import ResidentPrincipal, StaffPrincipal
from backend.core.errors import NotFoundError
from backend.core.i18n import Language, translate
from backend.messages.access import (
    ThreadRow,
    active_home,
    load_threads,
    resident_threads_filter,
    staff_threads_filter,
)
from backend.messages.attachments import attachments_of
from backend.messages.categories import (
    MAIN_TENANT_ONLY,
    SERVICE_REQUESTS,
    MessageCategory,
    ThreadStatus,
)
from backend.messages.schemas import (
    CategoryOut,
    HomeUnreadOut,
    MessageOut,
    StaffInboxOut,
    StaffThreadOut,
    StaffThreadSummaryOut,
    ThreadOut,
    ThreadSummaryOut,
    UnreadOut,
)
from backend.messages.tables import (
    MessageThread,
    ThreadMessage,
    ThreadReadMark,
)
from backend.occupancy.access import Home


def categories(language: Language) -> list[CategoryOut]:
    return [
        CategoryOut(
            code=category,
            name=translate(f"message.category.{category.value}", language),
            main_tenant_only=category in MAIN_TENANT_ONLY,
            service_request=category in SERVICE_REQUESTS,
        )
        for category in MessageCategory
    ]


def _names(thread: ThreadRow, language: Language) -> dict[str, Any]:
    return {
        "category": MessageCategory(thread.category),
        "category_name": translate(f"message.category.{thread.category}", language),
        "status": thread.status,
        "status_name": translate(f"message.status.{thread.status}", language),
    }


async def _resident_unread(
    resident: ResidentPrincipal, threads: list[ThreadRow]
) -> dict[UUID, int]:
    """Per thread: messages after this person's read mark that someone else wrote."""
    ids = [thread.id for thread in threads]
    if not ids:
        return {}
    read = await _read_marks(resident, ids)
    rows = await ThreadMessage.select(
        ThreadMessage.thread, ThreadMessage.seq, ThreadMessage.author_kind, ThreadMessage.author_ref
    ).where(ThreadMessage.thread.is_in(ids))
    return _count_unread(resident, rows, read)


async def _read_marks(resident: ResidentPrincipal, thread_ids: list[UUID]) -> dict[UUID, int]:
    marks = await ThreadReadMark.select(ThreadReadMark.thread, ThreadReadMark.read_seq).where(
        (ThreadReadMark.person == resident.identity_code_hmac)
        & ThreadReadMark.thread.is_in(thread_ids)
    )
    return {row["thread"]: row["read_seq"] for row in marks}


def _count_unread(
    resident: ResidentPrincipal, rows: list[dict[str, Any]], read: dict[UUID, int]
) -> dict[UUID, int]:
    unread: dict[UUID, int] = defaultdict(int)
    for row in rows:
        mine = row["author_kind"] == "resident" and row["author_ref"] == resident.identity_code_hmac
        if not mine and row["seq"] > read.get(row["thread"], 0):
            unread[row["thread"]] += 1
    return unread


def _summary(
    resident: ResidentPrincipal, thread: ThreadRow, unread: int, language: Language
) -> dict[str, Any]:
    return {
        "id": thread.id,
        "lease_id": thread.lease_id,
        **_names(thread, language),
        "subject": thread.subject,
        "started_by_me": thread.started_by == resident.identity_code_hmac,
        "message_count": thread.message_count,
        "unread": unread,
        "created_at": thread.created_at,
        "last_message_at": thread.last_message_at,
        "closed_at": thread.closed_at,
    }


async def resident_threads(
    resident: ResidentPrincipal, home: Home, language: Language
) -> list[ThreadSummaryOut]:
    threads = await load_threads(resident_threads_filter(resident, home))
    unread = await _resident_unread(resident, threads)
    return [
        ThreadSummaryOut(**_summary(resident, thread, unread.get(thread.id, 0), language))
        for thread in threads
    ]


async def resident_unread(resident: ResidentPrincipal) -> UnreadOut:
    homes: list[HomeUnreadOut] = []
    for home in resident.homes:
        if active_home(resident, home.lease_id) is None:
            continue
        threads = await load_threads(resident_threads_filter(resident, home))
        unread = await _resident_unread(resident, threads)
        homes.append(HomeUnreadOut(lease_id=home.lease_id, unread=sum(unread.values())))
    return UnreadOut(total=sum(home.unread for home in homes), homes=homes)


async def _message_rows(thread_ids: list[UUID]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = (
        await ThreadMessage.select(
            ThreadMessage.thread,
            ThreadMessage.id,
            ThreadMessage.seq,
            ThreadMessage.author_kind,
            ThreadMessage.author_ref,
            ThreadMessage.author_name,
            ThreadMessage.body,
            ThreadMessage.created_at,
        )
        .where(ThreadMessage.thread.is_in(thread_ids))
        .order_by(ThreadMessage.seq)
    )
    return rows


async def _messages_of(
    thread_ids: list[UUID], rows: list[dict[str, Any]], *, me: tuple[str, str]
) -> dict[UUID, list[MessageOut]]:
    """``rows`` (from ``_message_rows``) as each thread's messages, with their attachments."""
    attachments = await attachments_of(thread_ids) if rows else {}
    found: dict[UUID, list[MessageOut]] = {thread_id: [] for thread_id in thread_ids}
    for row in rows:
        found[row["thread"]].append(
            MessageOut(
                id=row["id"],
                seq=row["seq"],
                author_kind=row["author_kind"],
                author_name=row["author_name"],
                mine=(row["author_kind"], row["author_ref"]) == me,
                body=row["body"],
                created_at=row["created_at"],
                attachments=attachments.get(row["id"], []),
            )
        )
    return found


async def _messages(thread_id: UUID, *, me: tuple[str, str]) -> list[MessageOut]:
    return (await _messages_of([thread_id], await _message_rows([thread_id]), me=me))[thread_id]


async def resident_thread(
    resident: ResidentPrincipal, thread: ThreadRow, language: Language, *, unread: int
) -> ThreadOut:
    messages = await _messages(thread.id, me=("resident", resident.identity_code_hmac))
    return ThreadOut(**_summary(resident, thread, unread, language), messages=messages)


async def resident_threads_out(
    resident: ResidentPrincipal, threads: list[ThreadRow], language: Language
) -> list[ThreadOut]:
    """Whole threads with their real unread counts, in the order of ``threads``: three
    queries for any number of threads (the sync view holds every thread of a resident)."""
    if not threads:
        return []
    ids = [thread.id for thread in threads]
    read = await _read_marks(resident, ids)
    rows = await _message_rows(ids)
    unread = _count_unread(resident, rows, read)
    messages = await _messages_of(ids, rows, me=("resident", resident.identity_code_hmac))
    return [
        ThreadOut(
            **_summary(resident, thread, unread.get(thread.id, 0), language),
            messages=messages[thread.id],
        )
        for thread in threads
    ]


async def resident_unread_in(resident: ResidentPrincipal, thread: ThreadRow) -> int:
    return (await _resident_unread(resident, [thread])).get(thread.id, 0)


_lease: Any = MessageThread.lease  # Piccolo's types stop at the first join
_STAFF_COLUMNS: tuple[Any, ...] = (
    MessageThread.id,
    MessageThread.lease.as_alias("lease_id"),
    MessageThread.lease.number.as_alias("lease_number"),
    _lease.unit.staircase.as_alias("staircase"),
    _lease.unit.number.as_alias("unit_number"),
    MessageThread.property.as_alias("property_id"),
    MessageThread.property.name.as_alias("property_name"),
    MessageThread.category,
    MessageThread.subject,
    MessageThread.status,
    MessageThread.message_count,
    MessageThread.staff_unread,
    MessageThread.assigned_to,
    MessageThread.created_at,
    MessageThread.last_message_at,
    MessageThread.closed_at,
)


def _staff_summary(row: dict[str, Any], language: Language) -> dict[str, Any]:
    return {
        "id": row["id"],
        "lease_id": row["lease_id"],
        "lease_number": row["lease_number"],
        "property_id": row["property_id"],
        "property_name": row["property_name"],
        "unit": f"{row['staircase']} {row['unit_number']}".strip(),
        "category": MessageCategory(row["category"]),
        "category_name": translate(f"message.category.{row['category']}", language),
        "subject": row["subject"],
        "status": row["status"],
        "status_name": translate(f"message.status.{row['status']}", language),
        "message_count": row["message_count"],
        "unread": row["staff_unread"],
        "assigned_to": row["assigned_to"],
        "created_at": row["created_at"],
        "last_message_at": row["last_message_at"],
        "closed_at": row["closed_at"],
    }


async def staff_inbox(
    staff: StaffPrincipal,
    language: Language,
    *,
    status: ThreadStatus | None,
    category: MessageCategory | None,
    property_id: UUID | None,
    unread: bool | None,
    assigned_to: UUID | None,
    limit: int,
    offset: int,
) -> StaffInboxOut:
    where = staff_threads_filter(staff)
    if status is not None:
        where &= MessageThread.status == status.value
    if category is not None:
        where &= MessageThread.category == category.value
    if property_id is not None:
        where &= MessageThread.property == property_id
    if unread is True:
        where &= MessageThread.staff_unread > 0
    elif unread is False:
        where &= MessageThread.staff_unread == 0
    if assigned_to is not None:
        where &= MessageThread.assigned_to == assigned_to
    total = await MessageThread.count().where(where)
    rows = (
        await MessageThread.select(*_STAFF_COLUMNS)
        .where(where)
        .order_by(MessageThread.last_message_at, ascending=False)
        .limit(limit)
        .offset(offset)
    )
    items = [StaffThreadSummaryOut(**_staff_summary(row, language)) for row in rows]
    return StaffInboxOut(items=items, total=total)


async def staff_unread(staff: StaffPrincipal) -> tuple[int, int]:
    where = staff_threads_filter(staff) & (MessageThread.staff_unread > 0)
    rows = await MessageThread.select(MessageThread.staff_unread).where(where)
    return len(rows), sum(row["staff_unread"] for row in rows)


async def staff_thread(
    staff: StaffPrincipal, thread: ThreadRow, language: Language
) -> StaffThreadOut:
    row = await MessageThread.select(*_STAFF_COLUMNS).where(MessageThread.id == thread.id).first()
    if row is None:
        raise NotFoundError()
    messages = await _messages(thread.id, me=("staff", str(staff.staff_id)))
    starter = next((m.author_name for m in messages if m.author_kind == "resident"), "")
    return StaffThreadOut(
        **_staff_summary(row, language), started_by_name=starter, messages=messages
    )
