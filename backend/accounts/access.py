"""Who is asking: the session's principal, re-checked on every request.

A session ends here, not only when it expires: after the idle or absolute limit, after
"sign out everywhere", when the passkey it was opened with is revoked, and — for residents —
when the person no longer has any lease they may see (DESIGN §1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from litestar import Request
from litestar.di import NamedDependency
from litestar.params import SkipValidation

from backend.accounts import principal_cache
from backend.accounts.tables import Credential, ResidentAccount
from backend.core import clock
from backend.core import versions as view_versions
from backend.core.errors import AccessDeniedError, NotAuthenticatedError, NotFoundError
from backend.occupancy.access import Home, LeaseAccess, person_in_register
from backend.settings import Settings
from backend.staff.tables import StaffRegion, StaffUser

AUTH_KEY = "auth"


@dataclass(frozen=True, slots=True)
class ResidentPrincipal:
    account_id: UUID
    identity_code_hmac: str
    user_handle: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    language: str
    password_enabled: bool
    homes: tuple[Home, ...]
    credential_id: UUID | None


@dataclass(frozen=True, slots=True)
class StaffPrincipal:
    staff_id: UUID
    name: str
    email: str
    language: str
    roles: frozenset[str]
    all_regions: bool
    region_ids: frozenset[UUID]
    credential_id: UUID | None

    def may_work_in(self, region_id: UUID) -> bool:
        return self.all_regions or region_id in self.region_ids


Principal = ResidentPrincipal | StaffPrincipal


def home_for(
    resident: ResidentPrincipal,
    lease_id: UUID,
    *,
    main_tenant: bool = False,
    before_start: bool = False,
) -> Home:
    """The resident's home by lease id: the gate of every resident route about a home.

    Someone else's lease looks exactly like one that does not exist (404). Before the lease
    starts only property info may be read (``before_start=True``); rent and the like need
    ``main_tenant=True``.
    """
    home = next((home for home in resident.homes if home.lease_id == lease_id), None)
    if home is None:
        raise NotFoundError()
    if home.access == LeaseAccess.BEFORE_START and not before_start:
        raise AccessDeniedError()
    if main_tenant and home.access != LeaseAccess.MAIN_TENANT:
        raise AccessDeniedError()
    return home


def require_staff_role(staff: StaffPrincipal, *roles: str) -> None:
    """Refuses staff without any of ``roles`` (admins may do everything)."""
    if "admin" in staff.roles or staff.roles & set(roles):
        return
    raise AccessDeniedError()


def require_region(staff: StaffPrincipal, region_id: UUID) -> None:
    """Outside the staff user's regions a thing looks exactly like one that does not exist."""
    if not staff.may_work_in(region_id):
        raise NotFoundError()


def start_session(
    request: Request[Any, Any, Any],
    *,
    kind: str,
    subject_id: UUID,
    credential_id: UUID | None,
    method: str,
) -> None:
    from backend.core.sessions import rotate_session_id

    now = clock.timestamp()
    request.set_session(
        {
            AUTH_KEY: {
                "kind": kind,
                "id": str(subject_id),
                "credential": str(credential_id) if credential_id else None,
                "method": method,
                "authAt": now,
                "seenAt": now,
            }
        }
    )
    rotate_session_id(request)


def end_session(request: Request[Any, Any, Any]) -> None:
    request.clear_session()


def _session_auth(request: Request[Any, Any, Any]) -> dict[str, Any] | None:
    session = request.session if "session" in request.scope else {}
    auth = session.get(AUTH_KEY) if isinstance(session, dict) else None
    return auth if isinstance(auth, dict) else None


def _within_time_limits(auth: dict[str, Any], settings: Settings) -> bool:
    now = clock.timestamp()
    is_staff = auth.get("kind") == "staff"
    idle = (settings.staff_session_idle_minutes if is_staff else settings.session_idle_minutes) * 60
    absolute = (
        settings.staff_session_absolute_hours if is_staff else settings.session_absolute_hours
    ) * 3600
    try:
        seen_at, auth_at = float(auth.get("seenAt", 0)), float(auth.get("authAt", 0))
    except (TypeError, ValueError):
        return False
    return now - seen_at <= idle and now - auth_at <= absolute


SEEN_AT_RESOLUTION_SECONDS = 60  # idle limits are minutes long; fewer session writes


def _touch(request: Request[Any, Any, Any], auth: dict[str, Any]) -> None:
    now = clock.timestamp()
    if now - float(auth.get("seenAt", 0)) < SEEN_AT_RESOLUTION_SECONDS:
        return
    request.set_session({**request.session, AUTH_KEY: {**auth, "seenAt": now}})


def resident_session(request: Request[Any, Any, Any], settings: Settings) -> dict[str, Any] | None:
    """The session's resident sign-in, within its time limits, marked as seen now — *not*
    re-checked against the database. Only for answers that were computed for exactly this
    account and credential and are known to be unchanged since (the no-op sync pull)."""
    auth = _session_auth(request)
    if auth is None or auth.get("kind") != "resident" or not _within_time_limits(auth, settings):
        return None
    _touch(request, auth)
    return auth


