"""Piccolo app config: the rent tables and their migrations in migrations/rent/."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.rent.tables import Invoice, Payment

TABLES: list[Any] = [Invoice, Payment]

APP_CONFIG = AppConfig(
    app_name="rent",
    migrations_folder_path=str(MIGRATIONS_ROOT / "rent"),
    table_classes=TABLES,
    migration_dependencies=["backend.occupancy.piccolo_app", "backend.accounts.piccolo_app"],
    commands=[],
)
