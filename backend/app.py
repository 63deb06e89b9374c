"""``create_app()``: the one place where routes, plugins and dependencies are assembled."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from litestar import Litestar
from litestar.config.compression import CompressionConfig
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Contact

from backend.core.db import close_database, open_database
from backend.core.health import HealthController
from backend.core.logging import configure_logging
from backend.core.middleware import request_context_middleware
from backend.core.problems import EXCEPTION_HANDLERS
from backend.core.pwa import PwaController
from backend.core.stores import Stores
from backend.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    configure_logging(settings)
    stores = Stores(settings)

    @asynccontextmanager
    async def lifespan(_: Litestar) -> AsyncIterator[None]:
        await open_database(settings)
        try:
            yield
        finally:
            await close_database()
            await stores.close()

    app = Litestar(
        route_handlers=[HealthController, PwaController],
        dependencies={
            "settings": Provide(lambda: settings, use_cache=True, sync_to_thread=False),
            "stores": Provide(lambda: stores, use_cache=True, sync_to_thread=False),
        },
        lifespan=[lifespan],
        exception_handlers=EXCEPTION_HANDLERS,
        stores=stores.registry(),
        compression_config=CompressionConfig(backend="gzip", minimum_size=1024),
        openapi_config=OpenAPIConfig(
            title="Resident Portal API",
            version=version("resident-portal"),
            description="The self-service API of the Resident Portal.",
            contact=Contact(name="Resident Portal team", email="portal@example.fi"),
            path="/schema",
        ),
        logging_config=None,
        debug=False,
    )
    # Around the whole handler (not per route), so that routing errors (404, 405) get the
    # request id, the log line and the security headers too.
    app.asgi_handler = request_context_middleware(app.asgi_handler)
    return app
