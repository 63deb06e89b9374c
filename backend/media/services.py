"""Storing and reading uploaded files. The content decides what a file is (magic bytes and
Pillow), never the client's name or header; images are re-encoded without metadata."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any, Literal
from uuid import UUID

from anyio import to_thread

from backend.core import clock
from backend.core.db import DB
from backend.core.errors import DomainError, NotFoundError
from backend.media import images, storage
from backend.media.tables import Blob
from backend.settings import Settings

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic")
DOCUMENT_TYPES = ("application/pdf",)


class UploadRejectedError(DomainError):
    status = 400
    code = "upload-rejected"


class UploadTooLargeError(UploadRejectedError):
    status = 413
    code = "upload-too-large"


class UploadTypeError(UploadRejectedError):
    status = 415
    code = "upload-type"


class UploadUnreadableError(UploadRejectedError):
    status = 400
    code = "upload-unreadable"


@dataclass(frozen=True)
class StoredBlob:
    id: UUID
    sha256: str
    media_type: str
    size_bytes: int
    width: int | None
    height: int | None


def _check_size(data: bytes, settings: Settings) -> None:
    if len(data) > settings.max_upload_megabytes * 1024 * 1024:
        raise UploadTooLargeError(max_megabytes=settings.max_upload_megabytes)
    if not data:
        raise UploadUnreadableError()


async def store_image(
    data: bytes, *, uploaded_by_kind: str, uploaded_by_id: UUID, settings: Settings
) -> StoredBlob:
    """A photo (JPEG, PNG, WebP or HEIC — HEIC is stored as JPEG), re-encoded without EXIF
    (the orientation applied), with a ≤ 400 px JPEG thumbnail."""
    _check_size(data, settings)
    try:
        processed = await to_thread.run_sync(images.process_image, data)
    except images.NotAnImage:
        raise UploadTypeError("problem.upload-type.image") from None
    except images.UnreadableImage:
        raise UploadUnreadableError() from None
    return await _save(
        processed.data,
        media_type=processed.media_type,
        width=processed.width,
        height=processed.height,
        thumbnail=processed.thumbnail,
        uploaded_by_kind=uploaded_by_kind,
        uploaded_by_id=uploaded_by_id,
        settings=settings,
    )


async def store_document(
    data: bytes, *, uploaded_by_kind: str, uploaded_by_id: UUID, settings: Settings
) -> StoredBlob:
    """A PDF document, stored as it is (recognised by its ``%PDF-`` header)."""
    _check_size(data, settings)
    if not data.startswith(b"%PDF-"):
        raise UploadTypeError("problem.upload-type.document")
    return await _save(
        data,
        media_type="application/pdf",
        width=None,
        height=None,
        thumbnail=None,
        uploaded_by_kind=uploaded_by_kind,
        uploaded_by_id=uploaded_by_id,
        settings=settings,
    )


async def _save(
    data: bytes,
    *,
    media_type: str,
    width: int | None,
    height: int | None,
    thumbnail: bytes | None,
    uploaded_by_kind: str,
    uploaded_by_id: UUID,
    settings: Settings,
) -> StoredBlob:
    sha256 = hashlib.sha256(data).hexdigest()
    existing = await _by_sha256(sha256)
    if existing is not None:
        return existing
    # The object first, then the row: a row never points at bytes that are not there.
    # (Re-putting the same key is harmless: the content is the same.)
    await storage.put_object(settings, storage.original_key(sha256), data)
    if thumbnail is not None:
        await storage.put_object(settings, storage.thumbnail_key(sha256), thumbnail)
    blob_id = uuid.uuid4()
    try:
        async with DB.transaction():
            await Blob.insert(
                Blob(
                    id=blob_id,
                    sha256=sha256,
                    media_type=media_type,
                    size_bytes=len(data),
                    width=width,
                    height=height,
                    has_thumbnail=thumbnail is not None,
                    created_at=clock.now(),
                    uploaded_by_kind=uploaded_by_kind,
                    uploaded_by_id=uploaded_by_id,
                )
            )
    except Exception:
        # Two uploads of the same bytes at once: the other one's row wins.
        existing = await _by_sha256(sha256)
        if existing is None:
            raise
        return existing
    return StoredBlob(
        id=blob_id,
        sha256=sha256,
        media_type=media_type,
        size_bytes=len(data),
        width=width,
        height=height,
    )


async def _by_sha256(sha256: str) -> StoredBlob | None:
    rows = await Blob.select().where(Blob.sha256 == sha256)
    return _stored(rows[0]) if rows else None


def _stored(row: dict[str, Any]) -> StoredBlob:
    return StoredBlob(
        id=row["id"],
        sha256=row["sha256"],
        media_type=row["media_type"],
        size_bytes=row["size_bytes"],
        width=row["width"],
        height=row["height"],
    )


async def blob_info(blob_id: UUID) -> StoredBlob:
    rows = await Blob.select().where(Blob.id == blob_id)
    if not rows:
        raise NotFoundError()
    return _stored(rows[0])


async def read_blob(
    blob_id: UUID, *, variant: Literal["original", "thumbnail"], settings: Settings
) -> tuple[bytes, str]:
    """The bytes and media type of a blob (or of its JPEG thumbnail); NotFoundError if absent."""
    rows = await Blob.select(Blob.sha256, Blob.media_type, Blob.has_thumbnail).where(
        Blob.id == blob_id
    )
    if not rows or (variant == "thumbnail" and not rows[0]["has_thumbnail"]):
        raise NotFoundError()
    sha256 = rows[0]["sha256"]
    if variant == "thumbnail":
        data = await storage.get_object(settings, storage.thumbnail_key(sha256))
        media_type = "image/jpeg"
    else:
        data = await storage.get_object(settings, storage.original_key(sha256))
        media_type = rows[0]["media_type"]
    if data is None:
        raise NotFoundError()
    return data, media_type
