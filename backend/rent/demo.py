"""Demo rent: monthly invoices of every active demo lease for about the last six months,
mostly paid on time; one household with rent arrears and one with a partial payment.

Rent is due on the 2nd of the month it is for and invoiced two weeks before, so the next
month's invoice is already there in the second half of a month. Amounts are realistic for
Helsinki rental homes (850–1 400 € a month).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from backend.core import clock
from backend.demo.content import demo_data
from backend.demo.loader import demo_id, upsert_rows
from backend.demo.model import DemoLease
from backend.rent.invoicing import invoice_row
from backend.rent.tables import Invoice, Payment

MONTHS_BACK = 6
# Monthly rent per lease, in cents.
RENTS = {
    "VS-2019-00418": 118_000,  # Laine, Kontula B 36, 4h+k+s
    "VS-2016-00207": 98_500,
    "VS-2004-00095": 86_000,
    "VS-2022-00862": 112_000,  # Koskinen, Vuosaari A 6, 3h+k+s
    "VS-2023-01190": 91_500,
    "VS-2018-00541": 139_000,  # Lindström, Kallio A 12
    "VS-2024-01407": 94_000,
    "VS-2021-00976": 127_500,
    "VS-2013-00318": 103_000,
    "VS-2025-01544": 89_000,
    "VS-2020-00733": 96_000,
}
DEFAULT_RENT = 95_000
# Laine: last month paid only in part, so past its due date: rent arrears.
ARREARS = ("VS-2019-00418", 50_000)
# Koskinen: the next month's invoice paid in part before its due date.
PARTIAL = ("VS-2022-00862", 40_000)
# Clarke's invoices carry the RF creditor reference (the international form).
RF_LEASES = frozenset({"VS-2023-01190"})


def _months(today: date) -> list[date]:
    first = today.replace(day=1)
    months = [first]
    for _ in range(MONTHS_BACK):
        months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
    months.append((first + timedelta(days=32)).replace(day=1))
    return months


def _active(lease: DemoLease, today: date) -> bool:
    return lease.starts_on <= today and (lease.ends_on is None or lease.ends_on >= today)


def _paid_cents(number: str, month: date, amount: int, today: date) -> int:
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    if number == ARREARS[0] and month == last_month:
        return ARREARS[1]
    if number == PARTIAL[0] and month > this_month:
        return PARTIAL[1]
    return amount if month <= this_month else 0


def rows(today: date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    invoices: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    now = clock.now()
    for lease in demo_data(today).leases:
        if not _active(lease, today):
            continue
        lease_id = demo_id("lease", lease.number)
        amount = RENTS.get(lease.number, DEFAULT_RENT)
        for month in _months(today):
            if month < lease.starts_on.replace(day=1):
                continue
            if lease.ends_on is not None and month > lease.ends_on:
                continue
            key = f"{month:%Y-%m}"
            invoice = invoice_row(
                lease_id=lease_id,
                lease_number=lease.number,
                period_start=month,
                amount_cents=amount,
                invoice_id=demo_id("rent-invoice", lease.number, key),
                rf=lease.number in RF_LEASES,
            )
            if invoice["issued_on"] > today:
                continue
            invoices.append(invoice)
            paid = _paid_cents(lease.number, month, amount, today)
            if paid:
                # Most pay a day or two before the due date; a partial payer pays today.
                early = 1 + int(lease.number[-1]) % 3
                paid_on = min(invoice["due_date"] - timedelta(days=early), today)
                payments.append(
                    {
                        "id": demo_id("rent-payment", lease.number, key),
                        "lease": lease_id,
                        "invoice": invoice["id"],
                        "amount_cents": paid,
                        "paid_on": paid_on,
                        "reference": invoice["reference"],
                        "created_at": now,
                    }
                )
    return invoices, payments


async def load_demo(today: date) -> dict[str, int]:
    invoices, payments = rows(today)
    await upsert_rows(Invoice, invoices)
    await upsert_rows(Payment, payments)
    return {"rent_invoice": len(invoices), "rent_payment": len(payments)}
