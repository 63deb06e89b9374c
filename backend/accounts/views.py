"""Turning principals and registration states into wire types, in the reader's language."""

from __future__ import annotations

from typing import Any

from backend.accounts.access import Principal, ResidentPrincipal
from backend.accounts.schemas import (
    ContactOut,
    HomeOut,
    PersonOut,
    ProblemOut,
    RegistrationStateOut,
    ResidentPrincipalOut,
    SessionOut,
    StaffPrincipalOut,
)
from backend.accounts.services import REFUSED, current_state, customer_service, needs_contact
from backend.core.i18n import Language, as_language, localized_text, translate
from backend.occupancy.access import Home, PersonInRegister
from backend.settings import Settings


def home_out(home: Home, language: Language) -> HomeOut:
    address, _ = localized_text(home.street_address, language)
    return HomeOut(
        lease_id=home.lease_id,
        access=home.access.value,  # type: ignore[arg-type]
        property_name=home.property_name,
        address=address,
        unit=home.unit,
        starts_on=home.starts_on,
        ends_on=home.ends_on,
    )


def session_out(principal: Principal | None, settings: Settings, language: Language) -> SessionOut:
    out: ResidentPrincipalOut | StaffPrincipalOut | None = None
    if isinstance(principal, ResidentPrincipal):
        own_language = as_language(principal.language) or language
        out = ResidentPrincipalOut(
            id=principal.account_id,
            first_name=principal.first_name,
            last_name=principal.last_name,
            email=principal.email,
            phone=principal.phone,
            language=own_language,
            password_enabled=principal.password_enabled,
            homes=[home_out(home, own_language) for home in principal.homes],
        )
    elif principal is not None:
        out = StaffPrincipalOut(
            id=principal.staff_id,
            name=principal.name,
            email=principal.email,
            roles=sorted(principal.roles),
            language=as_language(principal.language) or language,
        )
    return SessionOut(
        authenticated=principal is not None,
        principal=out,
        password_login_available=True,
        strong_auth=settings.strong_auth,
    )


def _problem(
    status: int, code: str, title_key: str, detail_key: str, language: Language, **params: Any
) -> ProblemOut:
    return ProblemOut(
        type=f"/problems/{code}",
        title=translate(title_key, language),
        status=status,
        detail=translate(detail_key, language, **params),
    )


def registration_out(
    session: dict[str, Any],
    person: PersonInRegister | None,
    settings: Settings,
    language: Language,
) -> RegistrationStateOut:
    state = current_state(session)
    if state is None:
        return RegistrationStateOut(step="none")
    if state.get("done"):
        return RegistrationStateOut(step="done")
    failed = state.get("failed")
    if isinstance(failed, dict):
        code = str(failed["code"])
        problem = _problem(
            int(failed["status"]), code, f"problem.{code}.title", str(failed["detailKey"]), language
        )
        return RegistrationStateOut(step="failed", problem=problem)
    outcome = state["outcome"]
    names = PersonOut(first_name=person.first_name, last_name=person.last_name) if person else None
    if outcome in REFUSED:
        key = f"registration.refused.{outcome}"
        problem = _problem(
            403,
            "registration-refused",
            f"{key}.title",
            f"{key}.detail",
            language,
            **customer_service(settings),
        )
        return RegistrationStateOut(step="refused", outcome=outcome, problem=problem, person=names)
    contact = state.get("contact")
    return RegistrationStateOut(
        step="contact" if needs_contact(state) else "passkey",
        outcome=outcome,
        person=names,
        homes=[home_out(home, language) for home in (person.homes if person else ())],
        recovery=bool(state.get("accountId")),
        contact=ContactOut(**contact) if isinstance(contact, dict) else None,
    )
