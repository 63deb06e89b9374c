"""Piccolo app config: the core tables and their migrations in migrations/core/."""

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.core.tables import AuditEvent

APP_CONFIG = AppConfig(
    app_name="core",
    migrations_folder_path=str(MIGRATIONS_ROOT / "core"),
    table_classes=[AuditEvent],
    migration_dependencies=[],
    commands=[],
)
