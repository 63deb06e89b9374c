"""Rows for tests, with sensible defaults; pass what the test is about."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from backend.core.identity_codes import identity_code_hmac
from backend.occupancy.tables import Lease, Occupant
from backend.property.tables import Property, Region, Unit
from backend.settings import get_settings

TODAY = datetime.now(UTC).date()


def _code() -> str:
    return uuid.uuid4().hex[:8]


async def make_region(**values: Any) -> Region:
    code = _code()
    region = Region(
        **{"id": uuid.uuid4(), "code": f"region-{code}", "name": {"fi": f"Alue {code}"}, **values}
    )
    await region.save()
    return region


async def make_property(region: Region | None = None, **values: Any) -> Property:
    region = region or await make_region()
    code = _code()
    prop = Property(
        **{
            "id": uuid.uuid4(),
            "region": region.id,
            "code": f"property-{code}",
            "name": f"Testitalo {code}",
            "street_address": {"fi": "Testikatu 1", "sv": "Testgatan 1"},
            "postal_code": "00100",
            "city": {"fi": "Helsinki", "sv": "Helsingfors"},
            "district": {"fi": "Kallio", "sv": "Berghäll"},
            "heating": {"fi": "Kaukolämpö"},
            "description": {"fi": "Testitalo."},
            "emergency_phone": "+358 40 000 0000",
            "maintenance_company_name": "Huolto Oy",
            "maintenance_company_phone": "+358 40 000 0001",
            "maintenance_company_email": "huolto@example.fi",
            "house_manager_name": "Isännöitsijä",
            "house_manager_phone": "+358 40 000 0002",
            "house_manager_email": "isannoitsija@example.fi",
            "sauna_times": {"fi": "La 16–20"},
            "laundry_times": {"fi": "Ma–Pe 8–21"},
            "waste_sorting": {"fi": "Lajittele."},
            "updated_at": datetime.now(UTC),
            **values,
        }
    )
    await prop.save()
    return prop


async def make_unit(prop: Property | None = None, **values: Any) -> Unit:
    prop = prop or await make_property()
    unit = Unit(
        **{
            "id": uuid.uuid4(),
            "property": prop.id,
            "staircase": "A",
            "number": str(uuid.uuid4().int % 100),
            "floor": 2,
            "rooms": "2h+k",
            "area_m2": Decimal("48.5"),
            **values,
        }
    )
    await unit.save()
    return unit


async def make_lease(
    unit: Unit | None = None,
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
    **values: Any,
) -> Lease:
    unit = unit or await make_unit()
    starts_on = starts_on or TODAY - timedelta(days=365)
    lease = Lease(
        **{
            "id": uuid.uuid4(),
            "number": f"VS-TEST-{_code()}",
            "unit": unit.id,
            "signed_on": starts_on - timedelta(days=30),
            "starts_on": starts_on,
            "ends_on": ends_on,
            **values,
        }
    )
    await lease.save()
    return lease


async def make_occupant(
    lease: Lease | None = None, *, identity_code: str | None = None, **values: Any
) -> Occupant:
    lease = lease or await make_lease()
    occupant = Occupant(
        **{
            "id": uuid.uuid4(),
            "lease": lease.id,
            "first_name": "Testi",
            "last_name": "Asukas",
            "birth_date": date(1985, 5, 5),
            "identity_code_hmac": identity_code_hmac(
                identity_code, get_settings().identity_code_key
            )
            if identity_code
            else None,
            "role": "main_tenant",
            "moved_in_on": lease.starts_on,
            **values,
        }
    )
    await occupant.save()
    return occupant
