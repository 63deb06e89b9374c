"""Delivering a notification: who gets it, when, and what each push service said.

Decisions, in order: the account is gone or no longer has any home → dropped, and its
subscriptions deleted; the kind is switched off → dropped; a non-urgent one inside the
resident's quiet period → moved to the period's end; no subscription → dropped. Otherwise
it is rendered and sent to every subscription at once, and the answers decide:

- any 2xx → sent (other devices' failures are not retried: the app syncs on open, and a
  retry would show the notification twice on the devices that already have it);
- 404/410 → that subscription is deleted (the browser dropped it);
- 429, 5xx, network errors → tried again later, exponential backoff with jitter, never
  sooner than the push service's Retry-After; after ``MAX_ATTEMPTS`` → failed;
- any other 4xx → failed (our request is wrong; a retry would not help).

``decide`` and ``conclude`` are the rules; ``PushSender`` encrypts and sends; the worker
(``worker.deliver_batch``) applies them to a claimed batch.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as time_of_day
from email.utils import parsedate_to_datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pywebpush import WebPusher, WebPushException  # type: ignore[import-untyped]

from backend.accounts.profile import effective_preferences
from backend.core import clock
from backend.notifications.http import PushHttpClient, PushTransportError
from backend.notifications.vapid import vapid_signer
from backend.settings import Settings

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 30.0
BACKOFF_CAP_SECONDS = 3600.0
# A push service asking for more than a day is not worth waiting for: the TTLs are shorter.
RETRY_AFTER_CAP_SECONDS = 24 * 3600.0
REQUEST_TIMEOUT_SECONDS = 10.0
# A VAPID JWT is valid for any number of requests to its audience until it expires (RFC
# 8292 §2); signing it once per push service instead of once per message saves about a
# third of the encrypt-and-sign CPU per message. Push services accept up to 24 h; ours live
# 12 h and are renewed hourly.
VAPID_TOKEN_SECONDS = 12 * 3600
VAPID_RENEW_SECONDS = 3600
# The preference that switches a kind off; urgent ones cannot be switched off.
PREFERENCE_OF_KIND = {
    "ticket_update": "ticket_updates",
    "message_reply": "message_replies",
    "news": "news",
}


@dataclass(frozen=True, slots=True)
class KindPolicy:
    ttl_seconds: int  # how long the push service keeps it for a device that is offline
    urgency: Literal["very-low", "low", "normal", "high"]


# Urgent notices (a water cut tonight, a fire alarm test) wake the phone (high) but are stale
# after half a day; the news list still has them. Ticket updates and replies should survive a
# weekend with the phone off. Plain news waits for the device to be on power and Wi-Fi (low).
POLICIES: dict[str, KindPolicy] = {
    "urgent": KindPolicy(ttl_seconds=12 * 3600, urgency="high"),
    "ticket_update": KindPolicy(ttl_seconds=3 * 24 * 3600, urgency="normal"),
    "message_reply": KindPolicy(ttl_seconds=3 * 24 * 3600, urgency="normal"),
    "news": KindPolicy(ttl_seconds=24 * 3600, urgency="low"),
}


@dataclass(frozen=True, slots=True)
class SendResult:
    status: int | None  # None: no answer (network error, timeout) or not sent at all
    retry_after: float | None = None
    error: str = ""
    unsendable: bool = False  # the subscription's keys do not work: never worth a retry

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def gone(self) -> bool:
        return self.status in (404, 410)

    @property
    def retryable(self) -> bool:
        if self.status is None:
            return not self.unsendable
        return self.status == 429 or self.status >= 500


@dataclass(frozen=True, slots=True)
class Outcome:
    """What becomes of the row: sent/failed/dropped are final; pending runs again at due_at."""

    status: Literal["sent", "failed", "dropped", "pending"]
    due_at: datetime | None = None
    error: str | None = None
    attempted: bool = False  # counts towards MAX_ATTEMPTS


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        # The push service's date is wall-clock time, not the test-movable clock.
        seconds = when.timestamp() - time.time()
    return min(max(seconds, 0.0), RETRY_AFTER_CAP_SECONDS)


def backoff_seconds(attempt: int, retry_after: float | None = None) -> float:
    """Exponential, with "equal jitter" (half fixed, half random) so that a push service's
    hiccup does not bring every worker back at the same moment; never below Retry-After."""
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2.0 ** max(attempt - 1, 0))
    delay = ceiling / 2 + random.uniform(0, ceiling / 2)  # noqa: S311 (jitter, no secret)
    return max(delay, retry_after or 0.0)


def _parse_time(value: Any) -> time_of_day | None:
    try:
        hours, minutes = str(value).split(":")
        return time_of_day(int(hours), int(minutes))
    except ValueError:
        return None


def quiet_period_end(quiet: Any, now: datetime, zone: ZoneInfo) -> datetime | None:
    """The end (UTC) of the quiet period ``now`` falls in, or None outside one.

    ``quiet`` is ``{"start": "HH:MM", "end": "HH:MM"}`` in local time; it may cross midnight
    (22:00–07:00). Equal start and end is no period."""
    if not isinstance(quiet, dict):
        return None
    start, end = _parse_time(quiet.get("start")), _parse_time(quiet.get("end"))
    if start is None or end is None or start == end:
        return None
    local = now.astimezone(zone)
    at = local.time().replace(tzinfo=None)
    if start < end:
        if not start <= at < end:
            return None
        end_day = local.date()
    else:
        if end <= at < start:
            return None
        end_day = local.date() + timedelta(days=1) if at >= start else local.date()
    return datetime.combine(end_day, end, tzinfo=zone).astimezone(UTC)


class PushSender:
    """Encrypts with pywebpush and posts with our lean client (``notifications.http``), with a
    VAPID header signed once per push service origin (renewed hourly) rather than once per
    message."""

    def __init__(self, settings: Settings, client: PushHttpClient | None = None) -> None:
        self.settings = settings
        self.signer = vapid_signer(settings.vapid_private_key)
        self.client = client or PushHttpClient(timeout_seconds=REQUEST_TIMEOUT_SECONDS)
        self._vapid: dict[str, tuple[float, str]] = {}  # origin → (renew at, header)

    async def close(self) -> None:
        await self.client.close()

    def authorization(self, endpoint: str) -> str:
        """``vapid t=…,k=…`` for the endpoint's origin (the JWT's ``aud``)."""
        scheme, _, rest = endpoint.partition("://")  # cheaper than urlsplit, per message
        origin = f"{scheme}://{rest.split('/', 1)[0]}"
        # The push service checks exp against its wall clock, not the test-movable one.
        now = time.time()
        cached = self._vapid.get(origin)
        if cached is not None and now < cached[0]:
            return cached[1]
        # A fresh dict each time: py_vapid may write into the claims it is given.
        claims = {
            "sub": self.settings.vapid_subject,
            "aud": origin,
            "exp": int(now) + VAPID_TOKEN_SECONDS,
        }
        header = str(self.signer.sign(claims)["Authorization"])
        self._vapid[origin] = (now + VAPID_RENEW_SECONDS, header)
        return header

    async def send(
        self, subscription: dict[str, Any], data: bytes, *, policy: KindPolicy, topic: str
    ) -> SendResult:
        endpoint = str(subscription["endpoint"])
        info = {
            "endpoint": endpoint,
            "keys": {"p256dh": str(subscription["p256dh"]), "auth": str(subscription["auth"])},
        }
        try:
            # pywebpush encrypts (RFC 8291, aes128gcm: a new ephemeral key per message).
            body = WebPusher(info).encode(data, "aes128gcm")["body"]
            headers = {
                "Authorization": self.authorization(endpoint),
                "Content-Encoding": "aes128gcm",
                "Content-Type": "application/octet-stream",
                "TTL": str(policy.ttl_seconds),
                "Urgency": policy.urgency,
                "Topic": topic,
            }
            response = await self.client.post(endpoint, headers, body)
        except (WebPushException, ValueError, TypeError) as error:  # keys or URL that fail
            return SendResult(
                status=None, error=f"bad subscription: {error}"[:200], unsendable=True
            )
        except (PushTransportError, TimeoutError, OSError) as error:
            return SendResult(status=None, error=f"{type(error).__name__}: {error}"[:200])
        status = response.status
        if 200 <= status < 300:
            return SendResult(status=status)
        return SendResult(
            status=status,
            retry_after=retry_after_seconds(response.headers.get("retry-after")),
            error=f"HTTP {status}",
        )


@dataclass(slots=True)
class Recipient:
    """What a batch loaded about one account (``worker.load_recipients``)."""

    language: str | None
    preferences: dict[str, Any]
    has_home: bool
    subscriptions: list[dict[str, Any]]


def decide(
    row: dict[str, Any], recipient: Recipient | None, now: datetime, zone: ZoneInfo
) -> Outcome | None:
    """What becomes of a row without sending it; None: send it."""
    if recipient is None:
        return Outcome("dropped", error="no account")
    if not recipient.has_home:
        return Outcome("dropped", error="no home")
    kind = str(row["kind"])
    urgent = kind == "urgent"
    preference = PREFERENCE_OF_KIND.get(kind)
    stored = recipient.preferences
    if not urgent and preference and not effective_preferences(stored).get(preference, True):
        return Outcome("dropped", error="switched off")
    if not urgent:
        quiet_end = quiet_period_end(stored.get("quietHours"), now, zone)
        if quiet_end is not None:
            return Outcome("pending", due_at=quiet_end)
    if not recipient.subscriptions:
        return Outcome("dropped", error="no subscription")
    return None


def retry_later(row: dict[str, Any], error: BaseException) -> Outcome:
    """A bug or a database hiccup: the row is tried again later like a network error."""
    attempt = int(row["attempts"]) + 1
    message = f"{type(error).__name__}: {error}"[:500]
    if attempt >= MAX_ATTEMPTS:
        return Outcome("failed", error=message, attempted=True)
    due_at = clock.now() + timedelta(seconds=backoff_seconds(attempt))
    return Outcome("pending", due_at=due_at, error=message, attempted=True)


def conclude(row: dict[str, Any], results: list[SendResult], now: datetime) -> Outcome:
    """What the push services' answers to one notification make of it."""
    if any(r.ok for r in results):
        return Outcome("sent", attempted=True)
    retryable = [r for r in results if r.retryable]
    if retryable:
        attempt = int(row["attempts"]) + 1
        error = retryable[0].error
        if attempt >= MAX_ATTEMPTS:
            return Outcome("failed", error=error, attempted=True)
        wait = max((r.retry_after or 0.0) for r in retryable)
        delay = backoff_seconds(attempt, wait)
        return Outcome(
            "pending", due_at=now + timedelta(seconds=delay), error=error, attempted=True
        )
    if all(r.gone for r in results):
        return Outcome("dropped", error="subscription gone", attempted=True)
    failed = next(r for r in results if not r.gone)
    log.warning("push refused: %s", failed.error)
    return Outcome("failed", error=failed.error, attempted=True)
