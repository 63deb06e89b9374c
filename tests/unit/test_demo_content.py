"""The demo data set: valid test identity codes, every lease state and age situation on any
load date, complete Finnish, deliberately missing Swedish/English, and only fake contacts."""

import random
from collections import Counter
from dataclasses import fields
from datetime import date, timedelta
from itertools import pairwise

import pytest
from stdnum.exceptions import ValidationError
from stdnum.fi import hetu

from backend.demo.content import demo_data
from backend.demo.content_people import leap_day_birth, shift_years
from backend.demo.identity_codes import test_identity_code as make_identity_code
from backend.demo.model import DemoDataSet, DemoLease, DemoPerson

# Days from the first load on: ordinary days, leap days, year ends, a day after a leap day.
TODAYS = [
    date(2026, 11, 30),
    date(2029, 1, 15),
    date(2026, 3, 1),
    date(2027, 12, 31),
    date(2028, 2, 29),
    date(2028, 12, 31),
    date(2031, 8, 8),
    date(2032, 2, 29),
]

STAFF_ROLES = {"customer_service", "maintenance", "lease_control", "editor", "admin"}
CENTURY_OF_SIGN = {"+": 1800, "-": 1900, "A": 2000}


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _birth_date_in(code: str) -> date:
    century = CENTURY_OF_SIGN[code[6]]
    return date(century + int(code[4:6]), int(code[2:4]), int(code[0:2]))


def _is_active(lease: DemoLease, today: date) -> bool:
    return lease.starts_on <= today and (lease.ends_on is None or lease.ends_on >= today)


def _people(data: DemoDataSet) -> dict[str, DemoPerson]:
    return {person.key: person for person in data.people}


@pytest.fixture(params=TODAYS, ids=str)
def today(request: pytest.FixtureRequest) -> date:
    day: date = request.param
    return day


@pytest.fixture
def data(today: date) -> DemoDataSet:
    return demo_data(today)


# --- identity codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "birth",
    [
        date(1899, 12, 31),
        date(1900, 1, 1),
        date(1896, 2, 29),
        date(1904, 2, 29),
        date(1999, 12, 31),
        date(2000, 1, 1),
        date(2000, 2, 29),
        date(2008, 2, 29),
        date(2024, 2, 29),
        date(2099, 12, 31),
    ],
    ids=str,
)
def test_identity_code_matches_stdnum_on_edge_dates(birth: date) -> None:
    for individual in (900, 901, 950, 998, 999):
        code = make_identity_code(birth, individual)
        assert hetu.validate(code, allow_temporary=True) == code
        assert _birth_date_in(code) == birth
        assert code[7:10] == f"{individual:03d}"


def test_identity_code_matches_stdnum_on_many_dates() -> None:
    rng = random.Random(20240229)
    start, span = date(1800, 1, 1), (date(2099, 12, 31) - date(1800, 1, 1)).days
    days = [start + timedelta(days=rng.randrange(span + 1)) for _ in range(2000)]
    days += [date(1999, 12, 1) + timedelta(days=n) for n in range(62)]  # 1999 → 2000
    for birth in days:
        code = make_identity_code(birth, rng.randrange(900, 1000))
        assert hetu.validate(code, allow_temporary=True) == code
        assert _birth_date_in(code) == birth


def test_identity_code_check_character_is_the_only_valid_one() -> None:
    code = make_identity_code(date(1985, 7, 14), 927)
    for other in "0123456789ABCDEFHJKLMNPRSTUVWXY":
        if other != code[-1]:
            with pytest.raises(ValidationError):
                hetu.validate(code[:-1] + other, allow_temporary=True)


def test_identity_codes_are_temporary_codes_only() -> None:
    code = make_identity_code(date(1985, 7, 14), 927)
    with pytest.raises(ValidationError):
        hetu.validate(code)  # a real-person check refuses the 900–999 range


