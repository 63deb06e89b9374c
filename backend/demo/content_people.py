"""Demo people, leases and staff, with every date relative to ``today``.

The set is loaded on any date and must still show every situation: a lease not yet started,
active leases, an ended lease, a lease under notice, a person moving between two homes,
minors (one about to turn 18), an adult child, a person who moved out, an applicant with no
lease, and residents who read the portal in Swedish and in English.

Identity codes come from the 900–999 test range; an odd individual number is a man, an even
one a woman, as in real codes. Everyone's individual number is distinct, so codes are too.
"""

import calendar
from datetime import date, timedelta

from backend.demo.content_places import (
    CENTRAL_WEST,
    EAST,
    HERTTONIEMI,
    JATKASAARI,
    KALLIO,
    KONTULA,
    VUOSAARI,
)
from backend.demo.identity_codes import test_identity_code
from backend.demo.model import DemoLease, DemoOccupancy, DemoPerson, DemoStaff

# Adults' birth dates (and so their identity codes) stay the same from day to day, so that a
# tester can keep using a code; only the minors, whose age is the point, move with ``today``.
ADULTS_AS_OF = date(2026, 11, 30)

MAIN = "main_tenant"
CO = "co_tenant"
OCC = "occupant"


def shift_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later (negative: earlier); 29.2. becomes 28.2. when
    the target year has no 29 February."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def years_ago(today: date, years: int, days: int = 0) -> date:
    """``years`` years and ``days`` more days before ``today``."""
    return shift_years(today, -years) - timedelta(days=days)


def born(today: date, age: int, days_since_birthday: int) -> date:
    """A birth date that makes the person ``age`` years old today; the last birthday was
    ``days_since_birthday`` (0–364) days ago."""
    if not 0 <= days_since_birthday <= 364:
        raise ValueError("days_since_birthday must be 0–364")
    return years_ago(today, age, days_since_birthday)


def leap_day_birth(today: date, min_age: int = 30) -> date:
    """29 February of the latest leap year at least ``min_age`` years back (age 30–37)."""
    year = today.year - min_age
    while not calendar.isleap(year):
        year -= 1
    return date(year, 2, 29)


# What a tester can try with each person (shown in the README next to the name).
NOTES: dict[str, str] = {
    "main_tenant": (
        "Main tenant with a spouse and children: rent invoices, service requests, "
        "occupant-change reports and lease termination are all available."
    ),
    "co_tenant": ("Co-tenant (spouse) of Mikko Laine: the same main-tenant features as he has."),
    "adult_occupant": (
        "Adult child (19) in the register of occupants: may register, log in and file "
        "defect notifications, but gets no rent invoices or service requests."
    ),
    "minor_12": "Minor (12): in the register of occupants, but may not register or log in.",
    "moved_out_parent": (
        "Main tenant whose adult son moved out about four months ago; the occupant list "
        "shows him as moved out."
    ),
    "moved_out": (
        "Moved out of an active lease about four months ago (moved_out_on in the past): "
        "strong identification finds him, but registration and login are refused."
    ),
    "lease_ended": (
        "His only lease ended about five months ago: registration and login are refused, "
        "and any old session is revoked."
    ),
    "new_tenant": (
        "Main tenant of a home whose previous lease (Pekka Salminen's) ended; sees nothing "
        "of the previous tenant."
    ),
    "senior": (
        "Main tenant for over 20 years, lives alone, an older user: try large text and the "
        "24/7 emergency number on the first screen."
    ),
    "moving": (
        "Two leases: the old home is under notice and ends in 3 weeks, the new one is signed "
        "and starts in 2 weeks (a week of overlap). Sees each home separately and chooses; "
        "the new one shows only 'your lease starts on …' until it starts."
    ),
    "moving_child": "Minor (9) in both of his mother's leases; no login.",
    "family_main": "Main tenant in Vuosaari, a family with a baby; Finnish user.",
    "family_co_tenant": "Co-tenant (spouse) of Ville Koskinen.",
    "baby": "Baby (1) who moved in at birth: moved_in_on equals the birth date.",
    "english": (
        "English-speaking main tenant in Vuosaari, a property with no English texts: every "
        "property text falls back to Finnish, and the page says so."
    ),
    "swedish": (
        "Swedish-speaking main tenant in Kallio, where the Swedish description and waste "
        "sorting are missing: those two fall back to Finnish, the rest is in Swedish."
    ),
    "swedish_co_tenant": "Swedish-speaking co-tenant (spouse) of Henrik Lindström.",
    "minor_turning_18": (
        "Minor (17) who turns 18 in about two months: refused now, may register from her "
        "18th birthday on."
    ),
    "leap_day": (
        "Born on 29 February (a leap day 30–37 years back, not shifted): identity code, age "
        "and birthday in non-leap years must work."
    ),
    "couple_main": "Main tenant in Jätkäsaari; her partner is the second signatory.",
    "couple_co_tenant": "Co-tenant (partner, not a spouse) of Jenni Rantanen.",
    "not_started": (
        "Only lease signed but not started (starts in 3 weeks): may register and log in, but "
        "sees only 'your lease starts on …' and the property info."
    ),
    "herttoniemi": (
        "Main tenant in Herttoniemi, where the sauna times are only in Finnish and the "
        "laundry times lack English."
    ),
    "applicant": (
        "Applicant in no lease: strong identification succeeds, but registration is "
        "refused ('no lease found')."
    ),
}


