"""Piccolo app config: the news tables and their migrations in migrations/news/."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.news.tables import News, NewsRead

TABLES: list[Any] = [News, NewsRead]

APP_CONFIG = AppConfig(
    app_name="news",
    migrations_folder_path=str(MIGRATIONS_ROOT / "news"),
    table_classes=TABLES,
    migration_dependencies=[
        "backend.property.piccolo_app",
        "backend.staff.piccolo_app",
        "backend.accounts.piccolo_app",
    ],
    commands=[],
)
