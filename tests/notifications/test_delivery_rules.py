"""Who gets what, and when: preferences, quiet hours, urgent notices, the end of a lease."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from backend.core import clock
from backend.notifications.delivery import quiet_period_end
from backend.settings import Settings
from tests.factories import TODAY
from tests.notifications.conftest import (
    make_news,
    make_resident,
    notification,
    notify,
    subscribe,
    subscription_exists,
)
from tests.support.push_service import PushService

HELSINKI = ZoneInfo("Europe/Helsinki")


def _quiet_around_now(settings: Settings) -> tuple[dict[str, str], datetime]:
    """A quiet period from an hour ago to an hour ahead (local time), and its end in UTC."""
    local = clock.now().astimezone(ZoneInfo(settings.timezone))
    start, end = local - timedelta(hours=1), local + timedelta(hours=1)
    quiet = {"start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
    return quiet, end.replace(second=0, microsecond=0).astimezone(UTC)


def test_quiet_period_may_cross_midnight() -> None:
    quiet = {"start": "22:00", "end": "07:00"}

    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 11, day, hour, minute, tzinfo=HELSINKI)

    assert quiet_period_end(quiet, at(10, 23, 30), HELSINKI) == at(11, 7)
    assert quiet_period_end(quiet, at(11, 6, 59), HELSINKI) == at(11, 7)
    assert quiet_period_end(quiet, at(11, 7), HELSINKI) is None
    assert quiet_period_end(quiet, at(11, 12), HELSINKI) is None
    assert quiet_period_end({"start": "12:00", "end": "13:00"}, at(11, 12, 30), HELSINKI) == at(
        11, 13
    )
    assert quiet_period_end(None, at(11, 23), HELSINKI) is None


async def test_quiet_period_moves_a_notification_to_its_end(
    push_service: PushService, work: Any, settings: Settings
) -> None:
    quiet, ends = _quiet_around_now(settings)
    resident = await make_resident(preferences={"quietHours": quiet})
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    assert await work() == 1

    moved = await notification(row_id)
    assert (moved["status"], moved["attempts"], moved["claimed_by"]) == ("pending", 0, None)
    assert moved["due_at"] == ends
    assert push_service.deliveries == []

    with clock.travel((ends - clock.now()).total_seconds() + 1):
        assert await work() == 1
    assert len(push_service.deliveries_to(browser)) == 1
    assert (await notification(row_id))["status"] == "sent"


async def test_urgent_notice_bypasses_the_quiet_period(
    push_service: PushService, work: Any, settings: Settings
) -> None:
    quiet, _ = _quiet_around_now(settings)
    resident = await make_resident("sv", preferences={"quietHours": quiet})
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    news_id = await make_news({"fi": "Vesikatko", "sv": "Vattenavbrott"}, urgent=True)
    row_id = await notify(resident, "urgent", {"newsId": str(news_id)})

    await work()

    [delivery] = push_service.deliveries_to(browser)
    assert (delivery.payload["title"], delivery.payload["body"]) == (
        "Viktigt meddelande",
        "Vattenavbrott",
    )
    assert delivery.headers["Urgency"] == "high"
    assert (await notification(row_id))["status"] == "sent"


async def test_a_kind_switched_off_is_dropped_but_urgent_still_comes(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident(preferences={"news": False, "urgent": False})
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    news_id = await make_news({"fi": "Tiedote"})
    dropped = await notify(resident, "news", {"newsId": str(news_id)})
    urgent = await notify(resident, "urgent", {"newsId": str(news_id)})

    assert await work() == 2

    assert [d.payload["kind"] for d in push_service.deliveries_to(browser)] == ["urgent"]
    row = await notification(dropped)
    assert (row["status"], row["last_error"]) == ("dropped", "switched off")
    assert (await notification(urgent))["status"] == "sent"


async def test_no_subscription_is_dropped(push_service: PushService, work: Any) -> None:
    resident = await make_resident()
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    await work()

    row = await notification(row_id)
    assert (row["status"], row["last_error"]) == ("dropped", "no subscription")


async def test_after_the_lease_ends_nothing_is_sent_and_subscriptions_go(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident(lease_ends_on=TODAY - timedelta(days=1))
    browser = push_service.subscribe()
    subscription = await subscribe(resident, browser)
    news_id = await make_news({"fi": "Tiedote"}, urgent=True)
    row_id = await notify(resident, "urgent", {"newsId": str(news_id)})

    await work()

    assert push_service.deliveries == []
    assert not await subscription_exists(subscription)
    row = await notification(row_id)
    assert (row["status"], row["last_error"]) == ("dropped", "no home")
