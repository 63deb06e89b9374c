"""Liveness and readiness probes for load balancers and orchestrators."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency

from backend.core.db import ping_database
from backend.core.problems import problem_response
from backend.core.stores import Stores

logger = logging.getLogger("backend.health")
_CHECK_TIMEOUT_SECONDS = 2.0


class HealthStatus(msgspec.Struct):
    status: str
    checks: dict[str, str]


class HealthController(Controller):
    path = "/health"
    tags = ("health",)

    @get("/live", sync_to_thread=False)
    def live(self) -> HealthStatus:
        """The process is up and answering."""
        return HealthStatus(status="ok", checks={})

    @get("/ready")
    async def ready(
        self, request: Request[Any, Any, Any], stores: NamedDependency[Stores]
    ) -> Response[Any]:
        """The process can serve: the database (and Redis, when configured) answers."""
        checks: dict[str, str] = {}
        failures: list[str] = []
        for name, probe in (("database", ping_database), ("redis", stores.ping)):
            if name == "redis" and stores.redis is None:
                continue
            try:
                await asyncio.wait_for(probe(), _CHECK_TIMEOUT_SECONDS)
                checks[name] = "ok"
            except Exception as error:
                logger.warning(
                    "readiness check failed", extra={"check": name, "error": repr(error)}
                )
                checks[name] = "down"
                failures.append(name)
        if failures:
            return problem_response(request, 503, "unavailable", extra={"checks": checks})
        return Response(HealthStatus(status="ok", checks=checks))
