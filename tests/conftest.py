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
# tests/sync/test_client_fixtures.py re-records the PWA's golden fixtures when this is 1.
RECORD_FIXTURES = os.environ.get("PORTAL_RECORD_FIXTURES") == "1"
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
from contextlib import asynccontextmanager  # noqa: E402

import httpx  # noqa: E402
import pytest  # noqa: E402
from litestar import Litestar  # noqa: E402

from backend.app import create_app  # noqa: E402
from backend.core.db import APP_NAMES, DB, close_database, open_database  # noqa: E402
from backend.settings import Settings, get_settings  # noqa: E402
from sync import prepared  # noqa: E402
from sync.poke import close_channels  # noqa: E402

IS_POSTGRES = not TEST_DATABASE_URL.startswith("sqlite")


def _tables_in_dependency_order() -> list[str]:
    from piccolo.conf.apps import Finder
    from piccolo.table import sort_table_classes

    tables = Finder().get_table_classes(include_apps=list(APP_NAMES))
    return [t._meta.tablename for t in sort_table_classes(tables)]


@pytest.fixture(scope="session")
async def database() -> AsyncIterator[None]:
    """Migrated once per run. The app runs in the tests' own event loop (see ``api_client``),
    so its connection pool is opened here, not by the app's lifespan."""
    from backend.core.migrate import migrate

    if IS_POSTGRES:
        await DB.run_ddl("DROP SCHEMA public CASCADE")
        await DB.run_ddl("CREATE SCHEMA public")
    await migrate(quiet=True)
    await open_database(get_settings())
    yield
    await close_database()


async def _empty_test_redis() -> None:
    """Rate-limit counters and sessions must not leak from one test into the next."""
    from redis.asyncio import Redis

    redis = Redis.from_url(TEST_REDIS_URL)
    try:
        await redis.flushdb()
    finally:
        await redis.aclose()


@pytest.fixture
async def db(database: None) -> None:
    """An empty, migrated database (and an empty test Redis database) for one test."""
    if TEST_REDIS_URL:
        await _empty_test_redis()
    tables = _tables_in_dependency_order()
    if IS_POSTGRES:
        await DB.run_ddl(f"TRUNCATE {', '.join(tables)} CASCADE")
        # The years' ticket number sequences (backend.tickets.numbers) start again too.
        await DB.run_ddl(
            "SELECT setval(oid, 1, false) FROM pg_class"
            " WHERE relkind = 'S' AND relname LIKE 'ticket\\_number\\_%'"
        )
    else:
        async with DB.transaction():
            for table in reversed(tables):
                await DB.run_ddl(f"DELETE FROM {table}")


@pytest.fixture
def settings() -> Settings:
    return get_settings()


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[Litestar]:
    """An app for a test; what its lifespan would close at shutdown is closed here."""
    app = create_app(settings)
    try:
        yield app
    finally:
        preparer = prepared.current()
        if preparer is not None:  # pulls prepared after the test's last writes
            await preparer.settled()
        await app.state.oidc_client.aclose()
        await app.state.stores.close()
        await close_channels()


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Litestar]:
    async with running_app(settings) as running:
        yield running


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


@asynccontextmanager
async def api_client(app: Litestar) -> AsyncIterator[httpx.AsyncClient]:
    """A browser on the app, served in this event loop (so the app and the test share one
    database pool); cookies kept, redirects not followed, CSRF header sent like the PWA."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver.local") as c:
        await send_csrf_token(c)
        yield c


@pytest.fixture
async def client(db: None, app: Litestar) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(app) as test_client:
        yield test_client


@pytest.fixture
async def other_device(
    client: httpx.AsyncClient, app: Litestar
) -> AsyncIterator[httpx.AsyncClient]:
    """A second browser on the same running app (its own cookies)."""
    async with api_client(app) as device:
        yield device


def pytest_report_header() -> str:
    return (
        f"database: {'PostgreSQL' if IS_POSTGRES else 'SQLite'}; redis: {TEST_REDIS_URL or 'none'}"
    )
