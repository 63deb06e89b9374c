"""In Chromium: the staff console at /staff (issue 8). A staff user enrols a passkey at the
one-time link and signs in with it; handles a resident's new defect notification while the
resident's open app follows each transition live and a web push goes out; publishes news to
one property; issues an office registration code that a person then registers with; and a
staff user of the other region finds none of the East region's tickets."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.async_api import Browser, Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import call_api, file_defect, file_ticket_through_api, finish_registration
from tests.e2e.staff_flows import (
    CENTRAL,
    EAST,
    create_staff,
    enrol,
    new_page,
    resident_page,
    search_queue,
    sign_in,
    sign_out,
    staff_page,
)
from tests.support.push_service import running_push_service

DESCRIPTION = "Astianpesukoneen alta valuu vettä lattialle."


def is_transition(method: str, url: str) -> bool:
    return method == "POST" and bool(
        re.search(r"/api/staff/tickets/[0-9a-f-]{36}/transition$", url)
    )


async def test_a_staff_user_enrols_a_passkey_signs_out_and_back_in(
    browser: Browser, server: Server
) -> None:
    page = await new_page(browser)
    link = create_staff(server, "Kaisa Kirjautuja", "maintenance", regions=(EAST,))
    await enrol(page, link, "Kaisa Kirjautuja")
    # Maintenance opens on the ticket queue, its first (and only) section.
    await expect(page).to_have_url(server.base + "/staff/tickets")
    await expect(page.get_by_test_id("staff-user-roles")).to_contain_text("huollon koordinointi")

    await sign_out(page)
    await page.goto(server.base + "/staff")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Henkilökunnan kirjautuminen")
    await sign_in(page, "Kaisa Kirjautuja")
    await expect(page).to_have_url(server.base + "/staff/tickets")
    # The link worked once: opening it again no longer offers a passkey.
    await page.goto(link)
    await expect(page.get_by_test_id("error-alert")).to_be_visible()
    await expect(page.get_by_test_id("staff-enrol-create")).to_have_count(0)
    await page.context.close()


async def schedule_visit(staff: Page, start: datetime) -> None:
    await staff.get_by_label("Uusi tila").select_option(label="Aikataulutettu")
    await staff.get_by_label("Alkaa").fill(start.strftime("%Y-%m-%dT%H:%M"))
    await staff.get_by_label("Päättyy").fill(
        (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    )


async def test_b_a_new_ticket_is_scheduled_and_done_and_the_residents_app_follows_live(
    browser: Browser, server: Server
) -> None:
    resident = await resident_page(
        browser, server, "mikko", "mikko.laine@example.fi", "+358 40 000 0101"
    )
    await file_defect(resident, DESCRIPTION)
    ticket_id = resident.url.rsplit("/", 1)[1]
    status = resident.get_by_test_id("ticket-status")
    await expect(status).to_contain_text("Vastaanotettu")
    number = (await call_api(resident, "GET", f"/api/tickets/{ticket_id}"))["number"]

    async with running_push_service() as push_service:
        device = push_service.subscribe()
        keys = {"p256dh": device.p256dh, "auth": device.auth_b64}
        await call_api(
            resident,
            "POST",
            "/api/me/push-subscriptions",
            {"endpoint": device.endpoint, "keys": keys},
        )
        staff = await staff_page(
            browser, server, "Sami Asiakaspalvelu", "customer_service", regions=(EAST,)
        )
        await search_queue(staff, server, number)
        row = staff.get_by_test_id(f"queue-row-{number}")
        await expect(row).to_contain_text("Vastaanotettu")
        await expect(staff.get_by_test_id("queue-table").get_by_role("row")).to_have_count(2)
        await row.get_by_role("link", name=number).click()
        await expect(staff).to_have_url(f"{server.base}/staff/tickets/{ticket_id}")
        await expect(staff.get_by_role("heading", level=1)).to_have_text(f"Vikailmoitus {number}")
        await expect(staff.get_by_test_id("ticket-description-text")).to_have_text(DESCRIPTION)

        visit = (datetime.now(ZoneInfo("Europe/Helsinki")) + timedelta(days=2)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        await schedule_visit(staff, visit)
        async with staff.expect_response(lambda r: is_transition(r.request.method, r.url)) as sent:
            await staff.get_by_role("button", name="Muuta tila").click()
        assert (await sent.value).ok
        # The resident's open app shows it within a second (the server pokes it over SSE).
        await expect(status).to_contain_text("Aikataulutettu", timeout=1000)
        await expect(resident.get_by_test_id("ticket-scheduled")).to_contain_text(
            f"{visit.day}.{visit.month}."
        )
        await expect(staff.get_by_test_id("ticket-facts")).to_contain_text("Aikataulutettu")
        await asyncio.wait_for(push_service.received(1), 30)

        await staff.get_by_label("Uusi tila").select_option(label="Valmis")
        async with staff.expect_response(lambda r: is_transition(r.request.method, r.url)) as sent:
            await staff.get_by_role("button", name="Muuta tila").click()
        assert (await sent.value).ok
        await expect(status).to_contain_text("Valmis", timeout=1000)
        await expect(staff.get_by_test_id("ticket-facts")).to_contain_text("Valmis")
        await asyncio.wait_for(push_service.received(2), 30)

        # A web push about each transition went to the resident's device, for this ticket.
        payloads = [d.payload for d in push_service.deliveries_to(device)]
        assert [p["url"] for p in payloads] == [f"/tickets/{ticket_id}"] * 2
        assert all(p["title"].endswith(number) for p in payloads), payloads
        assert payloads[0]["body"].startswith("Aikataulutettu"), payloads
        assert payloads[1]["body"].startswith("Valmis"), payloads
    await staff.context.close()
    await resident.context.close()


async def test_c_news_published_to_one_property_reaches_only_its_residents(
    browser: Browser, server: Server
) -> None:
    ville = await resident_page(
        browser, server, "ville", "ville.koskinen@example.fi", "+358 40 000 0111"
    )  # Vuosaaren Merituuli
    seppo = await resident_page(
        browser, server, "seppo", "seppo.kinnunen@example.fi", "+358 40 000 0119"
    )  # Siilitien Honkapiha

    editor = await staff_page(browser, server, "Eeva Editori", "editor", regions=(EAST,))
    await editor.get_by_test_id("staff-nav").get_by_role("link", name="Tiedotteet").click()
    await editor.get_by_role("link", name="Uusi tiedote").click()
    finnish = editor.get_by_test_id("news-lang-fi")
    title = "Merituulen pihatalkoot lauantaina"
    await finnish.get_by_label("Otsikko").fill(title)
    await finnish.get_by_label("Teksti").fill("Tervetuloa haravoimaan! Kahvia ja pullaa tarjolla.")
    await editor.get_by_role("radio", name="Kiinteistö").check()
    await editor.get_by_label("Valitse kiinteistö").select_option(label="Vuosaaren Merituuli")
    await editor.get_by_role("button", name="Tallenna luonnos").click()
    await expect(editor).to_have_url(re.compile(r"/staff/news/[0-9a-f-]{36}\?saved=1$"))
    await expect(editor.get_by_test_id("news-status")).to_contain_text("Luonnos")
    await editor.get_by_role("button", name="Julkaise nyt").click()
    await expect(editor.get_by_test_id("news-message")).to_have_text("Tiedote julkaistu.")
    await expect(editor.get_by_test_id("news-status")).to_contain_text("Julkaistu")

    # Each resident opens the news after it was published (the app pulls on opening).
    for resident in (ville, seppo):
        async with resident.expect_response(re.compile(r"/api/sync/pull")):
            await resident.goto(server.base + "/news")
        await expect(resident.get_by_test_id("news-list")).to_be_visible()
    await expect(ville.get_by_test_id("news-list")).to_contain_text(title)
    await expect(seppo.get_by_test_id("news-list").get_by_text(title)).to_have_count(0)
    # The server agrees: Seppo's home has no such item.
    lease = (await call_api(seppo, "GET", "/api/session"))["principal"]["homes"][0]["leaseId"]
    listed = await call_api(seppo, "GET", f"/api/homes/{lease}/news")
    assert title not in [item["title"] for item in listed]
    for page in (ville, seppo, editor):
        await page.context.close()


async def test_d_an_office_code_from_the_console_registers_the_resident(
    browser: Browser, server: Server
) -> None:
    desk = await staff_page(browser, server, "Outi Toimisto", "customer_service", regions=(EAST,))
    await (
        desk.get_by_test_id("staff-nav")
        .get_by_role("link", name="Rekisteröinti toimistolla")
        .click()
    )
    await desk.get_by_label("Asukkaan nimi tai osoite").fill("Hämäläinen")
    await desk.get_by_role("button", name="Hae", exact=True).click()
    row = (
        desk.get_by_test_id("office-matches").get_by_role("row").filter(has_text="Pirjo Hämäläinen")
    )
    await row.get_by_role("button", name="Valitse Pirjo Hämäläinen").click()
    await expect(desk.get_by_test_id("office-issue-person")).to_have_text("Pirjo Hämäläinen")
    await desk.get_by_label("Olen tarkistanut tämän henkilön henkilöllisyystodistuksen").check()
    await desk.get_by_role("button", name="Anna koodi").click()
    code = (await desk.get_by_test_id("office-code").inner_text()).strip()
    assert code, "no code shown"
    await expect(desk.get_by_test_id("office-slip-name")).to_have_text("Pirjo Hämäläinen")

    pirjo = await new_page(browser, width=412, height=860)
    await pirjo.goto(server.base + "/")
    await pirjo.get_by_test_id("register-link").click()
    await pirjo.get_by_role("textbox", name="Rekisteröintikoodi").fill(code)
    await pirjo.get_by_role("button", name="Jatka koodilla").click()
    await finish_registration(pirjo, "pirjo.hamalainen@example.fi", "+358 40 000 0110", "Tabletti")
    await expect(pirjo.get_by_test_id("home-greeting")).to_contain_text("Pirjo")
    for page in (desk, pirjo):
        await page.context.close()


async def test_e_staff_of_the_other_region_cannot_find_or_open_an_east_ticket(
    browser: Browser, server: Server
) -> None:
    laura = await resident_page(
        browser, server, "laura", "laura.heikkinen@example.fi", "+358 40 000 0108"
    )  # Kontulan Kaari, East Helsinki
    ticket = await file_ticket_through_api(laura, "Parvekkeen ovi ei mene kiinni.")

    central = await staff_page(
        browser, server, "Kalle Keskusta", "customer_service", regions=(CENTRAL,)
    )
    # A ticket of their own region is found the same way (the search works for them) …
    own = (await call_api(central, "GET", "/api/staff/tickets"))["items"][0]["number"]
    await search_queue(central, server, own)
    await expect(central.get_by_test_id(f"queue-row-{own}")).to_be_visible()
    # … the East ticket is not.
    await search_queue(central, server, ticket["number"])
    await expect(central.get_by_test_id("queue-empty")).to_be_visible()
    await expect(central.get_by_test_id("queue-status")).to_have_text("0–0 / 0")
    await expect(central.get_by_test_id(f"queue-row-{ticket['number']}")).to_have_count(0)

    await central.goto(f"{server.base}/staff/tickets/{ticket['id']}")
    await expect(central.get_by_test_id("error-alert")).to_contain_text("Ei löytynyt")
    await expect(central.get_by_role("heading", level=1)).not_to_contain_text(ticket["number"])
    await expect(central.get_by_test_id("ticket-facts")).to_have_count(0)
    await expect(central.get_by_text("Parvekkeen ovi ei mene kiinni.")).to_have_count(0)
    await expect(central.get_by_test_id("ticket-contact")).to_have_count(0)
    for page in (laura, central):
        await page.context.close()
