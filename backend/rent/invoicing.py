"""Making invoice rows: the reference of a lease's month and the barcode that goes with it.
Used by the demo data now and the ERP import later."""

from __future__ import annotations

import calendar
import uuid
from datetime import date, timedelta
from typing import Any

from backend.core import clock
from backend.rent.payment_codes import national_reference, rf_reference, virtual_barcode
from backend.rent.services import COMPANY_IBAN


def reference_base(lease_number: str, period_start: date) -> str:
    """A base unique per lease and month: the lease number's digits, then YYYYMM."""
    digits = "".join(ch for ch in lease_number if ch.isdigit())[-11:]
    return f"{digits or '0'}{period_start:%Y%m}"


def invoice_row(
    *,
    lease_id: uuid.UUID,
    lease_number: str,
    period_start: date,
    amount_cents: int,
    due_day: int = 2,
    invoice_id: uuid.UUID | None = None,
    rf: bool = False,
) -> dict[str, Any]:
    """A monthly rent invoice: issued two weeks before the month, due on its ``due_day``."""
    last_day = calendar.monthrange(period_start.year, period_start.month)[1]
    period_end = period_start.replace(day=last_day)
    due_date = period_start.replace(day=min(due_day, last_day))
    national = national_reference(reference_base(lease_number, period_start))
    reference = rf_reference(national) if rf else national
    return {
        "id": invoice_id or uuid.uuid4(),
        "lease": lease_id,
        "period_start": period_start,
        "period_end": period_end,
        "issued_on": period_start - timedelta(days=14),
        "due_date": due_date,
        "amount_cents": amount_cents,
        "reference": reference,
        "iban": COMPANY_IBAN,
        "barcode": virtual_barcode(
            iban=COMPANY_IBAN, amount_cents=amount_cents, reference=reference, due_date=due_date
        ),
        "created_at": clock.now(),
    }
