"""The demo data set loads into the database, again and again, and exercises every state."""

from datetime import date

from backend.core.tables import AuditEvent
from backend.demo.content import demo_data
from backend.demo.loader import load_demo_data
from backend.occupancy.access import LeaseAccess, OccupancyRecord, eligibility
from backend.occupancy.tables import Lease, Occupant
from backend.property.tables import Property, Unit
from backend.settings import get_settings
from backend.staff.tables import StaffRegion, StaffUser

TODAY = date(2026, 11, 30)


async def _counts() -> dict[str, int]:
    tables = (Property, Unit, Lease, Occupant, StaffUser, StaffRegion)
    return {t._meta.tablename: await t.count() for t in tables}


async def test_loading_twice_changes_nothing(db: None) -> None:
    key = get_settings().identity_code_key
    first = await load_demo_data(key, TODAY)
    after_first = await _counts()
    await load_demo_data(key, TODAY)
    assert await _counts() == after_first
    assert after_first["property"] >= 3
    assert after_first["unit"] >= 30
    assert after_first["occupant"] == first["occupant"]


async def test_a_later_load_refreshes_the_relative_dates(db: None) -> None:
    key = get_settings().identity_code_key
    await load_demo_data(key, TODAY)
    starts = {
        r["number"]: r["starts_on"] for r in await Lease.select(Lease.number, Lease.starts_on)
    }
    await load_demo_data(key, date(2027, 3, 1))
    later = {r["number"]: r["starts_on"] for r in await Lease.select(Lease.number, Lease.starts_on)}
    assert later.keys() == starts.keys()
    assert all(later[n] > starts[n] for n in starts)


async def test_the_loaded_register_gives_every_kind_of_access(db: None) -> None:
    await load_demo_data(get_settings().identity_code_key, TODAY)
    rows = await Occupant.select(
        Occupant.identity_code_hmac,
        Occupant.birth_date,
        Occupant.role,
        Occupant.moved_in_on,
        Occupant.moved_out_on,
        Occupant.lease.id.as_alias("lease_id"),
        Occupant.lease.signed_on.as_alias("signed_on"),
        Occupant.lease.starts_on.as_alias("starts_on"),
        Occupant.lease.ends_on.as_alias("ends_on"),
    )
    seen: set[LeaseAccess] = set()
    no_access_people = 0
    leases_per_person: dict[str, int] = {}
    people: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        people.setdefault(str(row["identity_code_hmac"]), []).append(row)
    for person_rows in people.values():
        records = [
            OccupancyRecord(
                lease_id=r["lease_id"],  # type: ignore[arg-type]
                role=r["role"],  # type: ignore[arg-type]
                signed_on=r["signed_on"],  # type: ignore[arg-type]
                starts_on=r["starts_on"],  # type: ignore[arg-type]
                ends_on=r["ends_on"],  # type: ignore[arg-type]
                moved_in_on=r["moved_in_on"],  # type: ignore[arg-type]
                moved_out_on=r["moved_out_on"],  # type: ignore[arg-type]
            )
            for r in person_rows
        ]
        access = eligibility(person_rows[0]["birth_date"], records, TODAY)  # type: ignore[arg-type]
        seen.update(access.values())
        no_access_people += not access
        leases_per_person[str(person_rows[0]["identity_code_hmac"])] = len(access)
    assert seen == {LeaseAccess.BEFORE_START, LeaseAccess.RESIDENT, LeaseAccess.MAIN_TENANT}
    assert no_access_people >= 3  # minors, a moved-out adult, a person whose lease ended
    assert max(leases_per_person.values()) == 2  # someone moving between two homes


async def test_identity_codes_are_stored_only_as_hmacs(db: None) -> None:
    await load_demo_data(get_settings().identity_code_key, TODAY)
    codes = [p.identity_code for p in demo_data(TODAY).people if p.identity_code]
    stored = [r["identity_code_hmac"] for r in await Occupant.select(Occupant.identity_code_hmac)]
    assert all(h is None or len(h) == 64 for h in stored)
    dump = repr(await Occupant.select()) + repr(await AuditEvent.select())
    assert not any(code in dump or code[:6] + code[7:] in dump for code in codes)
