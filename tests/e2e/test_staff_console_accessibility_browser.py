"""In Chromium, the staff console (issue 8): axe-core finds no violations on any screen in
Finnish, Swedish or English; no screen scrolls sideways at a 1280 px desk; and the queue →
ticket → schedule-a-visit flow works with the keyboard alone."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from playwright.async_api import Browser, Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import call_api
from tests.e2e.staff_flows import EAST, create_staff, enrol, new_page, sign_out, staff_page
from tests.e2e.test_accessibility_browser import violations

LANGUAGES = ("fi", "sv", "en")


async def choose_language(page: Page, language: str) -> None:
    await page.get_by_test_id(f"staff-language-{language}").click()
    await expect(page.locator("html")).to_have_attribute("lang", language)


async def scrolls_sideways(page: Page) -> bool:
    return bool(
        await page.evaluate(
            "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
    )


async def audit(page: Page, name: str, language: str, found: list[str]) -> None:
    """The screen on show: one h1, the language, axe, no sideways scroll."""
    await expect(page.locator("h1")).to_have_count(1)
    await expect(page.locator("html")).to_have_attribute("lang", language)
    found.extend(f"{name} [{language}] {v}" for v in await violations(page))
    if await scrolls_sideways(page):
        found.append(f"{name} [{language}] scrolls sideways at 1280 px")


async def screens(page: Page) -> list[tuple[str, str, str]]:
    """(name, path, test id of what shows the screen is loaded) for every console screen,
    with the demo data's first ticket, thread, news item, property and occupant change."""
    ticket = (await call_api(page, "GET", "/api/staff/tickets"))["items"][0]
    thread = (await call_api(page, "GET", "/api/staff/messages"))["items"][0]
    news = (await call_api(page, "GET", "/api/staff/news"))[0]
    property_ = (await call_api(page, "GET", "/api/staff/properties"))[0]
    change = (await call_api(page, "GET", "/api/staff/occupant-changes?status=all"))[0]
    return [
        ("queue", "/staff/tickets", "queue-table"),
        ("ticket", f"/staff/tickets/{ticket['id']}", "ticket-facts"),
        ("inbox", "/staff/messages", "inbox-table"),
        ("thread", f"/staff/messages/{thread['id']}", "thread-messages"),
        ("news list", "/staff/news", "news-table"),
        ("news editor (new)", "/staff/news/new", "news-form"),
        ("news editor + preview", f"/staff/news/{news['id']}", "news-preview-item"),
        ("property list", "/staff/property", "property-table"),
        ("property editor", f"/staff/property/{property_['id']}", "property-form"),
        ("occupant changes", "/staff/occupants", "changes-table"),
        ("occupant change", f"/staff/occupants/{change['id']}", "change-facts"),
        ("office registration", "/staff/office", "office-search"),
        ("audit log", "/staff/audit", "audit-table"),
    ]


async def office_with_a_person_chosen(page: Page, server: Server) -> None:
    await page.goto(server.base + "/staff/office")
    await page.get_by_test_id("office-search").fill("Laine")
    await page.get_by_test_id("office-search-submit").click()
    await page.get_by_test_id("office-matches").get_by_role("button").first.click()
    await expect(page.get_by_test_id("office-issue")).to_be_visible()


async def preview_in_swedish(page: Page, server: Server, every: list[tuple[str, str, str]]) -> None:
    """The news editor's preview as a Swedish-speaking resident would see the item."""
    [path] = [path for name, path, _ in every if name == "news editor + preview"]
    await page.goto(server.base + path)
    preview = page.get_by_test_id("news-preview")
    await preview.get_by_role("radio").nth(1).check()
    await expect(preview.get_by_test_id("news-preview-item")).to_have_attribute("lang", "sv")


