"""The manifest's screenshots (pwa/public/screenshots): the signed-in home screen of a
seeded resident, narrow (a phone) and wide (a desktop), in Finnish. Run again after a
visible change: ``python -m tests.bench.screenshots``."""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import async_playwright

from tests.bench.audit import CHROMIUM, Jar, signed_in_server

OUT = Path(__file__).resolve().parents[2] / "pwa" / "public" / "screenshots"
SIZES = {"home-narrow.png": (540, 1170), "home-wide.png": (1280, 800)}


async def _shoot(base: str, jar: Jar) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM)
        for name, (width, height) in SIZES.items():
            context = await browser.new_context(
                viewport={"width": width, "height": height}, locale="fi-FI"
            )
            await context.add_cookies(jar)  # type: ignore[arg-type]
            page = await context.new_page()
            await page.goto(base)
            await page.get_by_test_id("home-greeting").wait_for()
            await page.locator(".shell-emergency__call").wait_for()  # the offline data is in
            await page.screenshot(path=OUT / name)
            await context.close()
        await browser.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with signed_in_server("portal-shots-") as (url, jar):
        asyncio.run(_shoot(url, jar))
    print(f"wrote {', '.join(SIZES)} to {OUT}")


if __name__ == "__main__":
    main()
