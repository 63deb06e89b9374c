"""Which payment pays which invoice, statuses, the ledger and the rent debt."""

from __future__ import annotations

import uuid
from datetime import date

from backend.rent.accounting import (
    Charge,
    InvoiceStatus,
    Receipt,
    allocate,
    invoice_status,
    ledger,
    rent_debt,
)

SEP = Charge(uuid.uuid4(), date(2026, 8, 18), date(2026, 9, 2), 100_000)
OCT = Charge(uuid.uuid4(), date(2026, 9, 17), date(2026, 10, 2), 100_000)


def _paid(invoice: Charge | None, cents: int, on: date) -> Receipt:
    return Receipt(uuid.uuid4(), invoice.id if invoice else None, on, cents)


def test_a_matched_payment_pays_its_own_invoice() -> None:
    paid = allocate([SEP, OCT], [_paid(OCT, 100_000, date(2026, 10, 1))])
    assert paid == {SEP.id: 0, OCT.id: 100_000}


def test_unmatched_money_and_overpayments_pay_the_oldest_debt_first() -> None:
    receipts = [_paid(OCT, 130_000, date(2026, 10, 1)), _paid(None, 20_000, date(2026, 10, 5))]
    assert allocate([SEP, OCT], receipts) == {SEP.id: 50_000, OCT.id: 100_000}


def test_statuses_follow_payments_and_the_due_date() -> None:
    due = date(2026, 10, 2)
    assert invoice_status(100, 0, due, date(2026, 10, 2)) is InvoiceStatus.UNPAID
    assert invoice_status(100, 40, due, date(2026, 10, 2)) is InvoiceStatus.PARTIALLY_PAID
    assert invoice_status(100, 40, due, date(2026, 10, 3)) is InvoiceStatus.OVERDUE
    assert invoice_status(100, 0, due, date(2026, 10, 3)) is InvoiceStatus.OVERDUE
    assert invoice_status(100, 100, due, date(2027, 1, 1)) is InvoiceStatus.PAID
    assert invoice_status(100, 120, due, date(2026, 9, 1)) is InvoiceStatus.PAID


def test_the_ledger_runs_a_balance_in_date_order() -> None:
    pay_sep = _paid(SEP, 100_000, date(2026, 9, 1))
    pay_oct = _paid(OCT, 60_000, date(2026, 10, 2))
    lines = ledger([OCT, SEP], [pay_oct, pay_sep])
    assert [(line.kind, line.amount_cents, line.balance_cents) for line in lines] == [
        ("charge", 100_000, 100_000),
        ("payment", -100_000, 0),
        ("charge", 100_000, 100_000),
        ("payment", -60_000, 40_000),
    ]


def test_a_charge_comes_before_a_payment_of_the_same_day() -> None:
    early = _paid(None, 5_000, SEP.issued_on)
    lines = ledger([SEP], [early])
    assert [line.kind for line in lines] == ["charge", "payment"]
    assert lines[-1].balance_cents == 95_000


def test_the_rent_debt_is_the_unpaid_part_of_overdue_invoices() -> None:
    paid = {SEP.id: 30_000, OCT.id: 0}
    assert rent_debt([SEP, OCT], paid, date(2026, 10, 2)) == 70_000
    assert rent_debt([SEP, OCT], paid, date(2026, 10, 3)) == 170_000
    assert rent_debt([SEP, OCT], {SEP.id: 100_000, OCT.id: 100_000}, date(2027, 1, 1)) == 0