def _person(
    key: str,
    first_name: str,
    last_name: str,
    birth_date: date,
    individual: int,
    language: str = "fi",
) -> DemoPerson:
    return DemoPerson(
        key=key,
        first_name=first_name,
        last_name=last_name,
        birth_date=birth_date,
        identity_code=test_identity_code(birth_date, individual),
        language=language,
        note=NOTES[key],
    )


def people(today: date) -> tuple[DemoPerson, ...]:
    t = today
    ebba_born = shift_years(t + timedelta(days=61), -18)  # 17 today, 18 in about two months
    return (
        # Laine family, Kontulan Kaari B 36 (4h+k+s), lease active for six years.
        _person("main_tenant", "Mikko", "Laine", born(ADULTS_AS_OF, 46, 120), 901),
        _person("co_tenant", "Anna", "Laine", born(ADULTS_AS_OF, 44, 250), 902),
        _person("adult_occupant", "Eetu", "Laine", born(ADULTS_AS_OF, 19, 75), 903),
        _person("minor_12", "Venla", "Laine", born(t, 12, 200), 904),
        # Nieminen household, Kontulan Kaari A 9: the adult son moved out four months ago.
        _person("moved_out_parent", "Sari", "Nieminen", born(ADULTS_AS_OF, 51, 40), 906),
        _person("moved_out", "Joonas", "Nieminen", born(ADULTS_AS_OF, 22, 300), 905),
        # Kontulan Kaari A 14: an ended lease, then a new tenant in the same home.
        _person("lease_ended", "Pekka", "Salminen", born(ADULTS_AS_OF, 58, 10), 907),
        _person("new_tenant", "Laura", "Heikkinen", born(ADULTS_AS_OF, 31, 180), 908),
        # Kontulan Kaari A 1.
        _person("senior", "Pirjo", "Hämäläinen", born(ADULTS_AS_OF, 78, 330), 910),
        # Mäkinen: moving from Kontulan Kaari A 4 to Siilitien Honkapiha B 7.
        _person("moving", "Tiina", "Mäkinen", born(ADULTS_AS_OF, 38, 90), 912),
        _person("moving_child", "Onni", "Mäkinen", born(t, 9, 30), 909),
        # Koskinen family, Vuosaaren Merituuli A 6 (3h+k+s); Clarke in B 15.
        _person("family_main", "Ville", "Koskinen", born(ADULTS_AS_OF, 35, 60), 911),
        _person("family_co_tenant", "Noora", "Koskinen", born(ADULTS_AS_OF, 33, 140), 916),
        _person("baby", "Aada", "Koskinen", born(t, 1, 50), 918),
        _person("english", "Emily", "Clarke", born(ADULTS_AS_OF, 34, 210), 914, "en"),
        # Lindström family, Fleminginhovi A 12, Swedish-speaking; Karjalainen in B 16.
        _person("swedish", "Henrik", "Lindström", born(ADULTS_AS_OF, 49, 20), 913, "sv"),
        _person("swedish_co_tenant", "Sofia", "Lindström", born(ADULTS_AS_OF, 47, 160), 920, "sv"),
        _person("minor_turning_18", "Ebba", "Lindström", ebba_born, 922, "sv"),
        _person("leap_day", "Leena", "Karjalainen", leap_day_birth(ADULTS_AS_OF), 924),
        # Jätkäsaaren Majakka A 15 and A 4.
        _person("couple_main", "Jenni", "Rantanen", born(ADULTS_AS_OF, 29, 270), 926),
        _person("couple_co_tenant", "Arttu", "Saarinen", born(ADULTS_AS_OF, 30, 15), 915),
        _person("not_started", "Oskari", "Lehtonen", born(ADULTS_AS_OF, 25, 100), 917),
        # Siilitien Honkapiha A 3.
        _person("herttoniemi", "Seppo", "Kinnunen", born(ADULTS_AS_OF, 67, 230), 919),
        # In no lease.
        _person("applicant", "Aleksi", "Järvinen", born(ADULTS_AS_OF, 27, 45), 921),
    )


