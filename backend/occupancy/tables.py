"""Leases and the register of occupants, as imported from the housing company's ERP."""

from piccolo.columns import UUID, Date, ForeignKey, Varchar
from piccolo.table import Table

from backend.property.tables import Unit


class Lease(Table, tablename="lease"):
    id = UUID(primary_key=True)
    number = Varchar(length=40, unique=True)
    unit = ForeignKey(Unit, null=False)
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
