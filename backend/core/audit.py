"""Writes to the audit log; called inside the service's own transaction."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from backend.core.logging import request_id_var
from backend.core.tables import AuditEvent


async def record_event(
    *,
    actor_type: str,
    action: str,
    actor_id: uuid.UUID | None = None,
    entity_type: str | None = None,
    entity_id: uuid.UUID | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    await AuditEvent.insert(
        AuditEvent(
            id=uuid.uuid4(),
            at=datetime.now(UTC),
            actor_type=actor_type,
            actor_id=actor_id,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            request_id=request_id_var.get(),
            details=details or {},
        )
    )


async def record_staff_read(
    staff_id: uuid.UUID, *, entity_type: str, entity_id: uuid.UUID, what: str
) -> None:
    """Every staff read of a resident's personal data leaves a trace (DESIGN §1)."""
    await record_event(
        actor_type="staff",
        actor_id=staff_id,
        action="personal_data.read",
        entity_type=entity_type,
        entity_id=entity_id,
        details={"what": what},
    )