def _lease(
    number: str,
    property_key: str,
    unit: str,
    *,
    signed: date,
    starts: date,
    ends: date | None,
    occupants: tuple[DemoOccupancy, ...],
) -> DemoLease:
    staircase, unit_number = unit.split(" ")
    return DemoLease(
        number=number,
        property_key=property_key,
        staircase=staircase,
        unit_number=unit_number,
        signed_on=signed,
        starts_on=starts,
        ends_on=ends,
        occupants=occupants,
    )


def _in(person_key: str, role: str, since: date, until: date | None = None) -> DemoOccupancy:
    return DemoOccupancy(person_key=person_key, role=role, moved_in_on=since, moved_out_on=until)


def leases(today: date) -> tuple[DemoLease, ...]:
    """Lease numbers are fixed (the loader derives row ids from them), so their year part does
    not follow the signing date, which moves with ``today``."""
    t = today
    d = timedelta

    laine = years_ago(t, 6, 40)
    nieminen = years_ago(t, 9, 75)
    salminen, salminen_end = years_ago(t, 4, 90), t - d(days=150)
    heikkinen = t - d(days=135)
    hamalainen = years_ago(t, 21, 130)
    makinen_old, makinen_old_end = years_ago(t, 5, 60), t + d(days=21)
    makinen_new = t + d(days=14)
    koskinen = years_ago(t, 3, 15)
    clarke = years_ago(t, 2, 40)
    lindstrom = years_ago(t, 7, 200)
    karjalainen = years_ago(t, 1, 200)
    rantanen = years_ago(t, 4, 10)
    lehtonen = t + d(days=21)
    kinnunen = years_ago(t, 12, 300)

    laine_family = (
        _in("main_tenant", MAIN, laine),
        _in("co_tenant", CO, laine),
        _in("adult_occupant", OCC, laine),
        _in("minor_12", OCC, laine),
    )
    nieminen_household = (
        _in("moved_out_parent", MAIN, nieminen),
        _in("moved_out", OCC, nieminen, until=t - d(days=120)),
    )
    koskinen_family = (
        _in("family_main", MAIN, koskinen),
        _in("family_co_tenant", CO, koskinen),
        _in("baby", OCC, born(t, 1, 50)),  # moved in at birth
    )
    lindstrom_family = (
        _in("swedish", MAIN, lindstrom),
        _in("swedish_co_tenant", CO, lindstrom),
        _in("minor_turning_18", OCC, lindstrom),
    )

    # Active, no end date.
    active = (
        _lease(
            "VS-2019-00418",
            KONTULA,
            "B 36",
            signed=laine - d(days=24),
            starts=laine,
            ends=None,
            occupants=laine_family,
        ),
        _lease(
            "VS-2016-00207",
            KONTULA,
            "A 9",
            signed=nieminen - d(days=30),
            starts=nieminen,
            ends=None,
            occupants=nieminen_household,
        ),
        _lease(
            "VS-2004-00095",
            KONTULA,
            "A 1",
            signed=hamalainen - d(days=35),
            starts=hamalainen,
            ends=None,
            occupants=(_in("senior", MAIN, hamalainen),),
        ),
        _lease(
            "VS-2022-00862",
            VUOSAARI,
            "A 6",
            signed=koskinen - d(days=18),
            starts=koskinen,
            ends=None,
            occupants=koskinen_family,
        ),
        _lease(
            "VS-2023-01190",
            VUOSAARI,
            "B 15",
            signed=clarke - d(days=30),
            starts=clarke,
            ends=None,
            occupants=(_in("english", MAIN, clarke),),
        ),
        _lease(
            "VS-2018-00541",
            KALLIO,
            "A 12",
            signed=lindstrom - d(days=28),
            starts=lindstrom,
            ends=None,
            occupants=lindstrom_family,
        ),
        _lease(
            "VS-2024-01407",
            KALLIO,
            "B 16",
            signed=karjalainen - d(days=14),
            starts=karjalainen,
            ends=None,
            occupants=(_in("leap_day", MAIN, karjalainen),),
        ),
        _lease(
            "VS-2021-00976",
            JATKASAARI,
            "A 15",
            signed=rantanen - d(days=21),
            starts=rantanen,
            ends=None,
            occupants=(_in("couple_main", MAIN, rantanen), _in("couple_co_tenant", CO, rantanen)),
        ),
        _lease(
            "VS-2013-00318",
            HERTTONIEMI,
            "A 3",
            signed=kinnunen - d(days=40),
            starts=kinnunen,
            ends=None,
            occupants=(_in("herttoniemi", MAIN, kinnunen),),
        ),
        # The home of the ended lease below, let again two weeks after it ended.
        _lease(
            "VS-2025-01544",
            KONTULA,
            "A 14",
            signed=heikkinen - d(days=25),
            starts=heikkinen,
            ends=None,
            occupants=(_in("new_tenant", MAIN, heikkinen),),
        ),
    )
    ended = (
        # Ended about five months ago.
        _lease(
            "VS-2021-01032",
            KONTULA,
            "A 14",
            signed=salminen - d(days=20),
            starts=salminen,
            ends=salminen_end,
            occupants=(_in("lease_ended", MAIN, salminen, until=salminen_end),),
        ),
    )
    moving = (
        # Notice given: still active, ends in three weeks.
        _lease(
            "VS-2020-00733",
            KONTULA,
            "A 4",
            signed=makinen_old - d(days=21),
            starts=makinen_old,
            ends=makinen_old_end,
            occupants=(_in("moving", MAIN, makinen_old), _in("moving_child", OCC, makinen_old)),
        ),
        # Signed twelve days ago, starts in two weeks.
        _lease(
            "VS-2025-01688",
            HERTTONIEMI,
            "B 7",
            signed=t - d(days=12),
            starts=makinen_new,
            ends=None,
            occupants=(_in("moving", MAIN, makinen_new), _in("moving_child", OCC, makinen_new)),
        ),
    )
    not_started = (
        # Signed six days ago, starts in three weeks.
        _lease(
            "VS-2025-01702",
            JATKASAARI,
            "A 4",
            signed=t - d(days=6),
            starts=lehtonen,
            ends=None,
            occupants=(_in("not_started", MAIN, lehtonen),),
        ),
    )
    return active + ended + moving + not_started


