"""News: what a resident's home shows, read state, and the editors' drafting and publishing.

A news item is a *draft* until ``publish_at`` is set, *scheduled* while ``publish_at`` is in
the future, *published* from then on, and *expired* once ``expires_at`` has passed.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import msgspec

from backend.accounts.access import ResidentPrincipal, StaffPrincipal
from backend.core import clock
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import ConflictError, InvalidInputError
from backend.core.i18n import LANGUAGES, Language, localized_text
from backend.news.access import news_for_resident, require_audience, visible_in_home
from backend.news.schemas import (
    LocalizedOut,
    NewsIn,
    NewsItemOut,
    NewsPatchIn,
    NewsStatus,
    StaffNewsOut,
)
from backend.news.tables import News, NewsRead
from backend.notifications import services as notifications
from backend.occupancy.access import Home

_READ_NAMESPACE = uuid.UUID("0b8f4c1e-5d7a-4e36-9c2b-7a1e3f9d2c44")
STAFF_LIST_LIMIT = 200


class NewsStateError(ConflictError):
    """The news item is not in a state that allows this (e.g. deleting a published one)."""

    code = "news-state"


def status_of(row: dict[str, Any], now: datetime) -> NewsStatus:
    if row["publish_at"] is None:
        return "draft"
    if row["expires_at"] is not None and row["expires_at"] <= now:
        return "expired"
    if row["publish_at"] > now:
        return "scheduled"
    return "published"


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


def _text(value: Any) -> dict[str, str]:
    return {k: v.strip() for k, v in msgspec.structs.asdict(value).items() if v is not None}


def news_item_out(row: dict[str, Any], language: Language, *, read: bool) -> NewsItemOut:
    title, title_fell_back = localized_text(row["title"], language)
    body, body_fell_back = localized_text(row["body"], language)
    return NewsItemOut(
        id=row["id"],
        title=title,
        body=body,
        urgent=row["urgent"],
        pinned=row["pinned"],
        published_at=row["publish_at"] or clock.now(),  # a preview of a draft: as if now
        expires_at=row["expires_at"],
        read=read,
        language=language,
        fell_back=[
            name for name, fell in (("title", title_fell_back), ("body", body_fell_back)) if fell
        ],
    )


async def news_for_home(
    resident: ResidentPrincipal, home: Home, language: Language
) -> list[NewsItemOut]:
    """The home's current news: urgent first, then pinned, then newest."""
    rows = await (
        News.select()
        .where(visible_in_home(home, clock.now()))
        .order_by(News.urgent, News.pinned, News.publish_at, ascending=False)
        .output(load_json=True)
    )
    read_ids = set()
    if rows:
        read_rows = await NewsRead.select(NewsRead.news).where(
            (NewsRead.resident_account == resident.account_id)
            & NewsRead.news.is_in([row["id"] for row in rows])
        )
        read_ids = {row["news"] for row in read_rows}
    return [news_item_out(row, language, read=row["id"] in read_ids) for row in rows]


async def mark_read(resident: ResidentPrincipal, news_id: UUID) -> None:
    """Marks a news item the resident may see read. Idempotent: the row's id is derived
    from the news item and the account."""
    await news_for_resident(resident, news_id, clock.now())
    read_id = uuid.uuid5(_READ_NAMESPACE, f"{news_id}:{resident.account_id}")
    async with DB.transaction():
        await NewsRead.insert(
            NewsRead(
                id=read_id,
                news=news_id,
                resident_account=resident.account_id,
                read_at=clock.now(),
            )
        ).on_conflict(action="DO NOTHING")


# ---- staff ----------------------------------------------------------------------------


def _check_expiry(expires_at: datetime | None, publish_at: datetime | None) -> None:
    floor = max(publish_at or clock.now(), clock.now())
    if expires_at is not None and expires_at <= floor:
        raise InvalidInputError(
            "news.invalid.expiry", errors=[{"field": "expiresAt", "message": "past"}]
        )


async def create_news(staff: StaffPrincipal, data: NewsIn) -> UUID:
    await require_audience(staff, data.audience, data.region_id, data.property_id)
    expires_at = _utc(data.expires_at)
    _check_expiry(expires_at, None)
    now = clock.now()
    news_id = uuid.uuid4()
    async with DB.transaction():
        await News.insert(
            News(
                id=news_id,
                title=_text(data.title),
                body=_text(data.body),
                audience=data.audience,
                region=data.region_id,
                property=data.property_id,
                publish_at=None,
                expires_at=expires_at,
                pinned=data.pinned,
                urgent=data.urgent,
                created_by=staff.staff_id,
                created_at=now,
                updated_at=now,
            )
        )
        await _event(staff, "news.created", news_id)
    return news_id


async def update_news(staff: StaffPrincipal, row: dict[str, Any], data: NewsPatchIn) -> None:
    if status_of(row, clock.now()) == "expired":
        raise NewsStateError("news.state.expired")
    audience = row["audience"] if data.audience is msgspec.UNSET else data.audience
    region_id = row["region"] if data.region_id is msgspec.UNSET else data.region_id
    property_id = row["property"] if data.property_id is msgspec.UNSET else data.property_id
    if audience != row["audience"]:  # the other target no longer applies
        region_id = region_id if audience == "region" else None
        property_id = property_id if audience == "property" else None
    await require_audience(staff, audience, region_id, property_id)
    changes: dict[Any, Any] = {
        News.audience: audience,
        News.region: region_id,
        News.property: property_id,
        News.updated_at: clock.now(),
    }
    if not isinstance(data.title, msgspec.UnsetType):
        changes[News.title] = _text(data.title)
    if not isinstance(data.body, msgspec.UnsetType):
        changes[News.body] = _text(data.body)
    if not isinstance(data.pinned, msgspec.UnsetType):
        changes[News.pinned] = data.pinned
    if not isinstance(data.urgent, msgspec.UnsetType):
        changes[News.urgent] = data.urgent
    if not isinstance(data.expires_at, msgspec.UnsetType):
        expires_at = _utc(data.expires_at)
        _check_expiry(expires_at, row["publish_at"])
        changes[News.expires_at] = expires_at
    async with DB.transaction():
        await News.update(changes).where(News.id == row["id"])
        await _event(staff, "news.updated", row["id"])
        if status_of(row, clock.now()) == "scheduled":  # announce what will be published
            await notifications.news_published(await news_row(row["id"]))


