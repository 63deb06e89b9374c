"""Piccolo app config: the media tables and their migrations in migrations/media/."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.media.tables import Blob

TABLES: list[Any] = [Blob]

APP_CONFIG = AppConfig(
    app_name="media",
    migrations_folder_path=str(MIGRATIONS_ROOT / "media"),
    table_classes=TABLES,
    migration_dependencies=["backend.accounts.piccolo_app"],
    commands=[],
)
