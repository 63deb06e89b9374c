"""Who a news item reaches: the seam for push notifications.

The push issue writes a notification row for each of these accounts, in the publishing
transaction, when an urgent item is published (``services.publish_news``). The rule is the
same as the resident's read gate (``access.visible_in_home``): residents of a *started* home
whose property or region the audience names, or everyone.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from backend.accounts.tables import ResidentAccount
from backend.news.tables import News
from backend.occupancy.access import Home, LeaseAccess, person_in_register
from backend.occupancy.tables import Occupant


def in_audience(news: dict[str, Any], home: Home) -> bool:
    if home.access == LeaseAccess.BEFORE_START:
        return False
    if news["audience"] == "region":
        return bool(home.region_id == news["region"])
    if news["audience"] == "property":
        return bool(home.property_id == news["property"])
    return True


async def news_audience(news_id: UUID, on: date) -> list[UUID]:
    """The resident accounts that see the news item on ``on`` (registered residents only)."""
    news = await News.select().where(News.id == news_id).first()
    if news is None:
        return []
    lease: Any = Occupant.lease
    query = Occupant.select(Occupant.identity_code_hmac).where(
        Occupant.identity_code_hmac.is_not_null()
    )
    if news["audience"] == "region":
        query = query.where(lease.unit.property.region == news["region"])
    elif news["audience"] == "property":
        query = query.where(lease.unit.property == news["property"])
    hmacs = {row["identity_code_hmac"] for row in await query}
    if not hmacs:
        return []
    accounts = await ResidentAccount.select(
        ResidentAccount.id, ResidentAccount.identity_code_hmac
    ).where(ResidentAccount.identity_code_hmac.is_in(sorted(hmacs)))
    audience: list[UUID] = []
    for account in accounts:
        person = await person_in_register(account["identity_code_hmac"], on)
        if person and any(in_audience(news, home) for home in person.homes):
            audience.append(account["id"])
    return sorted(audience)