async def publish_news(staff: StaffPrincipal, row: dict[str, Any], at: datetime | None) -> None:
    """Publish now, or schedule (a scheduled item may be rescheduled or published now)."""
    now = clock.now()
    status = status_of(row, now)
    if status in ("published", "expired"):
        raise NewsStateError(f"news.state.{status}")
    publish_at = _utc(at) or now
    if publish_at < now:
        raise InvalidInputError(
            "news.invalid.publish-in-past", errors=[{"field": "at", "message": "past"}]
        )
    _check_expiry(row["expires_at"], publish_at)
    async with DB.transaction():
        await News.update({News.publish_at: publish_at, News.updated_at: now}).where(
            News.id == row["id"]
        )
        await _event(staff, "news.published", row["id"], {"at": publish_at.isoformat()})
        # The outbox, same transaction: due at publish_at (a schedule replaces an earlier one).
        await notifications.news_published({**row, "publish_at": publish_at})


async def expire_news(staff: StaffPrincipal, row: dict[str, Any]) -> None:
    now = clock.now()
    if status_of(row, now) != "published":
        raise NewsStateError("news.state.not-published")
    async with DB.transaction():
        await News.update({News.expires_at: now, News.updated_at: now}).where(News.id == row["id"])
        await _event(staff, "news.expired", row["id"])
        await notifications.news_withdrawn(row["id"])  # not delivered yet: no longer news


async def delete_news(staff: StaffPrincipal, row: dict[str, Any]) -> None:
    """Only what no resident has seen (drafts and scheduled items); published news expires."""
    if status_of(row, clock.now()) not in ("draft", "scheduled"):
        raise NewsStateError("news.state.not-draft")
    async with DB.transaction():
        await notifications.news_withdrawn(row["id"])  # a scheduled item told nobody yet
        await News.delete().where(News.id == row["id"])
        await _event(staff, "news.deleted", row["id"])


async def staff_news(
    where: Any,
    *,
    status: NewsStatus | None,
    audience: str | None,
    region_id: UUID | None,
    property_id: UUID | None,
    urgent: bool | None,
) -> list[dict[str, Any]]:
    query = News.select().order_by(News.created_at, ascending=False).output(load_json=True)
    conditions = [where] if where is not None else []
    if audience is not None:
        conditions.append(News.audience == audience)
    if region_id is not None:
        conditions.append(News.region == region_id)
    if property_id is not None:
        conditions.append(News.property == property_id)
    if urgent is not None:
        conditions.append(News.urgent == urgent)
    if conditions:
        query = query.where(*conditions)
    now = clock.now()
    rows = [row for row in await query if status is None or status_of(row, now) == status]
    return rows[:STAFF_LIST_LIMIT]


async def staff_news_out(rows: list[dict[str, Any]]) -> list[StaffNewsOut]:
    counts: dict[UUID, int] = {}
    if rows:
        read_rows = await NewsRead.select(NewsRead.news).where(
            NewsRead.news.is_in([row["id"] for row in rows])
        )
        for read in read_rows:
            counts[read["news"]] = counts.get(read["news"], 0) + 1
    now = clock.now()
    return [_staff_out(row, now, counts.get(row["id"], 0)) for row in rows]


def _staff_out(row: dict[str, Any], now: datetime, read_count: int) -> StaffNewsOut:
    title, body = row["title"] or {}, row["body"] or {}
    return StaffNewsOut(
        id=row["id"],
        status=status_of(row, now),
        title=LocalizedOut(**{k: v for k, v in title.items() if k in LANGUAGES}),
        body=LocalizedOut(**{k: v for k, v in body.items() if k in LANGUAGES}),
        audience=row["audience"],
        region_id=row["region"],
        property_id=row["property"],
        pinned=row["pinned"],
        urgent=row["urgent"],
        publish_at=row["publish_at"],
        expires_at=row["expires_at"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        missing_languages=[
            language for language in LANGUAGES if not (title.get(language) and body.get(language))
        ],
        read_count=read_count,
    )


async def news_row(news_id: UUID) -> dict[str, Any]:
    row = await News.select().where(News.id == news_id).output(load_json=True).first()
    assert row is not None
    return row


async def _event(
    staff: StaffPrincipal, action: str, news_id: UUID, details: dict[str, Any] | None = None
) -> None:
    await record_event(
        actor_type="staff",
        actor_id=staff.staff_id,
        action=action,
        entity_type="news",
        entity_id=news_id,
        details=details,
    )


async def next_visibility_change(now: datetime) -> datetime | None:
    """The next moment any news item is published or expires: until then, time alone does
    not change which news anyone sees (the no-op pull relies on it)."""
    publishing = (
        await News.select(News.publish_at)
        .where(News.publish_at > now)
        .order_by(News.publish_at)
        .first()
    )
    expiring = (
        await News.select(News.expires_at)
        .where(News.expires_at > now)
        .order_by(News.expires_at)
        .first()
    )
    moments = [
        row[key] for row, key in ((publishing, "publish_at"), (expiring, "expires_at")) if row
    ]
    return min(moments) if moments else None
