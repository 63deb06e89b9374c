"""Rate limits of the identity endpoints, shared by their controllers."""

from __future__ import annotations

from typing import Any

from litestar import Request

from backend.core.rate_limit import RateLimiter
from backend.settings import Settings

IP_WINDOW_SECONDS = 60
ACCOUNT_WINDOW_SECONDS = 15 * 60


def client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


async def limit_ip(
    request: Request[Any, Any, Any], limiter: RateLimiter, settings: Settings, scope: str
) -> None:
    await limiter.hit(
        scope,
        client_ip(request),
        limit=settings.auth_rate_limit_per_ip,
        window_seconds=IP_WINDOW_SECONDS,
    )


async def limit_account(limiter: RateLimiter, settings: Settings, scope: str, subject: str) -> None:
    await limiter.hit(
        scope,
        subject,
        limit=settings.auth_rate_limit_per_account,
        window_seconds=ACCOUNT_WINDOW_SECONDS,
    )
