"""The eligibility function, exhaustively: every lease state × age × role."""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta

import pytest

from backend.occupancy.access import (
    LeaseAccess,
    OccupancyRecord,
    age_on,
    eligibility,
    lease_access,
)

TODAY = date(2026, 11, 30)
DAY = timedelta(days=1)

# lease state → (signed_on, starts_on, ends_on) relative to TODAY
LEASE_STATES: dict[str, tuple[date, date, date | None]] = {
    "not_signed_yet": (TODAY + 5 * DAY, TODAY + 40 * DAY, None),
    "signed_not_started": (TODAY - 10 * DAY, TODAY + 20 * DAY, None),
    "starts_today": (TODAY - 30 * DAY, TODAY, None),
    "active_open_ended": (TODAY - 900 * DAY, TODAY - 800 * DAY, None),
    "active_notice_given": (TODAY - 900 * DAY, TODAY - 800 * DAY, TODAY + 31 * DAY),
    "ends_today": (TODAY - 900 * DAY, TODAY - 800 * DAY, TODAY),
    "ended_yesterday": (TODAY - 900 * DAY, TODAY - 800 * DAY, TODAY - DAY),
    "ended_long_ago": (TODAY - 3000 * DAY, TODAY - 2900 * DAY, TODAY - 400 * DAY),
}
# age situation → birth date
AGES: dict[str, date] = {
    "child_12": date(2014, 5, 17),
    "turns_18_tomorrow": date(2008, 12, 1),
    "turns_18_today": date(2008, 11, 30),
    "adult_45": date(1981, 3, 3),
    "senior_90": date(1936, 7, 1),
}
ROLES = ("main_tenant", "co_tenant", "occupant", "unknown_role")

ACCESS_BY_STATE: dict[str, LeaseAccess | None] = {
    # None: depends on the role (resident or main tenant)
    "not_signed_yet": LeaseAccess.NONE,
    "signed_not_started": LeaseAccess.BEFORE_START,
    "starts_today": None,
    "active_open_ended": None,
    "active_notice_given": None,
    "ends_today": None,
    "ended_yesterday": LeaseAccess.NONE,
    "ended_long_ago": LeaseAccess.NONE,
}
ADULT = {"turns_18_today", "adult_45", "senior_90"}


def record(state: str, role: str, **overrides: object) -> OccupancyRecord:
    signed_on, starts_on, ends_on = LEASE_STATES[state]
    values: dict[str, object] = {
        "lease_id": uuid.uuid4(),
        "role": role,
        "signed_on": signed_on,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "moved_in_on": starts_on,
        "moved_out_on": None,
    }
    values.update(overrides)
    return OccupancyRecord(**values)  # type: ignore[arg-type]


def expected(state: str, age: str, role: str) -> LeaseAccess:
    if age not in ADULT or role == "unknown_role":
        return LeaseAccess.NONE
    by_state = ACCESS_BY_STATE[state]
    if by_state is not None:
        return by_state
    return LeaseAccess.MAIN_TENANT if role in ("main_tenant", "co_tenant") else LeaseAccess.RESIDENT


@pytest.mark.parametrize(
    ("state", "age", "role"), list(itertools.product(LEASE_STATES, AGES, ROLES))
)
def test_every_lease_state_age_and_role(state: str, age: str, role: str) -> None:
    occupancy = record(state, role)
    access = lease_access(AGES[age], occupancy, TODAY)
    assert access is expected(state, age, role)
    assert eligibility(AGES[age], [occupancy], TODAY) == (
        {} if access is LeaseAccess.NONE else {occupancy.lease_id: access}
    )


def test_an_applicant_in_no_lease_has_no_access() -> None:
    assert eligibility(date(1990, 1, 1), [], TODAY) == {}


def test_a_person_with_two_leases_gets_both_on_their_own_terms() -> None:
    old_home = record("active_notice_given", "main_tenant")
    new_home = record("signed_not_started", "main_tenant")
    assert eligibility(date(1985, 6, 1), [old_home, new_home], TODAY) == {
        old_home.lease_id: LeaseAccess.MAIN_TENANT,
        new_home.lease_id: LeaseAccess.BEFORE_START,
    }


def test_after_moving_out_the_lease_is_no_longer_visible() -> None:
    adult = date(1990, 1, 1)
    moved_out_yesterday = record("active_open_ended", "occupant", moved_out_on=TODAY - DAY)
    moves_out_today = record("active_open_ended", "occupant", moved_out_on=TODAY)
    assert lease_access(adult, moved_out_yesterday, TODAY) is LeaseAccess.NONE
    assert lease_access(adult, moves_out_today, TODAY) is LeaseAccess.RESIDENT


def test_someone_moving_in_later_into_a_running_lease_waits_like_before_start() -> None:
    spouse = record("active_open_ended", "co_tenant", moved_in_on=TODAY + 14 * DAY)
    assert lease_access(date(1990, 1, 1), spouse, TODAY) is LeaseAccess.BEFORE_START


def test_a_minor_gets_access_on_their_18th_birthday() -> None:
    occupancy = record("active_open_ended", "occupant")
    born = date(2008, 12, 1)
    assert lease_access(born, occupancy, date(2026, 11, 30)) is LeaseAccess.NONE
    assert lease_access(born, occupancy, date(2026, 12, 1)) is LeaseAccess.RESIDENT


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2026, 2, 28), 17),  # common year: not yet on 28 February
        (date(2026, 3, 1), 18),  # ... but on 1 March
        (date(2028, 2, 28), 19),
        (date(2028, 2, 29), 20),  # leap year: on the day itself
        (date(2027, 2, 28), 18),
    ],
)
def test_age_of_someone_born_on_29_february(on: date, age: int) -> None:
    assert age_on(date(2008, 2, 29), on) == age


def test_born_on_29_february_gets_access_on_1_march_in_a_common_year() -> None:
    occupancy = record("active_open_ended", "main_tenant")
    born = date(2008, 2, 29)
    assert lease_access(born, occupancy, date(2026, 2, 28)) is LeaseAccess.NONE
    assert lease_access(born, occupancy, date(2026, 3, 1)) is LeaseAccess.MAIN_TENANT


def test_listed_twice_on_one_lease_the_stronger_entry_wins() -> None:
    lease_id = uuid.uuid4()
    as_occupant = record("active_open_ended", "occupant", lease_id=lease_id)
    as_tenant = record("active_open_ended", "main_tenant", lease_id=lease_id)
    for order in ([as_occupant, as_tenant], [as_tenant, as_occupant]):
        assert eligibility(date(1980, 1, 1), order, TODAY) == {lease_id: LeaseAccess.MAIN_TENANT}
