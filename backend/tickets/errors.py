"""Domain errors of the tickets feature (titles and details in messages/{fi,sv,en}.json)."""

from __future__ import annotations

from backend.core.errors import ConflictError, DomainError, InvalidInputError


class EmergencyCategoryError(DomainError):
    """An emergency is never a form: the answer is the property's 24/7 number (``phone``)."""

    status = 409
    code = "emergency"


class UnknownCategoryError(InvalidInputError):
    code = "unknown-category"


class CategoryAreaError(InvalidInputError):
    code = "unknown-area"


class ContactWindowRequiredError(InvalidInputError):
    code = "contact-window-required"


class TicketIdConflictError(ConflictError):
    """The client's id is taken by a ticket with different content."""

    code = "ticket-id-conflict"


class InvalidTransitionError(ConflictError):
    code = "ticket-transition"


class ReopenWindowError(ConflictError):
    code = "ticket-reopen-window"


class TicketClosedError(ConflictError):
    code = "ticket-closed"


class PhotoLimitError(ConflictError):
    code = "ticket-photo-limit"


class RatingNotAllowedError(ConflictError):
    code = "ticket-rating"


class ScheduleRequiredError(InvalidInputError):
    code = "ticket-schedule"


class RejectReasonRequiredError(InvalidInputError):
    code = "ticket-reject-reason"


class InvalidAssigneeError(InvalidInputError):
    code = "ticket-assignee"
