"""Delivery to a local push service that verifies the VAPID JWT and decrypts each body:
what arrives, in each language, and what each answer of the push service leads to."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from backend.core import clock
from backend.notifications.delivery import MAX_ATTEMPTS
from backend.notifications.render import MAX_PAYLOAD_BYTES
from backend.notifications.tables import PushSubscription
from backend.notifications.vapid import public_key_of
from backend.settings import Settings
from tests.notifications.conftest import (
    make_news,
    make_resident,
    make_ticket,
    notification,
    notify,
    subscribe,
    subscription_exists,
)
from tests.support.push_service import Answer, PushService, b64url

TICKET_TEXT = {
    "fi": ("Vikailmoitus VI-2026-000123", "Työn alla: Kylpyhuone ja WC"),
    "sv": ("Felanmälan VI-2026-000123", "Under arbete: Badrum och toalett"),
    "en": ("Defect notification VI-2026-000123", "In progress: Bathroom and toilet"),
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
async def test_ticket_update_arrives_decrypted_in_the_residents_language(
    push_service: PushService, work: Any, settings: Settings, language: str
) -> None:
    resident = await make_resident(language)
    browser = push_service.subscribe()
    subscription = await subscribe(resident, browser)
    ticket_id = await make_ticket(resident)
    row_id = await notify(
        resident,
        "ticket_update",
        {"ticketId": str(ticket_id), "status": "in_progress"},
        topic="ticket-abc",
    )

    assert await work() == 1

    [delivery] = push_service.deliveries_to(browser)
    title, body = TICKET_TEXT[language]
    assert delivery.payload["title"] == title
    assert delivery.payload["body"] == body
    assert delivery.payload["url"] == f"/tickets/{ticket_id}"
    assert delivery.payload["tag"] == "ticket-abc"
    assert delivery.headers == {
        "TTL": str(3 * 24 * 3600),
        "Urgency": "normal",
        "Topic": "ticket-abc",
    }
    assert push_service.rejections == []  # JWT signature and claims checked, body decrypted
    assert delivery.vapid_public_key == public_key_of(settings.vapid_private_key)
    assert delivery.claims["sub"] == settings.vapid_subject
    sent = await notification(row_id)
    assert (sent["status"], sent["attempts"], sent["claimed_by"]) == ("sent", 1, None)
    assert sent["sent_at"] is not None
    row = await PushSubscription.select().where(PushSubscription.id == subscription).first()
    assert row is not None
    assert row["last_success_at"] is not None


@pytest.mark.parametrize(
    ("language", "title", "body"),
    [
        ("fi", "Uusi tiedote", "Vesikatko torstaina"),
        ("sv", "Nytt meddelande", "Vattenavbrott på torsdag"),
        # No English text: the Finnish title, as everywhere else in the app.
        ("en", "News from your building", "Vesikatko torstaina"),
    ],
)
async def test_news_title_in_the_residents_language_with_fallback(
    push_service: PushService, work: Any, language: str, title: str, body: str
) -> None:
    resident = await make_resident(language)
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    news_id = await make_news({"fi": "Vesikatko torstaina", "sv": "Vattenavbrott på torsdag"})
    await notify(resident, "news", {"newsId": str(news_id)})

    await work()

    [delivery] = push_service.deliveries_to(browser)
    assert (delivery.payload["title"], delivery.payload["body"]) == (title, body)
    assert delivery.payload["url"] == f"/news/{news_id}"
    assert delivery.headers["Urgency"] == "low"


async def test_message_reply_says_only_that_there_is_a_reply(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident("en")
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    await notify(resident, "message_reply", {"threadId": "9f0c7c1e-4a55-4c8e-9a53-3f1f4d0e2b11"})

    await work()

    [delivery] = push_service.deliveries_to(browser)
    assert delivery.payload == {
        "title": "New reply",
        "body": "Customer service replied to your message.",
        "url": "/messages/9f0c7c1e-4a55-4c8e-9a53-3f1f4d0e2b11",
        "threadId": "9f0c7c1e-4a55-4c8e-9a53-3f1f4d0e2b11",
        "tag": delivery.payload["tag"],
        "kind": "message_reply",
    }


async def test_payload_is_small_and_carries_no_rent_or_ticket_description(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident()
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    ticket_id = await make_ticket(resident)  # its description mentions a rent amount
    long_title = {"fi": "Vesikatko " * 400}
    news_id = await make_news(long_title)
    await notify(resident, "ticket_update", {"ticketId": str(ticket_id), "status": "done"})
    await notify(resident, "news", {"newsId": str(news_id)})

    assert await work() == 2

    deliveries = push_service.deliveries_to(browser)
    assert len(deliveries) == 2
    for delivery in deliveries:
        text = json.dumps(delivery.payload, ensure_ascii=False)
        assert len(text.encode()) <= MAX_PAYLOAD_BYTES
        # Ids and tags are random hex: a "812" inside one is not the rent amount.
        text = re.sub(r"[0-9a-f-]{16,}", "", text)
        assert "812" not in text
        assert "€" not in text
        assert "Hana" not in text  # the ticket's description
        assert "Testi" not in text  # the reporter's name


async def test_gone_subscription_is_deleted(push_service: PushService, work: Any) -> None:
    resident = await make_resident()
    gone, alive = push_service.subscribe(), push_service.subscribe()
    gone_id = await subscribe(resident, gone)
    alive_id = await subscribe(resident, alive)
    push_service.script(gone, 410)
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    await work()

    assert not await subscription_exists(gone_id)
    assert await subscription_exists(alive_id)
    assert len(push_service.deliveries_to(alive)) == 1
    assert (await notification(row_id))["status"] == "sent"


async def test_429_is_retried_after_retry_after_then_delivered(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident()
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    push_service.script(browser, Answer(429, retry_after="600"))
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    await work()
    waiting = await notification(row_id)
    assert (waiting["status"], waiting["attempts"], waiting["last_error"]) == (
        "pending",
        1,
        "HTTP 429",
    )
    assert (waiting["due_at"] - clock.now()).total_seconds() >= 599

    with clock.travel(300):  # still inside Retry-After: nothing is tried
        assert await work() == 0
    assert push_service.deliveries_to(browser) == []

    with clock.travel(601):
        assert await work() == 1
    assert len(push_service.deliveries_to(browser)) == 1
    assert (await notification(row_id))["status"] == "sent"


async def test_500_is_retried_with_backoff_then_delivered(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident()
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    push_service.script(browser, 500, 503)
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    await work()
    first_wait = (await notification(row_id))["due_at"] - clock.now()
    with clock.travel(first_wait.total_seconds() + 1):
        assert await work() == 1
        second_wait = (await notification(row_id))["due_at"] - clock.now()
    # Exponential: the second wait is at least the first's ceiling (30 s, then 60 s).
    assert 15 <= first_wait.total_seconds() <= 30
    assert 30 <= second_wait.total_seconds() <= 60
    with clock.travel(first_wait.total_seconds() + second_wait.total_seconds() + 2):
        assert await work() == 1

    assert [d.status for d in push_service.deliveries_to(browser, accepted_only=False)] == [
        500,
        503,
        201,
    ]
    done = await notification(row_id)
    assert (done["status"], done["attempts"]) == ("sent", 3)


async def test_permanent_failure_is_marked_failed_after_the_limit(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident()
    browser = push_service.subscribe()
    await subscribe(resident, browser)
    push_service.script(browser, *([500] * MAX_ATTEMPTS))
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    ahead = 0.0
    for _ in range(MAX_ATTEMPTS):
        with clock.travel(ahead):
            assert await work() == 1
            row = await notification(row_id)
            ahead += (row["due_at"] - clock.now()).total_seconds() + 1

    failed = await notification(row_id)
    assert (failed["status"], failed["attempts"], failed["last_error"]) == (
        "failed",
        MAX_ATTEMPTS,
        "HTTP 500",
    )
    with clock.travel(ahead + 24 * 3600):
        assert await work() == 0
    assert len(push_service.deliveries_to(browser, accepted_only=False)) == MAX_ATTEMPTS


async def test_other_4xx_fails_at_once(push_service: PushService, work: Any) -> None:
    resident = await make_resident()
    browser = push_service.subscribe()
    subscription = await subscribe(resident, browser)
    push_service.script(browser, 400)
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    await work()

    failed = await notification(row_id)
    assert (failed["status"], failed["last_error"]) == ("failed", "HTTP 400")
    assert await subscription_exists(subscription)


async def test_a_subscription_whose_keys_do_not_work_fails_without_retries(
    push_service: PushService, work: Any
) -> None:
    resident = await make_resident()
    browser = push_service.subscribe()
    subscription = await subscribe(resident, browser)
    not_a_point = b64url(b"\x04" + b"\x00" * 64)
    await PushSubscription.update({PushSubscription.p256dh: not_a_point}).where(
        PushSubscription.id == subscription
    )
    news_id = await make_news({"fi": "Tiedote"})
    row_id = await notify(resident, "news", {"newsId": str(news_id)})

    await work()

    failed = await notification(row_id)
    assert (failed["status"], failed["attempts"]) == ("failed", 1)
    assert failed["last_error"].startswith("bad subscription")
    assert push_service.deliveries == []
