"""axe-core on every screen of the resident app, in Finnish, Swedish and English: no
violations (WCAG 2.2 A and AA rules and axe's best practices for what they cover)."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import (
    add_virtual_authenticator,
    choose_language,
    register,
    seed_resident_screens,
)

LANGUAGES = ("fi", "sv", "en")
SIGNED_OUT = ("/", "/register")
_axe = Axe()


async def violations(page: Page) -> list[str]:
    """Each violation as "rule: target, …" (empty: none)."""
    results = await _axe.run(page)
    assert results.response["url"] == page.url  # axe ran on this screen
    found: list[dict[str, Any]] = results.response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in found
    ]


async def check(page: Page, base: str, path: str, language: str, found: list[str]) -> None:
    await page.goto(base + path)
    await expect(page.locator("h1")).to_have_count(1)
    await expect(page.locator("html")).to_have_attribute("lang", language)
    await expect(page.get_by_role("status").filter(has_text="…")).to_have_count(0)
    found.extend(f"{path} [{language}] {v}" for v in await violations(page))


async def test_every_screen_in_every_language_has_no_axe_violations(
    page: Page, server: Server
) -> None:
    found: list[str] = []
    await page.goto(server.base + "/")
    for language in LANGUAGES:
        await choose_language(page, language)
        for path in SIGNED_OUT:
            await check(page, server.base, path, language, found)

    await choose_language(page, "fi")
    await add_virtual_authenticator(page)
    await register(page, server.base, "ville", "ville.koskinen@example.fi", "+358 40 000 0111")
    screens = await seed_resident_screens(page)
    for language in LANGUAGES:
        await choose_language(page, language, signed_in=True)
        for path in screens:
            await check(page, server.base, path, language, found)
    assert found == []