async def resolve_principal(
    request: Request[Any, Any, Any], settings: Settings
) -> Principal | None:
    auth = _session_auth(request)
    if auth is None:
        return None
    principal = await _load(auth, settings)
    if principal is None:
        end_session(request)
        return None
    _touch(request, auth)
    return principal


async def resident_now(
    account_id: UUID, credential_id: UUID | None
) -> tuple[ResidentPrincipal, datetime | None] | None:
    """The resident as a request of theirs signed in with this credential would find them
    now, and when they last signed out everywhere (a session started before then is over):
    for work done for them between requests (a sync pull prepared after a write)."""
    if credential_id is not None and not await Credential.exists().where(
        (Credential.id == credential_id) & Credential.revoked_at.is_null()
    ):
        return None
    return await _resident(account_id, credential_id, clock.now())


async def _load(auth: dict[str, Any], settings: Settings) -> Principal | None:
    if not _within_time_limits(auth, settings):
        return None
    is_staff = auth.get("kind") == "staff"
    auth_at = float(auth.get("authAt", 0))
    try:
        subject_id = UUID(str(auth.get("id")))
        credential_id = UUID(auth["credential"]) if auth.get("credential") else None
    except ValueError:
        return None
    started = datetime.fromtimestamp(auth_at, UTC)
    cache = principal_cache.current()
    seen: tuple[str, ...] | None = None
    if not is_staff and cache is not None:
        reused = await cache.reuse(subject_id, credential_id, started)
        if reused is not None:
            return reused
        seen = await view_versions.read(cache.keys(subject_id))  # before the database
    if credential_id is not None and not await Credential.exists().where(
        (Credential.id == credential_id) & Credential.revoked_at.is_null()
    ):
        return None
    if is_staff:
        return await _staff(subject_id, credential_id, started)
    resident = await _resident(subject_id, credential_id, started)
    if resident is not None and cache is not None and seen is not None:
        cache.remember(resident[0], resident[1], seen)
    return resident[0] if resident else None


async def _resident(
    account_id: UUID, credential_id: UUID | None, started: datetime
) -> tuple[ResidentPrincipal, datetime | None] | None:
    """The resident, and when they last signed out everywhere."""
    account = await ResidentAccount.objects().get(ResidentAccount.id == account_id)
    if account is None or signed_out_everywhere(account.sessions_valid_after, started):
        return None
    person = await person_in_register(account.identity_code_hmac, clock.today())
    if person is None or not person.homes:
        return None  # the last lease ended (or the person left the register)
    principal = ResidentPrincipal(
        account_id=account.id,
        identity_code_hmac=account.identity_code_hmac,
        user_handle=account.user_handle,
        first_name=person.first_name,
        last_name=person.last_name,
        email=account.email,
        phone=account.phone,
        language=account.language,
        password_enabled=account.password_enabled,
        homes=person.homes,
        credential_id=credential_id,
    )
    return principal, account.sessions_valid_after


async def _staff(
    staff_id: UUID, credential_id: UUID | None, started: datetime
) -> StaffPrincipal | None:
    staff = await StaffUser.objects().get(StaffUser.id == staff_id)
    if (
        staff is None
        or not staff.active
        or signed_out_everywhere(staff.sessions_valid_after, started)
    ):
        return None
    regions = await StaffRegion.select(StaffRegion.region).where(StaffRegion.staff_user == staff_id)
    return StaffPrincipal(
        staff_id=staff.id,
        name=staff.name,
        email=staff.email,
        language=staff.language,
        roles=frozenset(staff.roles),
        all_regions=staff.all_regions,
        region_ids=frozenset(row["region"] for row in regions),
        credential_id=credential_id,
    )


def signed_out_everywhere(valid_after: datetime | None, started: datetime) -> bool:
    return valid_after is not None and started <= valid_after


# Dependencies for controllers: the gate every authenticated route goes through. Their
# values come from our own providers, so Litestar does not validate them again.
OptionalPrincipalDep = NamedDependency[SkipValidation[Principal | None]]
PrincipalDep = NamedDependency[SkipValidation[Principal]]
ResidentDep = NamedDependency[SkipValidation[ResidentPrincipal]]
StaffDep = NamedDependency[SkipValidation[StaffPrincipal]]


async def provide_optional_principal(
    request: Request[Any, Any, Any], settings: NamedDependency[Settings]
) -> Principal | None:
    if "portal_principal" not in request.scope.setdefault("state", {}):
        request.scope["state"]["portal_principal"] = await resolve_principal(request, settings)
    principal: Principal | None = request.scope["state"]["portal_principal"]
    return principal


async def provide_principal(
    request: Request[Any, Any, Any], settings: NamedDependency[Settings]
) -> Principal:
    principal = await provide_optional_principal(request, settings)
    if principal is None:
        raise NotAuthenticatedError()
    return principal


async def provide_resident(
    request: Request[Any, Any, Any], settings: NamedDependency[Settings]
) -> ResidentPrincipal:
    principal = await provide_principal(request, settings)
    if not isinstance(principal, ResidentPrincipal):
        raise AccessDeniedError()
    return principal


async def provide_staff(
    request: Request[Any, Any, Any], settings: NamedDependency[Settings]
) -> StaffPrincipal:
    principal = await provide_principal(request, settings)
    if not isinstance(principal, StaffPrincipal):
        raise AccessDeniedError()
    return principal
