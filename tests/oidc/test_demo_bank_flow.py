"""The whole flow, real protocol: the relying party, the demo bank's page, its token endpoint."""

from __future__ import annotations

import logging

import httpx
import pytest

from backend.core import clock
from backend.demo.content import demo_data
from backend.oidc.client import OidcClient, StrongAuthError
from backend.settings import Settings
from tests.oidc.conftest import callback_params, open_page, press


def demo_people() -> list[tuple[str, str, str]]:
    return [
        (p.first_name, p.last_name, p.identity_code)
        for p in demo_data(clock.today()).people
        if p.identity_code
    ]


async def test_a_demo_person_identifies_through_the_demo_bank(
    relying_party: OidcClient,
    bank_http: httpx.AsyncClient,
    demo_settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    url, pending = await relying_party.authorization_url(purpose="register", ui_locale="fi")
    assert url.startswith(f"{demo_settings.effective_oidc_issuer}/authorize?")
    assert pending.purpose == "register"

    page = await open_page(bank_http, url)
    params = callback_params(await press(bank_http, page, "demo-person-mikko"), demo_settings)
    assert params["state"] == pending.state

    identity = await relying_party.complete(
        code=params["code"], state=params["state"], error=None, pending=pending
    )
    mikko = next(p for p in demo_people() if p[0] == "Mikko")
    assert identity.identity_code == mikko[2]
    assert (identity.given_name, identity.family_name) == ("Mikko", "Laine")
    assert identity.subject
    assert mikko[2] not in identity.subject
    assert mikko[2] not in caplog.text
    assert params["code"] not in caplog.text


async def test_the_subject_is_stable_and_a_typed_code_has_no_names(
    relying_party: OidcClient, bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    subjects = []
    for typed in ("150685-998m", " 150685-998M "):
        url, pending = await relying_party.authorization_url(purpose="recover", ui_locale="en")
        page = await open_page(bank_http, url)
        response = await press(bank_http, page, "demo-submit-code", {"demo-identity-code": typed})
        params = callback_params(response, demo_settings)
        identity = await relying_party.complete(
            code=params["code"], state=params["state"], error=None, pending=pending
        )
        assert identity.identity_code == "150685-998M"
        assert identity.given_name is None
        assert identity.family_name is None
        subjects.append(identity.subject)
    assert subjects[0] == subjects[1]


async def test_cancel_returns_access_denied_and_the_relying_party_refuses(
    relying_party: OidcClient, bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    url, pending = await relying_party.authorization_url(purpose="register", ui_locale="fi")
    page = await open_page(bank_http, url)
    params = callback_params(await press(bank_http, page, "demo-cancel"), demo_settings)
    assert params == {"error": "access_denied", "state": pending.state}

    with pytest.raises(StrongAuthError) as raised:
        await relying_party.complete(
            code=None, state=params["state"], error=params["error"], pending=pending
        )
    assert raised.value.reason == "cancelled"
    assert raised.value.detail_key == "problem.strong-auth.cancelled"


async def test_an_invalid_typed_code_shows_the_page_again_with_an_error(
    relying_party: OidcClient, bank_http: httpx.AsyncClient
) -> None:
    url, _ = await relying_party.authorization_url(purpose="register", ui_locale="en")
    page = await open_page(bank_http, url)
    response = await press(
        bank_http, page, "demo-submit-code", {"demo-identity-code": "010190-900X"}
    )
    assert response.status_code == 400
    assert "location" not in response.headers
    assert 'role="alert"' in response.text
    assert "The personal identity code is not valid" in response.text
    assert 'aria-invalid="true"' in response.text


async def test_a_post_without_the_form_token_is_refused(
    relying_party: OidcClient, bank_http: httpx.AsyncClient
) -> None:
    url, _ = await relying_party.authorization_url(purpose="register", ui_locale="fi")
    page = await open_page(bank_http, url)
    form = page.form_with("demo-person-mikko")
    data = form.submission("demo-person-mikko")
    bank_http.cookies.clear()  # a cross-site post carries no SameSite=Strict cookie
    response = await bank_http.post("/oidc/demo/authorize", data=data)
    assert response.status_code == 400
    assert "location" not in response.headers
    assert "Lomake vanhentui" in response.text


async def test_the_page_lists_every_demo_person_and_has_no_inline_script_or_style(
    relying_party: OidcClient, bank_http: httpx.AsyncClient
) -> None:
    url, _ = await relying_party.authorization_url(purpose="register", ui_locale="fi")
    response = await bank_http.get(url)
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    page = await open_page(bank_http, url)
    people = demo_people()
    assert len(people) > 10
    for first_name, last_name, code in people:
        testid = f"demo-person-{first_name.lower()}"
        assert page.form_with(testid).buttons[testid] == ("identity_code", code)
        assert f"{first_name} {last_name}" in response.text
    assert {"demo-identity-code", "demo-submit-code", "demo-cancel"} <= page.testids
    assert page.script_or_style_elements == 0
    assert page.elements_with_style_attribute == 0
    assert '<link rel="stylesheet" href="style.css">' in response.text
    assert '<label for="identity-code">' in response.text
    assert "<h1>" in response.text
    assert "<h2" in response.text

    stylesheet = await bank_http.get("/oidc/demo/style.css")
    assert stylesheet.status_code == 200
    assert stylesheet.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in stylesheet.text


@pytest.mark.parametrize(
    ("ui_locale", "lang", "title"),
    [
        ("fi", "fi", "Demopankki – vahva tunnistautuminen"),
        ("sv", "sv", "Demobanken – stark identifiering"),
        ("en-GB", "en", "Demo bank – strong identification"),
        ("de sv-FI", "sv", "Demobanken – stark identifiering"),
        ("", "fi", "Demopankki – vahva tunnistautuminen"),
    ],
)
async def test_the_page_follows_ui_locales(
    relying_party: OidcClient,
    bank_http: httpx.AsyncClient,
    ui_locale: str,
    lang: str,
    title: str,
) -> None:
    url, _ = await relying_party.authorization_url(purpose="register", ui_locale=ui_locale)
    page = await open_page(bank_http, url)
    assert page.html_lang == lang
    assert page.title == title


async def test_the_flow_expires_after_ten_minutes(
    relying_party: OidcClient, bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    url, pending = await relying_party.authorization_url(purpose="register", ui_locale="fi")
    page = await open_page(bank_http, url)
    with clock.travel(10 * 60 + 1):
        params = callback_params(await press(bank_http, page, "demo-person-anna"), demo_settings)
        with pytest.raises(StrongAuthError) as raised:
            await relying_party.complete(
                code=params["code"], state=params["state"], error=None, pending=pending
            )
    assert raised.value.reason == "expired"


async def test_an_authorization_code_lives_sixty_seconds(
    relying_party: OidcClient, bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    url, pending = await relying_party.authorization_url(purpose="register", ui_locale="fi")
    page = await open_page(bank_http, url)
    params = callback_params(await press(bank_http, page, "demo-person-anna"), demo_settings)
    with clock.travel(61), pytest.raises(StrongAuthError) as raised:
        await relying_party.complete(
            code=params["code"], state=params["state"], error=None, pending=pending
        )
    assert raised.value.reason == "code-rejected"
