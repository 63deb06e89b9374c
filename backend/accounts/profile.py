"""The resident's profile beyond contact details: the bank account for refunds and the
choice of notifications.

Notification preferences are stored as only what the resident changed, merged over the
defaults here, so a new kind of notification gets its default without a data migration.
Urgent notices (outages, emergencies in the building) cannot be turned off.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from stdnum import iban as iban_number
from stdnum.exceptions import ValidationError

from backend.accounts import services
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


@dataclass(frozen=True, slots=True)
class Profile:
    email: str | None
    phone: str | None
    language: str
    refund_iban: str | None  # compact
    notification_preferences: dict[str, bool]  # every kind, ``urgent`` included


def effective_preferences(stored: Any) -> dict[str, bool]:
    """The defaults, overridden by the resident's own choices; urgent always on."""
    chosen = stored if isinstance(stored, dict) else {}
    merged = {key: bool(chosen.get(key, default)) for key, default in DEFAULT_PREFERENCES.items()}
    return {**merged, **dict.fromkeys(ALWAYS_ON, True)}


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
) -> None:
    """Everything is checked before anything is written; contact details go through the
    accounts service (which guards the password sign-in address)."""
    iban = compact_iban(refund_iban) if set_refund_iban and refund_iban else None
    if preferences and any(preferences.get(key) is False for key in ALWAYS_ON):
        raise InvalidInputError(
            "profile.urgent-always-on",
            errors=[{"field": "notificationPreferences.urgent", "message": "always-on"}],
        )
    await services.update_profile(account_id, email=email, phone=phone, language=language)
    values: dict[Any, Any] = {}
    if set_refund_iban:
        values[ResidentAccount.refund_iban] = iban
    chosen = {k: v for k, v in (preferences or {}).items() if k in DEFAULT_PREFERENCES}
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
