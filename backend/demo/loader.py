"""Loads the demo data set idempotently: fixed ids, insert or update, one transaction.

Dates in the set are relative to the day it is loaded, so loading again later refreshes
them and every lease state and age situation stays true.
"""

from __future__ import annotations

import importlib
import importlib.util
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from piccolo.table import Table

from backend.core.db import DB
from backend.core.identity_codes import identity_code_hmac, normalize_identity_code
from backend.demo.content import demo_data
from backend.demo.model import DemoDataSet
from backend.occupancy.tables import Lease, Occupant
from backend.property.tables import Office, Property, Region, Unit
from backend.staff.tables import StaffRegion, StaffUser

_NAMESPACE = uuid.UUID("6f1c3f0e-2a52-4b7e-9a51-8d3c1f4f2b10")


def demo_id(kind: str, *natural_key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, ":".join((kind, *natural_key)))


async def _upsert(table: type[Table], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    update_columns = [
        column
        for column in table._meta.columns
        if column._meta.name != "id" and column._meta.name in rows[0]
    ]
    for row in rows:
        await table.insert(table(**row)).on_conflict(
            target=table._meta.primary_key, action="DO UPDATE", values=update_columns
        )


def _rows(data: DemoDataSet, identity_key: str, now: datetime) -> dict[type[Table], list[Any]]:
    rows: dict[type[Table], list[Any]] = {t: [] for t in (Region, Office, Property, Unit)}
    rows.update({t: [] for t in (Lease, Occupant, StaffUser, StaffRegion)})
    for region in data.regions:
        region_id = demo_id("region", region.key)
        rows[Region].append({"id": region_id, "code": region.key, "name": region.name})
        for office in region.offices:
            rows[Office].append(
                {
                    "id": demo_id("office", office.key),
                    "region": region_id,
                    "name": office.name,
                    "street_address": office.street_address,
                    "postal_code": office.postal_code,
                    "city": office.city,
                    "phone": office.phone,
                    "email": office.email,
                    "opening_hours": office.opening_hours,
                }
            )
    for prop in data.properties:
        fields = {k: v for k, v in vars(prop).items() if k not in {"key", "region_key", "units"}}
        rows[Property].append(
            {
                **fields,
                "id": demo_id("property", prop.key),
                "code": prop.key,
                "region": demo_id("region", prop.region_key),
                "updated_at": now,
            }
        )
        for unit in prop.units:
            rows[Unit].append(
                {
                    "id": demo_id("unit", prop.key, unit.staircase, unit.number),
                    "property": demo_id("property", prop.key),
                    "staircase": unit.staircase,
                    "number": unit.number,
                    "floor": unit.floor,
                    "rooms": unit.rooms,
                    "area_m2": Decimal(str(unit.area_m2)),
                    "has_sauna": unit.has_sauna,
                }
            )
    people = {person.key: person for person in data.people}
    for lease in data.leases:
        lease_id = demo_id("lease", lease.number)
        rows[Lease].append(
            {
                "id": lease_id,
                "number": lease.number,
                "unit": demo_id("unit", lease.property_key, lease.staircase, lease.unit_number),
                "signed_on": lease.signed_on,
                "starts_on": lease.starts_on,
                "ends_on": lease.ends_on,
            }
        )
        for occupancy in lease.occupants:
            person = people[occupancy.person_key]
            code = person.identity_code
            rows[Occupant].append(
                {
                    "id": demo_id("occupant", lease.number, person.key),
                    "lease": lease_id,
                    "first_name": person.first_name,
                    "last_name": person.last_name,
                    "birth_date": person.birth_date,
                    "identity_code_hmac": identity_code_hmac(
                        normalize_identity_code(code, allow_test_codes=True), identity_key
                    )
                    if code
                    else None,
                    "role": occupancy.role,
                    "moved_in_on": occupancy.moved_in_on,
                    "moved_out_on": occupancy.moved_out_on,
                }
            )
    for staff in data.staff:
        staff_id = demo_id("staff", staff.email)
        rows[StaffUser].append(
            {
                "id": staff_id,
                "email": staff.email,
                "name": staff.name,
                "language": staff.language,
                "roles": list(staff.roles),
                "all_regions": staff.all_regions,
                "active": True,
                "created_at": now,
            }
        )
        for region_key in staff.region_keys:
            rows[StaffRegion].append(
                {
                    "id": demo_id("staff-region", staff.email, region_key),
                    "staff_user": staff_id,
                    "region": demo_id("region", region_key),
                }
            )
    return rows


# Features add their own demo rows (tickets, news, rent, ...) in ``backend/<feature>/demo.py``
# with ``async def load_demo(today: date) -> dict[str, int]``: idempotent, ids from demo_id().
FEATURE_DEMOS = ("property", "occupancy", "tickets", "messages", "news", "rent")


async def load_demo_data(identity_key: str, today: date | None = None) -> dict[str, int]:
    """Inserts or refreshes the demo set; returns the row count per table."""
    today = today or datetime.now(UTC).date()
    rows = _rows(demo_data(today), identity_key, datetime.now(UTC))
    async with DB.transaction():
        for table, table_rows in rows.items():
            await _upsert(table, table_rows)
    counts = {table._meta.tablename: len(table_rows) for table, table_rows in rows.items()}
    for feature in FEATURE_DEMOS:
        spec = importlib.util.find_spec(f"backend.{feature}.demo")
        if spec is not None:
            module = importlib.import_module(f"backend.{feature}.demo")
            counts.update(await module.load_demo(today))
    return counts


async def upsert_rows(table: type[Table], rows: list[dict[str, Any]]) -> None:
    """Insert or update rows by id (for the features' demo loaders)."""
    await _upsert(table, rows)
