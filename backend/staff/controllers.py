"""Staff identity: provisioning by admins, passkey enrolment from a one-time link, office
registration codes."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts import ceremonies, passkeys
from backend.accounts.access import (
    StaffDep,
    StaffPrincipal,
    resolve_principal,
    start_session,
)
from backend.accounts.guards import limit_ip
from backend.accounts.office_codes import issue_office_code
from backend.accounts.schemas import PasskeyOptionsIn, PasskeyRegistrationIn, SessionOut
from backend.accounts.services import record_login
from backend.accounts.views import session_out
from backend.core.errors import AccessDeniedError
from backend.core.problems import request_language
from backend.core.rate_limit import RateLimiter
from backend.settings import Settings
from backend.staff import services
from backend.staff.access import StaffRole
from backend.staff.schemas import (
    EnrolmentLinkOut,
    EnrolmentOut,
    OfficeCodeOut,
    OfficeCodeRequestIn,
    StaffUserCreatedOut,
    StaffUserIn,
)


def _require_admin(staff: StaffPrincipal) -> None:
    if StaffRole.ADMIN not in staff.roles:
        raise AccessDeniedError()


class StaffUsersController(Controller):
    path = "/api/staff/users"
    tags = ("staff",)

    @post("/", status_code=201)
    async def create(
        self,
        data: JSONBody[StaffUserIn],
        settings: NamedDependency[Settings],
        staff: StaffDep,
    ) -> StaffUserCreatedOut:
        """Provision a staff user (admins); answers the one-time enrolment link."""
        _require_admin(staff)
        staff_id = await services.create_staff_user(
            email=data.email,
            name=data.name,
            roles=[role.value for role in data.roles],
            region_codes=data.region_codes,
            all_regions=data.all_regions,
            language=data.language,
        )
        url = await services.issue_enrolment_link(
            staff_id, key=settings.secret_key, public_url=settings.public_url
        )
        return StaffUserCreatedOut(id=staff_id, enrolment_url=url)

    @post("/{staff_id:uuid}/enrolment", status_code=201)
    async def new_link(
        self,
        staff_id: FromPath[UUID],
        settings: NamedDependency[Settings],
        staff: StaffDep,
    ) -> EnrolmentLinkOut:
        """A new enrolment link (the old one stops working), e.g. for a lost device."""
        _require_admin(staff)
        url = await services.issue_enrolment_link(
            staff_id, key=settings.secret_key, public_url=settings.public_url
        )
        return EnrolmentLinkOut(enrolment_url=url)


class StaffEnrolmentController(Controller):
    path = "/api/staff/enrolment"
    tags = ("staff",)

    @get("/{token:str}")
    async def who(
        self,
        request: Request[Any, Any, Any],
        token: FromPath[str],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> EnrolmentOut:
        await limit_ip(request, limiter, settings, "staff-enrolment")
        row = await services.staff_for_enrolment(token, key=settings.secret_key)
        return EnrolmentOut(name=row["name"], email=row["email"])

    @post("/{token:str}/options", status_code=200)
    async def options(
        self,
        request: Request[Any, Any, Any],
        token: FromPath[str],
        data: JSONBody[PasskeyOptionsIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> Response[bytes]:
        await limit_ip(request, limiter, settings, "staff-enrolment")
        row = await services.staff_for_enrolment(token, key=settings.secret_key)
        return ceremonies.creation_options_response(
            request,
            settings,
            purpose="staff-enrol",
            user_handle=row["user_handle"],
            user_name=row["email"],
            display_name=row["name"],
            exclude=await passkeys.credential_ids_of(staff_id=row["id"]),
        )

    @post("/{token:str}", status_code=201)
    async def enrol(
        self,
        request: Request[Any, Any, Any],
        token: FromPath[str],
        data: JSONBody[PasskeyRegistrationIn],
        settings: NamedDependency[Settings],
        limiter: NamedDependency[RateLimiter],
    ) -> SessionOut:
        """Store the staff user's passkey, spend the link, and sign in."""
        await limit_ip(request, limiter, settings, "staff-enrolment")
        row = ceremonies.checked_new_passkey(
            request, settings, purpose="staff-enrol", credential=data.credential, name=data.name
        )
        await passkeys.ensure_new(row)
        staff_id = await services.complete_enrolment(
            token, key=settings.secret_key, credential_row=row
        )
        await record_login(kind="staff", subject_id=staff_id, method="passkey")
        start_session(
            request, kind="staff", subject_id=staff_id, credential_id=row["id"], method="passkey"
        )
        principal = await resolve_principal(request, settings)
        return session_out(principal, settings, request_language(request))


class OfficeCodeController(Controller):
    path = "/api/staff/office-codes"
    tags = ("staff",)

    @post("/", status_code=201)
    async def issue(
        self,
        data: JSONBody[OfficeCodeRequestIn],
        settings: NamedDependency[Settings],
        staff: StaffDep,
    ) -> OfficeCodeOut:
        """Issue a single-use registration code after checking the person's ID card."""
        issued = await issue_office_code(
            staff, occupant_id=data.occupant_id, key=settings.secret_key
        )
        return OfficeCodeOut(
            id=issued.id,
            code=issued.code,
            expires_at=issued.expires_at,
            first_name=issued.first_name,
            last_name=issued.last_name,
        )


CONTROLLERS: list[type[Controller]] = [
    StaffUsersController,
    StaffEnrolmentController,
    OfficeCodeController,
]
