"""In Chromium: a resident registers with a passkey, files a defect notification with a
photo through the wizard, follows it in My tickets, and finds it again after signing out
and back in with the passkey."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import add_virtual_authenticator, file_defect, photo_jpeg, register

DESCRIPTION = "Keittiön hana tippuu jatkuvasti, ja kaapin pohja on märkä."


async def test_register_file_a_defect_with_a_photo_and_find_it_again(
    page: Page, server: Server
) -> None:
    await add_virtual_authenticator(page)
    await register(page, server.base, "anna", "anna.laine@example.fi", "+358 40 000 0102")
    await expect(page.get_by_test_id("home-greeting")).to_contain_text("Anna")

    await file_defect(page, DESCRIPTION, photo=photo_jpeg())
    ticket_id = page.url.rsplit("/", 1)[1]
    # Sent at once (online): the server's row replaces the pending one.
    await expect(page.get_by_test_id("ticket-status")).to_contain_text("Vastaanotettu")
    await expect(page.get_by_test_id("ticket-description")).to_contain_text(DESCRIPTION)

    # The server has the ticket and its photo, downscaled in the browser.
    tickets = await (await page.request.get(server.base + "/api/tickets")).json()
    [ticket] = [t for t in tickets if t["id"] == ticket_id]
    detail = await (await page.request.get(f"{server.base}/api/tickets/{ticket_id}")).json()
    assert re.fullmatch(r"VI-\d{4}-\d{6}", ticket["number"])
    [photo] = detail["photos"]
    assert max(photo["width"], photo["height"]) <= 2048
    await expect(page.get_by_test_id(f"ticket-photo-{photo['id']}")).to_be_visible()

    # My tickets lists it, open.
    await page.get_by_test_id("shell-nav").get_by_role("link", name="Vikailmoitukset").click()
    await expect(page.get_by_test_id("tickets-open")).to_contain_text(ticket["number"])

    # Sign out, back in with the passkey alone: it is still there.
    await page.get_by_test_id("shell-nav").get_by_role("link", name="Asetukset").click()
    await page.get_by_test_id("signout").click()
    await page.get_by_test_id("signin-passkey").click()
    await expect(page.get_by_test_id("home-greeting")).to_contain_text("Anna")
    await page.get_by_test_id("shell-nav").get_by_role("link", name="Vikailmoitukset").click()
    await expect(page.get_by_test_id(f"ticket-item-{ticket_id}")).to_contain_text(ticket["number"])
