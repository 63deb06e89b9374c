"""Push subscriptions, and the notification outbox (DESIGN §6).

Outbox: the services that change a ticket, post a staff reply or publish news call the
functions at the bottom *inside their own transaction*, so a notification row exists exactly
when the change was committed. Nothing is sent from a request: workers (``delivery``,
``worker``) claim the rows later. Preferences and quiet hours are not applied here but at
delivery, so that a resident's later choice counts.

Subscriptions and access: a subscription belongs to an account, not to a session — signing
out (everywhere, too) keeps it, because the phone still belongs to its owner. When the
account can no longer sign in (the last lease ended, the person left the register), the
delivery drops the notification and deletes the account's subscriptions; nothing has to
happen at the moment the lease ends.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from backend.accounts.access import ResidentPrincipal
from backend.core import clock
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import ConflictError, InvalidInputError
from backend.notifications import access
from backend.notifications.schemas import SubscriptionIn
from backend.notifications.tables import Notification, PushSubscription
from backend.notifications.vapid import b64url_decode, b64url_encode, is_p256_public_key
from backend.settings import Settings

MAX_SUBSCRIPTIONS = 10  # per account: phones, tablets, browsers
AUTH_SECRET_BYTES = 16
INSERT_BATCH = 500  # rows per INSERT: an "everyone" news item may reach 10 000 accounts


class SubscriptionLimitError(ConflictError):
    code = "push-subscription-limit"

    def __init__(self) -> None:
        super().__init__(limit=MAX_SUBSCRIPTIONS)


class InvalidSubscriptionError(InvalidInputError):
    code = "push-subscription-invalid"


# ---- subscriptions ------------------------------------------------------------------------

_BROWSERS = (  # the first match wins: Edge and Opera also say "Chrome", Chrome says "Safari"
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("FxiOS/", "Firefox"),
    ("Firefox/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (  # Android says "Linux", iPhones say "like Mac OS X"
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "Mac"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str | None) -> str:
    """ "Chrome on Android", "Safari on iPhone", … from the User-Agent; "Browser" otherwise."""
    agent = user_agent or ""
    browser = next((name for token, name in _BROWSERS if token in agent), None)
    system = next((name for token, name in _SYSTEMS if token in agent), None)
    if browser and system:
        return f"{browser} on {system}"
    return browser or "Browser"


def _invalid(field: str, message: str) -> InvalidSubscriptionError:
    return InvalidSubscriptionError(errors=[{"field": field, "message": message}])


_HOST = re.compile(r"^[A-Za-z0-9.\-\[\]:]+$")


def checked_endpoint(endpoint: str, settings: Settings) -> str:
    """An absolute https URL; plain http only outside production (the local test service)."""
    try:
        parts = urlsplit(endpoint)
        _ = parts.port  # raises for a malformed port
    except ValueError:
        raise _invalid("endpoint", "not-a-url") from None
    schemes = ("https",) if settings.environment == "production" else ("https", "http")
    if parts.scheme not in schemes:
        raise _invalid("endpoint", "not-https")
    if not parts.hostname or parts.username or parts.password or not _HOST.match(parts.netloc):
        raise _invalid("endpoint", "not-a-url")
    return endpoint


def _checked_keys(data: SubscriptionIn) -> tuple[str, str]:
    """The browser's keys, re-encoded as unpadded base64url."""
    try:
        p256dh = b64url_decode(data.keys.p256dh)
    except ValueError:
        raise _invalid("keys.p256dh", "not-base64url") from None
    if not is_p256_public_key(p256dh):
        raise _invalid("keys.p256dh", "not-a-p256-public-key")
    try:
        auth = b64url_decode(data.keys.auth)
    except ValueError:
        raise _invalid("keys.auth", "not-base64url") from None
    if len(auth) != AUTH_SECRET_BYTES:
        raise _invalid("keys.auth", "not-16-bytes")
    return b64url_encode(p256dh), b64url_encode(auth)


async def subscribe(
    resident: ResidentPrincipal, data: SubscriptionIn, user_agent: str | None, settings: Settings
) -> tuple[dict[str, Any], bool]:
    """Stores the browser's subscription; True when new. The same endpoint again (a
    browser that renewed its keys, or a phone that changed hands) updates the row and
    moves it to this account."""
    endpoint = checked_endpoint(data.endpoint, settings)
    p256dh, auth = _checked_keys(data)
    label = device_label(user_agent)
    account_id = resident.account_id
    async with DB.transaction():
        existing = (
            await PushSubscription.select(PushSubscription.id, PushSubscription.account)
            .where(PushSubscription.endpoint == endpoint)
            .first()
        )
        if existing is None or existing["account"] != account_id:
            count = await PushSubscription.count().where(PushSubscription.account == account_id)
            if count >= MAX_SUBSCRIPTIONS:
                raise SubscriptionLimitError()
        if existing is not None:
            await PushSubscription.update(
                {
                    PushSubscription.account: account_id,
                    PushSubscription.p256dh: p256dh,
                    PushSubscription.auth: auth,
                    PushSubscription.device_label: label,
                }
            ).where(PushSubscription.id == existing["id"])
            subscription_id = existing["id"]
        else:
            subscription_id = uuid.uuid4()
            await PushSubscription.insert(
                PushSubscription(
                    id=subscription_id,
                    account=account_id,
                    endpoint=endpoint,
                    p256dh=p256dh,
                    auth=auth,
                    device_label=label,
                    created_at=clock.now(),
                )
            )
            await record_event(
                actor_type="resident",
                actor_id=account_id,
                action="push_subscription.created",
                entity_type="push_subscription",
                entity_id=subscription_id,
                details={"device": label},
            )
    row = await subscription_row(subscription_id)
    return row, existing is None


