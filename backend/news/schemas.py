"""Wire types of news: what residents read, and what editors write."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, UnsetType

from backend.accounts.schemas import Wire

Audience = Literal["everyone", "region", "property"]
NewsStatus = Literal["draft", "scheduled", "published", "expired"]
_VISIBLE = r"\S"
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=_VISIBLE)]
Body = Annotated[str, msgspec.Meta(min_length=1, max_length=10_000, pattern=_VISIBLE)]
# Times from editors must say their offset (stored and compared in UTC).
Moment = Annotated[datetime, msgspec.Meta(tz=True)]


class NewsItemOut(Wire):
    """A news item as a resident reads it, in one language; ``fellBack`` names the fields
    shown in Finnish instead."""

    id: UUID
    title: str
    body: str
    urgent: bool
    pinned: bool
    published_at: datetime
    expires_at: datetime | None
    read: bool
    language: Literal["fi", "sv", "en"]
    fell_back: list[str]


class LocalizedTitleIn(Wire, forbid_unknown_fields=True):
    fi: Title
    sv: Title | None = None
    en: Title | None = None


class LocalizedBodyIn(Wire, forbid_unknown_fields=True):
    fi: Body
    sv: Body | None = None
    en: Body | None = None


class NewsIn(Wire, forbid_unknown_fields=True):
    """A new draft. ``regionId`` goes with audience ``region``, ``propertyId`` with
    ``property``; ``everyone`` takes neither."""

    title: LocalizedTitleIn
    body: LocalizedBodyIn
    audience: Audience
    region_id: UUID | None = None
    property_id: UUID | None = None
    pinned: bool = False
    urgent: bool = False
    expires_at: Moment | None = None


class NewsPatchIn(Wire, forbid_unknown_fields=True):
    """Changes to a news item; a language version is replaced as a whole title/body."""

    title: LocalizedTitleIn | UnsetType = UNSET
    body: LocalizedBodyIn | UnsetType = UNSET
    audience: Audience | UnsetType = UNSET
    region_id: UUID | UnsetType | None = UNSET
    property_id: UUID | UnsetType | None = UNSET
    pinned: bool | UnsetType = UNSET
    urgent: bool | UnsetType = UNSET
    expires_at: Moment | UnsetType | None = UNSET


class PublishIn(Wire, forbid_unknown_fields=True):
    """Publish now (``at`` absent or null), or at a later moment."""

    at: Moment | None = None


class LocalizedOut(Wire):
    fi: str | None = None
    sv: str | None = None
    en: str | None = None


class StaffNewsOut(Wire):
    id: UUID
    status: NewsStatus
    title: LocalizedOut
    body: LocalizedOut
    audience: Audience
    region_id: UUID | None
    property_id: UUID | None
    pinned: bool
    urgent: bool
    publish_at: datetime | None
    expires_at: datetime | None
    created_by: UUID
    created_at: datetime
    updated_at: datetime
    # Languages without a title or body ("sv", "en"): shown in Finnish to those readers.
    missing_languages: list[str]
    read_count: int
