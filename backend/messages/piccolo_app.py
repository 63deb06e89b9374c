"""Piccolo app config: the messages tables and their migrations in migrations/messages/."""

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.messages.tables import (
    MessageAttachment,
    MessageThread,
    ThreadMessage,
    ThreadReadMark,
)

TABLES = [MessageThread, ThreadMessage, ThreadReadMark, MessageAttachment]

APP_CONFIG = AppConfig(
    app_name="messages",
    migrations_folder_path=str(MIGRATIONS_ROOT / "messages"),
    table_classes=TABLES,
    migration_dependencies=[
        "backend.accounts.piccolo_app",
        "backend.media.piccolo_app",
        "backend.occupancy.piccolo_app",
        "backend.property.piccolo_app",
        "backend.staff.piccolo_app",
    ],
    commands=[],
)
