"""In Chromium, offline: the app opens from its service worker on the resident's saved data,
a defect notification with a photo is filed without a connection, survives a reload, and
goes out exactly once when the connection returns."""

from __future__ import annotations

import re

from playwright.async_api import Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import (
    add_virtual_authenticator,
    file_defect,
    photo_jpeg,
    register,
    service_worker_in_control,
)

DESCRIPTION = "Parvekkeen oven tiiviste on irti, ja ovesta vetää."


async def test_file_a_defect_offline_and_it_goes_out_once_online(
    page: Page, server: Server
) -> None:
    await add_virtual_authenticator(page)
    await register(page, server.base, "leena", "leena.karjalainen@example.fi", "+358 40 000 0124")
    await service_worker_in_control(page)
    # The first pull has saved the home's data on the device (its 24/7 number shows).
    await expect(page.get_by_test_id("emergency-hint").get_by_role("link")).to_be_visible()

    before = await (await page.request.get(server.base + "/api/tickets")).json()
    context = page.context
    await context.set_offline(True)
    answer = await page.reload()
    assert answer is not None
    assert answer.from_service_worker
    await expect(page.get_by_test_id("home-greeting")).to_contain_text("Leena")
    await expect(page.get_by_test_id("offline-banner")).to_contain_text(
        "Ei yhteyttä – näytetään tallennetut tiedot"
    )

    await file_defect(page, DESCRIPTION, photo=photo_jpeg())
    ticket_id = page.url.rsplit("/", 1)[1]
    await expect(page.get_by_test_id("ticket-status")).to_contain_text("Odottaa lähetystä")
    await expect(page.get_by_test_id("offline-banner")).to_contain_text("odottaa lähetystä")

    # A reload (an app restart) while still offline: the notification is still waiting.
    await page.reload()
    await expect(page.get_by_test_id("ticket-status")).to_contain_text("Odottaa lähetystä")
    await expect(page.get_by_test_id("ticket-description")).to_contain_text(DESCRIPTION)

    await context.set_offline(False)
    await expect(page.get_by_test_id("ticket-status")).to_contain_text("Vastaanotettu")
    await expect(page.get_by_test_id("offline-banner")).to_have_text("")
    # Exactly one new ticket on the server, with its photo (uploaded on its own).
    after = await (await page.request.get(server.base + "/api/tickets")).json()
    assert {t["id"] for t in after} - {t["id"] for t in before} == {ticket_id}
    assert len(after) == len(before) + 1
    # The photo is attached once its upload arrives: the server's thumbnail replaces the
    # "waiting to upload" one.
    await expect(page.locator("li.ticket-photo:not(.ticket-photo--pending)")).to_have_count(1)
    await expect(page.locator("li.ticket-photo--pending")).to_have_count(0)
    detail = await (await page.request.get(f"{server.base}/api/tickets/{ticket_id}")).json()
    assert len(detail["photos"]) == 1
    assert re.fullmatch(r"VI-\d{4}-\d{6}", detail["number"])
    assert detail["description"] == DESCRIPTION
    timeline = [event["toStatus"] for event in detail["timeline"]]
    assert timeline == ["received"]
