"""The demo rent: idempotent, mostly paid, one household in arrears, one partial payment."""

from __future__ import annotations

from datetime import date

from backend.demo.loader import demo_id, load_demo_data
from backend.rent.accounting import InvoiceStatus
from backend.rent.services import rent_account
from backend.rent.tables import Invoice, Payment
from backend.settings import get_settings

TODAY = date(2026, 11, 30)


async def test_demo_rent_loads_twice_and_shows_each_situation(db: None) -> None:
    key = get_settings().identity_code_key
    await load_demo_data(key, TODAY)
    counts = (await Invoice.count(), await Payment.count())
    await load_demo_data(key, TODAY)
    assert (await Invoice.count(), await Payment.count()) == counts
    assert counts[0] >= 60

    laine = await rent_account(demo_id("lease", "VS-2019-00418"), TODAY)
    assert laine.debt_cents == 68_000
    assert [i.status for i in laine.invoices][:2] == [InvoiceStatus.UNPAID, InvoiceStatus.PAID]
    assert InvoiceStatus.OVERDUE in {i.status for i in laine.invoices}
    assert all(85_000 <= i.amount_cents <= 140_000 for i in laine.invoices)

    koskinen = await rent_account(demo_id("lease", "VS-2022-00862"), TODAY)
    assert koskinen.debt_cents == 0
    assert koskinen.next_due is not None
    assert koskinen.next_due.status is InvoiceStatus.PARTIALLY_PAID

    clarke = await rent_account(demo_id("lease", "VS-2023-01190"), TODAY)
    assert all(i.reference.startswith("RF") and i.barcode[0] == "5" for i in clarke.invoices)
    ended = await rent_account(demo_id("lease", "VS-2021-01032"), TODAY)
    assert ended.invoices == []
