"""The audit log, for admins: ``GET /api/staff/audit``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from litestar import Controller, Response, get
from litestar.params import QueryParameter

from backend.accounts.access import StaffDep
from backend.audit import services
from backend.audit.schemas import ActorType, AuditEventOut, AuditPageOut
from backend.audit.services import AuditFilter
from backend.media.http import NO_STORE


class AuditController(Controller):
    path = "/api/staff/audit"
    tags = ("staff", "audit")

    @get("/")
    async def events(
        self,
        staff: StaffDep,
        actor_id: Annotated[UUID | None, QueryParameter(name="actorId")] = None,
        actor_type: Annotated[ActorType | None, QueryParameter(name="actorType")] = None,
        action: Annotated[str | None, QueryParameter(name="action", max_length=80)] = None,
        entity_type: Annotated[str | None, QueryParameter(name="entityType", max_length=40)] = None,
        entity_id: Annotated[UUID | None, QueryParameter(name="entityId")] = None,
        since: Annotated[datetime | None, QueryParameter(name="from")] = None,
        until: Annotated[datetime | None, QueryParameter(name="to")] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=200)] = 50,
        offset: Annotated[int, QueryParameter(name="offset", ge=0)] = 0,
    ) -> Response[AuditPageOut]:
        """Audit events, newest first, filtered; ``from`` is inclusive, ``to`` exclusive
        (pass the first page's ``to`` to later pages to page a fixed set). Admins only; the
        read itself is recorded."""
        flt = AuditFilter(
            actor_id=actor_id,
            actor_type=actor_type,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
        rows, total = await services.audit_page(staff, flt)
        items = [
            AuditEventOut(
                id=row["id"],
                at=row["at"],
                actor_type=row["actor_type"],
                actor_id=row["actor_id"],
                actor_name=row["actor_name"],
                action=row["action"],
                entity_type=row["entity_type"],
                entity_id=row["entity_id"],
                details=row["details"] if isinstance(row["details"], dict) else {},
                request_id=row["request_id"],
            )
            for row in rows
        ]
        return Response(AuditPageOut(items=items, total=total), headers=NO_STORE)


CONTROLLERS: list[type[Controller]] = [AuditController]
