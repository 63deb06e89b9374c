"""The push seam: the accounts a news item reaches are exactly the residents who may read it."""

from __future__ import annotations

from uuid import UUID

from backend.accounts.tables import ResidentAccount
from backend.core import clock
from backend.news.audience import news_audience
from tests.news.conftest import Town


async def _emails(news_id: str) -> set[str | None]:
    ids = await news_audience(UUID(news_id), clock.today())
    rows = await ResidentAccount.select(ResidentAccount.email).where(
        ResidentAccount.id.is_in(ids or [UUID(int=0)])
    )
    return {row["email"] for row in rows}


async def test_audience_matches_who_can_read(town: Town) -> None:
    everyone = await town.publish()
    region = await town.publish(audience="region", regionId=str(town.ids["R1"]))
    prop = await town.publish(audience="property", propertyId=str(town.ids["P3"]))
    p1, p2, p3 = "asukas931@example.fi", "asukas932@example.fi", "asukas933@example.fi"
    assert await _emails(everyone) == {p1, p2, p3}
    assert await _emails(region) == {p1, p2}
    assert await _emails(prop) == {p3}