@pytest.mark.parametrize("individual", [-1, 0, 2, 899, 1000])
def test_identity_code_outside_test_range_is_refused(individual: int) -> None:
    with pytest.raises(ValueError, match="test range"):
        make_identity_code(date(1985, 7, 14), individual)


@pytest.mark.parametrize("birth", [date(1799, 12, 31), date(2100, 1, 1)], ids=str)
def test_identity_code_outside_supported_centuries_is_refused(birth: date) -> None:
    with pytest.raises(ValueError, match="outside"):
        make_identity_code(birth, 950)


def test_people_identity_codes_validate_and_encode_birth_date(data: DemoDataSet) -> None:
    for person in data.people:
        assert person.identity_code is not None, person.key
        code = person.identity_code
        assert hetu.validate(code, allow_temporary=True) == code, person.key
        assert _birth_date_in(code) == person.birth_date, person.key
        assert 900 <= int(code[7:10]) <= 999, person.key


def test_people_identity_codes_and_keys_are_unique(data: DemoDataSet) -> None:
    codes = [person.identity_code for person in data.people]
    assert len(set(codes)) == len(codes)
    keys = [person.key for person in data.people]
    assert len(set(keys)) == len(keys)


def test_people_have_notes_and_known_languages(data: DemoDataSet) -> None:
    for person in data.people:
        assert person.note.strip(), person.key
        assert person.language in {"fi", "sv", "en"}, person.key
    assert {person.language for person in data.people} == {"fi", "sv", "en"}


# --- date helpers -----------------------------------------------------------------------------


def test_shift_years_moves_leap_day_to_28_february() -> None:
    assert shift_years(date(2028, 2, 29), -18) == date(2010, 2, 28)
    assert shift_years(date(2028, 2, 29), -4) == date(2024, 2, 29)
    assert shift_years(date(2027, 12, 31), -1) == date(2026, 12, 31)


def test_leap_day_birth_is_a_29_february() -> None:
    for today in TODAYS:
        birth = leap_day_birth(today)
        assert (birth.month, birth.day) == (2, 29)
        assert 30 <= _age(birth, today) <= 37


# --- places -----------------------------------------------------------------------------------


def test_properties_are_in_distinct_districts_across_regions(data: DemoDataSet) -> None:
    districts = {prop.district["fi"] for prop in data.properties}
    assert len(data.properties) >= 4
    assert len(districts) == len(data.properties) >= 3
    region_keys = {region.key for region in data.regions}
    assert len(region_keys) == 2
    assert {prop.region_key for prop in data.properties} == region_keys
    assert all(region.offices for region in data.regions)
    keys = [prop.key for prop in data.properties]
    assert len(set(keys)) == len(keys)


def test_units(data: DemoDataSet) -> None:
    assert sum(len(prop.units) for prop in data.properties) >= 30
    for prop in data.properties:
        keys = [(unit.staircase, unit.number) for unit in prop.units]
        assert len(set(keys)) == len(keys), prop.key
        for unit in prop.units:
            assert unit.has_sauna == unit.rooms.endswith("+s"), (prop.key, unit)
            assert 1 <= unit.floor <= prop.floors, (prop.key, unit)
            assert 15 < unit.area_m2 < 150, (prop.key, unit)
    assert any(unit.has_sauna for prop in data.properties for unit in prop.units)


def _localized_fields(data: DemoDataSet) -> list[tuple[str, dict[str, str]]]:
    found: list[tuple[str, dict[str, str]]] = []
    records: list[object] = [*data.regions, *data.properties]
    records += [office for region in data.regions for office in region.offices]
    for record in records:
        for f in fields(record):  # type: ignore[arg-type]
            value = getattr(record, f.name)
            if isinstance(value, dict):
                found.append((f"{getattr(record, 'key', '?')}.{f.name}", value))
    return found


def test_every_localized_field_has_finnish(data: DemoDataSet) -> None:
    localized = _localized_fields(data)
    assert len(localized) > 40
    for name, text in localized:
        assert text.get("fi", "").strip(), name
        assert set(text) <= {"fi", "sv", "en"}, name
        assert all(value.strip() for value in text.values()), name


