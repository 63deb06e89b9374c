"""Rent rows for tests."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from backend.core import clock
from backend.occupancy.tables import Lease
from backend.rent.invoicing import invoice_row
from backend.rent.tables import Invoice, Payment


async def make_invoice(
    lease: Lease, period_start: date, amount_cents: int = 95_000, **values: Any
) -> dict[str, Any]:
    row = {
        **invoice_row(
            lease_id=lease.id,
            lease_number=lease.number,
            period_start=period_start,
            amount_cents=amount_cents,
        ),
        **values,
    }
    await Invoice.insert(Invoice(**row))
    return row


async def make_payment(
    lease: Lease,
    amount_cents: int,
    paid_on: date,
    invoice: dict[str, Any] | None = None,
) -> uuid.UUID:
    payment_id = uuid.uuid4()
    await Payment.insert(
        Payment(
            id=payment_id,
            lease=lease.id,
            invoice=invoice["id"] if invoice else None,
            amount_cents=amount_cents,
            paid_on=paid_on,
            reference=invoice["reference"] if invoice else None,
            created_at=clock.now(),
        )
    )
    return payment_id
