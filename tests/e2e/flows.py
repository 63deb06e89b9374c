"""Steps several browser tests take: a virtual authenticator, registering a demo person
through the demo bank with a passkey, filing a defect through the wizard."""

from __future__ import annotations

import io
import re
import uuid
from typing import Any

from PIL import Image
from playwright.async_api import Page, Response, expect


async def add_virtual_authenticator(page: Page) -> None:
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("WebAuthn.enable")
    await cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


async def register(page: Page, base: str, person: str, email: str, phone: str) -> None:
    """Strong identification at the demo bank as ``person`` (first name), contact details,
    a passkey: ends on the home screen."""
    await page.goto(base + "/")
    await page.get_by_test_id("register-link").click()
    await page.get_by_test_id("strong-auth-start").click()
    await expect(page).to_have_url(re.compile(r"/oidc/demo/authorize"))
    await page.get_by_test_id(f"demo-person-{person}").click()
    await finish_registration(page, email, phone, "Testipuhelin")


async def finish_registration(page: Page, email: str, phone: str, passkey_name: str) -> None:
    """After identification (at /register/continue): contact details and a passkey; ends on
    the home screen."""
    await expect(page).to_have_url(re.compile(r"/register/continue"))
    form = page.get_by_test_id("contact-email")
    try:
        await form.wait_for(timeout=15_000)
    except Exception as error:
        raise AssertionError(f"no contact form: {await page.inner_text('body')}") from error
    await form.fill(email)
    await page.get_by_test_id("contact-phone").fill(phone)
    await page.get_by_test_id("contact-submit").click()
    await page.get_by_test_id("passkey-name").fill(passkey_name)
    await page.get_by_test_id("passkey-create").click()
    await expect(page.get_by_test_id("home-greeting")).to_be_visible()


async def choose_language(page: Page, language: str, *, signed_in: bool = False) -> None:
    """The language switcher. A signed-in resident's choice also goes to their profile (a
    sync push): wait until it has been sent, as a person does not open the next screen
    within the same millisecond (a reload could otherwise cut the write short)."""
    button = page.get_by_test_id(f"language-{language}")
    changes = await page.locator("html").get_attribute("lang") != language
    if signed_in and changes:

        def saves_it(response: Response) -> bool:
            sent = response.request.post_data or ""
            return response.url.endswith("/api/sync/push") and "updateProfile" in sent

        async with page.expect_response(saves_it) as saved:
            await button.click()
        assert (await saved.value).ok
    else:
        await button.click()
    await expect(page.locator("html")).to_have_attribute("lang", language)


def photo_jpeg(width: int = 3000, height: int = 2000) -> bytes:
    """A camera-sized photo: the wizard downscales it before storing."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 110, 160)).save(out, "JPEG", quality=80)
    return out.getvalue()


async def file_defect(page: Page, description: str, photo: bytes | None = None) -> None:
    """From the home screen through the wizard (Finnish UI) to the new ticket's screen."""
    await page.get_by_test_id("home-report").click()
    await page.get_by_test_id("report-urgent-no").click()
    await page.get_by_role("radio", name="Asunto").check()
    await page.get_by_test_id("report-next").click()
    await page.get_by_role("radio", name=re.compile("^Keittiö")).check()
    await page.get_by_test_id("report-next").click()
    await page.get_by_test_id("report-location").fill("Keittiö, tiskialtaan alla")
    await page.get_by_test_id("report-next").click()
    await page.get_by_test_id("report-description").fill(description)
    await page.get_by_test_id("report-next").click()
    if photo is not None:
        await page.get_by_test_id("report-photo-input").set_input_files(
            files=[{"name": "vuoto.jpg", "mimeType": "image/jpeg", "buffer": photo}]
        )
        await expect(page.get_by_test_id("report-photo")).to_have_count(1)
    await page.get_by_test_id("report-next").click()
    await page.get_by_test_id("report-masterkey-yes").check()
    await page.get_by_test_id("report-pets-no").check()
    await page.get_by_test_id("report-next").click()
    await page.get_by_test_id("report-send").click()
    await expect(page).to_have_url(re.compile(r"/tickets/[0-9a-f-]{36}$"))


# fetch() from inside the app, with its session and CSRF cookies, as the app itself calls.
CALL_API = """async ([method, path, body]) => {
  const csrf = document.cookie.split("; ").find((c) => c.startsWith("portal_csrf="));
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json", "x-csrf-token": csrf?.split("=")[1] ?? "" },
    body: body === null ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}"""


async def call_api(page: Page, method: str, path: str, body: Any = None) -> Any:
    answer = await page.evaluate(CALL_API, [method, path, body])
    assert 200 <= answer["status"] < 300, answer
    return answer["body"]


async def file_ticket_through_api(page: Page, description: str, **changes: Any) -> dict[str, Any]:
    """A signed-in resident's ticket for their first home, as the app would send it (fields
    of the body in ``changes`` replace the defaults); the ticket as the API shows it."""
    session = await call_api(page, "GET", "/api/session")
    ticket_id = str(uuid.uuid4())
    body = {
        "id": ticket_id,
        "leaseId": session["principal"]["homes"][0]["leaseId"],
        "category": "kitchen",
        "location": "Keittiö",
        "description": description,
        "masterKeyPermission": False,
        "contactWindow": "Arkisin 8–12",
        "pets": True,
        "contactPhone": "+358 40 000 0199",
    }
    await call_api(page, "POST", "/api/tickets", {**body, **changes})
    ticket: dict[str, Any] = await call_api(page, "GET", f"/api/tickets/{ticket_id}")
    return ticket


async def service_worker_in_control(page: Page) -> None:
    """Returns once the app's service worker controls the page (the app's CSP forbids the
    eval that ``wait_for_function`` polls with, so this waits for the event instead)."""
    await page.evaluate(
        """() => navigator.serviceWorker.controller !== null || new Promise((resolve) => {
          navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true));
        })"""
    )


async def seed_resident_screens(page: Page) -> list[str]:
    """For a signed-in resident: a ticket and a message thread through the API, then the
    path of every resident screen (the detail screens of those and of the first news item)."""
    session = await call_api(page, "GET", "/api/session")
    lease_id = session["principal"]["homes"][0]["leaseId"]
    ticket_id, thread_id = str(uuid.uuid4()), str(uuid.uuid4())
    ticket = {
        "id": ticket_id,
        "leaseId": lease_id,
        "category": "kitchen",
        "location": "Keittiö",
        "description": "Astianpesukone ei tyhjennä vettä.",
        "masterKeyPermission": False,
        "contactWindow": "Arkisin 8–12",
        "pets": True,
        "contactPhone": "+358 40 000 0111",
    }
    await call_api(page, "POST", "/api/tickets", ticket)
    thread = {"category": "other", "subject": "Pihan valot", "body": "Eivät syty illalla."}
    await call_api(page, "POST", f"/api/homes/{lease_id}/messages", {**thread, "id": thread_id})
    news = await call_api(page, "GET", f"/api/homes/{lease_id}/news")
    return [
        "/",
        "/tickets",
        f"/tickets/{ticket_id}",
        "/report",
        "/messages",
        "/messages/new",
        f"/messages/{thread_id}",
        "/news",
        *([f"/news/{news[0]['id']}"] if news else []),
        "/property",
        "/rent",
        "/occupants",
        "/settings",
    ]
