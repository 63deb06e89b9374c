"""Rent through the API: summary, invoices and their statuses, the ledger, staff reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import uuid4

import httpx
import pytest
from litestar import Litestar

from backend.core import clock
from backend.core.tables import AuditEvent
from backend.demo.identity_codes import test_identity_code
from backend.occupancy.tables import Lease
from backend.rent.payment_codes import is_valid_national_reference
from tests.factories import TODAY, make_lease, make_occupant, make_property, make_region, make_unit
from tests.rent.helpers import make_invoice, make_payment
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import enrolled_staff, register

Client = httpx.AsyncClient
ADULT = TODAY.replace(year=TODAY.year - 40)
DAY = 24 * 3600


@dataclass
class Tenancy:
    lease: Lease
    other_lease: Lease
    paid: dict[str, object]
    partial: dict[str, object]
    upcoming: dict[str, object]


def _due(days_from_today: int) -> dict[str, object]:
    due = TODAY + timedelta(days=days_from_today)
    return {"due_date": due, "issued_on": due - timedelta(days=14)}


@pytest.fixture
async def tenancy(client: Client) -> Tenancy:
    """A signed-in main tenant: one invoice paid, one overdue and partly paid, one not due."""
    region = await make_region(code="r-rent")
    lease = await make_lease(await make_unit(await make_property(region)), number="VS-2020-00123")
    other_lease = await make_lease()
    code = test_identity_code(ADULT, 970)
    await make_occupant(lease, identity_code=code, birth_date=ADULT)
    await register(client, SoftAuthenticator(), code)
    month = TODAY.replace(day=1)
    paid = await make_invoice(lease, month - timedelta(days=62), 95_000, **_due(-40))
    partial = await make_invoice(lease, month - timedelta(days=31), 95_000, **_due(-10))
    upcoming = await make_invoice(lease, month, 95_000, **_due(5))
    await make_invoice(other_lease, month, 120_000)
    await make_payment(lease, 95_000, TODAY - timedelta(days=41), paid)
    await make_payment(lease, 30_000, TODAY - timedelta(days=12), partial)
    return Tenancy(lease, other_lease, paid, partial, upcoming)


async def test_the_summary_shows_the_debt_and_the_invoice_due_next(
    client: Client, tenancy: Tenancy
) -> None:
    response = await client.get(f"/api/homes/{tenancy.lease.id}/rent")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["currency"] == "EUR"
    assert body["debtCents"] == 65_000
    assert body["balanceCents"] == 160_000
    assert body["overdueCount"] == 1
    assert body["nextDue"]["id"] == str(tenancy.upcoming["id"])
    assert body["nextDue"]["status"] == "unpaid"


async def test_invoices_carry_both_references_the_iban_and_the_barcode(
    client: Client, tenancy: Tenancy
) -> None:
    response = await client.get(f"/api/homes/{tenancy.lease.id}/rent/invoices")
    assert response.status_code == 200
    invoices = response.json()
    assert [i["id"] for i in invoices] == [
        str(tenancy.upcoming["id"]),
        str(tenancy.partial["id"]),
        str(tenancy.paid["id"]),
    ]
    assert [i["status"] for i in invoices] == ["unpaid", "overdue", "paid"]
    first = invoices[0]
    assert is_valid_national_reference(first["reference"])
    assert first["rfReference"].startswith("RF")
    assert first["rfReference"].replace(" ", "").endswith(first["reference"].replace(" ", ""))
    assert first["iban"] == "FI21 1234 5600 0007 85"
    assert first["barcode"].startswith("4211234560000078500095000000")
    assert len(first["barcode"]) == 54
    assert invoices[1]["paidCents"] == 30_000
    assert invoices[1]["openCents"] == 65_000


async def test_invoices_filter_by_status(client: Client, tenancy: Tenancy) -> None:
    path = f"/api/homes/{tenancy.lease.id}/rent/invoices"
    overdue = (await client.get(path, params={"status": "overdue"})).json()
    assert [i["id"] for i in overdue] == [str(tenancy.partial["id"])]
    assert (await client.get(path, params={"status": "partially_paid"})).json() == []
    bad = await client.get(path, params={"status": "lost"})
    assert bad.status_code == 400
    assert bad.headers["content-type"].startswith("application/problem+json")


async def test_an_invoice_shows_its_payments(client: Client, tenancy: Tenancy) -> None:
    response = await client.get(
        f"/api/homes/{tenancy.lease.id}/rent/invoices/{tenancy.partial['id']}"
    )
    assert response.status_code == 200
    body = response.json()
    assert [p["amountCents"] for p in body["payments"]] == [30_000]
    assert body["status"] == "overdue"


async def test_another_lease_s_invoice_looks_missing(client: Client, tenancy: Tenancy) -> None:
    other = await client.get(f"/api/homes/{tenancy.lease.id}/rent/invoices/{uuid4()}")
    assert other.status_code == 404
    rows = await make_invoice(tenancy.other_lease, TODAY.replace(day=1) - timedelta(days=31))
    foreign = await client.get(f"/api/homes/{tenancy.lease.id}/rent/invoices/{rows['id']}")
    assert foreign.status_code == 404
    assert "amountCents" not in foreign.text
    foreign_lease = await client.get(f"/api/homes/{tenancy.other_lease.id}/rent")
    assert foreign_lease.status_code == 404
    assert (await client.get("/api/homes/not-a-uuid/rent")).status_code == 404


async def test_the_ledger_runs_a_balance(client: Client, tenancy: Tenancy) -> None:
    response = await client.get(f"/api/homes/{tenancy.lease.id}/rent/ledger")
    assert response.status_code == 200
    body = response.json()
    lines = [(line["kind"], line["amountCents"], line["balanceCents"]) for line in body["lines"]]
    assert lines == [
        ("charge", 95_000, 95_000),
        ("payment", -95_000, 0),
        ("charge", 95_000, 95_000),
        ("payment", -30_000, 65_000),
        ("charge", 95_000, 160_000),
    ]
    assert body["balanceCents"] == 160_000
    assert body["lines"][1]["invoiceId"] == str(tenancy.paid["id"])


async def test_past_the_due_date_an_unpaid_invoice_becomes_overdue(
    client: Client, tenancy: Tenancy
) -> None:
    path = f"/api/homes/{tenancy.lease.id}/rent"
    with clock.travel(5 * DAY):
        assert (await client.get(path)).json()["debtCents"] == 65_000
    with clock.travel(6 * DAY):
        body = (await client.get(path)).json()
        assert body["debtCents"] == 160_000
        assert body["overdueCount"] == 2
        assert body["nextDue"] is None
    await make_payment(tenancy.lease, 95_000, TODAY, tenancy.upcoming)
    with clock.travel(6 * DAY):
        invoices = (await client.get(f"{path}/invoices")).json()
        assert [i["status"] for i in invoices] == ["paid", "overdue", "paid"]


async def test_a_payment_without_a_reference_pays_the_oldest_debt(
    client: Client, tenancy: Tenancy
) -> None:
    await make_payment(tenancy.lease, 70_000, TODAY)
    body = (await client.get(f"/api/homes/{tenancy.lease.id}/rent")).json()
    assert body["debtCents"] == 0
    assert body["nextDue"]["status"] == "partially_paid"
    assert body["nextDue"]["openCents"] == 90_000


async def test_staff_read_a_lease_s_rent_and_leave_a_trace(
    app: Litestar, client: Client, other_device: Client, tenancy: Tenancy
) -> None:
    await enrolled_staff(other_device, roles=["lease_control"], region_codes=["r-rent"])
    response = await other_device.get(f"/api/staff/leases/{tenancy.lease.id}/rent")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["leaseNumber"] == "VS-2020-00123"
    assert body["summary"]["debtCents"] == 65_000
    assert len(body["invoices"]) == 3
    assert len(body["ledger"]["lines"]) == 5
    reads = (
        await AuditEvent.select(AuditEvent.entity_id, AuditEvent.details)
        .where(AuditEvent.action == "personal_data.read")
        .output(load_json=True)
    )
    assert reads == [{"entity_id": tenancy.lease.id, "details": {"what": "rent"}}]
    assert (await other_device.get(f"/api/staff/leases/{uuid4()}/rent")).status_code == 404


async def test_maintenance_staff_may_not_read_rent(other_device: Client, tenancy: Tenancy) -> None:
    await enrolled_staff(other_device, roles=["maintenance"], region_codes=["r-rent"])
    response = await other_device.get(f"/api/staff/leases/{tenancy.lease.id}/rent")
    assert response.status_code == 403
    assert "debt" not in response.text
