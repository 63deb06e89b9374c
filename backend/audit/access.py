"""Who may read the audit log: admins only (it names residents and what staff read of them)."""

from __future__ import annotations

from backend.accounts.access import StaffPrincipal
from backend.core.errors import AccessDeniedError
from backend.staff.access import StaffRole


def require_audit_reader(staff: StaffPrincipal) -> None:
    if StaffRole.ADMIN not in staff.roles:
        raise AccessDeniedError()
