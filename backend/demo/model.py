"""The shape of the demo data set: plain frozen records, turned into rows by ``loader``."""

from dataclasses import dataclass, field
from datetime import date

# {"fi": ..., "sv": ..., "en": ...}; a missing language falls back to Finnish when read.
Localized = dict[str, str]


@dataclass(frozen=True)
class DemoOffice:
    key: str
    name: Localized
    street_address: Localized
    postal_code: str
    city: Localized
    phone: str
    email: str
    opening_hours: Localized


@dataclass(frozen=True)
class DemoRegion:
    key: str
    name: Localized
    offices: tuple[DemoOffice, ...]


@dataclass(frozen=True)
class DemoUnit:
    staircase: str
    number: str
    floor: int
    rooms: str
    area_m2: float
    has_sauna: bool = False


@dataclass(frozen=True)
class DemoProperty:
    key: str
    region_key: str
    name: str
    street_address: Localized
    postal_code: str
    city: Localized
    district: Localized
    year_built: int
    floors: int
    heating: Localized
    description: Localized
    emergency_phone: str
    maintenance_company_name: str
    maintenance_company_phone: str
    maintenance_company_email: str
    house_manager_name: str
    house_manager_phone: str
    house_manager_email: str
    sauna_times: Localized
    laundry_times: Localized
    waste_sorting: Localized
    units: tuple[DemoUnit, ...]


@dataclass(frozen=True)
class DemoPerson:
    key: str
    first_name: str
    last_name: str
    birth_date: date
    # A valid-format Finnish personal identity code from the 900–999 test range.
    identity_code: str | None
    language: str = "fi"
    note: str = ""  # what a tester can try with this person (listed in the README)


@dataclass(frozen=True)
class DemoOccupancy:
    person_key: str
    role: str  # main_tenant | co_tenant | occupant
    moved_in_on: date
    moved_out_on: date | None = None


@dataclass(frozen=True)
class DemoLease:
    number: str
    property_key: str
    staircase: str
    unit_number: str
    signed_on: date
    starts_on: date
    ends_on: date | None
    occupants: tuple[DemoOccupancy, ...] = field(default=())


@dataclass(frozen=True)
class DemoStaff:
    email: str
    name: str
    roles: tuple[str, ...]
    region_keys: tuple[str, ...]  # empty with all_regions
    all_regions: bool = False
    language: str = "fi"


@dataclass(frozen=True)
class DemoDataSet:
    regions: tuple[DemoRegion, ...]
    properties: tuple[DemoProperty, ...]
    people: tuple[DemoPerson, ...]
    leases: tuple[DemoLease, ...]
    staff: tuple[DemoStaff, ...]
