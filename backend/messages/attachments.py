"""Attachments of messages: photos (as for defect notifications) and PDF documents.

The bytes go through the media service (content sniffed, images re-encoded without EXIF,
thumbnails); this module ties a stored blob to a message. Only the author of a message may
attach to it, at most ``MAX_ATTACHMENTS`` files, and not once the thread is closed. Reading
an attachment goes through the thread's gate (``access``), like the thread itself.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal
from uuid import UUID

from backend.core import clock
from backend.core.db import DB
from backend.core.errors import ConflictError, NotFoundError
from backend.media.services import StoredBlob, read_blob, store_document, store_image
from backend.messages.access import ThreadRow
from backend.messages.categories import ThreadStatus
from backend.messages.schemas import AttachmentOut
from backend.messages.services import Author, ThreadClosedError
from backend.messages.tables import MessageAttachment, MessageThread, ThreadMessage
from backend.settings import Settings

MAX_ATTACHMENTS = 5
PDF_MAGIC = b"%PDF-"


class TooManyAttachmentsError(ConflictError):
    code = "too-many-attachments"


async def _store(data: bytes, author: Author, uploader_id: UUID, settings: Settings) -> StoredBlob:
    """A PDF is stored as a document, anything else must be a photo (the media service
    refuses what is neither)."""
    store = store_document if data.startswith(PDF_MAGIC) else store_image
    return await store(
        data, uploaded_by_kind=author.kind, uploaded_by_id=uploader_id, settings=settings
    )


async def attach(
    thread: ThreadRow,
    message_id: UUID,
    data: bytes,
    *,
    author: Author,
    uploader_id: UUID,
    settings: Settings,
) -> UUID:
    """Attach a file to the author's own message. Someone else's message, or one of another
    thread, looks like a missing one."""
    message = (
        await ThreadMessage.select(ThreadMessage.id)
        .where(
            (ThreadMessage.id == message_id)
            & (ThreadMessage.thread == thread.id)
            & (ThreadMessage.author_kind == author.kind)
            & (ThreadMessage.author_ref == author.ref)
        )
        .first()
    )
    if message is None:
        raise NotFoundError()
    if thread.status == ThreadStatus.CLOSED.value:
        raise ThreadClosedError()
    if await _count(message_id) >= MAX_ATTACHMENTS:
        raise TooManyAttachmentsError(max=MAX_ATTACHMENTS)
    blob = await _store(data, author, uploader_id, settings)
    attachment_id = uuid.uuid4()
    async with DB.transaction():
        # Re-checked inside the transaction: the thread may have closed, or another upload
        # may have taken the last place, while the file was being processed.
        still_open = await MessageThread.exists().where(
            (MessageThread.id == thread.id) & (MessageThread.status != ThreadStatus.CLOSED.value)
        )
        if not still_open:
            raise ThreadClosedError()
        position = await _count(message_id)
        if position >= MAX_ATTACHMENTS:
            raise TooManyAttachmentsError(max=MAX_ATTACHMENTS)
        await MessageAttachment.insert(
            MessageAttachment(
                id=attachment_id,
                thread=thread.id,
                message=message_id,
                blob=blob.id,
                position=position,
                created_at=clock.now(),
            )
        )
    return attachment_id


async def _count(message_id: UUID) -> int:
    count: int = await MessageAttachment.count().where(MessageAttachment.message == message_id)
    return count


async def attachment_out(thread_id: UUID, attachment_id: UUID) -> AttachmentOut:
    for items in (await attachments_of([thread_id], attachment_id)).values():
        return items[0]
    raise NotFoundError()


async def attachments_of(
    thread_ids: list[UUID], attachment_id: UUID | None = None
) -> dict[UUID, list[AttachmentOut]]:
    """Per message id, its attachments in order, for these threads (or only
    ``attachment_id``)."""
    where: Any = MessageAttachment.thread.is_in(thread_ids)
    if attachment_id is not None:
        where &= MessageAttachment.id == attachment_id
    blob: Any = MessageAttachment.blob  # Piccolo's types stop at the first join
    rows = (
        await MessageAttachment.select(
            MessageAttachment.id,
            MessageAttachment.message,
            blob.media_type.as_alias("media_type"),
            blob.size_bytes.as_alias("size_bytes"),
            blob.width.as_alias("width"),
            blob.height.as_alias("height"),
            blob.has_thumbnail.as_alias("has_thumbnail"),
        )
        .where(where)
        .order_by(MessageAttachment.position)
    )
    result: dict[UUID, list[AttachmentOut]] = {}
    for row in rows:
        result.setdefault(row.pop("message"), []).append(AttachmentOut(**row))
    return result


async def attachment_bytes(
    thread: ThreadRow,
    attachment_id: UUID,
    variant: Literal["original", "thumbnail"],
    settings: Settings,
) -> tuple[bytes, str]:
    """The file of an attachment of ``thread`` (which has passed its gate)."""
    row = (
        await MessageAttachment.select(MessageAttachment.blob)
        .where((MessageAttachment.id == attachment_id) & (MessageAttachment.thread == thread.id))
        .first()
    )
    if row is None:
        raise NotFoundError()
    return await read_blob(row["blob"], variant=variant, settings=settings)
