"""The client view: exactly what a resident may see now, as ``key → value``.

Built only from the features' own access gates, list functions and view builders (the
same ones the REST routes answer with), so the rules live in one place. Keys:
``profile``, ``home/<leaseId>``, ``ticket/<id>``, ``thread/<id>``, ``news/<id>``,
``occupantChange/<id>``, ``occupants/<leaseId>`` (the register of occupants of a home, as
``GET /api/homes/{id}/occupants``: main tenants only), ``rent/<leaseId>/summary``,
``rent/<leaseId>/invoice/<id>``,
``ticketPhoto/<ticketId>/<sha256>`` (``pending: true``: its upload has not arrived),
``property/<leaseId>`` (the building of each home, as ``GET /api/homes/{id}/property``)
``ticketCategories`` (the defect categories, as ``GET /api/tickets/categories``) and
``messageCategories`` (as ``GET /api/messages/categories``), so that the app shows them and
files defects and messages offline.
"""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

import msgspec

from backend.accounts import profile
from backend.accounts.access import ResidentPrincipal
from backend.core import clock
from backend.core.errors import DomainError
from backend.core.i18n import Language, localized_text
from backend.messages import views as message_views
from backend.messages.access import (
    ThreadRow,
    active_home,
    load_threads,
    resident_threads_filter,
)
from backend.news import access as news_access
from backend.news import services as news
from backend.occupancy import services as occupancy
from backend.occupancy.access import LeaseAccess
from backend.occupancy.change_access import household_for_resident
from backend.occupancy.views import change_out, occupants_out
from backend.property import access as property_access
from backend.property import services as property_services
from backend.rent import services as rent
from backend.rent import views as rent_views
from backend.rent.access import rent_home_for_resident
from backend.tickets import services as tickets
from backend.tickets import views as ticket_views
from sync.blobs import pending_photos

View = dict[str, Any]  # key → JSON-ready value

_encoder = msgspec.json.Encoder(order="sorted")


def version_of(value: Any) -> str:
    """A row version: a short hash of the value's canonical JSON (simple and always right)."""
    return hashlib.blake2b(_encoder.encode(value), digest_size=12).hexdigest()


def _wire(value: Any) -> Any:
    return msgspec.to_builtins(value)


async def client_view(resident: ResidentPrincipal, language: Language) -> View:
    view: View = {}
    mine = await profile.profile_of(resident.account_id)
    view["profile"] = {
        "firstName": resident.first_name,
        "lastName": resident.last_name,
        "email": mine.email,
        "phone": mine.phone,
        "language": mine.language,
        "notificationPreferences": mine.notification_preferences,
        "quietHours": (
            {"start": mine.quiet_hours.start, "end": mine.quiet_hours.end}
            if mine.quiet_hours
            else None
        ),
    }
    for home in resident.homes:
        address, _ = localized_text(home.street_address, language)
        view[f"home/{home.lease_id}"] = {
            "leaseId": str(home.lease_id),
            "access": home.access.value,
            "propertyId": str(home.property_id),
            "propertyName": home.property_name,
            "address": address,
            "unit": home.unit,
            "startsOn": home.starts_on.isoformat(),
            "endsOn": home.ends_on.isoformat() if home.ends_on else None,
        }
    ticket_rows = await tickets.list_tickets(resident, None)
    for row, out in zip(
        ticket_rows, await ticket_views.tickets_out(ticket_rows, language), strict=True
    ):
        view[f"ticket/{row['id']}"] = _wire(out)
    # Photos referenced by a mutation whose upload has not arrived yet.
    for ticket_id, hashes in (await pending_photos([row["id"] for row in ticket_rows])).items():
        for sha256 in hashes:
            view[f"ticketPhoto/{ticket_id}/{sha256}"] = {
                "ticketId": str(ticket_id),
                "sha256": sha256,
                "pending": True,
            }
    await _threads(resident, language, view)
    await _news(resident, language, view)
    await _main_tenant_rows(resident, view)
    await _properties(resident, language, view)
    view["ticketCategories"] = _wire(ticket_views.categories_out(language))
    view["messageCategories"] = _wire(message_views.categories(language))
    return view


async def _properties(resident: ResidentPrincipal, language: Language, view: View) -> None:
    for home in resident.homes:
        try:
            readable = property_access.property_home_for_resident(resident, home.lease_id)
        except DomainError:
            continue
        info = await property_services.property_info(readable, language)
        view[f"property/{home.lease_id}"] = _wire(info)


async def _threads(resident: ResidentPrincipal, language: Language, view: View) -> None:
    threads: list[tuple[UUID, ThreadRow]] = []
    for home in resident.homes:
        if active_home(resident, home.lease_id) is None:
            continue
        for thread in await load_threads(resident_threads_filter(resident, home)):
            threads.append((home.lease_id, thread))
    # The messages of every thread in one go, not per thread.
    outs = await message_views.resident_threads_out(
        resident, [thread for _, thread in threads], language
    )
    for (lease_id, thread), out in zip(threads, outs, strict=True):
        view[f"thread/{thread.id}"] = {**_wire(out), "leaseId": str(lease_id)}


async def _news(resident: ResidentPrincipal, language: Language, view: View) -> None:
    for home in resident.homes:
        try:
            started = news_access.news_home_for_resident(resident, home.lease_id)
        except DomainError:
            continue  # before the lease starts: no news
        for item in await news.news_for_home(resident, started, language):
            key = f"news/{item.id}"
            lease_ids = view[key]["leaseIds"] if key in view else []
            view[key] = {**_wire(item), "leaseIds": [*lease_ids, str(home.lease_id)]}


async def _main_tenant_rows(resident: ResidentPrincipal, view: View) -> None:
    today = clock.today()
    for home in resident.homes:
        if home.access != LeaseAccess.MAIN_TENANT:
            continue
        try:
            household_for_resident(resident, home.lease_id)
            # Whom a report may be about (moving out, a name change), for the offline form.
            occupants = await occupancy.current_occupants(home.lease_id, today)
            view[f"occupants/{home.lease_id}"] = _wire(occupants_out(occupants))
            for change in await occupancy.resident_changes(home.lease_id):
                # The REST route's view builder (the lead may move it next to the service).
                view[f"occupantChange/{change['id']}"] = _wire(change_out(change))
        except DomainError:
            pass
        try:
            rent_home_for_resident(resident, home.lease_id)
        except DomainError:
            continue
        account = await rent.rent_account(home.lease_id, today)
        view[f"rent/{home.lease_id}/summary"] = _wire(rent_views.summary_out(account))
        for invoice in account.invoices:
            view[f"rent/{home.lease_id}/invoice/{invoice.id}"] = _wire(
                rent_views.invoice_out(invoice)
            )
