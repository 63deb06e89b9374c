"""The demo news and documents load, again and again, and show what the demo promises."""

from __future__ import annotations

from backend.core import clock
from backend.core.i18n import localized_text
from backend.demo.content_places import KONTULA
from backend.demo.loader import demo_id, load_demo_data
from backend.news.tables import News
from backend.property.tables import PropertyDocument
from backend.settings import get_settings


async def test_demo_news_and_documents_load_idempotently(db: None) -> None:
    today = clock.today()
    key = get_settings().identity_code_key
    first = await load_demo_data(key, today)
    await load_demo_data(key, today)
    assert await News.count() == first["news"] >= 5
    assert await PropertyDocument.count() == first["property_document"] >= 10
    outage = await News.select().where(News.id == demo_id("news", "water-outage-kontula")).first()
    assert outage is not None
    assert outage["urgent"] is True
    assert outage["property"] == demo_id("property", KONTULA)
    audiences = {row["audience"] for row in await News.select(News.audience)}
    assert audiences == {"everyone", "region", "property"}
    yard = await (
        News.select(News.title)
        .where(News.id == demo_id("news", "yard-day-east"))
        .output(load_json=True)
        .first()
    )
    assert yard is not None
    assert localized_text(yard["title"], "en") == ("Pihatalkoot lauantaina", True)
