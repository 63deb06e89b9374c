"""Wire types of the rent API. Amounts are integer cents with the currency beside them;
formatting money is the client's job."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from backend.accounts.schemas import Wire

Currency = Literal["EUR"]
InvoiceStatusName = Literal["unpaid", "partially_paid", "paid", "overdue"]


class PaymentOut(Wire):
    id: UUID
    paid_on: date
    amount_cents: int
    currency: Currency
    reference: str | None


class InvoiceOut(Wire):
    id: UUID
    period_start: date
    period_end: date
    issued_on: date
    due_date: date
    amount_cents: int
    paid_cents: int
    open_cents: int
    currency: Currency
    status: InvoiceStatusName
    # Both forms of the same reference (either pays the invoice); at least one is set.
    reference: str | None
    rf_reference: str | None
    recipient: str
    iban: str
    barcode: str


class InvoiceDetailOut(InvoiceOut):
    payments: list[PaymentOut]


class RentSummaryOut(Wire):
    lease_id: UUID
    currency: Currency
    # Rent arrears: the unpaid part of invoices whose due date has passed.
    debt_cents: int
    # Everything owed, due or not (negative: the tenant has paid in advance).
    balance_cents: int
    overdue_count: int
    next_due: InvoiceOut | None


class LedgerLineOut(Wire):
    on: date
    kind: Literal["charge", "payment"]
    id: UUID
    invoice_id: UUID | None
    amount_cents: int
    balance_cents: int


class LedgerOut(Wire):
    lease_id: UUID
    currency: Currency
    balance_cents: int
    lines: list[LedgerLineOut]


class StaffRentOut(Wire):
    lease_id: UUID
    lease_number: str
    summary: RentSummaryOut
    invoices: list[InvoiceOut]
    ledger: LedgerOut
