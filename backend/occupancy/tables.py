"""Leases and the register of occupants, as imported from the housing company's ERP."""

from piccolo.columns import JSON, UUID, Date, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from backend.property.tables import Unit
from backend.staff.tables import StaffUser


class Lease(Table, tablename="lease"):
    id = UUID(primary_key=True)
    number = Varchar(length=40, unique=True)
    unit = ForeignKey(Unit, null=False, index=True)
    signed_on = Date()
    starts_on = Date()
    # Inclusive: the last day of the lease; empty while the lease runs until further notice.
    ends_on = Date(null=True, default=None)


class Occupant(Table, tablename="occupant"):
    """One row of the register of occupants: a person living (or about to live) in a lease."""

    id = UUID(primary_key=True)
    lease = ForeignKey(Lease, null=False)
    first_name = Varchar(length=100)
    last_name = Varchar(length=100)
    birth_date = Date()
    # Keyed HMAC of the personal identity code; the code itself is never stored.
    identity_code_hmac = Varchar(length=64, null=True, default=None, index=True)
    role = Varchar(length=20)  # main_tenant | co_tenant | occupant
    moved_in_on = Date()
    # Inclusive: the last day the person is in the register; empty while they live there.
    moved_out_on = Date(null=True, default=None)


class OccupantChange(Table, tablename="occupant_change"):
    """A main tenant's report of a change in the register (someone moves in or out, a new
    name, a birth), waiting for staff. Approval changes the register in the same
    transaction; access follows from the register by itself."""

    id = UUID(primary_key=True)
    lease = ForeignKey(Lease, null=False, index=True)
    kind = Varchar(length=20)  # move_in | move_out | name_change | birth
    # What was reported, by kind (camelCase keys as on the wire; never an identity code).
    payload = JSON()
    status = Varchar(length=20, default="pending", index=True)  # pending | approved | rejected
    # The resident account that reported it. A plain id, not a foreign key: the accounts
    # app builds on this one, so this table cannot point back at it.
    reported_by = UUID()
    reported_at = Timestamptz()
    # The register row the change is about (move out, name change), or the one approval
    # created (move in, birth).
    occupant = ForeignKey(Occupant, null=True, default=None)
    decided_by = ForeignKey(StaffUser, null=True, default=None)
    decided_at = Timestamptz(null=True, default=None)
    reason = Varchar(length=1000, null=True, default=None)  # why it was rejected
