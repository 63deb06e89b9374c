"""Rent arithmetic on plain values: which payment pays which invoice, invoice statuses, the
ledger with its running balance, and the rent debt. No database here, so every rule is
easy to test on its own."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID


class InvoiceStatus(enum.StrEnum):
    UNPAID = "unpaid"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class Charge:
    id: UUID
    issued_on: date
    due_date: date
    amount_cents: int


@dataclass(frozen=True, slots=True)
class Receipt:
    id: UUID
    invoice_id: UUID | None
    paid_on: date
    amount_cents: int


@dataclass(frozen=True, slots=True)
class LedgerLine:
    on: date
    kind: str  # charge | payment
    entity_id: UUID
    amount_cents: int  # a charge is positive, a payment negative
    balance_cents: int  # what the tenant owes after this line (negative: a credit)


def allocate(charges: Sequence[Charge], receipts: Sequence[Receipt]) -> dict[UUID, int]:
    """Cents paid towards each invoice.

    A payment with a matched reference pays its own invoice first; what is left over, and
    payments that matched nothing, pay the open invoices in order of due date (the oldest
    debt first, as Finnish landlords book them).
    """
    paid = {charge.id: 0 for charge in charges}
    amounts = {charge.id: charge.amount_cents for charge in charges}
    loose: list[Receipt] = []
    spare = 0
    for receipt in sorted(receipts, key=lambda r: (r.paid_on, str(r.id))):
        if receipt.invoice_id in paid:
            invoice_id = receipt.invoice_id
            take = min(receipt.amount_cents, amounts[invoice_id] - paid[invoice_id])
            paid[invoice_id] += take
            spare += receipt.amount_cents - take
        else:
            loose.append(receipt)
    spare += sum(receipt.amount_cents for receipt in loose)
    for charge in sorted(charges, key=lambda c: (c.due_date, str(c.id))):
        if spare <= 0:
            break
        take = min(spare, charge.amount_cents - paid[charge.id])
        paid[charge.id] += take
        spare -= take
    return paid


def invoice_status(
    amount_cents: int, paid_cents: int, due_date: date, today: date
) -> InvoiceStatus:
    if paid_cents >= amount_cents:
        return InvoiceStatus.PAID
    if today > due_date:
        return InvoiceStatus.OVERDUE  # the due date is the last day to pay
    if paid_cents > 0:
        return InvoiceStatus.PARTIALLY_PAID
    return InvoiceStatus.UNPAID


def ledger(charges: Sequence[Charge], receipts: Sequence[Receipt]) -> list[LedgerLine]:
    """Charges and payments in date order (a day's charges before its payments)."""
    entries: list[tuple[date, int, str, UUID, int]] = [
        (charge.issued_on, 0, "charge", charge.id, charge.amount_cents) for charge in charges
    ] + [(r.paid_on, 1, "payment", r.id, -r.amount_cents) for r in receipts]
    entries.sort(key=lambda entry: (entry[0], entry[1], str(entry[3])))
    balance = 0
    lines: list[LedgerLine] = []
    for on, _, kind, entity_id, amount in entries:
        balance += amount
        lines.append(LedgerLine(on, kind, entity_id, amount, balance))
    return lines


def rent_debt(charges: Sequence[Charge], paid: dict[UUID, int], today: date) -> int:
    """The rent arrears: what is still unpaid of invoices whose due date has passed."""
    return sum(
        charge.amount_cents - paid[charge.id]
        for charge in charges
        if today > charge.due_date and paid[charge.id] < charge.amount_cents
    )
