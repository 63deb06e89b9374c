"""Piccolo app config: the property tables and their migrations in migrations/property/."""

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.property.tables import Office, Property, PropertyDocument, Region, Unit

APP_CONFIG = AppConfig(
    app_name="property",
    migrations_folder_path=str(MIGRATIONS_ROOT / "property"),
    table_classes=[Region, Office, Property, Unit, PropertyDocument],
    migration_dependencies=[],
    commands=[],
)
