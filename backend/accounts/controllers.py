"""Session, sign-in and sign-out, and the signed-in resident's own account."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, patch, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts import ceremonies, passkeys, passwords, services
from backend.accounts.access import (
    OptionalPrincipalDep,
    PrincipalDep,
    ResidentDep,
    ResidentPrincipal,
    end_session,
    resolve_principal,
    start_session,
)
from backend.accounts.guards import limit_account, limit_ip
from backend.accounts.schemas import (
    PasskeyLoginIn,
    PasskeyOptionsIn,
    PasskeyOut,
    PasskeyRegistrationIn,
    PasskeyRenameIn,
    PasswordIn,
    PasswordLoginIn,
    ProfileIn,
    SessionOut,
)
from backend.accounts.views import session_out
from backend.core import clock
from backend.core.errors import DomainError
from backend.core.problems import request_language
from backend.core.rate_limit import RateLimiter
from backend.core.versions import PRINCIPAL_ROUTES
from backend.occupancy.access import person_in_register
from backend.settings import Settings


class LoginWithoutLeaseError(DomainError):
    status = 403
    code = "login-no-lease"


async def _sign_in(
    request: Request[Any, Any, Any],
    settings: Settings,
    *,
    kind: str,
    subject_id: UUID,
    credential_id: UUID | None,
    method: str,
) -> SessionOut:
    if kind == "resident":
        from backend.accounts.tables import ResidentAccount

        account = await ResidentAccount.objects().get(ResidentAccount.id == subject_id)
        person = (
            await person_in_register(account.identity_code_hmac, clock.today()) if account else None
        )
        if person is None or not person.homes:
            await services.record_failed_login(
                method=method, reason="no-active-lease", subject_id=subject_id
            )
            raise LoginWithoutLeaseError()
    await services.record_login(kind=kind, subject_id=subject_id, method=method)
    start_session(
        request, kind=kind, subject_id=subject_id, credential_id=credential_id, method=method
    )
    principal = await resolve_principal(request, settings)
    return session_out(principal, settings, request_language(request))


class SessionController(Controller):
    path = "/api/session"
    tags = ("identity",)

    @get("/")
    async def current(
        self,
        request: Request[Any, Any, Any],
        settings: NamedDependency[Settings],
        optional_principal: OptionalPrincipalDep,
    ) -> SessionOut:
        """Who is signed in (if anyone). Also hands out the CSRF cookie."""
        return session_out(optional_principal, settings, request_language(request))


class AuthController(Controller):
    path = "/api/auth"
    tags = ("identity",)
    opt = PRINCIPAL_ROUTES  # the sign-in, profile and passkeys of who asks

    @post("/passkey/options", status_code=200)
    async def passkey_options(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasskeyOptionsIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> Response[bytes]:
        """Options for a username-less passkey sign-in (also for conditional UI)."""
        await limit_ip(request, limiter, settings, "login-options")
        return ceremonies.request_options_response(request, settings)

    @post("/passkey", status_code=200)
    async def passkey(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasskeyLoginIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> SessionOut:
        await limit_ip(request, limiter, settings, "login")
        try:
            owner = await ceremonies.checked_login(request, settings, data.credential)
        except DomainError as error:
            await services.record_failed_login(method="passkey", reason=error.code, subject_id=None)
            raise
        await limit_account(limiter, settings, "login-account", str(owner.subject_id))
        return await _sign_in(
            request,
            settings,
            kind=owner.kind,
            subject_id=owner.subject_id,
            credential_id=owner.credential_id,
            method="passkey",
        )

    @post("/password", status_code=200)
    async def password(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasswordLoginIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> SessionOut:
        await limit_ip(request, limiter, settings, "password")
        await limit_account(limiter, settings, "password-account", data.email.strip().lower())
        account_id = await passwords.verify_password(data.email, data.password)
        return await _sign_in(
            request,
            settings,
            kind="resident",
            subject_id=account_id,
            credential_id=None,
            method="password",
        )

    @post("/logout", status_code=204)
    async def logout(self, request: Request[Any, Any, Any]) -> None:
        end_session(request)

    @post("/logout-everywhere", status_code=204)
    async def logout_everywhere(
        self, request: Request[Any, Any, Any], principal: PrincipalDep
    ) -> None:
        """End every session of this person, on every device."""
        if isinstance(principal, ResidentPrincipal):
            await services.sign_out_everywhere(kind="resident", subject_id=principal.account_id)
        else:
            await services.sign_out_everywhere(kind="staff", subject_id=principal.staff_id)
        end_session(request)


def _passkey_out(row: dict[str, Any], current: UUID | None) -> PasskeyOut:
    return PasskeyOut(
        id=row["id"],
        name=row["name"],
        created_at=row["created_at"],
        last_used_at=row["last_used_at"],
        current=row["id"] == current,
    )


class MeController(Controller):
    path = "/api/me"
    tags = ("identity",)
    opt = PRINCIPAL_ROUTES  # the sign-in, profile and passkeys of who asks

    @patch("/")
    async def update(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[ProfileIn],
        settings: NamedDependency[Settings],
        resident: ResidentDep,
    ) -> SessionOut:
        """Contact details and language."""
        await services.update_profile(
            resident.account_id, email=data.email, phone=data.phone, language=data.language
        )
        principal = await resolve_principal(request, settings)
        return session_out(principal, settings, request_language(request))

    @get("/passkeys")
    async def list_passkeys(self, resident: ResidentDep) -> list[PasskeyOut]:
        rows = await passkeys.resident_passkeys(resident.account_id)
        return [_passkey_out(row, resident.credential_id) for row in rows]

    @post("/passkeys/options", status_code=200)
    async def add_options(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasskeyOptionsIn],
        settings: NamedDependency[Settings],
        resident: ResidentDep,
    ) -> Response[bytes]:
        return ceremonies.creation_options_response(
            request,
            settings,
            purpose="add",
            user_handle=resident.user_handle,
            user_name=resident.email or f"{resident.first_name} {resident.last_name}",
            display_name=f"{resident.first_name} {resident.last_name}",
            exclude=await passkeys.credential_ids_of(account_id=resident.account_id),
        )

    @post("/passkeys", status_code=201)
    async def add(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasskeyRegistrationIn],
        settings: NamedDependency[Settings],
        resident: ResidentDep,
    ) -> PasskeyOut:
        row = ceremonies.checked_new_passkey(
            request, settings, purpose="add", credential=data.credential, name=data.name
        )
        await passkeys.add_resident_passkey(resident.account_id, row)
        return _passkey_out({**row, "last_used_at": None}, resident.credential_id)

    @patch("/passkeys/{passkey_id:uuid}")
    async def rename(
        self,
        passkey_id: FromPath[UUID],
        data: JSONBody[PasskeyRenameIn],
        resident: ResidentDep,
    ) -> PasskeyOut:
        row = await passkeys.rename_resident_passkey(resident.account_id, passkey_id, data.name)
        return _passkey_out(row, resident.credential_id)

    @delete("/passkeys/{passkey_id:uuid}", status_code=204)
    async def revoke(
        self,
        request: Request[Any, Any, Any],
        passkey_id: FromPath[UUID],
        resident: ResidentDep,
    ) -> None:
        """Revoke a passkey; sessions opened with it end (this one too, if it was)."""
        await passkeys.revoke_resident_passkey(resident.account_id, passkey_id)
        if passkey_id == resident.credential_id:
            end_session(request)

    @put("/password", status_code=204)
    async def enable_password(self, data: JSONBody[PasswordIn], resident: ResidentDep) -> None:
        """Turn password sign-in on, or change the password."""
        await passwords.enable_password(resident.account_id, data.password)

    @delete("/password", status_code=204)
    async def disable_password(self, resident: ResidentDep) -> None:
        await passwords.disable_password(resident.account_id)


CONTROLLERS: list[type[Controller]] = [SessionController, AuthController, MeController]
