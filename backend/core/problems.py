"""The one place where errors become HTTP: RFC 9457 problem details in the reader's language."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import asyncpg
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR
from litestar.types import ExceptionHandlersMap

from backend.core.errors import DomainError, InvalidInputError
from backend.core.i18n import Language, as_language, negotiate_language, translate
from backend.core.logging import request_id_var

logger = logging.getLogger("backend.errors")
PROBLEM_MEDIA_TYPE = "application/problem+json"

_HTTP_STATUS_CODES = {
    400: "bad-request",
    401: "not-authenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "invalid-input",
    429: "too-many-requests",
    503: "unavailable",
}


def request_language(request: Request[Any, Any, Any]) -> Language:
    explicit = as_language(request.query_params.get("lang"))
    return explicit or negotiate_language(request.headers.get("accept-language"))


def problem_response(
    request: Request[Any, Any, Any],
    status: int,
    code: str,
    detail_key: str | None = None,
    headers: dict[str, str] | None = None,
    params: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response[dict[str, Any]]:
    language = request_language(request)
    request_id = request_id_var.get() or ""
    body: dict[str, Any] = {
        "type": f"/problems/{code}",
        "title": translate(f"problem.{code}.title", language),
        "status": status,
        "detail": translate(
            detail_key or f"problem.{code}.detail",
            language,
            **{"request_id": request_id, **(params or {})},
        ),
        "instance": request.url.path,
        "requestId": request_id,
        **(extra or {}),
    }
    return Response(
        content=body,
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers={"content-language": language, **(headers or {})},
    )


def _domain_error(request: Request[Any, Any, Any], error: DomainError) -> Response[Any]:
    extra: dict[str, Any] = {}
    if isinstance(error, InvalidInputError) and error.errors:
        extra["errors"] = error.errors
    return problem_response(
        request,
        error.status,
        error.code,
        error.detail_key,
        headers=error.headers or None,
        params=error.params,
        extra=extra,
    )


def _validation_error(request: Request[Any, Any, Any], error: ValidationException) -> Response[Any]:
    errors = [
        {"field": str(item.get("key") or ""), "message": str(item.get("message") or "")}
        for item in (error.extra if isinstance(error.extra, list) else [])
        if isinstance(item, dict)
    ]
    code = "invalid-input" if errors else "bad-request"
    return problem_response(request, 400, code, extra={"errors": errors} if errors else None)


def _http_error(request: Request[Any, Any, Any], error: HTTPException) -> Response[Any]:
    status = error.status_code
    if status >= 500 and status != 503:
        return _unexpected_error(request, error)
    code = _HTTP_STATUS_CODES.get(status, "bad-request")
    if status == 403 and "CSRF" in str(error.detail):
        code = "csrf"  # Litestar's CSRF middleware: tell the person to reload
    return problem_response(request, status, code, headers=error.headers or None)


def _integrity_error(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    # A race the services' own checks could not see (two copies of the same offline
    # submission at once, say): the database refused the second, nothing was half-written.
    logger.warning("Integrity error answered as a conflict: %s", type(error).__name__)
    return problem_response(request, 409, "conflict")


def _unexpected_error(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    logger.exception("Unhandled error", exc_info=error)
    return problem_response(request, HTTP_500_INTERNAL_SERVER_ERROR, "internal")


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    DomainError: _domain_error,
    sqlite3.IntegrityError: _integrity_error,
    asyncpg.exceptions.IntegrityConstraintViolationError: _integrity_error,
    ValidationException: _validation_error,
    HTTPException: _http_error,
    Exception: _unexpected_error,
}