async def test_every_console_screen_in_every_language_passes_axe_at_a_desk(
    browser: Browser, server: Server
) -> None:
    found: list[str] = []
    page = await new_page(browser)
    name = "Aino Ylläpitäjä"
    link = create_staff(server, name, "admin")  # every section, every region
    await page.goto(link)
    await expect(page.get_by_test_id("staff-enrol-create")).to_be_visible()
    for language in LANGUAGES:
        await choose_language(page, language)
        await audit(page, "enrolment", language, found)
    await choose_language(page, "fi")
    await enrol(page, link, name)

    every = await screens(page)
    for language in LANGUAGES:
        await choose_language(page, language)
        for screen, path, ready in every:
            await page.goto(server.base + path)
            await expect(page.get_by_test_id(ready)).to_be_visible()
            await audit(page, screen, language, found)
        await office_with_a_person_chosen(page, server)
        await audit(page, "office registration, person chosen", language, found)
        await preview_in_swedish(page, server, every)
        await audit(page, "news preview in Swedish", language, found)

    await sign_out(page)
    for language in LANGUAGES:
        await choose_language(page, language)
        await expect(page.get_by_test_id("staff-signin-passkey")).to_be_visible()
        await audit(page, "sign-in", language, found)
    await page.context.close()
    assert found == []


async def tab_to(page: Page, describe: str, matches: str, limit: int = 60) -> None:
    """Press Tab until the focused element satisfies ``matches`` (a JS predicate on it)."""
    for _ in range(limit):
        await page.keyboard.press("Tab")
        if await page.evaluate(f"() => {{ const el = document.activeElement; return {matches}; }}"):
            return
    raise AssertionError(f"Tab never reached {describe}")


def focused_testid(testid: str) -> str:
    return f'el?.dataset?.testid === "{testid}"'


async def test_queue_ticket_and_scheduling_work_with_the_keyboard_alone(
    browser: Browser, server: Server
) -> None:
    staff = await staff_page(browser, server, "Kerttu Näppäimistö", "maintenance", regions=(EAST,))
    received: list[dict[str, Any]] = (
        await call_api(staff, "GET", "/api/staff/tickets?status=received")
    )["items"]
    ticket = received[0]
    number = ticket["number"]

    await staff.goto(server.base + "/staff/tickets")
    await expect(staff.get_by_test_id("queue-table")).to_be_visible()
    await tab_to(staff, "the search field", focused_testid("queue-search"))
    await staff.keyboard.type(number)
    await staff.keyboard.press("Enter")
    await expect(staff.get_by_test_id(f"queue-row-{number}")).to_be_visible()
    await expect(staff.get_by_test_id("queue-table").get_by_role("row")).to_have_count(2)
    await tab_to(staff, "the ticket's link", f'el?.textContent === "{number}"')
    await staff.keyboard.press("Enter")
    await expect(staff).to_have_url(f"{server.base}/staff/tickets/{ticket['id']}")
    await expect(staff.get_by_role("heading", level=1)).to_be_focused()

    await tab_to(staff, "the new status", focused_testid("transition-to"))
    await staff.keyboard.type("Aikat")  # a select's type-ahead: "Aikataulutettu"
    await expect(staff.get_by_test_id("transition-to")).to_have_value("scheduled")
    visit = (datetime.now(ZoneInfo("Europe/Helsinki")) + timedelta(days=3)).replace(
        hour=8, minute=30, second=0, microsecond=0
    )
    end = visit + timedelta(hours=3)
    for testid, moment in (("transition-start", visit), ("transition-end", end)):
        await tab_to(staff, testid, focused_testid(testid))
        # The field's parts as Chromium lays them out for its UI language (en-US here,
        # whatever the page's locale): month, day, year (→ to move on), hour, minute, AM/PM.
        await staff.keyboard.type(moment.strftime("%m%d%Y"))
        await staff.keyboard.press("ArrowRight")
        await staff.keyboard.type(moment.strftime("%I%M%p")[:5])
        await expect(staff.get_by_test_id(testid)).to_have_value(moment.strftime("%Y-%m-%dT%H:%M"))
    await tab_to(staff, "the submit button", focused_testid("transition-submit"))
    await staff.keyboard.press("Space")
    await expect(staff.get_by_test_id("ticket-message")).to_contain_text("Aikataulutettu")
    await expect(staff.get_by_test_id("ticket-facts")).to_contain_text("Aikataulutettu")
    await expect(staff.get_by_test_id("ticket-facts")).to_contain_text(
        f"{visit.day}.{visit.month}.{visit.year}"
    )
    await staff.context.close()
