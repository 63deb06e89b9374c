"""The relying party against a misbehaving provider: every ID token check, state, expiry."""

from __future__ import annotations

import logging
import time
from typing import Any

import httpx
import msgspec
import pytest
from joserfc.jwk import ECKey, RSAKey
from litestar import Litestar, get
from litestar.testing import AsyncTestClient

from backend.core.problems import EXCEPTION_HANDLERS
from backend.oidc.client import (
    OidcClient,
    PendingAuthorization,
    StrongAuthError,
    StrongAuthUnavailable,
)
from backend.settings import Settings
from tests.oidc.fake_provider import EC_KEY, IDENTITY_CODE, OTHER_RSA_KEY, RSA_KEY, FakeProvider


async def start(client: OidcClient, broker: FakeProvider) -> tuple[str, PendingAuthorization]:
    url, pending = await client.authorization_url(purpose="register", ui_locale="sv")
    return broker.authorize(url), pending


async def finish(client: OidcClient, broker: FakeProvider) -> Any:
    code, pending = await start(client, broker)
    return await client.complete(code=code, state=pending.state, error=None, pending=pending)


async def refused(client: OidcClient, broker: FakeProvider, reason: str) -> StrongAuthError:
    with pytest.raises(StrongAuthError) as raised:
        await finish(client, broker)
    assert raised.value.reason == reason
    return raised.value


async def test_a_good_rs256_token_from_a_broker_is_accepted(
    broker_client: OidcClient, broker: FakeProvider, broker_settings: Settings
) -> None:
    url, pending = await broker_client.authorization_url(purpose="register", ui_locale="sv")
    assert url.startswith("https://broker.example.test/oidc/authorize?")
    assert "ui_locales=sv" in url
    assert "code_challenge_method=S256" in url
    assert (
        f"redirect_uri={broker_settings.oidc_redirect_uri}".replace(":", "%3A").replace("/", "%2F")
        in url
    )
    assert pending.code_verifier not in url
    identity = await broker_client.complete(
        code=broker.authorize(url), state=pending.state, error=None, pending=pending
    )
    assert identity.identity_code == IDENTITY_CODE
    assert identity.subject == "broker-subject-1"
    assert (identity.given_name, identity.family_name) == ("Testi", "Henkilö")
    assert broker.jwks_requests == 1


