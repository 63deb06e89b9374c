"""Blobs: photos uploaded apart from the mutations that reference them (by the hash of
the uploaded bytes), so a mutation never waits for an upload (DESIGN §5)."""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from typing import Any

from backend.accounts.access import ResidentPrincipal
from backend.core import clock
from backend.core.db import DB
from backend.core.errors import DomainError, InvalidInputError, NotFoundError
from backend.media import services as media
from backend.settings import Settings
from backend.tickets import services as tickets
from backend.tickets.access import ticket_for_resident
from sync.tables import ClientBlob, PendingPhoto

logger = logging.getLogger("sync.blobs")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _checked_hash(sha256: str) -> str:
    if not SHA256.match(sha256):
        raise InvalidInputError(errors=[{"field": "sha256", "message": "pattern"}])
    return sha256


def client_blob_id(account_id: uuid.UUID, sha256: str) -> uuid.UUID:
    return uuid.uuid5(account_id, sha256)


async def uploaded_blob(account_id: uuid.UUID, sha256: str) -> uuid.UUID | None:
    """The stored blob of this uploader's upload, or None (not arrived, or not theirs)."""
    row = (
        await ClientBlob.select(ClientBlob.blob)
        .where(ClientBlob.id == client_blob_id(account_id, _checked_hash(sha256)))
        .first()
    )
    return row["blob"] if row else None


async def put_blob(
    resident: ResidentPrincipal, sha256: str, data: bytes, settings: Settings
) -> bool:
    """Stores an upload (idempotent); answers whether it was new. Then attaches it to the
    tickets whose mutations were waiting for it."""
    _checked_hash(sha256)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise InvalidInputError(errors=[{"field": "body", "message": "sha256-mismatch"}])
    if await uploaded_blob(resident.account_id, sha256) is not None:
        await attach_pending(resident, sha256)
        return False
    stored = await media.store_image(
        data, uploaded_by_kind="resident", uploaded_by_id=resident.account_id, settings=settings
    )
    row_id = client_blob_id(resident.account_id, sha256)
    async with DB.transaction():
        if not await ClientBlob.exists().where(ClientBlob.id == row_id):
            await ClientBlob.insert(
                ClientBlob(
                    id=row_id,
                    account=resident.account_id,
                    sha256=sha256,
                    blob=stored.id,
                    created_at=clock.now(),
                )
            )
    await attach_pending(resident, sha256)
    return True


async def read_upload(
    resident: ResidentPrincipal, sha256: str, settings: Settings
) -> tuple[bytes, str]:
    """The stored photo of the resident's own upload; anyone else's looks missing."""
    blob_id = await uploaded_blob(resident.account_id, sha256)
    if blob_id is None:
        raise NotFoundError()
    return await media.read_blob(blob_id, variant="original", settings=settings)


async def attach_photo(resident: ResidentPrincipal, ticket_id: uuid.UUID, sha256: str) -> None:
    """A photo for a ticket by upload hash: attached now when the blob is here, otherwise
    remembered as pending (the pull shows it so) until the upload arrives. The stored blob
    is attached as it is: it was re-encoded once, when it was uploaded."""
    blob_id = await uploaded_blob(resident.account_id, sha256)
    if blob_id is not None:
        await tickets.attach_blob(resident, ticket_id, blob_id)  # through the ticket's gate
        return
    await ticket_for_resident(resident, ticket_id)
    pending_id = uuid.uuid5(ticket_id, sha256)
    if not await PendingPhoto.exists().where(PendingPhoto.id == pending_id):
        await PendingPhoto.insert(
            PendingPhoto(
                id=pending_id,
                ticket=ticket_id,
                account=resident.account_id,
                sha256=sha256,
                created_at=clock.now(),
            )
        )


async def attach_pending(resident: ResidentPrincipal, sha256: str) -> None:
    rows = await PendingPhoto.select(PendingPhoto.id, PendingPhoto.ticket).where(
        (PendingPhoto.account == resident.account_id) & (PendingPhoto.sha256 == sha256)
    )
    for row in rows:
        try:
            async with DB.transaction():
                await attach_photo(resident, row["ticket"], sha256)
                await PendingPhoto.delete().where(PendingPhoto.id == row["id"])
        except DomainError as error:
            # The ticket closed or has its five photos meanwhile: the photo cannot go on it.
            logger.info("Pending photo dropped: %s", error.code)
            await PendingPhoto.delete().where(PendingPhoto.id == row["id"])


async def pending_photos(ticket_ids: list[Any]) -> dict[Any, list[str]]:
    if not ticket_ids:
        return {}
    rows = await PendingPhoto.select(PendingPhoto.ticket, PendingPhoto.sha256).where(
        PendingPhoto.ticket.is_in(ticket_ids)
    )
    found: dict[Any, list[str]] = {}
    for row in rows:
        found.setdefault(row["ticket"], []).append(row["sha256"])
    return found
