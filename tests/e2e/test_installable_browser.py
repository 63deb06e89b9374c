"""The app is installable: Chromium, in a persistent profile (an incognito one is never),
reports no installability errors and no manifest errors."""

from __future__ import annotations

import tempfile

from playwright.async_api import async_playwright

from tests.e2e.conftest import CHROMIUM_PATH, Server
from tests.e2e.flows import service_worker_in_control


async def test_chromium_finds_nothing_standing_in_the_way_of_installing(server: Server) -> None:
    with tempfile.TemporaryDirectory(prefix="portal-profile-") as profile:
        async with async_playwright() as playwright:
            context = await playwright.chromium.launch_persistent_context(
                profile,
                executable_path=CHROMIUM_PATH,
                args=["--disable-gpu", "--disable-quic"],
                locale="sv-FI",
            )
            try:
                page = await context.new_page()
                await page.goto(server.base + "/")
                await service_worker_in_control(page)
                cdp = await context.new_cdp_session(page)
                installability = await cdp.send("Page.getInstallabilityErrors")
                manifest = await cdp.send("Page.getAppManifest")
            finally:
                await context.close()
    assert installability["installabilityErrors"] == []
    assert manifest["errors"] == []
    assert manifest["url"] == server.base + "/manifest.webmanifest"
    assert '"name":"Invånarportalen"' in manifest["data"].replace(" ", "")
