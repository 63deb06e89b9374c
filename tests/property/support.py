"""Signed-in residents and staff for the property and news tests (through the real flows)."""

from __future__ import annotations

import httpx

from backend.demo.identity_codes import test_identity_code
from backend.occupancy.tables import Lease
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import enrolled_staff, register

ADULT = TODAY.replace(year=TODAY.year - 40)


async def sign_in_resident(
    client: httpx.AsyncClient, lease: Lease, individual: int, *, role: str = "main_tenant"
) -> None:
    """Puts an adult into the lease's register and registers them on ``client``."""
    code = test_identity_code(ADULT, individual)
    await make_occupant(lease, identity_code=code, birth_date=ADULT, role=role)
    await register(client, SoftAuthenticator(), code, email=f"asukas{individual}@example.fi")


async def sign_in_staff(
    client: httpx.AsyncClient,
    *,
    roles: list[str],
    region_codes: list[str],
    all_regions: bool = False,
    email: str = "viestinta@example.fi",
) -> None:
    await enrolled_staff(
        client, roles=roles, region_codes=region_codes, all_regions=all_regions, email=email
    )
