"""Piccolo app config: the messages tables and their migrations in migrations/messages/."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT

TABLES: list[Any] = []

APP_CONFIG = AppConfig(
    app_name="messages",
    migrations_folder_path=str(MIGRATIONS_ROOT / "messages"),
    table_classes=TABLES,
    migration_dependencies=["backend.accounts.piccolo_app"],
    commands=[],
)
