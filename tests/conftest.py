"""Test configuration: one database per run (SQLite file, or PostgreSQL when
``PORTAL_TEST_DATABASE_URL`` is set), migrated once, emptied before each test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Settings are read once, at first use: point them at the test stores before any import.
_VAR_DIR = Path(tempfile.mkdtemp(prefix="portal-test-"))
TEST_DATABASE_URL = (
    os.environ.get("PORTAL_TEST_DATABASE_URL") or f"sqlite:///{_VAR_DIR}/test.sqlite3"
)
TEST_REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "")
for _key in [k for k in os.environ if k.startswith("PORTAL_")]:
    del os.environ[_key]
os.environ.update(
    {
        "PORTAL_ENVIRONMENT": "test",
        "PORTAL_VAR_DIR": str(_VAR_DIR),
        "PORTAL_DATABASE_URL": TEST_DATABASE_URL,
        "PORTAL_REDIS_URL": TEST_REDIS_URL,
        "PORTAL_LOG_FORMAT": "text",
    }
)

from collections.abc import AsyncIterator  # noqa: E402

import httpx  # noqa: E402
import pytest  # noqa: E402
from litestar import Litestar  # noqa: E402
from litestar.testing import AsyncTestClient  # noqa: E402

from backend.app import create_app  # noqa: E402
from backend.core.db import APP_NAMES, DB, close_database  # noqa: E402
from backend.settings import Settings, get_settings  # noqa: E402

IS_POSTGRES = not TEST_DATABASE_URL.startswith("sqlite")


def _tables_in_dependency_order() -> list[str]:
    from piccolo.conf.apps import Finder
    from piccolo.table import sort_table_classes

    tables = Finder().get_table_classes(include_apps=list(APP_NAMES))
    return [t._meta.tablename for t in sort_table_classes(tables)]


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[None]:
    from backend.core.migrate import migrate

    if IS_POSTGRES:
        await DB.run_ddl("DROP SCHEMA public CASCADE")
        await DB.run_ddl("CREATE SCHEMA public")
    await migrate(quiet=True)
    yield
    await close_database()


@pytest.fixture
async def db(database: None) -> None:
    """An empty, migrated database for one test."""
    tables = _tables_in_dependency_order()
    if IS_POSTGRES:
        await DB.run_ddl(f"TRUNCATE {', '.join(tables)} CASCADE")
    else:
        async with DB.transaction():
            for table in reversed(tables):
                await DB.run_ddl(f"DELETE FROM {table}")


@pytest.fixture
def settings() -> Settings:
    return get_settings()


@pytest.fixture
def app(settings: Settings) -> Litestar:
    return create_app(settings)


UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
WITHOUT_CSRF = "x-test-without-csrf"


async def send_csrf_token(test_client: httpx.AsyncClient) -> None:
    """Like the PWA: fetch the session first (which sets the CSRF cookie), then copy the
    cookie into the header of every state-changing request. A test sends the header
    ``x-test-without-csrf`` to see what happens without it."""
    await test_client.get("/api/session")

    async def add_token(request: httpx.Request) -> None:
        if request.method not in UNSAFE_METHODS:
            return
        if request.headers.pop(WITHOUT_CSRF, None) is not None:
            return
        if "x-csrf-token" in request.headers:
            return
        token = test_client.cookies.get("portal_csrf")
        if token:
            request.headers["x-csrf-token"] = token

    test_client.event_hooks["request"].append(add_token)


@pytest.fixture
async def other_device(
    client: AsyncTestClient[Litestar], app: Litestar
) -> AsyncIterator[httpx.AsyncClient]:
    """A second browser on the same running app (its own cookies)."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver.local") as device:
        await send_csrf_token(device)
        yield device


@pytest.fixture
async def client(db: None, app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=app) as test_client:
        await send_csrf_token(test_client)
        yield test_client


def pytest_report_header() -> str:
    return (
        f"database: {'PostgreSQL' if IS_POSTGRES else 'SQLite'}; redis: {TEST_REDIS_URL or 'none'}"
    )
