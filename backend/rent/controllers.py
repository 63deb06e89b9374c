"""Rent for the main tenant (and co-tenants), and the staff read of a lease's rent."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, get
from litestar.params import FromPath, FromQuery

from backend.accounts.access import ResidentDep, StaffDep
from backend.core import clock
from backend.core.errors import NotFoundError
from backend.rent import services
from backend.rent.access import invoice_for_resident, lease_for_staff, rent_home_for_resident
from backend.rent.schemas import (
    InvoiceDetailOut,
    InvoiceOut,
    InvoiceStatusName,
    LedgerOut,
    RentSummaryOut,
    StaffRentOut,
)
from backend.rent.views import invoice_detail_out, invoice_out, ledger_out, summary_out


class RentController(Controller):
    path = "/api/homes/{lease_id:uuid}/rent"
    tags = ("rent",)

    @get("/")
    async def summary(self, lease_id: FromPath[UUID], resident: ResidentDep) -> RentSummaryOut:
        """The rent debt and the invoice due next."""
        rent_home_for_resident(resident, lease_id)
        return summary_out(await services.rent_account(lease_id, clock.today()))

    @get("/invoices")
    async def invoices(
        self,
        lease_id: FromPath[UUID],
        resident: ResidentDep,
        status: FromQuery[InvoiceStatusName | None] = None,
    ) -> list[InvoiceOut]:
        """Invoices, newest period first; ``status`` filters."""
        rent_home_for_resident(resident, lease_id)
        account = await services.rent_account(lease_id, clock.today())
        return [
            invoice_out(invoice)
            for invoice in account.invoices
            if status is None or invoice.status == status
        ]

    @get("/invoices/{invoice_id:uuid}")
    async def invoice(
        self, lease_id: FromPath[UUID], invoice_id: FromPath[UUID], resident: ResidentDep
    ) -> InvoiceDetailOut:
        await invoice_for_resident(resident, lease_id, invoice_id)
        account = await services.rent_account(lease_id, clock.today())
        invoice = next((i for i in account.invoices if i.id == invoice_id), None)
        if invoice is None:
            raise NotFoundError()
        return invoice_detail_out(invoice, account)

    @get("/ledger")
    async def ledger(self, lease_id: FromPath[UUID], resident: ResidentDep) -> LedgerOut:
        """Charges and payments in date order with the running balance."""
        rent_home_for_resident(resident, lease_id)
        return ledger_out(await services.rent_account(lease_id, clock.today()))


class StaffRentController(Controller):
    path = "/api/staff/leases/{lease_id:uuid}/rent"
    tags = ("rent", "staff")

    @get("/")
    async def lease_rent(self, lease_id: FromPath[UUID], staff: StaffDep) -> StaffRentOut:
        """A lease's rent account (lease control, customer service); audit-logged."""
        lease = await lease_for_staff(staff, lease_id)
        account = await services.staff_rent_account(staff, lease_id, clock.today())
        return StaffRentOut(
            lease_id=lease_id,
            lease_number=lease["number"],
            summary=summary_out(account),
            invoices=[invoice_out(invoice) for invoice in account.invoices],
            ledger=ledger_out(account),
        )


CONTROLLERS: list[type[Controller]] = [RentController, StaffRentController]
