"""The register of occupants in the client view (``occupants/<leaseId>``), so that the main
tenant's moving-out and name-change reports can pick a person offline. Who gets it is the
REST route's gate: main-tenant rights (signatories) on an active lease, nobody else."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar import Litestar

from backend.core import clock
from backend.core.versions import view_changed
from backend.demo.identity_codes import test_identity_code
from backend.occupancy.tables import Lease
from tests.factories import TODAY, make_occupant
from tests.support.world import build_world
from tests.sync.conftest import apply_patch, mutation, new_group, pulled, pushed


def _registers(state: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in state.items() if key.startswith("occupants/")}


async def test_the_main_tenant_gets_the_register_as_the_rest_route_answers(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        state = apply_patch({}, (await pulled(main, new_group(), None))["patch"])
        key = f"occupants/{world.ids['L1']}"
        assert list(_registers(state)) == [key]
        rest = await main.get(f"/api/homes/{world.ids['L1']}/occupants")
        assert rest.status_code == 200
        assert state[key] == rest.json()
        people = {(person["firstName"], person["role"]) for person in state[key]}
        assert people == {("Main", "main_tenant"), ("Co", "co_tenant"), ("Resident", "occupant")}
        by_name = {person["firstName"]: person["id"] for person in state[key]}
        assert by_name["Resident"] == str(world.ids["occupant_resident"])


async def test_only_signatories_of_a_started_lease_get_a_register(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        registers = {
            persona: _registers(
                apply_patch({}, (await pulled(world.clients[persona], new_group(), None))["patch"])
            )
            for persona in ("co", "resident", "other", "before")
        }
        # A co-tenant signed the lease: main-tenant rights, as on the REST route.
        assert list(registers["co"]) == [f"occupants/{world.ids['L1']}"]
        # An adult occupant who did not sign: no register (the REST route refuses too).
        assert registers["resident"] == {}
        resident_rest = await world.clients["resident"].get(
            f"/api/homes/{world.ids['L1']}/occupants"
        )
        assert resident_rest.status_code == 403
        # Before the lease starts: nothing to report yet.
        assert registers["before"] == {}
        # Another account sees its own home's register, never this one's people.
        assert list(registers["other"]) == [f"occupants/{world.ids['L2']}"]
        names = {
            person["firstName"] for person in registers["other"][f"occupants/{world.ids['L2']}"]
        }
        assert names == {"Other"}


async def test_a_lease_that_ends_deletes_its_register_on_the_next_pull(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        # main also becomes main tenant of L2 (moving between homes)
        born = TODAY.replace(year=TODAY.year - 40)
        l2 = await Lease.objects().where(Lease.id == world.ids["L2"]).first()
        assert l2 is not None
        await make_occupant(
            l2, identity_code=test_identity_code(born, 901), role="main_tenant", birth_date=born
        )
        await view_changed(everyone=True)
        first = await pulled(main, group, None)
        state = apply_patch({}, first["patch"])
        assert set(_registers(state)) == {
            f"occupants/{world.ids['L1']}",
            f"occupants/{world.ids['L2']}",
        }
        await Lease.update({Lease.ends_on: TODAY - timedelta(days=1)}).where(
            Lease.id == world.ids["L2"]
        )
        await view_changed(everyone=True)  # as an import from the ERP does
        after = await pulled(main, group, first["cookie"])
        assert {"op": "del", "key": f"occupants/{world.ids['L2']}"} in after["patch"]
        apply_patch(state, after["patch"])
        assert set(_registers(state)) == {f"occupants/{world.ids['L1']}"}


async def test_an_approved_moving_out_reaches_the_register_on_the_next_pull(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        key = f"occupants/{world.ids['L1']}"
        resident_id = str(world.ids["occupant_resident"])
        first = await pulled(main, group, None)
        state = apply_patch({}, first["patch"])
        # What the offline form queues: a moving-out of a person picked from the register.
        move_out = {
            "leaseId": str(world.ids["L1"]),
            "kind": "move_out",
            "occupantId": resident_id,
            "movesOutOn": TODAY.isoformat(),
        }
        result = await pushed(main, group, [mutation("c1", 1, "reportOccupantChange", **move_out)])
        assert result["results"][0]["status"] == "applied", result
        reported = await pulled(main, group, first["cookie"])
        apply_patch(state, reported["patch"])
        [change] = [v for k, v in state.items() if k.startswith("occupantChange/")]
        assert change["occupantId"] == resident_id
        assert key not in {op.get("key") for op in reported["patch"]}  # not approved yet
        approve = f"/api/staff/occupant-changes/{change['id']}/approve"
        assert (await world.clients["staff_in"].post(approve)).status_code == 200
        approved = await pulled(main, group, reported["cookie"])
        apply_patch(state, approved["patch"])
        [leaving] = [p for p in state[key] if p["id"] == resident_id]
        assert leaving["movedOutOn"] == TODAY.isoformat()  # moves out tonight
        with clock.travel(24 * 3600):
            tomorrow = await pulled(main, group, approved["cookie"])
        apply_patch(state, tomorrow["patch"])
        assert resident_id not in {p["id"] for p in state[key]}
        assert {p["firstName"] for p in state[key]} == {"Main", "Co"}
