"""Domain errors: raised by services, mapped to RFC 9457 problem details in ``problems``.

Each error names a catalog key (``problem.<code>``) so the person reading it gets the
title and detail in their own language.
"""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad-request"

    def __init__(self, detail_key: str | None = None, **params: Any) -> None:
        self.detail_key = detail_key or f"problem.{self.code}.detail"
        self.params = params
        super().__init__(self.detail_key)

    @property
    def headers(self) -> dict[str, str]:
        return {}


class NotFoundError(DomainError):
    status = 404
    code = "not-found"


class AccessDeniedError(DomainError):
    status = 403
    code = "forbidden"


class NotAuthenticatedError(DomainError):
    status = 401
    code = "not-authenticated"


class ConflictError(DomainError):
    status = 409
    code = "conflict"


class InvalidInputError(DomainError):
    status = 422
    code = "invalid-input"

    def __init__(
        self,
        detail_key: str | None = None,
        errors: list[dict[str, str]] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(detail_key, **params)
        self.errors = errors or []


class UnavailableError(DomainError):
    status = 503
    code = "unavailable"


class RateLimitedError(DomainError):
    status = 429
    code = "too-many-requests"

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after=retry_after)
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"retry-after": str(self.retry_after)}
