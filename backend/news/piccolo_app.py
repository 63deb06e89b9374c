"""Piccolo app config: the news tables and their migrations in migrations/news/."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT

TABLES: list[Any] = []

APP_CONFIG = AppConfig(
    app_name="news",
    migrations_folder_path=str(MIGRATIONS_ROOT / "news"),
    table_classes=TABLES,
    migration_dependencies=["backend.accounts.piccolo_app"],
    commands=[],
)