def staff() -> tuple[DemoStaff, ...]:
    return (
        DemoStaff(
            "asiakaspalvelu.ita@example.fi", "Kaisa Virtanen", ("customer_service",), (EAST,)
        ),
        DemoStaff(
            "asiakaspalvelu.keskusta@example.fi",
            "Johanna Lindqvist",
            ("customer_service",),
            (CENTRAL_WEST,),
            language="sv",
        ),
        DemoStaff(
            "tiimivastaava.ita@example.fi",
            "Sanna Mäkelä",
            ("customer_service", "lease_control"),
            (EAST,),
        ),
        DemoStaff("huolto.ita@example.fi", "Markku Heinonen", ("maintenance",), (EAST,)),
        DemoStaff(
            "huolto.keskusta@example.fi",
            "Anders Holmström",
            ("maintenance",),
            (CENTRAL_WEST,),
            language="sv",
        ),
        DemoStaff(
            "vuokravalvonta@example.fi", "Riikka Salonen", ("lease_control",), (EAST, CENTRAL_WEST)
        ),
        DemoStaff(
            "viestinta@example.fi",
            "Mikaela Sundström",
            ("editor",),
            (EAST, CENTRAL_WEST),
            language="sv",
        ),
        DemoStaff("yllapito@example.fi", "Timo Korhonen", ("admin",), (), all_regions=True),
    )
