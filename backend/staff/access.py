"""Staff roles and regional scope."""

from __future__ import annotations

import enum


class StaffRole(enum.StrEnum):
    CUSTOMER_SERVICE = "customer_service"
    MAINTENANCE = "maintenance"
    LEASE_CONTROL = "lease_control"
    EDITOR = "editor"
    ADMIN = "admin"
