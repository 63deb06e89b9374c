"""In Chromium, with a virtual authenticator: register through the demo bank as a demo
person, create a passkey, sign out, sign in with it, revoke it, and fail to sign in with it."""

from __future__ import annotations

from playwright.async_api import Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import add_virtual_authenticator, register


async def test_register_sign_in_revoke_and_be_refused(page: Page, server: Server) -> None:
    await add_virtual_authenticator(page)
    # Register: strong identification at the demo bank, as Mikko Laine.
    await register(page, server.base, "mikko", "mikko.laine@example.fi", "+358 40 000 0101")
    await expect(page.get_by_test_id("home-greeting")).to_contain_text("Mikko")
    await expect(page.get_by_test_id("home-list")).to_contain_text("B 36")

    # Sign out, and back in with the passkey alone (no username).
    await page.get_by_test_id("shell-nav").get_by_role("link", name="Asetukset").click()
    await page.get_by_test_id("signout").click()
    await expect(page.get_by_test_id("signin-passkey")).to_be_visible()
    await page.get_by_test_id("signin-passkey").click()
    await expect(page.get_by_test_id("home-greeting")).to_contain_text("Mikko")

    # Revoke the passkey in use: the session ends with it.
    await page.get_by_test_id("shell-nav").get_by_role("link", name="Asetukset").click()
    passkeys = page.get_by_test_id("passkey-list")
    await expect(passkeys).to_contain_text("Testipuhelin")
    await passkeys.locator("[data-testid^='passkey-revoke-']").first.click()
    await page.get_by_test_id("passkey-revoke-confirm").click()
    await expect(page.get_by_test_id("signin-passkey")).to_be_visible()

    # The authenticator still holds it, but the portal refuses it now.
    await page.get_by_test_id("signin-passkey").click()
    await expect(page.get_by_test_id("error-alert")).to_be_visible()
    await expect(page.get_by_test_id("error-alert")).to_contain_text("pääsyavain")
    await expect(page.get_by_test_id("home-greeting")).to_have_count(0)


async def test_a_staff_user_enrols_a_passkey_from_the_link_and_signs_in(
    page: Page, server: Server
) -> None:
    output = server.command(
        "create-staff",
        "--email",
        "uusi.kasittelija@example.fi",
        "--name",
        "Ulla Uusi",
        "--role",
        "customer_service",
        "--region",
        "ita-helsinki",
    )
    link = output.strip().splitlines()[-1]
    assert link.startswith(server.base + "/staff/enrol/")
    await add_virtual_authenticator(page)
    await page.goto(link)
    await expect(page.get_by_text("uusi.kasittelija@example.fi")).to_be_visible()
    await page.get_by_test_id("staff-enrol-create").click()
    await expect(page.get_by_test_id("staff-user-name")).to_contain_text("Ulla Uusi")
    await page.goto(link)  # the link worked once
    await expect(page.get_by_test_id("error-alert")).to_be_visible()
    await expect(page.get_by_test_id("staff-enrol-create")).to_have_count(0)
