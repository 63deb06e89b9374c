"""Residents, subscriptions and outbox rows written directly, a local push service, and
a worker that runs one batch at a time."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from backend.accounts.tables import ResidentAccount
from backend.core import clock
from backend.news.tables import News
from backend.notifications.delivery import PushSender
from backend.notifications.tables import Notification, PushSubscription
from backend.notifications.worker import run_once
from backend.occupancy.tables import Lease
from backend.property.tables import Unit
from backend.settings import Settings
from backend.staff.tables import StaffUser
from backend.tickets.tables import Ticket
from tests.factories import TODAY, make_lease, make_occupant, make_unit
from tests.support.push_service import Browser, PushService, running_push_service


@dataclass
class Resident:
    account_id: uuid.UUID
    lease: Lease


async def make_resident(
    language: str = "fi",
    *,
    preferences: dict[str, Any] | None = None,
    lease_ends_on: date | None = None,
) -> Resident:
    person = secrets.token_hex(32)
    lease = await make_lease(await make_unit(), ends_on=lease_ends_on)
    await make_occupant(lease, identity_code_hmac=person)
    account = ResidentAccount(
        id=uuid.uuid4(),
        identity_code_hmac=person,
        user_handle=secrets.token_urlsafe(32),
        language=language,
        created_at=clock.now(),
        notification_preferences=preferences or {},
    )
    await account.save()
    return Resident(account_id=account.id, lease=lease)


async def subscribe(resident: Resident, browser: Browser) -> uuid.UUID:
    row = PushSubscription(
        id=uuid.uuid4(),
        account=resident.account_id,
        endpoint=browser.endpoint,
        p256dh=browser.p256dh,
        auth=browser.auth_b64,
        device_label="Chrome on Android",
        created_at=clock.now(),
    )
    await row.save()
    return row.id


async def make_ticket(resident: Resident, number: str = "VI-2026-000123") -> uuid.UUID:
    unit = await Unit.select(Unit.id, Unit.property).where(Unit.id == resident.lease.unit).first()
    assert unit is not None
    ticket = Ticket(
        id=uuid.uuid4(),
        number=number,
        lease=resident.lease.id,
        property=unit["property"],
        unit=unit["id"],
        category="bathroom",
        description="Hana vuotaa, vuokra 812,40 € maksettu.",
        contact_phone="+358 40 000 0000",
        status="in_progress",
        expected_by=TODAY + timedelta(days=7),
        reported_by=resident.account_id,
        reporter_name="Testi Asukas",
        created_at=clock.now(),
        updated_at=clock.now(),
    )
    await ticket.save()
    return ticket.id


async def make_news(title: dict[str, str], *, urgent: bool = False) -> uuid.UUID:
    staff = StaffUser(
        id=uuid.uuid4(),
        email=f"{uuid.uuid4().hex[:8]}@example.fi",
        name="Viestintä",
        roles=["editor"],
        all_regions=True,
        created_at=clock.now(),
    )
    await staff.save()
    news = News(
        id=uuid.uuid4(),
        title=title,
        body={"fi": "Sisältö."},
        audience="everyone",
        publish_at=clock.now(),
        urgent=urgent,
        created_by=staff.id,
        created_at=clock.now(),
        updated_at=clock.now(),
    )
    await news.save()
    return news.id


async def notify(
    resident: Resident,
    kind: str,
    params: dict[str, Any],
    *,
    topic: str | None = None,
    due_at: datetime | None = None,
) -> uuid.UUID:
    row = Notification(
        id=uuid.uuid4(),
        account=resident.account_id,
        kind=kind,
        topic=topic or uuid.uuid4().hex[:20],
        params=params,
        due_at=due_at or clock.now(),
        created_at=clock.now(),
    )
    await row.save()
    return row.id


async def notification(row_id: uuid.UUID) -> dict[str, Any]:
    row = await Notification.select().where(Notification.id == row_id).first()
    assert row is not None
    return dict(row)


async def subscription_exists(subscription_id: uuid.UUID) -> bool:
    return await PushSubscription.exists().where(PushSubscription.id == subscription_id)


@pytest.fixture
async def push_service(db: None) -> AsyncIterator[PushService]:
    async with running_push_service() as service:
        yield service


@pytest.fixture
async def sender(settings: Settings) -> AsyncIterator[PushSender]:
    push_sender = PushSender(settings)
    try:
        yield push_sender
    finally:
        await push_sender.close()


@pytest.fixture
def work(sender: PushSender) -> Any:
    """One batch of a worker: ``await work()`` → how many rows it claimed."""

    async def one_batch(worker_id: str = "test-worker") -> int:
        return await run_once(sender, worker_id)

    return one_batch
