"""The resident's profile beyond contact details: the bank account for refunds and the
choice of notifications.

Notification preferences are stored as only what the resident changed, merged over the
defaults here, so a new kind of notification gets its default without a data migration.
Urgent notices (outages, emergencies in the building) cannot be turned off.

An optional quiet period is stored in the same JSON under ``"quietHours"`` as
``{"start": "HH:MM", "end": "HH:MM"}`` (local time in ``settings.timezone``; it may cross
midnight, "22:00"–"07:00"), or absent/null for none. The push delivery reads it there: during
the period only urgent notices are sent.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

import msgspec
from stdnum import iban as iban_number
from stdnum.exceptions import ValidationError

from backend.accounts import services
from backend.accounts.schemas import NotificationPreferencesIn
from backend.accounts.tables import ResidentAccount
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import InvalidInputError, NotFoundError

DEFAULT_PREFERENCES: dict[str, bool] = {
    "ticket_updates": True,
    "message_replies": True,
    "news": True,
}
ALWAYS_ON = ("urgent",)
QUIET_HOURS_KEY = "quietHours"
TIME_OF_DAY = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")  # "HH:MM", 00:00–23:59


@dataclass(frozen=True, slots=True)
class QuietHours:
    start: str  # "HH:MM", local time
    end: str


@dataclass(frozen=True, slots=True)
class Profile:
    email: str | None
    phone: str | None
    language: str
    refund_iban: str | None  # compact
    notification_preferences: dict[str, bool]  # every kind, ``urgent`` included
    quiet_hours: QuietHours | None


def effective_preferences(stored: Any) -> dict[str, bool]:
    """The defaults, overridden by the resident's own choices; urgent always on."""
    chosen = stored if isinstance(stored, dict) else {}
    merged = {key: bool(chosen.get(key, default)) for key, default in DEFAULT_PREFERENCES.items()}
    return {**merged, **dict.fromkeys(ALWAYS_ON, True)}


def quiet_hours_of(stored: Any) -> QuietHours | None:
    """The stored quiet period, if there is a well-formed one."""
    value = stored.get(QUIET_HOURS_KEY) if isinstance(stored, dict) else None
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, str) and isinstance(end, str)):
        return None
    if not (TIME_OF_DAY.match(start) and TIME_OF_DAY.match(end)) or start == end:
        return None
    return QuietHours(start=start, end=end)


def _checked_quiet_hours(quiet_hours: QuietHours | None) -> None:
    if quiet_hours is None:
        return
    for field, value in (("start", quiet_hours.start), ("end", quiet_hours.end)):
        if not TIME_OF_DAY.match(value):
            raise InvalidInputError(
                "notifications.api.quiet-hours-invalid",
                errors=[
                    {"field": f"notificationPreferences.quietHours.{field}", "message": "HH:MM"}
                ],
            )
    if quiet_hours.start == quiet_hours.end:
        raise InvalidInputError(
            "notifications.api.quiet-hours-invalid",
            errors=[
                {"field": "notificationPreferences.quietHours.end", "message": "same-as-start"}
            ],
        )


async def notification_preferences(account_id: uuid.UUID) -> dict[str, bool]:
    """What a resident wants to be notified of (for the notification outbox)."""
    return (await profile_of(account_id)).notification_preferences


def compact_iban(value: str) -> str:
    """A valid IBAN in its compact form, or 422 naming the field."""
    try:
        return str(iban_number.validate(value))
    except ValidationError:
        raise InvalidInputError(
            "profile.invalid-iban", errors=[{"field": "refundIban", "message": "invalid-iban"}]
        ) from None


async def profile_of(account_id: uuid.UUID) -> Profile:
    row = (
        await ResidentAccount.select(
            ResidentAccount.email,
            ResidentAccount.phone,
            ResidentAccount.language,
            ResidentAccount.refund_iban,
            ResidentAccount.notification_preferences,
        )
        .where(ResidentAccount.id == account_id)
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise NotFoundError()
    return Profile(
        email=row["email"],
        phone=row["phone"],
        language=row["language"],
        refund_iban=row["refund_iban"],
        notification_preferences=effective_preferences(row["notification_preferences"]),
        quiet_hours=quiet_hours_of(row["notification_preferences"]),
    )


async def update_profile(
    account_id: uuid.UUID,
    *,
    email: str | None = None,
    phone: str | None = None,
    language: str | None = None,
    set_refund_iban: bool = False,
    refund_iban: str | None = None,
    preferences: dict[str, bool] | None = None,
    set_quiet_hours: bool = False,
    quiet_hours: QuietHours | None = None,
) -> None:
    """Everything is checked before anything is written; contact details go through the
    accounts service (which guards the password sign-in address)."""
    iban = compact_iban(refund_iban) if set_refund_iban and refund_iban else None
    if preferences and any(preferences.get(key) is False for key in ALWAYS_ON):
        raise InvalidInputError(
            "profile.urgent-always-on",
            errors=[{"field": "notificationPreferences.urgent", "message": "always-on"}],
        )
    if set_quiet_hours:
        _checked_quiet_hours(quiet_hours)
    await services.update_profile(account_id, email=email, phone=phone, language=language)
    values: dict[Any, Any] = {}
    if set_refund_iban:
        values[ResidentAccount.refund_iban] = iban
    chosen: dict[str, Any] = {
        k: v for k, v in (preferences or {}).items() if k in DEFAULT_PREFERENCES
    }
    if set_quiet_hours:
        chosen[QUIET_HOURS_KEY] = (
            {"start": quiet_hours.start, "end": quiet_hours.end} if quiet_hours else None
        )
    if not values and not chosen:
        return
    async with DB.transaction():
        if chosen:
            row = (
                await ResidentAccount.select(ResidentAccount.notification_preferences)
                .where(ResidentAccount.id == account_id)
                .output(load_json=True)
                .first()
            )
            stored = row["notification_preferences"] if row else {}
            current = stored if isinstance(stored, dict) else {}
            values[ResidentAccount.notification_preferences] = {**current, **chosen}
        await ResidentAccount.update(values).where(ResidentAccount.id == account_id)
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action="profile.updated",
            entity_type="resident_account",
            entity_id=account_id,
            details={"fields": sorted(column._meta.name for column in values)},
        )


def preference_changes(
    chosen: NotificationPreferencesIn | msgspec.UnsetType,
) -> dict[str, Any]:
    """What a preferences body changes, as ``profile.update_profile`` keywords (REST and the
    sync ``updateProfile`` mutation alike)."""
    if isinstance(chosen, msgspec.UnsetType):
        return {}
    changes: dict[str, Any] = {"preferences": chosen.chosen_kinds()}
    if not isinstance(chosen.quiet_hours, msgspec.UnsetType):
        quiet = chosen.quiet_hours
        changes["set_quiet_hours"] = True
        changes["quiet_hours"] = QuietHours(quiet.start, quiet.end) if quiet else None
    return changes
