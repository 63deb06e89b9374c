"""Reading a lease's rent account (invoices, payments, statuses, ledger, debt), and the one
write rent has so far: the audit trace of a staff read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from backend.accounts.access import StaffPrincipal
from backend.core.audit import record_staff_read
from backend.core.db import DB
from backend.rent.accounting import (
    Charge,
    InvoiceStatus,
    LedgerLine,
    Receipt,
    allocate,
    invoice_status,
    ledger,
    rent_debt,
)
from backend.rent.tables import Invoice, Payment

# The company's bank account for rent. One constant, not a setting: the ERP will send the
# account with each invoice, and until then this is the demo company's (valid, fake) IBAN.
COMPANY_IBAN = "FI2112345600000785"
COMPANY_NAME = "Asuntoyhtiö Kotikallio Oy (demo)"


@dataclass(frozen=True, slots=True)
class InvoiceView:
    id: UUID
    period_start: date
    period_end: date
    issued_on: date
    due_date: date
    amount_cents: int
    paid_cents: int
    status: InvoiceStatus
    reference: str
    iban: str
    barcode: str


@dataclass(frozen=True, slots=True)
class PaymentView:
    id: UUID
    invoice_id: UUID | None
    paid_on: date
    amount_cents: int
    reference: str | None


@dataclass(frozen=True, slots=True)
class RentAccount:
    lease_id: UUID
    invoices: list[InvoiceView]  # newest period first
    payments: list[PaymentView]
    ledger: list[LedgerLine]
    debt_cents: int

    @property
    def balance_cents(self) -> int:
        return self.ledger[-1].balance_cents if self.ledger else 0

    @property
    def next_due(self) -> InvoiceView | None:
        """The open invoice due next (not yet overdue)."""
        open_ = [
            invoice
            for invoice in self.invoices
            if invoice.status in (InvoiceStatus.UNPAID, InvoiceStatus.PARTIALLY_PAID)
        ]
        return min(open_, key=lambda invoice: invoice.due_date, default=None)

    def payments_of(self, invoice_id: UUID) -> list[PaymentView]:
        return [payment for payment in self.payments if payment.invoice_id == invoice_id]


async def rent_account(lease_id: UUID, today: date) -> RentAccount:
    invoice_rows = await Invoice.select().where(Invoice.lease == lease_id)
    payment_rows = await Payment.select().where(Payment.lease == lease_id)
    charges = [
        Charge(row["id"], row["issued_on"], row["due_date"], row["amount_cents"])
        for row in invoice_rows
    ]
    receipts = [
        Receipt(row["id"], row["invoice"], row["paid_on"], row["amount_cents"])
        for row in payment_rows
    ]
    paid = allocate(charges, receipts)
    invoices = [
        InvoiceView(
            id=row["id"],
            period_start=row["period_start"],
            period_end=row["period_end"],
            issued_on=row["issued_on"],
            due_date=row["due_date"],
            amount_cents=row["amount_cents"],
            paid_cents=paid[row["id"]],
            status=invoice_status(row["amount_cents"], paid[row["id"]], row["due_date"], today),
            reference=row["reference"],
            iban=row["iban"],
            barcode=row["barcode"],
        )
        for row in invoice_rows
    ]
    invoices.sort(key=lambda invoice: (invoice.period_start, str(invoice.id)), reverse=True)
    payments = sorted(
        (
            PaymentView(
                row["id"], row["invoice"], row["paid_on"], row["amount_cents"], row["reference"]
            )
            for row in payment_rows
        ),
        key=lambda payment: (payment.paid_on, str(payment.id)),
        reverse=True,
    )
    return RentAccount(
        lease_id=lease_id,
        invoices=invoices,
        payments=payments,
        ledger=ledger(charges, receipts),
        debt_cents=rent_debt(charges, paid, today),
    )


async def staff_rent_account(staff: StaffPrincipal, lease_id: UUID, today: date) -> RentAccount:
    """A lease's rent for staff; the read of a resident's personal data leaves a trace."""
    async with DB.transaction():
        await record_staff_read(
            staff.staff_id, entity_type="lease", entity_id=lease_id, what="rent"
        )
    return await rent_account(lease_id, today)