async def subscription_row(subscription_id: UUID) -> dict[str, Any]:
    row = (
        await PushSubscription.select(
            PushSubscription.id,
            PushSubscription.device_label,
            PushSubscription.created_at,
            PushSubscription.endpoint,
        )
        .where(PushSubscription.id == subscription_id)
        .first()
    )
    assert row is not None
    return row


async def subscriptions_of(resident: ResidentPrincipal) -> list[dict[str, Any]]:
    """The resident's own subscriptions, oldest first."""
    return list(
        await PushSubscription.select(
            PushSubscription.id,
            PushSubscription.device_label,
            PushSubscription.created_at,
            PushSubscription.endpoint,
        )
        .where(PushSubscription.account == resident.account_id)
        .order_by(PushSubscription.created_at)
        .order_by(PushSubscription.id)
    )


async def unsubscribe(resident: ResidentPrincipal, subscription_id: UUID) -> None:
    await access.subscription_for_resident(resident, subscription_id)
    async with DB.transaction():
        await PushSubscription.delete().where(
            (PushSubscription.id == subscription_id)
            & (PushSubscription.account == resident.account_id)
        )
        await record_event(
            actor_type="resident",
            actor_id=resident.account_id,
            action="push_subscription.deleted",
            entity_type="push_subscription",
            entity_id=subscription_id,
        )


# ---- the outbox ---------------------------------------------------------------------------


def topic_of(prefix: str, entity_id: UUID) -> str:
    """The Topic header (≤ 32 base64url characters): a later notification about the same
    thing replaces an undelivered earlier one at the push service, and the tag on the device."""
    return f"{prefix}-{entity_id.hex[:24]}"


async def enqueue(
    account_ids: Iterable[UUID],
    *,
    kind: str,
    params: dict[str, Any],
    topic: str,
    due_at: datetime | None = None,
) -> int:
    """One pending notification per account (duplicates collapsed), due now or at
    ``due_at``; the number written. Call it inside the caller's transaction."""
    now = clock.now()
    encoded = json.dumps(params)
    rows = [
        (uuid.uuid4(), account_id, kind, topic, encoded, "pending", due_at or now, 0, now)
        for account_id in dict.fromkeys(account_ids)
    ]
    for start in range(0, len(rows), INSERT_BATCH):
        await _insert(rows[start : start + INSERT_BATCH])
    return len(rows)


_OUTBOX_COLUMNS = (
    Notification.id,
    Notification.account,
    Notification.kind,
    Notification.topic,
    Notification.params,
    Notification.status,
    Notification.due_at,
    Notification.attempts,
    Notification.created_at,
)


async def _insert(rows: list[tuple[Any, ...]]) -> None:
    """One multi-row INSERT in plain SQL: building a Piccolo object and query string per row
    costs ~0.1 ms each, which an "everyone" news item would spend holding the write lock."""
    names = ", ".join(f'"{column._meta.db_column_name}"' for column in _OUTBOX_COLUMNS)
    one = "(" + ", ".join(["{}"] * len(_OUTBOX_COLUMNS)) + ")"
    # Identifiers from the table definition; every value is a bound parameter.
    sql = f'INSERT INTO "{Notification._meta.tablename}" ({names}) VALUES '  # noqa: S608
    await Notification.raw(sql + ", ".join([one] * len(rows)), *(v for row in rows for v in row))


async def ticket_updated(ticket: dict[str, Any], status: str) -> int:
    """A staff transition or public comment: the household hears of it."""
    ticket_id: UUID = ticket["id"]
    recipients = await access.ticket_recipients(ticket["lease"], clock.today())
    return await enqueue(
        recipients,
        kind="ticket_update",
        params={"ticketId": str(ticket_id), "number": ticket["number"], "status": status},
        topic=topic_of("ticket", ticket_id),
    )


async def message_replied(
    thread_id: UUID, lease_id: UUID, started_by: str, *, shared_with_main_tenants: bool
) -> int:
    """A staff reply: whoever sees the thread hears of it."""
    recipients = await access.thread_recipients(
        lease_id, started_by, shared_with_main_tenants=shared_with_main_tenants, on=clock.today()
    )
    return await enqueue(
        recipients,
        kind="message_reply",
        params={"threadId": str(thread_id)},
        topic=topic_of("thread", thread_id),
    )


async def news_published(news: dict[str, Any]) -> int:
    """News published now or scheduled (``publish_at``): its audience on the day it is
    published hears of it then; urgent news as ``urgent``. An earlier schedule's rows are
    replaced (a rescheduled item is announced once)."""
    news_id: UUID = news["id"]
    publish_at: datetime = news["publish_at"]
    await news_withdrawn(news_id)
    recipients = await access.news_recipients(
        news["audience"], news["region"], news["property"], max(publish_at, clock.now()).date()
    )
    return await enqueue(
        recipients,
        kind="urgent" if news["urgent"] else "news",
        params={"newsId": str(news_id)},
        topic=topic_of("news", news_id),
        due_at=publish_at if publish_at > clock.now() else None,
    )


async def news_withdrawn(news_id: UUID) -> int:
    """A news item deleted, expired or rescheduled: what was not delivered yet goes."""
    deleted = (
        await Notification.delete()
        .where(
            (Notification.topic == topic_of("news", news_id)) & (Notification.status == "pending")
        )
        .returning(Notification.id)
    )
    return len(deleted)
