"""Staff identity: provisioning by admins, passkey enrolment from a one-time link, office
registration codes and the search for the person they are for; the staff directory."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

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
from backend.core import clock
from backend.core.errors import AccessDeniedError
from backend.core.problems import request_language
from backend.core.rate_limit import RateLimiter
from backend.media.http import NO_STORE
from backend.occupancy.staff_occupants import find_occupants, require_occupant_searcher
from backend.settings import Settings
from backend.staff import directory, services
from backend.staff.access import StaffRole
from backend.staff.schemas import (
    EnrolmentLinkOut,
    EnrolmentOut,
    OccupantMatchOut,
    OfficeCodeOut,
    OfficeCodeRequestIn,
    RegionOut,
    StaffDirectoryEntryOut,
    StaffUserCreatedOut,
    StaffUserIn,
)
from backend.staff.search import normalized_query


def _require_admin(staff: StaffPrincipal) -> None:
    if StaffRole.ADMIN not in staff.roles:
        raise AccessDeniedError()


class StaffUsersController(Controller):
    path = "/api/staff/users"
    tags = ("staff",)

    @get("/")
    async def list_staff(
        self,
        staff: StaffDep,
        region_id: Annotated[UUID | None, QueryParameter(name="regionId")] = None,
        role: Annotated[list[StaffRole] | None, QueryParameter(name="role")] = None,
    ) -> list[StaffDirectoryEntryOut]:
        """Active colleagues who share a region with the asker (everyone, for head-office
        staff), by name; ``regionId`` keeps those who work in that region, ``role`` (repeat
        it for several) those with any of the roles."""
        return await directory.staff_directory(
            staff, region_id=region_id, roles=[r.value for r in role or ()]
        )

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
        """Issue a single-use registration code after checking the person's ID card
        (``idChecked: true`` confirms it; the audit log records it)."""
        issued = await issue_office_code(
            staff, occupant_id=data.occupant_id, id_checked=data.id_checked, key=settings.secret_key
        )
        return OfficeCodeOut(
            id=issued.id,
            code=issued.code,
            expires_at=issued.expires_at,
            first_name=issued.first_name,
            last_name=issued.last_name,
        )


class StaffRegionsController(Controller):
    path = "/api/staff/regions"
    tags = ("staff",)

    @get("/")
    async def regions(self, staff: StaffDep) -> list[RegionOut]:
        """The regions the asker may work in, with their properties (for filters and
        audiences: every staff role may read them)."""
        return await directory.regions_of(staff)


class StaffOccupantsController(Controller):
    path = "/api/staff/occupants"
    tags = ("staff", "occupancy")

    @get("/")
    async def search(
        self,
        request: Request[Any, Any, Any],
        staff: StaffDep,
        q: Annotated[str, QueryParameter(name="q", max_length=100)] = "",
    ) -> Response[list[OccupantMatchOut]]:
        """Adults of current and starting leases in the asker's regions whose name or home
        address contains ``q`` (at most 50), for issuing an office registration code. Birth
        year only, never the identity code; the read is audit-logged."""
        require_occupant_searcher(staff)
        text = normalized_query(q)
        if len(text) < 2:  # one letter would list half the register
            return Response([], headers=NO_STORE)
        rows = await find_occupants(
            staff, text, today=clock.today(), language=request_language(request)
        )
        return Response([OccupantMatchOut(**row) for row in rows], headers=NO_STORE)


CONTROLLERS: list[type[Controller]] = [
    StaffUsersController,
    StaffRegionsController,
    StaffOccupantsController,
    StaffEnrolmentController,
    OfficeCodeController,
]
