"""Wire types of the audit-log view (camelCase JSON)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from backend.accounts.schemas import Wire

ActorType = Literal["resident", "staff", "system"]


class AuditEventOut(Wire):
    id: UUID
    at: datetime
    actor_type: str
    actor_id: UUID | None
    # The staff user's name, or the resident's name in the register; null for the system
    # or someone no longer found.
    actor_name: str | None
    action: str
    entity_type: str | None
    entity_id: UUID | None
    details: dict[str, Any]
    request_id: str | None


class AuditPageOut(Wire):
    items: list[AuditEventOut]
    total: int
