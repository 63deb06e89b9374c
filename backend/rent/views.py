"""Turning a rent account into wire types."""

from __future__ import annotations

import msgspec
from stdnum import iban as iban_number

from backend.rent.accounting import InvoiceStatus
from backend.rent.payment_codes import (
    PaymentCodeError,
    format_national,
    format_rf,
    national_of_rf,
    rf_reference,
)
from backend.rent.schemas import (
    InvoiceDetailOut,
    InvoiceOut,
    LedgerLineOut,
    LedgerOut,
    PaymentOut,
    RentSummaryOut,
)
from backend.rent.services import COMPANY_NAME, InvoiceView, RentAccount


def _both_references(reference: str) -> tuple[str | None, str | None]:
    """(national, RF), formatted for reading; one is derived from the stored other."""
    if reference.upper().startswith("RF"):
        try:
            national: str | None = format_national(national_of_rf(reference))
        except PaymentCodeError:
            national = None
        return national, format_rf(reference)
    return format_national(reference), format_rf(rf_reference(reference))


def invoice_out(invoice: InvoiceView) -> InvoiceOut:
    national, rf = _both_references(invoice.reference)
    return InvoiceOut(
        id=invoice.id,
        period_start=invoice.period_start,
        period_end=invoice.period_end,
        issued_on=invoice.issued_on,
        due_date=invoice.due_date,
        amount_cents=invoice.amount_cents,
        paid_cents=invoice.paid_cents,
        open_cents=invoice.amount_cents - invoice.paid_cents,
        currency="EUR",
        status=invoice.status.value,
        reference=national,
        rf_reference=rf,
        recipient=COMPANY_NAME,
        iban=iban_number.format(invoice.iban),
        barcode=invoice.barcode,
    )


def invoice_detail_out(invoice: InvoiceView, account: RentAccount) -> InvoiceDetailOut:
    payments = [
        PaymentOut(
            id=payment.id,
            paid_on=payment.paid_on,
            amount_cents=payment.amount_cents,
            currency="EUR",
            reference=payment.reference,
        )
        for payment in account.payments_of(invoice.id)
    ]
    return InvoiceDetailOut(**msgspec.structs.asdict(invoice_out(invoice)), payments=payments)


def summary_out(account: RentAccount) -> RentSummaryOut:
    next_due = account.next_due
    return RentSummaryOut(
        lease_id=account.lease_id,
        currency="EUR",
        debt_cents=account.debt_cents,
        balance_cents=account.balance_cents,
        overdue_count=sum(1 for i in account.invoices if i.status is InvoiceStatus.OVERDUE),
        next_due=invoice_out(next_due) if next_due else None,
    )


def ledger_out(account: RentAccount) -> LedgerOut:
    invoice_of_payment = {payment.id: payment.invoice_id for payment in account.payments}
    return LedgerOut(
        lease_id=account.lease_id,
        currency="EUR",
        balance_cents=account.balance_cents,
        lines=[
            LedgerLineOut(
                on=line.on,
                kind="charge" if line.kind == "charge" else "payment",
                id=line.entity_id,
                invoice_id=line.entity_id
                if line.kind == "charge"
                else invoice_of_payment.get(line.entity_id),
                amount_cents=line.amount_cents,
                balance_cents=line.balance_cents,
            )
            for line in account.ledger
        ],
    )
