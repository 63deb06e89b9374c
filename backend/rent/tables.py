"""Rent invoices and payments of a lease, as the housing ERP has them (demo data for now).

Money is integer cents (euros); nothing here is ever a float.
"""

from piccolo.columns import UUID, Date, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.table import Table

from backend.occupancy.tables import Lease


class Invoice(Table, tablename="rent_invoice"):
    """A monthly rent charge. Its status is not stored: it follows from the payments and
    the due date (see ``backend.rent.accounting``)."""

    id = UUID(primary_key=True)
    lease = ForeignKey(Lease, null=False, index=True)
    period_start = Date()
    period_end = Date()  # inclusive
    issued_on = Date()
    due_date = Date()
    amount_cents = Integer()
    # Digits only: a Finnish national reference (with its check digit) or an RF creditor
    # reference (``RF…``); the other form is derived for display.
    reference = Varchar(length=25, index=True)
    iban = Varchar(length=34)  # the company's account the rent is paid to, compact
    barcode = Varchar(length=54)  # the virtual bank barcode (version 4 or 5)
    created_at = Timestamptz()


class Payment(Table, tablename="rent_payment"):
    """Money received for a lease. ``invoice`` is set when the reference matched one;
    unmatched payments pay the oldest open invoices first."""

    id = UUID(primary_key=True)
    lease = ForeignKey(Lease, null=False, index=True)
    invoice = ForeignKey(Invoice, null=True, default=None, index=True)
    amount_cents = Integer()
    paid_on = Date()
    reference = Varchar(length=25, null=True, default=None)
    created_at = Timestamptz()