def test_some_translations_are_deliberately_missing(data: DemoDataSet) -> None:
    localized = _localized_fields(data)
    assert any("sv" not in text for _, text in localized)
    assert any("en" not in text for _, text in localized)
    # ... and some properties are complete in all three languages.
    complete = [
        prop.key
        for prop in data.properties
        if all(
            {"fi", "sv", "en"} <= set(getattr(prop, f.name))
            for f in fields(prop)
            if isinstance(getattr(prop, f.name), dict)
        )
    ]
    assert complete


def test_contacts_are_clearly_fake(data: DemoDataSet) -> None:
    phones: list[str] = []
    emails: list[str] = [staff.email for staff in data.staff]
    for region in data.regions:
        for office in region.offices:
            phones.append(office.phone)
            emails.append(office.email)
    for prop in data.properties:
        phones += [
            prop.emergency_phone,
            prop.maintenance_company_phone,
            prop.house_manager_phone,
        ]
        emails += [prop.maintenance_company_email, prop.house_manager_email]
    for phone in phones:
        assert phone.startswith("+358 "), phone
        assert "000" in phone, phone
    for email in emails:
        assert email.endswith(("@example.fi", "@example.com")), email


# --- leases and people ------------------------------------------------------------------------


def test_leases_reference_existing_units_and_people(data: DemoDataSet) -> None:
    people = _people(data)
    units = {
        (prop.key, unit.staircase, unit.number) for prop in data.properties for unit in prop.units
    }
    numbers = [lease.number for lease in data.leases]
    assert len(set(numbers)) == len(numbers)
    for lease in data.leases:
        assert (lease.property_key, lease.staircase, lease.unit_number) in units, lease.number
        assert lease.signed_on <= lease.starts_on, lease.number
        assert lease.ends_on is None or lease.starts_on <= lease.ends_on, lease.number
        assert lease.occupants, lease.number
        assert sum(o.role == "main_tenant" for o in lease.occupants) >= 1, lease.number
        in_lease = [o.person_key for o in lease.occupants]
        assert len(set(in_lease)) == len(in_lease), lease.number
        for occupancy in lease.occupants:
            person = people[occupancy.person_key]
            assert occupancy.role in {"main_tenant", "co_tenant", "occupant"}
            assert occupancy.moved_in_on >= lease.starts_on, (lease.number, person.key)
            assert occupancy.moved_in_on >= person.birth_date, (lease.number, person.key)
            if occupancy.role != "occupant":
                assert _age(person.birth_date, lease.signed_on) >= 18, person.key
            if occupancy.moved_out_on is not None:
                assert occupancy.moved_out_on >= occupancy.moved_in_on, person.key


def test_leases_of_one_unit_do_not_overlap(data: DemoDataSet) -> None:
    by_unit: dict[tuple[str, str, str], list[DemoLease]] = {}
    for lease in data.leases:
        key = (lease.property_key, lease.staircase, lease.unit_number)
        by_unit.setdefault(key, []).append(lease)
    for unit_leases in by_unit.values():
        ordered = sorted(unit_leases, key=lambda lease: lease.starts_on)
        for earlier, later in pairwise(ordered):
            assert earlier.ends_on is not None
            assert earlier.ends_on < later.starts_on


def test_every_lease_state_exists(data: DemoDataSet, today: date) -> None:
    leases = data.leases
    not_started = [lease for lease in leases if lease.starts_on > today]
    active = [lease for lease in leases if _is_active(lease, today)]
    ended = [lease for lease in leases if lease.ends_on is not None and lease.ends_on < today]
    under_notice = [lease for lease in active if lease.ends_on is not None]
    assert not_started, "a lease signed but not started"
    assert ended, "an ended lease"
    assert under_notice, "an active lease that ends in the future"
    assert len(active) >= 8
    assert all(lease.signed_on <= today for lease in leases)
    # A home with an ended lease and a current one.
    units_of_ended = {(lease.property_key, lease.staircase, lease.unit_number) for lease in ended}
    assert any(
        (lease.property_key, lease.staircase, lease.unit_number) in units_of_ended
        for lease in active
    )


