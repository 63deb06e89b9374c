"""Occupant changes: the main tenant's reports and the staff queue that processes them."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from litestar import Controller, get, post
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from backend.accounts.access import ResidentDep, StaffDep
from backend.core import clock
from backend.occupancy import services
from backend.occupancy.change_access import (
    change_for_resident,
    change_for_staff,
    household_for_resident,
    require_change_handler,
)
from backend.occupancy.schemas import (
    ChangeStatus,
    OccupantChangeIn,
    OccupantChangeOut,
    OccupantOut,
    RejectIn,
    StaffOccupantChangeDetailOut,
    StaffOccupantChangeOut,
)
from backend.occupancy.views import (
    change_out,
    occupants_out,
    staff_change_detail_out,
    staff_change_out,
)
from sync.freshness import POKED_OPT


class HouseholdController(Controller):
    path = "/api/homes/{lease_id:uuid}"
    tags = ("occupancy",)

    @get("/occupants")
    async def occupants(self, lease_id: FromPath[UUID], resident: ResidentDep) -> list[OccupantOut]:
        """Who lives in the home by the register (to pick whom a report is about)."""
        household_for_resident(resident, lease_id)
        return occupants_out(await services.current_occupants(lease_id, clock.today()))

    @get("/occupant-changes")
    async def changes(
        self, lease_id: FromPath[UUID], resident: ResidentDep
    ) -> list[OccupantChangeOut]:
        household_for_resident(resident, lease_id)
        return [change_out(row) for row in await services.resident_changes(lease_id)]

    @post("/occupant-changes", status_code=201)
    async def report(
        self,
        lease_id: FromPath[UUID],
        data: JSONBody[OccupantChangeIn],
        resident: ResidentDep,
    ) -> OccupantChangeOut:
        """Report a move in or out, a name change or a birth; staff process it."""
        return change_out(await services.report_change(resident, lease_id, data))

    @get("/occupant-changes/{change_id:uuid}")
    async def change(
        self, lease_id: FromPath[UUID], change_id: FromPath[UUID], resident: ResidentDep
    ) -> OccupantChangeOut:
        return change_out(await change_for_resident(resident, lease_id, change_id))


class StaffOccupantChangeController(Controller):
    path = "/api/staff/occupant-changes"
    tags = ("occupancy", "staff")

    @get("/")
    async def queue(
        self,
        staff: StaffDep,
        status: FromQuery[ChangeStatus | Literal["all"]] = "pending",
        lease_id: Annotated[UUID | None, QueryParameter(name="leaseId")] = None,
    ) -> list[StaffOccupantChangeOut]:
        """Changes in the staff user's regions, oldest first (pending by default)."""
        require_change_handler(staff)
        rows = await services.staff_changes(
            staff, status=None if status == "all" else status, lease_id=lease_id
        )
        return [staff_change_out(row) for row in rows]

    @get("/{change_id:uuid}")
    async def change(
        self, change_id: FromPath[UUID], staff: StaffDep
    ) -> StaffOccupantChangeDetailOut:
        await change_for_staff(staff, change_id)
        return staff_change_detail_out(await services.staff_change(staff, change_id))

    @post("/{change_id:uuid}/approve", status_code=200, opt={POKED_OPT: True})
    async def approve(
        self, change_id: FromPath[UUID], staff: StaffDep
    ) -> StaffOccupantChangeDetailOut:
        """Approve: the register of occupants changes now, and access with it."""
        await change_for_staff(staff, change_id)
        await services.decide(staff, change_id, approve=True)
        return staff_change_detail_out(await services.staff_change(staff, change_id))

    @post("/{change_id:uuid}/reject", status_code=200, opt={POKED_OPT: True})
    async def reject(
        self, change_id: FromPath[UUID], data: JSONBody[RejectIn], staff: StaffDep
    ) -> StaffOccupantChangeDetailOut:
        await change_for_staff(staff, change_id)
        await services.decide(staff, change_id, approve=False, reason=data.reason)
        return staff_change_detail_out(await services.staff_change(staff, change_id))


CONTROLLERS: list[type[Controller]] = [HouseholdController, StaffOccupantChangeController]
