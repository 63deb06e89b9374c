"""The arguments of each mutator: the REST route's input struct plus the ids the route
takes from its path. Subclasses, so the same limits apply; the PWA gets their TypeScript
types from ``sync.typescript``."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec

from backend.accounts.schemas import NotificationPreferencesIn, ProfileIn, Wire
from backend.messages.schemas import MessageIn, ThreadIn
from backend.tickets.schemas import CancelIn, CommentIn, RatingIn, ReopenIn, TicketIn

PhotoHash = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]  # sha256 of the upload
PhotoHashes = Annotated[list[PhotoHash], msgspec.Meta(max_length=5)]


class CreateTicketArgs(TicketIn, kw_only=True):
    """``photos``: upload hashes (``PUT /api/blobs/{sha256}``), uploaded before or after."""

    photos: PhotoHashes = msgspec.field(default_factory=list)


class AddTicketCommentArgs(CommentIn, kw_only=True):
    ticket_id: UUID


class AddTicketPhotoArgs(Wire, forbid_unknown_fields=True):
    ticket_id: UUID
    sha256: PhotoHash


class CancelTicketArgs(CancelIn, kw_only=True):
    ticket_id: UUID


class RateTicketArgs(RatingIn, kw_only=True):
    ticket_id: UUID


class ReopenTicketArgs(ReopenIn, kw_only=True):
    ticket_id: UUID


class ReplyArgs(MessageIn, kw_only=True):
    """``sendMessage`` in an existing thread."""

    thread_id: UUID


class NewThreadArgs(ThreadIn, kw_only=True):
    """``sendMessage`` starting a thread (with ``id`` chosen by the client)."""

    lease_id: UUID


class MarkNewsReadArgs(Wire, forbid_unknown_fields=True):
    news_id: UUID


class MarkThreadReadArgs(Wire, forbid_unknown_fields=True):
    """What opening a thread does over REST: customer service's messages count as read."""

    thread_id: UUID


class UpdateProfileArgs(ProfileIn, kw_only=True):
    """Contact details, language and notification preferences (only what is sent changes)."""

    notification_preferences: NotificationPreferencesIn | msgspec.UnsetType = msgspec.UNSET


class LeaseArgs(Wire):
    """``reportOccupantChange``: these fields plus one of the occupancy API's change bodies
    (``OccupantChangeIn``, tagged by ``kind``)."""

    lease_id: UUID
