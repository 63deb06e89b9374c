"""The defect categories: a typed constant table (code, not data), in two groups —
the home (apartment) and the property's common areas — plus the emergencies, which are
never filed: the resident is told to call the property's 24/7 line instead (DESIGN §1).

``expected_days`` is the promised handling time; "expected by" = filing date + days.
A common-area category is also the area code of the ticket (``Ticket.area``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Group = Literal["apartment", "common_area", "emergency"]
GROUPS: tuple[Group, ...] = ("apartment", "common_area", "emergency")


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    group: Group
    fi: str
    sv: str
    en: str
    expected_days: int

    @property
    def emergency(self) -> bool:
        return self.group == "emergency"

    @property
    def common_area(self) -> bool:
        return self.group == "common_area"

    def name(self, language: str) -> str:
        return {"fi": self.fi, "sv": self.sv, "en": self.en}.get(language, self.fi)


GROUP_NAMES: dict[Group, dict[str, str]] = {
    "apartment": {"fi": "Asunto", "sv": "Bostaden", "en": "Apartment"},
    "common_area": {"fi": "Yhteiset tilat", "sv": "Gemensamma utrymmen", "en": "Common areas"},
    "emergency": {
        "fi": "Kiireellinen vika: soita huoltoyhtiön päivystysnumeroon",
        "sv": "Brådskande fel: ring servicebolagets jourtelefon",
        "en": "Urgent defect: call the 24/7 maintenance line",
    },
}

CATEGORIES: tuple[Category, ...] = (
    Category("kitchen", "apartment", "Keittiö", "Kök", "Kitchen", 14),
    Category(
        "bathroom", "apartment", "Kylpyhuone ja WC", "Badrum och toalett", "Bathroom and toilet", 7
    ),
    Category("sauna", "apartment", "Sauna", "Bastu", "Sauna", 14),
    Category("rooms", "apartment", "Huoneet", "Rum", "Rooms", 21),
    Category("balcony", "apartment", "Parveke", "Balkong", "Balcony", 21),
    Category("doors_locks", "apartment", "Ovet ja lukot", "Dörrar och lås", "Doors and locks", 7),
    Category("windows", "apartment", "Ikkunat", "Fönster", "Windows", 14),
    Category("ventilation", "apartment", "Ilmanvaihto", "Ventilation", "Ventilation", 14),
    Category("heating", "apartment", "Lämmitys", "Uppvärmning", "Heating", 3),
    Category("electricity", "apartment", "Sähkö", "El", "Electricity", 3),
    Category(
        "water_drains", "apartment", "Vesi ja viemärit", "Vatten och avlopp", "Water and drains", 3
    ),
    Category("appliances", "apartment", "Kodinkoneet", "Hushållsmaskiner", "Appliances", 7),
    Category("stairwell", "common_area", "Porraskäytävä", "Trapphus", "Stairwell", 7),
    Category("laundry_room", "common_area", "Pesutupa", "Tvättstuga", "Laundry room", 5),
    Category("common_sauna", "common_area", "Taloyhtiön sauna", "Husets bastu", "Sauna", 7),
    Category("yard", "common_area", "Piha", "Gård", "Yard", 14),
    Category("parking", "common_area", "Pysäköinti", "Parkering", "Parking", 14),
    Category("elevator", "common_area", "Hissi", "Hiss", "Elevator", 2),
    Category("waste_room", "common_area", "Jätehuone", "Soprum", "Waste room", 5),
    Category("water_leak", "emergency", "Vesivuoto", "Vattenläcka", "Water leak", 0),
    Category(
        "no_heating_winter",
        "emergency",
        "Lämmitys ei toimi talvella",
        "Ingen värme på vintern",
        "No heating in winter",
        0,
    ),
    Category("lockout", "emergency", "Avaimet hukassa, ulos lukittu", "Utelåst", "Locked out", 0),
    Category("fire_smoke", "emergency", "Tulipalo tai savu", "Brand eller rök", "Fire or smoke", 0),
)

CATEGORY_BY_CODE: dict[str, Category] = {category.code: category for category in CATEGORIES}
COMMON_AREAS: tuple[str, ...] = tuple(c.code for c in CATEGORIES if c.common_area)


def category(code: str) -> Category | None:
    return CATEGORY_BY_CODE.get(code)
