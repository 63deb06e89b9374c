"""Piccolo app config: the staff tables and their migrations in migrations/staff/."""

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.staff.tables import StaffRegion, StaffUser

APP_CONFIG = AppConfig(
    app_name="staff",
    migrations_folder_path=str(MIGRATIONS_ROOT / "staff"),
    table_classes=[StaffUser, StaffRegion],
    migration_dependencies=["backend.property.piccolo_app"],
    commands=[],
)
