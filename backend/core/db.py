"""The database engine, chosen by settings, and the registry of Piccolo apps.

This module is Piccolo's configuration (``PICCOLO_CONF``): it defines ``DB`` and
``APP_REGISTRY``. The top-level ``piccolo_conf.py`` re-exports them for the ``piccolo`` CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from piccolo.columns import Column
from piccolo.columns.combination import WhereRaw
from piccolo.conf.apps import AppRegistry
from piccolo.custom_types import Combinable
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine

from backend.core.sqlite_engine import EmbeddedSQLiteEngine
from backend.settings import Settings, get_settings

APP_NAMES = (
    "core",
    "property",
    "occupancy",
    "staff",
    "accounts",
    "media",
    "tickets",
    "messages",
    "news",
    "rent",
    "notifications",
    "sync",
)
# The sync protocol lives beside the backend (DESIGN §3), the features inside it.
_APP_MODULES = {name: f"backend.{name}.piccolo_app" for name in APP_NAMES} | {
    "sync": "sync.piccolo_app"
}
MIGRATIONS_ROOT = Path(__file__).resolve().parents[2] / "migrations"


def engine_from_settings(settings: Settings) -> Engine[Any]:
    if settings.is_sqlite:
        path = Path(settings.sqlite_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return EmbeddedSQLiteEngine(path=str(path), readers=settings.sqlite_readers)
    dsn = settings.effective_database_url.replace("postgresql+asyncpg://", "postgresql://")
    return PostgresEngine(config={"dsn": dsn})


DB = engine_from_settings(get_settings())
APP_REGISTRY = AppRegistry(apps=[_APP_MODULES[name] for name in APP_NAMES])


async def open_database(settings: Settings) -> None:
    if isinstance(DB, PostgresEngine):
        await DB.start_connection_pool(min_size=1, max_size=settings.database_pool_size)
    else:
        await DB.start_connection_pool()


async def close_database() -> None:
    if isinstance(DB, PostgresEngine) and DB.pool is None:
        return
    await DB.close_connection_pool()


async def ping_database() -> None:
    await DB.run_ddl("SELECT 1", in_pool=True)


def among(column: Column, values: Sequence[Any]) -> Combinable:
    """``column IN values`` for a batch of hundreds: on PostgreSQL one array parameter
    (``= ANY($1)``) instead of one parameter per value, which the ORM converts one by one."""
    if isinstance(DB, PostgresEngine) and values:
        name = f'"{column._meta.table._meta.tablename}"."{column._meta.db_column_name}"'
        return WhereRaw(f"{name} = ANY({{}})", list(values))
    return column.is_in(list(values))
