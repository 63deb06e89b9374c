"""The demo bank's HTTP side: discovery, JWKS, the authorize page, the token endpoint.

Registered only when ``settings.strong_auth == "demo"``. Its forms post to the page itself;
besides the app's CSRF protection (which skips ``/oidc/demo/``), each render carries a
double-submit token: a random value in a SameSite=Strict cookie, repeated in a hidden field.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.response import File, Redirect
from stdnum.exceptions import ValidationError
from stdnum.fi import hetu

from backend.core import clock
from backend.core.i18n import Language, as_language
from backend.demo.content import demo_data
from backend.oidc.demo_page import PagePerson, authorize_page, error_page
from backend.oidc.demo_provider import (
    AuthorizeRequest,
    AuthorizeRequestError,
    DemoBank,
    TokenEndpointError,
    UntrustedClientError,
    demo_bank,
    redirect_url,
    ui_language,
)
from backend.oidc.schemas import OAuthError, ProviderMetadata, TokenResponse
from backend.settings import Settings

logger = logging.getLogger("backend.oidc")
FORM_TOKEN_COOKIE = "demo_bank_form"  # noqa: S105 - a cookie name
_STYLESHEET = Path(__file__).parent / "static" / "demo-bank.css"
_NO_STORE = {"cache-control": "no-store", "pragma": "no-cache"}


def _language(ui_locales: str | None) -> Language:
    return as_language(ui_language(ui_locales)) or "fi"


def _people() -> list[PagePerson]:
    """The demo people who have an identity code, as the demo data has them today."""
    return [
        PagePerson(p.first_name, p.last_name, p.identity_code.upper(), p.note)
        for p in demo_data(clock.today()).people
        if p.identity_code
    ]


def _html(content: str, status: int = 200, cookies: list[Cookie] | None = None) -> Response[str]:
    return Response(
        content,
        status_code=status,
        media_type=MediaType.HTML,
        headers=_NO_STORE,
        cookies=cookies,
    )


def _form_cookie(settings: Settings, value: str) -> Cookie:
    return Cookie(
        key=FORM_TOKEN_COOKIE,
        value=value,
        path=urlsplit(settings.effective_oidc_issuer).path or "/",
        httponly=True,
        secure=settings.is_https,
        samesite="strict",
    )


def _page(
    bank: DemoBank,
    authorize: AuthorizeRequest,
    form_token: str,
    *,
    status: int = 200,
    error_key: str | None = None,
    typed_code: str = "",
) -> Response[str]:
    fields = {**authorize.hidden_fields(), "form_token": form_token}
    html = authorize_page(
        _language(authorize.ui_locales),
        fields,
        _people(),
        error_key=error_key,
        typed_code=typed_code,
    )
    return _html(html, status, [_form_cookie(bank.settings, form_token)])


def _error_redirect(redirect_uri: str, error: AuthorizeRequestError) -> Redirect:
    params = {"error": error.error, "error_description": error.description}
    if error.state:
        params["state"] = error.state
    return Redirect(redirect_url(redirect_uri, params), status_code=303, headers=_NO_STORE)


class DemoBankController(Controller):
    path = "/oidc/demo"
    include_in_schema = False

    @get("/.well-known/openid-configuration", sync_to_thread=False)
    def discovery(self, settings: NamedDependency[Settings]) -> ProviderMetadata:
        return demo_bank(settings).metadata()

    @get("/jwks", sync_to_thread=False)
    def jwks(self, settings: NamedDependency[Settings]) -> Response[Any]:
        return Response(demo_bank(settings).jwks(), headers={"cache-control": "max-age=300"})

    @get("/style.css", sync_to_thread=False)
    def stylesheet(self) -> File:
        return File(
            path=_STYLESHEET,
            filename="demo-bank.css",
            media_type="text/css",
            content_disposition_type="inline",
            headers={"cache-control": "public, max-age=3600"},
        )

    @get("/authorize", sync_to_thread=False)
    def authorize_form(
        self, request: Request[Any, Any, Any], settings: NamedDependency[Settings]
    ) -> Response[Any]:
        bank = demo_bank(settings)
        params = {key: value for key, value in request.query_params.items()}
        try:
            authorize = bank.parse_authorize_request(params)
        except UntrustedClientError as error:
            logger.warning("demo bank refused an authorization request: %s", error)
            return _html(error_page(_language(params.get("ui_locales"))), 400)
        except AuthorizeRequestError as error:
            return _error_redirect(settings.oidc_redirect_uri, error)
        form_token = request.cookies.get(FORM_TOKEN_COOKIE) or secrets.token_urlsafe(24)
        return _page(bank, authorize, form_token)

    @post("/authorize")
    async def authorize_submit(
        self, request: Request[Any, Any, Any], settings: NamedDependency[Settings]
    ) -> Response[Any]:
        bank = demo_bank(settings)
        form = await request.form()
        params = {key: value for key, value in form.items() if isinstance(value, str)}
        try:
            authorize = bank.parse_authorize_request(params)
        except UntrustedClientError as error:
            logger.warning("demo bank refused an authorization request: %s", error)
            return _html(error_page(_language(params.get("ui_locales"))), 400)
        except AuthorizeRequestError as error:
            return _error_redirect(settings.oidc_redirect_uri, error)
        cookie_token = request.cookies.get(FORM_TOKEN_COOKIE, "")
        form_token = params.get("form_token", "")
        if not cookie_token or not hmac.compare_digest(cookie_token.encode(), form_token.encode()):
            return _page(
                bank, authorize, secrets.token_urlsafe(24), status=400, error_key="form-expired"
            )
        if params.get("action") == "cancel":
            cancelled = {"error": "access_denied", "state": authorize.state}
            return Redirect(redirect_url(authorize.redirect_uri, cancelled), status_code=303)
        typed = params.get("identity_code", "").strip()
        try:
            identity_code = str(hetu.validate(typed, allow_temporary=True)).upper()
        except ValidationError:
            return _page(
                bank,
                authorize,
                cookie_token,
                status=400,
                error_key="invalid-code",
                typed_code=typed[:20],
            )
        person = next((p for p in _people() if p.identity_code == identity_code), None)
        code = bank.issue_code(
            authorize,
            identity_code,
            person.first_name if person else None,
            person.last_name if person else None,
        )
        target = redirect_url(authorize.redirect_uri, {"code": code, "state": authorize.state})
        return Redirect(target, status_code=303, headers=_NO_STORE)

    @post("/token")
    async def token(
        self, request: Request[Any, Any, Any], settings: NamedDependency[Settings]
    ) -> Response[Any]:
        form = await request.form()
        params = {key: value for key, value in form.items() if isinstance(value, str)}
        try:
            response: TokenResponse | OAuthError = demo_bank(settings).exchange(
                params, request.headers.get("authorization")
            )
            status, headers = 200, dict(_NO_STORE)
        except TokenEndpointError as error:
            logger.info("demo bank token request refused: %s", error.error)
            response = OAuthError(error=error.error, error_description=error.description)
            status, headers = error.status, dict(_NO_STORE)
            if error.status == 401:
                headers["www-authenticate"] = 'Basic realm="demo-bank"'
        return Response(response, status_code=status, headers=headers)
