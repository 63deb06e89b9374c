"""Piccolo app config: the notification tables and their migrations."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.notifications.tables import Notification, PushSubscription

TABLES: list[Any] = [PushSubscription, Notification]

APP_CONFIG = AppConfig(
    app_name="notifications",
    migrations_folder_path=str(MIGRATIONS_ROOT / "notifications"),
    table_classes=TABLES,
    migration_dependencies=["backend.accounts.piccolo_app"],
    commands=[],
)
