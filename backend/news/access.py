"""Who may read which news.

Residents: the published, unexpired news whose audience matches one of their homes — only
homes whose lease has started (DESIGN §1: before the start, only the start date and property
info). Staff: editors and admins. An editor sees and edits the news of their regions and of
those regions' properties; company-wide news ("everyone") is readable by every editor but
written only by staff who work in all regions (or admins). Outside the scope a news item
looks exactly like a missing one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.access import (
    ResidentPrincipal,
    StaffPrincipal,
    home_for,
    require_region,
    require_staff_role,
)
from backend.core.errors import AccessDeniedError, InvalidInputError, NotFoundError
from backend.news.tables import News
from backend.occupancy.access import Home, LeaseAccess
from backend.property.tables import Property, Region

EDITOR_ROLES = ("editor",)  # admins pass every role check


def news_home_for_resident(resident: ResidentPrincipal, lease_id: UUID) -> Home:
    """The home whose news the resident reads: 404 for another's lease, 403 before start."""
    return home_for(resident, lease_id)


def visible_in_home(home: Home, now: datetime) -> Any:
    """The where-clause of the news a resident of ``home`` sees at ``now``."""
    return (
        News.publish_at.is_not_null()
        & (News.publish_at <= now)
        & (News.expires_at.is_null() | (News.expires_at > now))
        & (
            (News.audience == "everyone")
            | ((News.audience == "region") & (News.region == home.region_id))
            | ((News.audience == "property") & (News.property == home.property_id))
        )
    )


async def news_for_resident(resident: ResidentPrincipal, news_id: UUID, now: datetime) -> Home:
    """The first started home of the resident in which the news item shows; 404 otherwise."""
    for home in resident.homes:
        if home.access == LeaseAccess.BEFORE_START:
            continue
        if await News.exists().where((News.id == news_id) & visible_in_home(home, now)):
            return home
    raise NotFoundError()


def may_target_everyone(staff: StaffPrincipal) -> bool:
    return staff.all_regions or "admin" in staff.roles


def staff_news_filter(staff: StaffPrincipal) -> Any:
    """The where-clause of the news a staff user may see (None: all of them)."""
    require_staff_role(staff, *EDITOR_ROLES)
    if staff.all_regions:
        return None
    regions = list(staff.region_ids) or [UUID(int=0)]
    news: Any = News
    return (
        (News.audience == "everyone")
        | ((News.audience == "region") & News.region.is_in(regions))
        | ((News.audience == "property") & news.property.region.is_in(regions))
    )


async def news_for_staff(
    staff: StaffPrincipal, news_id: UUID, *, write: bool = False
) -> dict[str, Any]:
    """A news item the staff user may read (``write``: also change)."""
    require_staff_role(staff, *EDITOR_ROLES)
    news: Any = News
    row = await (
        News.select(*News.all_columns(), news.property.region.as_alias("property_region"))
        .where(News.id == news_id)
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise NotFoundError()
    if row["audience"] == "region":
        require_region(staff, row["region"])
    elif row["audience"] == "property":
        require_region(staff, row["property_region"])
    elif write and not may_target_everyone(staff):
        raise AccessDeniedError("news.everyone-needs-all-regions")
    return row


async def require_audience(
    staff: StaffPrincipal, audience: str, region_id: UUID | None, property_id: UUID | None
) -> None:
    """The staff user may publish to this audience; an unknown or foreign target is refused
    the same way (no enumeration of other regions' properties)."""
    if audience == "everyone":
        if region_id is not None or property_id is not None:
            raise InvalidInputError("news.invalid.audience")
        if not may_target_everyone(staff):
            raise AccessDeniedError("news.everyone-needs-all-regions")
        return
    if audience == "region":
        if region_id is None or property_id is not None:
            raise InvalidInputError("news.invalid.audience")
        target_region: UUID | None = region_id
        if not await Region.exists().where(Region.id == region_id):
            target_region = None
    else:
        if property_id is None or region_id is not None:
            raise InvalidInputError("news.invalid.audience")
        row = await Property.select(Property.region).where(Property.id == property_id).first()
        target_region = row["region"] if row else None
    if target_region is None or not staff.may_work_in(target_region):
        raise InvalidInputError("news.invalid.unknown-target")
