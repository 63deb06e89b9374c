"""Registration: strong identification (OIDC) or an office code, contact details, passkey."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromQuery, JSONBody, QueryParameter
from litestar.response import Redirect

from backend.accounts import ceremonies, passkeys, services
from backend.accounts.access import start_session
from backend.accounts.guards import limit_ip
from backend.accounts.schemas import (
    ContactIn,
    OfficeCodeIn,
    PasskeyOptionsIn,
    PasskeyRegistrationIn,
    RegistrationStateOut,
    SessionOut,
    StrongAuthStartIn,
    StrongAuthStartOut,
)
from backend.accounts.views import registration_out, session_out
from backend.core import clock
from backend.core.errors import DomainError
from backend.core.problems import request_language
from backend.core.rate_limit import RateLimiter
from backend.core.versions import PRINCIPAL_ROUTES
from backend.occupancy.access import person_in_register
from backend.oidc.client import OidcClient, PendingAuthorization
from backend.settings import Settings

OIDC_KEY = "oidc"
CONTINUE_PATH = "/register/continue"


async def _state_out(request: Request[Any, Any, Any], settings: Settings) -> RegistrationStateOut:

    state = services.current_state(request.session)
    person = None
    if state and state.get("hmac"):
        person = await person_in_register(state["hmac"], clock.today())
    return registration_out(request.session, person, settings, request_language(request))


class RegistrationController(Controller):
    path = "/api/registration"
    tags = ("identity",)
    opt = PRINCIPAL_ROUTES  # the sign-in, profile and passkeys of who asks

    @post("/strong-auth", status_code=200)
    async def start_strong_auth(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[StrongAuthStartIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
        oidc_client: NamedDependency[OidcClient],
    ) -> StrongAuthStartOut:
        """Where to send the browser for bank / mobile-ID identification."""
        await limit_ip(request, limiter, settings, "strong-auth")
        url, pending = await oidc_client.authorization_url(
            purpose=data.purpose, ui_locale=request_language(request)
        )
        session = {k: v for k, v in request.session.items() if k != services.REGISTRATION_KEY}
        request.set_session({**session, OIDC_KEY: msgspec.to_builtins(pending)})
        return StrongAuthStartOut(authorization_url=url)

    @post("/office-code", status_code=200)
    async def office_code(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[OfficeCodeIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> RegistrationStateOut:
        """Identify with a single-use code from a customer-service office."""
        await limit_ip(request, limiter, settings, "office-code")
        state = await services.identify_by_office_code(data.code, settings)
        request.set_session({**request.session, services.REGISTRATION_KEY: state})
        return await _state_out(request, settings)

    @get("/")
    async def state(
        self, request: Request[Any, Any, Any], settings: NamedDependency[Settings]
    ) -> RegistrationStateOut:
        """Where the registration stands (after the identification callback, say)."""
        return await _state_out(request, settings)

    @post("/contact", status_code=200)
    async def contact(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[ContactIn],
        settings: NamedDependency[Settings],
    ) -> RegistrationStateOut:
        state = services.usable_state(request.session, settings)
        services.save_contact(state, email=data.email, phone=data.phone, language=data.language)
        request.set_session({**request.session, services.REGISTRATION_KEY: state})
        return await _state_out(request, settings)

    @post("/passkey/options", status_code=200)
    async def passkey_options(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasskeyOptionsIn],
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        state = services.usable_state(request.session, settings)
        if services.needs_contact(state):
            raise services.RegistrationError("registration.not-started")

        person = await person_in_register(state["hmac"], clock.today())
        name = f"{person.first_name} {person.last_name}" if person else "Asukas"
        contact = state.get("contact") or {}
        exclude: list[str] = []
        if state.get("accountId"):
            from uuid import UUID

            exclude = await passkeys.credential_ids_of(account_id=UUID(state["accountId"]))
        return ceremonies.creation_options_response(
            request,
            settings,
            purpose="register",
            user_handle=state["userHandle"],
            user_name=contact.get("email") or name,
            display_name=name,
            exclude=exclude,
        )

    @post("/passkey", status_code=201)
    async def create_passkey(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[PasskeyRegistrationIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> SessionOut:
        """Store the first passkey, create the account, and sign in."""
        await limit_ip(request, limiter, settings, "passkey-register")
        state = services.usable_state(request.session, settings)
        row = ceremonies.checked_new_passkey(
            request, settings, purpose="register", credential=data.credential, name=data.name
        )
        await passkeys.ensure_new(row)
        account_id = await services.complete_registration(state, credential_row=row)
        await services.record_login(kind="resident", subject_id=account_id, method="passkey")
        start_session(
            request,
            kind="resident",
            subject_id=account_id,
            credential_id=row["id"],
            method="passkey",
        )
        request.session[services.REGISTRATION_KEY] = {
            "done": True,
            "identifiedAt": state["identifiedAt"],
        }
        from backend.accounts.access import resolve_principal

        principal = await resolve_principal(request, settings)
        return session_out(principal, settings, request_language(request))


class OidcCallbackController(Controller):
    path = "/auth/oidc"
    include_in_schema = False

    @get("/callback")
    async def callback(
        self,
        request: Request[Any, Any, Any],
        settings: NamedDependency[Settings],
        oidc_client: NamedDependency[OidcClient],
        code: FromQuery[str | None] = None,
        # "state" is Litestar's reserved name for the app state: read the parameter by alias.
        oidc_state: Annotated[str | None, QueryParameter(name="state")] = None,
        error: FromQuery[str | None] = None,
    ) -> Redirect:
        """The identity provider sends the browser back here; the app continues from it."""
        session = dict(request.session)
        raw_pending = session.pop(OIDC_KEY, None)
        try:
            pending = (
                msgspec.convert(raw_pending, PendingAuthorization)
                if isinstance(raw_pending, dict)
                else None
            )
            identity = await oidc_client.complete(
                code=code, state=oidc_state, error=error, pending=pending
            )
            registration = await services.identify_by_code(
                identity.identity_code, settings, via="oidc"
            )
        except DomainError as failure:
            registration = services.failed_state(failure)
        except msgspec.ValidationError:
            registration = services.failed_state(services.RegistrationError("registration.expired"))
        session[services.REGISTRATION_KEY] = registration
        request.set_session(session)
        return Redirect(CONTINUE_PATH, status_code=303)


CONTROLLERS: list[type[Controller]] = [RegistrationController, OidcCallbackController]
