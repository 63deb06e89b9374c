"""Piccolo app config: the sync tables and their migrations in migrations/sync/."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from sync.tables import (
    ClientBlob,
    ClientGroup,
    ClientView,
    PendingPhoto,
    RejectedMutation,
    SyncClient,
)

TABLES: list[Any] = [
    ClientGroup,
    SyncClient,
    RejectedMutation,
    ClientView,
    ClientBlob,
    PendingPhoto,
]

APP_CONFIG = AppConfig(
    app_name="sync",
    migrations_folder_path=str(MIGRATIONS_ROOT / "sync"),
    table_classes=TABLES,
    migration_dependencies=[
        "backend.accounts.piccolo_app",
        "backend.media.piccolo_app",
        "backend.tickets.piccolo_app",
    ],
    commands=[],
)
