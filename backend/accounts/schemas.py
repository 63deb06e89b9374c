"""Wire types of the identity API (camelCase JSON)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

import msgspec

Language = Literal["fi", "sv", "en"]
Email = Annotated[
    str, msgspec.Meta(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
]
Phone = Annotated[str, msgspec.Meta(min_length=6, max_length=24, pattern=r"^\+?[0-9 ()-]{6,23}$")]
PasskeyName = Annotated[str, msgspec.Meta(min_length=1, max_length=60)]
Password = Annotated[str, msgspec.Meta(min_length=12, max_length=128)]


class Wire(msgspec.Struct, rename="camel", kw_only=True):
    pass


class HomeOut(Wire):
    lease_id: UUID
    access: Literal["before_start", "resident", "main_tenant"]
    property_name: str
    address: str
    unit: str
    starts_on: date
    ends_on: date | None


class ResidentPrincipalOut(Wire, tag_field="kind", tag="resident"):
    id: UUID
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    language: Language
    password_enabled: bool
    homes: list[HomeOut]


class StaffPrincipalOut(Wire, tag_field="kind", tag="staff"):
    id: UUID
    name: str
    email: str
    roles: list[str]
    language: Language


class SessionOut(Wire):
    authenticated: bool
    principal: ResidentPrincipalOut | StaffPrincipalOut | None
    password_login_available: bool
    strong_auth: Literal["demo", "oidc"]


class ProblemOut(Wire):
    type: str
    title: str
    status: int
    detail: str


class PersonOut(Wire):
    first_name: str
    last_name: str


class ContactIn(Wire, forbid_unknown_fields=True):
    email: Email
    phone: Phone
    language: Language


class ContactOut(Wire):
    email: str | None
    phone: str | None
    language: Language


RegistrationStep = Literal["none", "failed", "refused", "contact", "passkey", "done"]
Outcome = Literal["eligible", "before_start", "not_in_register", "under_18", "lease_ended"]


class RegistrationStateOut(Wire):
    step: RegistrationStep
    outcome: Outcome | None = None
    problem: ProblemOut | None = None
    person: PersonOut | None = None
    homes: list[HomeOut] = msgspec.field(default_factory=list)
    recovery: bool = False
    contact: ContactOut | None = None


class StrongAuthStartIn(Wire, forbid_unknown_fields=True):
    purpose: Literal["register", "recover"]


class StrongAuthStartOut(Wire):
    authorization_url: str


class OfficeCodeIn(Wire, forbid_unknown_fields=True):
    code: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class PasskeyOptionsIn(Wire):
    pass


class PasskeyRegistrationIn(Wire, forbid_unknown_fields=True):
    credential: dict[str, Any]
    name: PasskeyName | None = None


class PasskeyLoginIn(Wire, forbid_unknown_fields=True):
    credential: dict[str, Any]


class PasswordLoginIn(Wire, forbid_unknown_fields=True):
    email: Annotated[str, msgspec.Meta(min_length=1, max_length=254)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=128)]


TimeOfDay = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]  # HH:MM


class QuietHoursWire(Wire, forbid_unknown_fields=True):
    """Local time ("HH:MM", the portal's time zone); may cross midnight."""

    start: TimeOfDay
    end: TimeOfDay


class NotificationPreferencesIn(Wire, forbid_unknown_fields=True):
    """Only the fields sent change."""

    ticket_updates: bool | msgspec.UnsetType = msgspec.UNSET
    message_replies: bool | msgspec.UnsetType = msgspec.UNSET
    news: bool | msgspec.UnsetType = msgspec.UNSET
    urgent: bool | msgspec.UnsetType = msgspec.UNSET  # false is refused
    quiet_hours: QuietHoursWire | msgspec.UnsetType | None = msgspec.UNSET  # null: none

    def chosen_kinds(self) -> dict[str, bool]:
        return {
            key: value
            for key, value in msgspec.structs.asdict(self).items()
            if isinstance(value, bool)
        }


class ProfileIn(Wire, forbid_unknown_fields=True):
    email: Email | None = None
    phone: Phone | None = None
    language: Language | None = None


class PasskeyOut(Wire):
    id: UUID
    name: str
    created_at: datetime
    last_used_at: datetime | None
    current: bool


class PasskeyRenameIn(Wire, forbid_unknown_fields=True):
    name: PasskeyName


class PasswordIn(Wire, forbid_unknown_fields=True):
    password: Password
