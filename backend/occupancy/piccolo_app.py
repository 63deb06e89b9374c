"""Piccolo app config: the occupancy tables and their migrations in migrations/occupancy/."""

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.occupancy.tables import Lease, Occupant, OccupantChange

APP_CONFIG = AppConfig(
    app_name="occupancy",
    migrations_folder_path=str(MIGRATIONS_ROOT / "occupancy"),
    table_classes=[Lease, Occupant, OccupantChange],
    migration_dependencies=["backend.property.piccolo_app", "backend.staff.piccolo_app"],
    commands=[],
)
