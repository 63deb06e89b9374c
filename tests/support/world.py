"""The cast of the access-matrix tests: residents in every relation to a lease, staff inside
and outside the region, and an anonymous visitor — each with their own signed-in browser.

    world = await build_world(app)
    world.ids["L1"]            # the lease of main / co / resident
    world.clients["main"]      # httpx client signed in as the main tenant of L1

Personas: main (main tenant of L1), co (co-tenant of L1: main-tenant rights), resident
(adult occupant of L1: no rent), other (main tenant of L2, same region), before (main tenant
of L3 whose lease has not started), ended (was main tenant of L4, lease ended yesterday),
staff_in (every role, region R1), staff_out (every role, region R2), anonymous.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from uuid import UUID

import httpx
from litestar import Litestar

from backend.core.versions import view_changed
from backend.demo.identity_codes import test_identity_code
from backend.occupancy.tables import Lease
from tests.factories import TODAY, make_lease, make_occupant, make_property, make_region, make_unit
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import enrolled_staff, register

RESIDENTS = ("main", "co", "resident", "other", "before", "ended")
STAFF = ("staff_in", "staff_out")
PERSONAS = (*RESIDENTS, *STAFF, "anonymous")
ALL_STAFF_ROLES = ["customer_service", "maintenance", "lease_control", "editor"]


@dataclass
class World:
    clients: dict[str, httpx.AsyncClient] = field(default_factory=dict)
    ids: dict[str, UUID] = field(default_factory=dict)

    def path(self, template: str) -> str:
        return template.format(**{key: str(value) for key, value in self.ids.items()})

    def body(self, template: Any) -> Any:
        """The body with ``{name}`` placeholders in its strings filled from ``ids``."""
        if isinstance(template, str):
            return self.path(template)
        if isinstance(template, dict):
            return {key: self.body(value) for key, value in template.items()}
        if isinstance(template, list):
            return [self.body(value) for value in template]
        return template


@asynccontextmanager
async def build_world(app: Litestar) -> AsyncIterator[World]:
    from tests.conftest import api_client

    world = World()
    async with AsyncExitStack() as stack:
        for persona in PERSONAS:
            world.clients[persona] = await stack.enter_async_context(api_client(app))
        r1 = await make_region(code="r1")
        r2 = await make_region(code="r2")
        p1 = await make_property(r1, code="p1")
        p2 = await make_property(r1, code="p2")
        p3 = await make_property(r2, code="p3")
        world.ids.update(R1=r1.id, R2=r2.id, P1=p1.id, P2=p2.id, P3=p3.id)
        leases = {
            "L1": await make_lease(await make_unit(p1, number="1")),
            "L2": await make_lease(await make_unit(p2, number="2")),
            "L3": await make_lease(
                await make_unit(p1, number="3"), starts_on=TODAY + timedelta(days=14)
            ),
            "L4": await make_lease(await make_unit(p3, number="4")),
        }
        world.ids.update({key: lease.id for key, lease in leases.items()})
        people = {
            "main": ("L1", "main_tenant", 901),
            "co": ("L1", "co_tenant", 902),
            "resident": ("L1", "occupant", 903),
            "other": ("L2", "main_tenant", 904),
            "before": ("L3", "main_tenant", 905),
            "ended": ("L4", "main_tenant", 906),
        }
        born = TODAY.replace(year=TODAY.year - 40)
        for persona, (lease_key, role, number) in people.items():
            code = test_identity_code(born, number)
            occupant = await make_occupant(
                leases[lease_key],
                identity_code=code,
                role=role,
                birth_date=born,
                first_name=persona.capitalize(),
            )
            world.ids[f"occupant_{persona}"] = occupant.id
            await register(
                world.clients[persona], SoftAuthenticator(), code, email=f"{persona}@example.fi"
            )
        await enrolled_staff(
            world.clients["staff_in"],
            roles=ALL_STAFF_ROLES,
            region_codes=["r1"],
            email="staff.in@example.fi",
        )
        await enrolled_staff(
            world.clients["staff_out"],
            roles=ALL_STAFF_ROLES,
            region_codes=["r2"],
            email="staff.out@example.fi",
        )
        await Lease.update({Lease.ends_on: TODAY - timedelta(days=1)}).where(
            Lease.id == leases["L4"].id
        )
        await view_changed(everyone=True)  # as the import from the ERP does
        yield world


@dataclass(frozen=True)
class Case:
    """One endpoint, and what every persona gets from it. Personas not named get ``deny``."""

    method: str
    path: str
    allowed: dict[str, int]
    body: dict[str, Any] | None = None
    deny: int = 404
    # Personas that get a status other than ``deny`` although not allowed (401 for anonymous
    # and ``ended`` is the default).
    special: dict[str, int] = field(default_factory=dict)
    # Strings that must never appear in a refusal (e.g. the resource's own text).
    secrets: tuple[str, ...] = ()


def expected_status(case: Case, persona: str) -> int:
    if persona in case.allowed:
        return case.allowed[persona]
    if persona in case.special:
        return case.special[persona]
    if persona in ("anonymous", "ended"):
        return 401
    return case.deny


async def check_matrix(world: World, cases: list[Case]) -> None:
    """Runs every case for every persona; reports all mismatches at once."""
    failures: list[str] = []
    for case in cases:
        for persona in PERSONAS:
            client = world.clients[persona]
            response = await client.request(
                case.method, world.path(case.path), json=world.body(case.body)
            )
            expected = expected_status(case, persona)
            label = f"{case.method} {case.path} as {persona}"
            if response.status_code != expected:
                failures.append(f"{label}: {response.status_code}, expected {expected}")
                continue
            if response.status_code >= 400:
                if not response.headers.get("content-type", "").startswith(
                    "application/problem+json"
                ):
                    failures.append(f"{label}: refusal is not problem+json")
                leaked = [s for s in case.secrets if s in response.text]
                if leaked:
                    failures.append(f"{label}: refusal leaks {leaked}")
    assert not failures, "\n".join(failures)
