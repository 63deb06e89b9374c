"""The demo bank's endpoints as a client sees them: discovery, JWKS, authorize, token."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path
from urllib.parse import urlencode

import httpx
import msgspec
import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from backend.oidc.demo_provider import KEY_FILE, DemoBank
from backend.settings import Settings
from tests.oidc.conftest import callback_params, open_page, press

VERIFIER = "v" * 43 + "-pkce-verifier-of-the-test"


def authorize_query(settings: Settings, **overrides: str) -> str:
    params = {
        "response_type": "code",
        "client_id": settings.oidc_client_id,
        "redirect_uri": settings.oidc_redirect_uri,
        "scope": "openid profile",
        "state": "state-123",
        "nonce": "nonce-456",
        "code_challenge": create_s256_code_challenge(VERIFIER),
        "code_challenge_method": "S256",
        "ui_locales": "fi",
        **overrides,
    }
    return "/oidc/demo/authorize?" + urlencode({k: v for k, v in params.items() if v is not None})


async def authorization_code(http: httpx.AsyncClient, settings: Settings) -> str:
    page = await open_page(http, authorize_query(settings))
    params = callback_params(await press(http, page, "demo-person-anna"), settings)
    assert params["state"] == "state-123"
    return params["code"]


def basic(client_id: str, secret: str) -> dict[str, str]:
    raw = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"authorization": f"Basic {raw}"}


def token_form(settings: Settings, code: str, verifier: str = VERIFIER) -> dict[str, str]:
    return {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": settings.oidc_redirect_uri,
        "code_verifier": verifier,
    }


async def test_discovery_document_and_jwks(
    bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    issuer = demo_settings.effective_oidc_issuer
    response = await bank_http.get("/oidc/demo/.well-known/openid-configuration")
    assert response.status_code == 200
    document = response.json()
    assert document["issuer"] == issuer == "http://localhost:8000/oidc/demo"
    assert document["authorization_endpoint"] == f"{issuer}/authorize"
    assert document["token_endpoint"] == f"{issuer}/token"
    assert document["jwks_uri"] == f"{issuer}/jwks"
    assert document["response_types_supported"] == ["code"]
    assert document["id_token_signing_alg_values_supported"] == ["ES256"]
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert set(document["token_endpoint_auth_methods_supported"]) == {
        "client_secret_basic",
        "client_secret_post",
    }
    assert demo_settings.oidc_identity_code_claim in document["claims_supported"]
    assert "public" in document["subject_types_supported"]

    keys = (await bank_http.get("/oidc/demo/jwks")).json()["keys"]
    assert len(keys) == 1
    assert keys[0]["kty"] == "EC"
    assert keys[0]["crv"] == "P-256"
    assert keys[0]["kid"]
    assert "d" not in keys[0]


async def test_the_signing_key_is_kept_under_var_and_shared(
    demo_settings: Settings, tmp_path: Path
) -> None:
    settings = msgspec.structs.replace(demo_settings, var_dir=str(tmp_path / "var"))
    first, second = DemoBank(settings), DemoBank(settings)
    assert first.key.kid == second.key.kid
    key_file = tmp_path / "var" / KEY_FILE
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert [p.name for p in key_file.parent.iterdir()] == [KEY_FILE]


async def test_token_endpoint_issues_a_signed_id_token_once(
    bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    code = await authorization_code(bank_http, demo_settings)
    auth = basic(demo_settings.oidc_client_id, demo_settings.effective_oidc_client_secret)
    response = await bank_http.post(
        "/oidc/demo/token", data=token_form(demo_settings, code), headers=auth
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] > 0
    assert body["access_token"]
    assert body["id_token"].count(".") == 2

    again = await bank_http.post(
        "/oidc/demo/token", data=token_form(demo_settings, code), headers=auth
    )
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"
    assert again.headers["cache-control"] == "no-store"


async def test_client_secret_post_is_accepted(
    bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    code = await authorization_code(bank_http, demo_settings)
    form = {
        **token_form(demo_settings, code),
        "client_id": demo_settings.oidc_client_id,
        "client_secret": demo_settings.effective_oidc_client_secret,
    }
    response = await bank_http.post("/oidc/demo/token", data=form)
    assert response.status_code == 200, response.text


async def test_pkce_mismatch_is_refused(
    bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    code = await authorization_code(bank_http, demo_settings)
    auth = basic(demo_settings.oidc_client_id, demo_settings.effective_oidc_client_secret)
    wrong = token_form(demo_settings, code, verifier="w" * 43 + "-another-verifier")
    response = await bank_http.post("/oidc/demo/token", data=wrong, headers=auth)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    # The refused attempt used the code up.
    retry = await bank_http.post(
        "/oidc/demo/token", data=token_form(demo_settings, code), headers=auth
    )
    assert retry.json()["error"] == "invalid_grant"


async def test_a_different_redirect_uri_at_the_token_endpoint_is_refused(
    bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    code = await authorization_code(bank_http, demo_settings)
    auth = basic(demo_settings.oidc_client_id, demo_settings.effective_oidc_client_secret)
    form = {**token_form(demo_settings, code), "redirect_uri": "http://localhost:8000/other"}
    response = await bank_http.post("/oidc/demo/token", data=form, headers=auth)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    "headers",
    [
        basic("resident-portal", "wrong-secret"),
        basic("another-client", "wrong-secret"),
        {"authorization": "Basic not-base64!"},
        {},
    ],
)
async def test_wrong_client_authentication_is_refused_and_keeps_the_code(
    bank_http: httpx.AsyncClient, demo_settings: Settings, headers: dict[str, str]
) -> None:
    code = await authorization_code(bank_http, demo_settings)
    response = await bank_http.post(
        "/oidc/demo/token", data=token_form(demo_settings, code), headers=headers
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.headers["www-authenticate"].startswith("Basic")

    auth = basic(demo_settings.oidc_client_id, demo_settings.effective_oidc_client_secret)
    response = await bank_http.post(
        "/oidc/demo/token", data=token_form(demo_settings, code), headers=auth
    )
    assert response.status_code == 200


async def test_a_wrong_grant_type_is_refused(
    bank_http: httpx.AsyncClient, demo_settings: Settings
) -> None:
    auth = basic(demo_settings.oidc_client_id, demo_settings.effective_oidc_client_secret)
    response = await bank_http.post(
        "/oidc/demo/token", data={"grant_type": "password"}, headers=auth
    )
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


@pytest.mark.parametrize(
    "overrides",
    [
        {"redirect_uri": "https://evil.example/callback"},
        {"redirect_uri": "http://localhost:8000/auth/oidc/callback/../../evil"},
        {"redirect_uri": None},
        {"client_id": "someone-else"},
    ],
)
async def test_unknown_client_or_redirect_uri_gets_an_error_page_never_a_redirect(
    bank_http: httpx.AsyncClient, demo_settings: Settings, overrides: dict[str, str]
) -> None:
    response = await bank_http.get(authorize_query(demo_settings, **overrides))
    assert response.status_code == 400
    assert "location" not in response.headers
    assert "Virheellinen tunnistuspyyntö" in response.text
    assert "evil" not in response.text

    # Nor does a forged form post redirect anywhere.
    form = {"identity_code": "010190-900P", "client_id": demo_settings.oidc_client_id}
    form.update({k: v for k, v in overrides.items() if v})
    posted = await bank_http.post("/oidc/demo/authorize", data=form)
    assert posted.status_code == 400
    assert "location" not in posted.headers


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"code_challenge": None}, "invalid_request"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"scope": "profile"}, "invalid_scope"),
        ({"nonce": None}, "invalid_request"),
    ],
)
async def test_a_malformed_request_from_the_known_client_is_sent_back_with_an_error(
    bank_http: httpx.AsyncClient,
    demo_settings: Settings,
    overrides: dict[str, str],
    error: str,
) -> None:
    response = await bank_http.get(authorize_query(demo_settings, **overrides))
    params = callback_params(response, demo_settings)
    assert params["error"] == error
    assert params["state"] == "state-123"
    assert "code" not in params
