"""The demo bank served in-process, and a relying party that talks to it over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import msgspec
import pytest
from litestar import Litestar
from litestar.di import Provide

from backend.core.problems import EXCEPTION_HANDLERS
from backend.oidc.client import OidcClient
from backend.oidc.controllers import DemoBankController
from backend.settings import Settings
from tests.oidc.fake_provider import CLIENT_SECRET, ISSUER, FakeProvider
from tests.oidc.html_forms import PageParser, parse_page


def build_demo_bank_app(settings: Settings) -> Litestar:
    return Litestar(
        route_handlers=[DemoBankController],
        dependencies={"settings": Provide(lambda: settings, use_cache=True, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        logging_config=None,
    )


@pytest.fixture
def demo_settings(settings: Settings) -> Settings:
    assert settings.strong_auth == "demo"
    return settings


@pytest.fixture
async def bank_http(demo_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A browser-like client for the demo bank: keeps cookies, does not follow redirects."""
    app = build_demo_bank_app(demo_settings)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=demo_settings.public_url
    ) as http:
        yield http


@pytest.fixture
def relying_party(demo_settings: Settings, bank_http: httpx.AsyncClient) -> OidcClient:
    return OidcClient(demo_settings, http=bank_http)


@pytest.fixture
def broker_settings(settings: Settings) -> Settings:
    return msgspec.structs.replace(
        settings, strong_auth="oidc", oidc_issuer=ISSUER, oidc_client_secret=CLIENT_SECRET
    )


@pytest.fixture
def broker(broker_settings: Settings) -> FakeProvider:
    return FakeProvider(
        client_id=broker_settings.oidc_client_id,
        identity_claim=broker_settings.oidc_identity_code_claim,
    )


@pytest.fixture
async def broker_client(
    broker_settings: Settings, broker: FakeProvider
) -> AsyncIterator[OidcClient]:
    async with httpx.AsyncClient(transport=broker.transport()) as http:
        yield OidcClient(broker_settings, http=http)


async def open_page(http: httpx.AsyncClient, url: str) -> PageParser:
    response = await http.get(url)
    assert response.status_code == 200, response.text
    return parse_page(response.text)


async def press(
    http: httpx.AsyncClient,
    page: PageParser,
    testid: str,
    typed: dict[str, str] | None = None,
) -> httpx.Response:
    """Submit the form of the button ``testid`` (after typing ``typed`` into its inputs)."""
    form = page.form_with(testid)
    assert form.method == "post"
    url = httpx.URL("/oidc/demo/").join(form.action)
    return await http.post(url, data=form.submission(testid, typed))


def callback_params(response: httpx.Response, settings: Settings) -> dict[str, str]:
    """The query of a redirect back to the relying party's callback."""
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith(settings.oidc_redirect_uri + "?")
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