def test_age_situations(data: DemoDataSet, today: date) -> None:
    people = _people(data)
    current = [lease for lease in data.leases if _is_active(lease, today)]
    occupants = [people[o.person_key] for lease in current for o in lease.occupants]
    ages = {person.key: _age(person.birth_date, today) for person in occupants}
    assert any(age < 18 for age in ages.values()), "a minor occupant"
    assert any(
        age == 17 and _age(people[key].birth_date, today + timedelta(days=90)) == 18
        for key, age in ages.items()
    ), "a minor who turns 18 within three months"
    assert any(
        18 <= ages[o.person_key] < 25
        for lease in current
        for o in lease.occupants
        if o.role == "occupant" and o.moved_out_on is None
    ), "an adult child as an occupant"
    assert any((p.birth_date.month, p.birth_date.day) == (2, 29) for p in data.people)


def test_scenario_people(data: DemoDataSet, today: date) -> None:
    people = _people(data)
    leases_of = Counter(o.person_key for lease in data.leases for o in lease.occupants)

    assert "applicant" in people
    assert leases_of["applicant"] == 0

    two_leases = [key for key, count in leases_of.items() if count >= 2]
    assert two_leases
    for key in two_leases:
        own = [lease for lease in data.leases if key in {o.person_key for o in lease.occupants}]
        assert any(_is_active(lease, today) for lease in own)

    def leases_for(key: str) -> list[DemoLease]:
        return [lease for lease in data.leases if key in {o.person_key for o in lease.occupants}]

    only_ended = [
        key
        for key in leases_of
        if all(lease.ends_on is not None and lease.ends_on < today for lease in leases_for(key))
    ]
    assert only_ended
    only_not_started = [
        key for key in leases_of if all(lease.starts_on > today for lease in leases_for(key))
    ]
    assert only_not_started

    moved_out = [
        o
        for lease in data.leases
        if _is_active(lease, today)
        for o in lease.occupants
        if o.moved_out_on is not None and o.moved_out_on < today
    ]
    assert moved_out

    roles = {o.role for lease in data.leases for o in lease.occupants}
    assert roles == {"main_tenant", "co_tenant", "occupant"}
    main_tenant_languages = {
        people[o.person_key].language
        for lease in data.leases
        for o in lease.occupants
        if o.role == "main_tenant"
    }
    assert {"sv", "en"} <= main_tenant_languages


def test_staff_cover_every_role_and_scope(data: DemoDataSet) -> None:
    region_keys = {region.key for region in data.regions}
    assert {role for member in data.staff for role in member.roles} == STAFF_ROLES
    emails = [member.email for member in data.staff]
    assert len(set(emails)) == len(emails)
    for member in data.staff:
        assert set(member.roles) <= STAFF_ROLES
        assert set(member.region_keys) <= region_keys
        assert member.all_regions != bool(member.region_keys), member.email
    assert any(m.all_regions and "admin" in m.roles for m in data.staff)
    customer_service_regions = [
        set(m.region_keys) for m in data.staff if "customer_service" in m.roles
    ]
    assert set().union(*customer_service_regions) == region_keys
    assert any(len(regions) == 1 for regions in customer_service_regions)
    assert {m.language for m in data.staff} >= {"fi", "sv"}


def test_demo_data_is_deterministic(today: date) -> None:
    assert demo_data(today) == demo_data(today)


def test_fixed_records_do_not_depend_on_today() -> None:
    first, later = demo_data(TODAYS[0]), demo_data(TODAYS[-1])
    assert first.properties == later.properties
    assert first.staff == later.staff
    assert [lease.number for lease in first.leases] == [lease.number for lease in later.leases]
    assert [p.key for p in first.people] == [p.key for p in later.people]
