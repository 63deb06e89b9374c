"""Thread categories, and which of them only a main tenant may use.

DESIGN §1 gives main tenants (signatories and co-tenants) "rent invoices, payment status and
rent debt, service requests (disturbance, DIY renovation permission, lease transfer,
apartment inspection, parking, sauna), ... lease termination". Those categories are
main-tenant-only. Every resident may write about keys, to lease control and about anything
else ("other"), because DESIGN gives every resident "send messages".
"""

from __future__ import annotations

import enum


class MessageCategory(enum.StrEnum):
    RENT_AND_PAYMENTS = "rent_and_payments"
    LEASE_CONTROL = "lease_control"
    PARKING = "parking"
    SAUNA = "sauna"
    KEYS = "keys"
    DISTURBANCE = "disturbance"
    DIY_RENOVATION = "diy_renovation"
    LEASE_TRANSFER = "lease_transfer"
    APARTMENT_INSPECTION = "apartment_inspection"
    LEASE_TERMINATION = "lease_termination"
    OTHER = "other"


SERVICE_REQUESTS = frozenset(
    {
        MessageCategory.DISTURBANCE,
        MessageCategory.DIY_RENOVATION,
        MessageCategory.LEASE_TRANSFER,
        MessageCategory.APARTMENT_INSPECTION,
        MessageCategory.PARKING,
        MessageCategory.SAUNA,
    }
)

MAIN_TENANT_ONLY = frozenset(
    {
        *SERVICE_REQUESTS,
        MessageCategory.RENT_AND_PAYMENTS,
        MessageCategory.LEASE_TERMINATION,
    }
)


def main_tenant_only(category: str) -> bool:
    return category in MAIN_TENANT_ONLY


class ThreadStatus(enum.StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"
