"""Regions, offices, properties and their units.

Texts residents read are stored per language as JSON objects ``{"fi": ..., "sv": ..., "en": ...}``;
Finnish is the most complete and every read falls back to it (see ``backend.core.i18n``).
"""

from piccolo.columns import (
    JSON,
    UUID,
    Boolean,
    ForeignKey,
    Numeric,
    SmallInt,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class Region(Table, tablename="region"):
    id = UUID(primary_key=True)
    code = Varchar(length=40, unique=True)
    name = JSON()


class Office(Table, tablename="office"):
    """A regional customer-service office (where office identification happens)."""

    id = UUID(primary_key=True)
    region = ForeignKey(Region, null=False)
    name = JSON()
    street_address = JSON()
    postal_code = Varchar(length=10)
    city = JSON()
    phone = Varchar(length=40)
    email = Varchar(length=254)
    opening_hours = JSON()


class Property(Table, tablename="property"):
    id = UUID(primary_key=True)
    region = ForeignKey(Region, null=False)
    code = Varchar(length=40, unique=True)
    name = Varchar(length=200)
    street_address = JSON()
    postal_code = Varchar(length=10)
    city = JSON()
    district = JSON()
    year_built = SmallInt(null=True, default=None)
    floors = SmallInt(null=True, default=None)
    heating = JSON()
    description = JSON()
    emergency_phone = Varchar(length=40)
    maintenance_company_name = Varchar(length=200)
    maintenance_company_phone = Varchar(length=40)
    maintenance_company_email = Varchar(length=254)
    house_manager_name = Varchar(length=200)
    house_manager_phone = Varchar(length=40)
    house_manager_email = Varchar(length=254)
    sauna_times = JSON()
    laundry_times = JSON()
    waste_sorting = JSON()
    updated_at = Timestamptz()


class Unit(Table, tablename="unit"):
    """A home (apartment) in a property."""

    id = UUID(primary_key=True)
    property = ForeignKey(Property, null=False, index=True)
    staircase = Varchar(length=10)
    number = Varchar(length=20)
    floor = SmallInt(default=1)
    rooms = Varchar(length=40)
    area_m2 = Numeric(digits=(6, 1))
    has_sauna = Boolean(default=False)


class PropertyDocument(Table, tablename="property_document"):
    """House rules, the rescue plan and other documents of a property.

    A document is either a localized text (``body``) or a PDF kept by the media service
    (``blob_id``). The blob is referenced by id only: the media app depends on this one, so
    a foreign key would make the migrations circular.
    """

    id = UUID(primary_key=True)
    property = ForeignKey(Property, null=False, index=True)
    kind = Varchar(length=20)  # house_rules | rescue_plan | other
    title = JSON()
    body = JSON()
    blob_id = UUID(null=True, default=None)
    file_name = Varchar(length=200, null=True, default=None)
    sort_order = SmallInt(default=0)
    created_at = Timestamptz()
    updated_at = Timestamptz()
