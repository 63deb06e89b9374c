"""The audit log: who read or changed what, and when."""

from piccolo.columns import JSON, UUID, Timestamptz, Varchar
from piccolo.table import Table


class AuditEvent(Table, tablename="audit_event"):
    id = UUID(primary_key=True)
    at = Timestamptz(index=True)
    actor_type = Varchar(length=20)  # resident | staff | system
    actor_id = UUID(null=True, default=None)
    action = Varchar(length=80, index=True)
    entity_type = Varchar(length=40, null=True, default=None)
    entity_id = UUID(null=True, default=None)
    request_id = Varchar(length=64, null=True, default=None)
    details = JSON()
