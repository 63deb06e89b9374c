"""The access matrix of the rent endpoints: main tenant and co-tenant alike, an adult
occupant refused (403), everyone else's lease absent (404), staff only in their region."""

from __future__ import annotations

from litestar import Litestar

from backend.occupancy.tables import Lease
from tests.factories import TODAY
from tests.rent.helpers import make_invoice
from tests.support.world import Case, build_world, check_matrix

RENT_READERS = {"main": 200, "co": 200}
REFUSED = {"resident": 403, "staff_in": 403, "staff_out": 403}


async def test_rent_endpoints(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        lease = await Lease.objects().get(Lease.id == world.ids["L1"])
        assert lease is not None
        invoice = await make_invoice(lease, TODAY.replace(day=1), 123_456)
        world.ids["I1"] = invoice["id"]
        secrets = ("123456", invoice["reference"])
        resident_paths = [
            "/api/homes/{L1}/rent",
            "/api/homes/{L1}/rent/invoices",
            "/api/homes/{L1}/rent/invoices/{I1}",
            "/api/homes/{L1}/rent/ledger",
        ]
        cases = [
            Case("GET", path, allowed=RENT_READERS, special=REFUSED, secrets=secrets)
            for path in resident_paths
        ]
        cases += [
            # Before the lease starts its main tenant sees no rent yet.
            Case(
                "GET",
                "/api/homes/{L3}/rent",
                allowed={},
                special={"before": 403, "staff_in": 403, "staff_out": 403},
            ),
            Case(
                "GET",
                "/api/staff/leases/{L1}/rent",
                allowed={"staff_in": 200},
                deny=403,
                special={"staff_out": 404},
                secrets=secrets,
            ),
        ]
        await check_matrix(world, cases)
