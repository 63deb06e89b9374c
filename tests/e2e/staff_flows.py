"""Steps the staff console's browser tests share: a staff user made with the server's own
command, enrolling a passkey at the one-time link, signing in and out, finding a ticket in
the queue, a resident's ticket filed through the API."""

from __future__ import annotations

import uuid

from playwright.async_api import Browser, Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import add_virtual_authenticator, register

EAST = "ita-helsinki"
CENTRAL = "keskusta-lansi"


def create_staff(
    server: Server,
    name: str,
    *roles: str,
    regions: tuple[str, ...] = (),
    language: str = "fi",
) -> str:
    """A new staff user (``resident-portal create-staff``); no regions = all regions. Returns
    the one-time enrolment link the command prints."""
    email = f"{name.lower().replace(' ', '.')}.{uuid.uuid4().hex[:6]}@example.fi"
    args = ["create-staff", "--email", email, "--name", name, "--language", language]
    for role in roles:
        args += ["--role", role]
    scope = [arg for region in regions for arg in ("--region", region)] or ["--all-regions"]
    output = server.command(*args, *scope)
    link = output.strip().splitlines()[-1]
    assert link.startswith(server.base + "/staff/enrol/"), output
    return link


async def new_page(browser: Browser, *, width: int = 1280, height: int = 900) -> Page:
    """A page in a fresh context (its own cookies and virtual authenticator), at desk size."""
    context = await browser.new_context(
        locale="fi-FI", timezone_id="Europe/Helsinki", viewport={"width": width, "height": height}
    )
    page = await context.new_page()
    await add_virtual_authenticator(page)
    return page


async def resident_page(
    browser: Browser, server: Server, person: str, email: str, phone: str
) -> Page:
    """A demo person registered through the demo bank, on the app's home screen, at phone
    size. The app has settled once before (its first visit sets the session and CSRF
    cookies), so that registering starts from a browser the server already knows."""
    page = await new_page(browser, width=412, height=860)
    await page.goto(server.base + "/")
    await expect(page.get_by_test_id("register-link")).to_be_visible()
    await page.wait_for_load_state("networkidle")
    await register(page, server.base, person, email, phone)
    return page


async def enrol(page: Page, link: str, name: str) -> None:
    """Open the enrolment link, create the passkey: ends signed in, in the console."""
    await page.goto(link)
    await expect(page.get_by_test_id("staff-enrol-account")).to_contain_text(name)
    await page.get_by_test_id("staff-passkey-name").fill("Työkone")
    await page.get_by_test_id("staff-enrol-create").click()
    await expect(page.get_by_test_id("staff-user-name")).to_contain_text(name)


async def sign_out(page: Page) -> None:
    await page.get_by_test_id("staff-signout").click()
    await expect(page.get_by_test_id("staff-signed-out-notice")).to_be_visible()
    await expect(page.get_by_test_id("staff-user-name")).to_have_count(0)


async def sign_in(page: Page, name: str) -> None:
    """From the console's login screen, with the passkey on this page's authenticator."""
    await page.get_by_test_id("staff-signin-passkey").click()
    await expect(page.get_by_test_id("staff-user-name")).to_contain_text(name)


async def staff_page(
    browser: Browser, server: Server, name: str, *roles: str, regions: tuple[str, ...] = ()
) -> Page:
    """A staff user, enrolled and signed in to the console in a page of their own."""
    page = await new_page(browser)
    await enrol(page, create_staff(server, name, *roles, regions=regions), name)
    return page


async def search_queue(page: Page, server: Server, text: str) -> None:
    """The queue, searched for ``text`` (a ticket number), results shown."""
    if not page.url.startswith(server.base + "/staff/tickets"):
        await page.get_by_test_id("staff-nav").get_by_role("link", name="Vikailmoitukset").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Vikailmoitukset")
    await page.get_by_label("Vikailmoituksen numero tai osoite").fill(text)
    await page.get_by_role("button", name="Hae", exact=True).click()
    await expect(page).to_have_url(f"{server.base}/staff/tickets?q={text}")
    await expect(page.get_by_test_id("queue-status")).not_to_have_text("Ladataan…")
