"""``/api/me/profile``: the signed-in resident's own details, the bank account for refunds
and notification preferences. (Contact details can also still be changed through
``PATCH /api/me``; both go through the same service.)"""

from __future__ import annotations

from typing import Annotated, TypeVar

import msgspec
from litestar import Controller, get, patch
from litestar.params import JSONBody
from stdnum import iban as iban_number

from backend.accounts import profile
from backend.accounts.access import ResidentDep, ResidentPrincipal
from backend.accounts.schemas import (
    Email,
    Language,
    NotificationPreferencesIn,
    Phone,
    QuietHoursWire,
    Wire,
)
from backend.core.i18n import as_language
from backend.core.versions import PRINCIPAL_ROUTES

T = TypeVar("T")
IbanText = Annotated[str, msgspec.Meta(min_length=1, max_length=50)]


class NotificationPreferencesOut(Wire):
    ticket_updates: bool
    message_replies: bool
    news: bool
    urgent: bool  # always true: urgent notices cannot be turned off
    quiet_hours: QuietHoursWire | None  # only urgent notices during it


class ProfileOut(Wire):
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    language: Language
    refund_iban: str | None  # printed form, e.g. "FI21 1234 5600 0007 85"
    notification_preferences: NotificationPreferencesOut


class ProfileUpdateIn(Wire, forbid_unknown_fields=True):
    """Only the fields sent change; ``refundIban: null`` removes the account."""

    email: Email | msgspec.UnsetType = msgspec.UNSET
    phone: Phone | msgspec.UnsetType = msgspec.UNSET
    language: Language | msgspec.UnsetType = msgspec.UNSET
    refund_iban: IbanText | msgspec.UnsetType | None = msgspec.UNSET
    notification_preferences: NotificationPreferencesIn | msgspec.UnsetType = msgspec.UNSET


def _value(value: T | msgspec.UnsetType) -> T | None:
    return None if isinstance(value, msgspec.UnsetType) else value


async def _profile_out(resident: ResidentPrincipal) -> ProfileOut:
    current = await profile.profile_of(resident.account_id)
    prefs = current.notification_preferences
    return ProfileOut(
        first_name=resident.first_name,
        last_name=resident.last_name,
        email=current.email,
        phone=current.phone,
        language=as_language(current.language) or "fi",
        refund_iban=iban_number.format(current.refund_iban) if current.refund_iban else None,
        notification_preferences=NotificationPreferencesOut(
            ticket_updates=prefs["ticket_updates"],
            message_replies=prefs["message_replies"],
            news=prefs["news"],
            urgent=prefs["urgent"],
            quiet_hours=(
                QuietHoursWire(start=current.quiet_hours.start, end=current.quiet_hours.end)
                if current.quiet_hours
                else None
            ),
        ),
    )


class ProfileController(Controller):
    path = "/api/me/profile"
    tags = ("identity",)
    opt = PRINCIPAL_ROUTES  # the sign-in, profile and passkeys of who asks

    @get("/")
    async def show(self, resident: ResidentDep) -> ProfileOut:
        return await _profile_out(resident)

    @patch("/")
    async def update(self, data: JSONBody[ProfileUpdateIn], resident: ResidentDep) -> ProfileOut:
        await profile.update_profile(
            resident.account_id,
            email=_value(data.email),
            phone=_value(data.phone),
            language=_value(data.language),
            set_refund_iban=not isinstance(data.refund_iban, msgspec.UnsetType),
            refund_iban=_value(data.refund_iban),
            **profile.preference_changes(data.notification_preferences),
        )
        return await _profile_out(resident)


CONTROLLERS: list[type[Controller]] = [ProfileController]