async def test_an_es256_token_is_accepted_too(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.published_keys = [RSA_KEY, EC_KEY]
    broker.signing_key, broker.alg = EC_KEY, "ES256"
    assert (await finish(broker_client, broker)).identity_code == IDENTITY_CODE


async def test_metadata_and_keys_are_cached(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    await finish(broker_client, broker)
    await finish(broker_client, broker)
    assert broker.jwks_requests == 1


@pytest.mark.parametrize(
    "state",
    [None, "", "a-state-from-another-flow"],
)
async def test_a_missing_or_wrong_state_is_refused(
    broker_client: OidcClient, broker: FakeProvider, state: str | None
) -> None:
    code, pending = await start(broker_client, broker)
    with pytest.raises(StrongAuthError) as raised:
        await broker_client.complete(code=code, state=state, error=None, pending=pending)
    assert raised.value.reason == "state-mismatch"
    assert broker.token_requests == 0


async def test_a_callback_without_a_pending_authorization_is_refused(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    code, pending = await start(broker_client, broker)
    with pytest.raises(StrongAuthError) as raised:
        await broker_client.complete(code=code, state=pending.state, error=None, pending=None)
    assert raised.value.reason == "state-mismatch"


async def test_an_expired_pending_authorization_is_refused(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    code, pending = await start(broker_client, broker)
    old = msgspec.structs.replace(pending, created_at=time.time() - 601)
    with pytest.raises(StrongAuthError) as raised:
        await broker_client.complete(code=code, state=old.state, error=None, pending=old)
    assert raised.value.reason == "expired"
    assert broker.token_requests == 0


@pytest.mark.parametrize(
    ("error", "reason"),
    [("access_denied", "cancelled"), ("server_error", "provider-error")],
)
async def test_a_provider_error_is_refused(
    broker_client: OidcClient, broker: FakeProvider, error: str, reason: str
) -> None:
    _, pending = await start(broker_client, broker)
    with pytest.raises(StrongAuthError) as raised:
        await broker_client.complete(code=None, state=pending.state, error=error, pending=pending)
    assert raised.value.reason == reason
    assert broker.token_requests == 0


async def test_a_nonce_mismatch_is_refused(broker_client: OidcClient, broker: FakeProvider) -> None:
    broker.claim_overrides = {"nonce": "a-nonce-of-another-flow"}
    await refused(broker_client, broker, "token-invalid")


async def test_a_missing_nonce_is_refused(broker_client: OidcClient, broker: FakeProvider) -> None:
    broker.omit_claims = {"nonce"}
    await refused(broker_client, broker, "token-invalid")


async def test_an_expired_token_is_refused(broker_client: OidcClient, broker: FakeProvider) -> None:
    now = int(time.time())
    broker.claim_overrides = {"exp": now - 120, "iat": now - 420}
    await refused(broker_client, broker, "token-invalid")


async def test_a_token_issued_in_the_future_is_refused(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.claim_overrides = {"iat": int(time.time()) + 600, "exp": int(time.time()) + 900}
    await refused(broker_client, broker, "token-invalid")


async def test_clock_skew_within_the_leeway_is_tolerated(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.claim_overrides = {"iat": int(time.time()) + 30}
    assert (await finish(broker_client, broker)).identity_code == IDENTITY_CODE


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "another-client"},
        {"aud": ["another-client"]},
        {"aud": ["resident-portal", "another-client"]},  # several audiences, no azp
        {"azp": "another-client"},
    ],
)
async def test_a_wrong_audience_is_refused(
    broker_client: OidcClient, broker: FakeProvider, claims: dict[str, Any]
) -> None:
    broker.claim_overrides = claims
    await refused(broker_client, broker, "token-invalid")


async def test_several_audiences_with_our_azp_are_accepted(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.claim_overrides = {"aud": ["resident-portal", "other"], "azp": "resident-portal"}
    assert (await finish(broker_client, broker)).identity_code == IDENTITY_CODE


@pytest.mark.parametrize("iss", ["https://evil.example.test/oidc", "https://broker.example.test/"])
async def test_a_wrong_issuer_is_refused(
    broker_client: OidcClient, broker: FakeProvider, iss: str
) -> None:
    broker.claim_overrides = {"iss": iss}
    await refused(broker_client, broker, "token-invalid")


async def test_a_bad_signature_is_refused(broker_client: OidcClient, broker: FakeProvider) -> None:
    # Another key that claims the published key's kid.
    impostor = RSAKey.import_key({**OTHER_RSA_KEY.as_dict(private=True), "kid": RSA_KEY.kid})
    broker.signing_key = impostor
    await refused(broker_client, broker, "token-invalid")
    assert broker.jwks_requests == 1


async def test_an_unknown_kid_is_refused_after_one_jwks_refetch(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    await finish(broker_client, broker)  # keys fetched and cached
    broker.signing_key = OTHER_RSA_KEY
    await refused(broker_client, broker, "token-invalid")
    assert broker.jwks_requests == 2


async def test_a_rotated_key_is_found_by_refetching_the_jwks(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    await finish(broker_client, broker)  # the old key is cached
    broker.published_keys = [RSA_KEY, OTHER_RSA_KEY]
    broker.signing_key = OTHER_RSA_KEY
    assert (await finish(broker_client, broker)).identity_code == IDENTITY_CODE
    assert broker.jwks_requests == 2


@pytest.mark.parametrize("forge", ["none", "hs256-public-key"])
async def test_unsigned_and_symmetric_tokens_are_refused(
    broker_client: OidcClient, broker: FakeProvider, forge: str
) -> None:
    broker.forge = forge
    await refused(broker_client, broker, "token-invalid")


async def test_an_es256_token_naming_an_rsa_key_is_refused(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.signing_key = ECKey.import_key({**EC_KEY.as_dict(private=True), "kid": RSA_KEY.kid})
    broker.alg = "ES256"
    await refused(broker_client, broker, "token-invalid")


async def test_an_algorithm_outside_rs256_and_es256_is_refused(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.alg = "RS512"
    await refused(broker_client, broker, "token-invalid")
    assert broker.jwks_requests == 0


async def test_a_missing_identity_claim_is_refused(
    broker_client: OidcClient, broker: FakeProvider, broker_settings: Settings
) -> None:
    broker.omit_claims = {broker_settings.oidc_identity_code_claim}
    await refused(broker_client, broker, "identity-code-missing")


async def test_the_identity_claim_name_comes_from_settings(
    broker_settings: Settings, broker: FakeProvider
) -> None:
    settings = msgspec.structs.replace(broker_settings, oidc_identity_code_claim="hetu")
    broker.identity_claim = "hetu"
    async with httpx.AsyncClient(transport=broker.transport()) as http:
        identity = await finish(OidcClient(settings, http=http), broker)
    assert identity.identity_code == IDENTITY_CODE


async def test_a_refused_code_is_reported_as_such(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    code, pending = await start(broker_client, broker)
    broker.grants.clear()  # already used
    with pytest.raises(StrongAuthError) as raised:
        await broker_client.complete(code=code, state=pending.state, error=None, pending=pending)
    assert raised.value.reason == "code-rejected"


async def test_wrong_client_credentials_make_the_service_unavailable(
    broker_settings: Settings, broker: FakeProvider
) -> None:
    settings = msgspec.structs.replace(broker_settings, oidc_client_secret="not-the-secret")
    async with httpx.AsyncClient(transport=broker.transport()) as http:
        with pytest.raises(StrongAuthUnavailable):
            await finish(OidcClient(settings, http=http), broker)


async def test_a_failing_token_endpoint_makes_the_service_unavailable(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.token_status, broker.token_error = 503, "temporarily_unavailable"
    with pytest.raises(StrongAuthUnavailable) as raised:
        await finish(broker_client, broker)
    assert raised.value.status == 502


async def test_an_unreachable_provider_is_unavailable(broker_settings: Settings) -> None:
    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(unreachable)) as http:
        with pytest.raises(StrongAuthUnavailable):
            await OidcClient(broker_settings, http=http).authorization_url(
                purpose="register", ui_locale="fi"
            )


async def test_a_discovery_document_of_another_issuer_is_refused(
    broker_client: OidcClient, broker: FakeProvider
) -> None:
    broker.metadata_issuer = "https://evil.example.test/oidc"
    with pytest.raises(StrongAuthUnavailable):
        await broker_client.authorization_url(purpose="register", ui_locale="fi")


async def test_failures_are_logged_without_the_identity_code_or_tokens(
    broker_client: OidcClient, broker: FakeProvider, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="backend.oidc")
    broker.claim_overrides = {"aud": "another-client"}
    error = await refused(broker_client, broker, "token-invalid")
    assert "ID token claim invalid" in caplog.text
    assert "reason" in caplog.records[-1].__dict__
    assert IDENTITY_CODE not in caplog.text
    assert IDENTITY_CODE not in str(error)
    assert "eyJ" not in caplog.text  # no JWT


@pytest.mark.parametrize(
    ("language", "title", "detail_start"),
    [
        ("fi", "Tunnistautuminen ei onnistunut", "Keskeytit tunnistautumisen"),
        ("sv", "Identifieringen misslyckades", "Du avbröt identifieringen"),
        ("en", "Identification failed", "You cancelled the identification"),
    ],
)
async def test_a_failure_becomes_a_problem_in_the_readers_language(
    language: str, title: str, detail_start: str
) -> None:
    @get("/callback", sync_to_thread=False)
    def callback() -> None:
        raise StrongAuthError("cancelled")

    @get("/down", sync_to_thread=False)
    def down() -> None:
        raise StrongAuthUnavailable()

    app = Litestar([callback, down], exception_handlers=EXCEPTION_HANDLERS, logging_config=None)
    async with AsyncTestClient(app) as client:
        response = await client.get("/callback", headers={"accept-language": language})
        assert response.status_code == 400
        problem = response.json()
        assert problem["type"] == "/problems/strong-auth-failed"
        assert problem["title"] == title
        assert problem["detail"].startswith(detail_start)

        response = await client.get("/down", headers={"accept-language": language})
        assert response.status_code == 502
        assert response.json()["type"] == "/problems/strong-auth-unavailable"
        assert not response.json()["title"].startswith("problem.")


def test_the_ec_key_of_the_fake_is_not_the_rsa_key() -> None:
    assert isinstance(EC_KEY, ECKey)
    assert EC_KEY.kid != RSA_KEY.kid
