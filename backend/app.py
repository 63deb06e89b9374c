"""``create_app()``: the one place where routes, plugins and dependencies are assembled."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import import_module
from importlib.metadata import version
from typing import Any

from litestar import Litestar
from litestar.config.compression import CompressionConfig
from litestar.config.csrf import CSRFConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Contact

from backend.accounts import principal_cache
from backend.accounts.access import (
    provide_optional_principal,
    provide_principal,
    provide_resident,
    provide_staff,
)
from backend.core import versions
from backend.core.db import close_database, open_database
from backend.core.health import HealthController
from backend.core.logging import configure_logging
from backend.core.middleware import request_context_middleware
from backend.core.problems import EXCEPTION_HANDLERS
from backend.core.pwa import PwaController
from backend.core.rate_limit import RateLimiter
from backend.core.runtime import tune_garbage_collection
from backend.core.sessions import session_config
from backend.core.stores import Stores
from backend.oidc.client import OidcClient
from backend.settings import Settings, get_settings
from sync import freshness, prepared
from sync.poke import channels_plugin, close_channels
from sync.push import forget_owners

# Each feature lists its controllers in CONTROLLERS.
FEATURE_CONTROLLERS = (
    "backend.accounts.controllers",
    "backend.accounts.registration_controllers",
    "backend.accounts.profile_controllers",
    "backend.staff.controllers",
    "backend.property.controllers",
    "backend.occupancy.controllers",
    "backend.media.controllers",
    "backend.tickets.controllers",
    "backend.messages.controllers",
    "backend.news.controllers",
    "backend.rent.controllers",
    "backend.notifications.controllers",
    "backend.audit.controllers",
    "sync.controllers",
)
CSRF_COOKIE = "portal_csrf"
CSRF_HEADER = "x-csrf-token"


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    configure_logging(settings)
    stores = Stores(settings)
    limiter = RateLimiter(stores.redis)
    versions.configure(stores.redis)
    principal_cache.configure(settings.cache_max_age_seconds)
    preparer = prepared.configure(freshness.configure(settings.cache_max_age_seconds), settings)
    forget_owners()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        from backend.notifications.worker import embedded_worker

        await open_database(settings)
        tune_garbage_collection()
        try:
            # The embedded default delivers web push from this process (DESIGN §6).
            async with embedded_worker(settings):
                yield
        finally:
            await preparer.settled()
            await app.state.oidc_client.aclose()
            await close_channels()
            await close_database()
            await stores.close()

    def oidc_client(state: State) -> OidcClient:
        client: OidcClient = state.oidc_client
        return client

    route_handlers: list[Any] = [HealthController]
    for module in FEATURE_CONTROLLERS:
        route_handlers.extend(import_module(module).CONTROLLERS)
    if settings.strong_auth == "demo":
        from backend.oidc.controllers import DemoBankController

        route_handlers.append(DemoBankController)
    route_handlers.append(PwaController)  # last: its catch-all serves the app's screens

    app = Litestar(
        route_handlers=route_handlers,
        dependencies={
            "settings": Provide(lambda: settings, use_cache=True, sync_to_thread=False),
            "stores": Provide(lambda: stores, use_cache=True, sync_to_thread=False),
            "limiter": Provide(lambda: limiter, use_cache=True, sync_to_thread=False),
            "oidc_client": Provide(oidc_client, sync_to_thread=False),
            "optional_principal": Provide(provide_optional_principal),
            "principal": Provide(provide_principal),
            "resident": Provide(provide_resident),
            "staff": Provide(provide_staff),
        },
        lifespan=[lifespan],
        exception_handlers=EXCEPTION_HANDLERS,
        stores=stores.registry(),
        plugins=[channels_plugin(settings)],
        # Outside the session middleware: views are bumped once the handler's write commits.
        middleware=[freshness.view_change_middleware, session_config(settings).middleware],
        csrf_config=CSRFConfig(
            secret=settings.secret_key,
            cookie_name=CSRF_COOKIE,
            header_name=CSRF_HEADER,
            cookie_secure=settings.is_https,
            cookie_samesite="lax",
            # The demo bank's own forms, and the provider's redirect back (a GET anyway).
            exclude=["^/oidc/demo/", "^/auth/oidc/callback"],
        ),
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
    # The relying party reaches the demo bank inside this process; a real broker over HTTP.
    app.state.oidc_client = OidcClient.for_app(settings, app)
    app.state.stores = stores
    return app
