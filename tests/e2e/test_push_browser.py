"""In Chromium: a staff transition reaches a Swedish-speaking resident as a web push. The
server's own delivery worker encrypts the notification for a subscription at a local push
service, which decrypts it; that payload goes to the app's real service worker
(``ServiceWorker.deliverPushMessage``), which shows it in Swedish; a click on it opens the
ticket in the open app."""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from typing import Any

from playwright.async_api import BrowserContext, CDPSession, Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import (
    add_virtual_authenticator,
    call_api,
    choose_language,
    file_ticket_through_api,
    register,
)
from tests.support.push_service import running_push_service


async def staff_page(context: BrowserContext, server: Server) -> Page:
    """A customer-service user of every region, signed in with a passkey in ``context``."""
    output = server.command(
        "create-staff",
        "--email",
        f"push.kasittelija.{uuid.uuid4().hex[:8]}@example.fi",
        "--name",
        "Pia Push",
        "--role",
        "customer_service",
        "--all-regions",
    )
    page = await context.new_page()
    await add_virtual_authenticator(page)
    await page.goto(output.strip().splitlines()[-1])
    await page.get_by_test_id("staff-enrol-create").click()
    await expect(page.get_by_test_id("staff-user-name")).to_contain_text("Pia Push")
    return page


async def registration_id(page: Page, base: str) -> tuple[CDPSession, str]:
    """The app's service worker registration, as the DevTools protocol names it, and the
    protocol session that has the ServiceWorker domain enabled."""
    await page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    cdp = await page.context.new_cdp_session(page)
    found: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def updated(event: dict[str, Any]) -> None:
        for registration in event["registrations"]:
            ours = registration["scopeURL"] == base + "/" and not registration["isDeleted"]
            if ours and not found.done():
                found.set_result(registration["registrationId"])

    cdp.on("ServiceWorker.workerRegistrationUpdated", updated)
    await cdp.send("ServiceWorker.enable")  # replays the existing registrations
    return cdp, await asyncio.wait_for(found, 10)


async def test_a_staff_transition_arrives_as_a_push_in_swedish_and_opens_the_ticket(
    page: Page, server: Server
) -> None:
    await add_virtual_authenticator(page)
    await register(page, server.base, "henrik", "henrik.lindstrom@example.fi", "+358 40 000 0113")
    # Henrik reads the app in Swedish: his profile follows the switch (through sync).
    await choose_language(page, "sv", signed_in=True)
    ticket = await file_ticket_through_api(
        page,
        "Duschen droppar hela tiden.",
        category="bathroom",
        location="Badrum",
        masterKeyPermission=True,
        contactWindow=None,
        pets=False,
        contactPhone="+358 40 000 0113",
    )
    ticket_id = ticket["id"]
    context = page.context
    await context.grant_permissions(["notifications"], origin=server.base)

    async with running_push_service() as push_service:
        browser = push_service.subscribe()  # the app's keys, as PushManager would make them
        await call_api(
            page,
            "POST",
            "/api/me/push-subscriptions",
            {
                "endpoint": browser.endpoint,
                "keys": {"p256dh": browser.p256dh, "auth": browser.auth_b64},
            },
        )
        assert page.context.browser is not None
        staff = await staff_page(await page.context.browser.new_context(locale="fi-FI"), server)
        await call_api(
            staff, "POST", f"/api/staff/tickets/{ticket_id}/transition", {"to": "in_progress"}
        )
        # The server's embedded worker delivers it (at least once; the tag dedupes).
        await asyncio.wait_for(push_service.received(1), 30)
        [delivery] = push_service.deliveries_to(browser)
        payload = delivery.payload
        assert payload["url"] == f"/tickets/{ticket_id}"
        await staff.context.close()

    cdp, registration = await registration_id(page, server.base)
    # The worker tells open windows to pull once it has shown the notification.
    await page.evaluate(
        """() => {
          window.poked = new Promise((resolve) => {
            navigator.serviceWorker.addEventListener("message", (event) => {
              if (event.data?.type === "SYNC_POKE") resolve(true);
            });
          });
        }"""
    )
    await cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": server.base, "registrationId": registration, "data": json.dumps(payload)},
    )
    assert await page.evaluate("() => window.poked") is True
    [notification] = await page.evaluate(
        """async () => {
          const list = await (await navigator.serviceWorker.ready).getNotifications();
          return list.map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
        }"""
    )
    assert notification["title"].startswith("Felanmälan VI-")
    assert notification["body"] == "Under arbete: Badrum och toalett"
    assert notification["tag"] == payload["tag"]

    # A click on it opens the ticket in the app window that is open.
    [worker] = context.service_workers
    await worker.evaluate(
        """async () => {
          const [notification] = await self.registration.getNotifications();
          self.dispatchEvent(new NotificationEvent("notificationclick", { notification }));
        }"""
    )
    await expect(page).to_have_url(re.compile(f"/tickets/{ticket_id}$"))
    await expect(page.get_by_test_id("ticket-status")).to_contain_text("Under arbete")
