"""Why strong identification failed: domain errors with a catalog key per cause.

``problem.strong-auth.<reason>`` (in ``messages/``) tells the person what happened and what to
do next. Neither an exception message nor a log line ever carries the identity code or any
token content.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from backend.core.errors import DomainError

logger = logging.getLogger("backend.oidc")

FailureReason = Literal[
    "cancelled",
    "provider-error",
    "state-mismatch",
    "expired",
    "code-rejected",
    "token-invalid",
    "identity-code-missing",
    "unavailable",
]


class StrongAuthError(DomainError):
    """Strong identification failed; ``reason`` says why (for the audit log), the detail key
    ``problem.strong-auth.<reason>`` tells the person what happened and what to do."""

    status = 400
    code = "strong-auth-failed"

    def __init__(self, reason: FailureReason) -> None:
        super().__init__(f"problem.strong-auth.{reason}")
        self.reason: FailureReason = reason


class StrongAuthUnavailable(StrongAuthError):
    """The identification service did not answer, or answered something unusable."""

    status = 502
    code = "strong-auth-unavailable"

    def __init__(self) -> None:
        super().__init__("unavailable")


def fail(reason: FailureReason, cause: str, **context: Any) -> StrongAuthError:
    """Log the failure with its cause (never a code or a token) and return the error."""
    logger.warning("strong identification failed: %s", cause, extra={"reason": reason, **context})
    return StrongAuthUnavailable() if reason == "unavailable" else StrongAuthError(reason)
