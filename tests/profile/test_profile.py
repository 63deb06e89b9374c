"""The resident's profile: contact details, the refund account, notification choices."""

from __future__ import annotations

import httpx
import pytest
from litestar import Litestar

from backend.accounts.tables import ResidentAccount
from backend.demo.identity_codes import test_identity_code
from tests.factories import TODAY, make_occupant
from tests.profile.support import ensure_profile_routes
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import register

Client = httpx.AsyncClient
ADULT = TODAY.replace(year=TODAY.year - 33)
PATH = "/api/me/profile"


@pytest.fixture
async def resident(client: Client, app: Litestar) -> Client:
    ensure_profile_routes(app)
    code = test_identity_code(ADULT, 990)
    await make_occupant(identity_code=code, birth_date=ADULT, first_name="Sanna")
    await register(client, SoftAuthenticator(), code, email="sanna@example.fi")
    return client


async def test_the_profile_starts_with_every_notification_on(resident: Client) -> None:
    response = await resident.get(PATH)
    assert response.status_code == 200
    body = response.json()
    assert body["firstName"] == "Sanna"
    assert body["email"] == "sanna@example.fi"
    assert body["refundIban"] is None
    assert body["notificationPreferences"] == {
        "ticketUpdates": True,
        "messageReplies": True,
        "news": True,
        "urgent": True,
        "quietHours": None,
    }


async def test_the_refund_account_is_validated_and_stored_compact(resident: Client) -> None:
    response = await resident.patch(PATH, json={"refundIban": "fi21 1234 5600 0007 85"})
    assert response.status_code == 200, response.text
    assert response.json()["refundIban"] == "FI21 1234 5600 0007 85"
    stored = await ResidentAccount.select(ResidentAccount.refund_iban).first()
    assert stored == {"refund_iban": "FI2112345600000785"}
    cleared = await resident.patch(PATH, json={"refundIban": None})
    assert cleared.json()["refundIban"] is None


async def test_preferences_change_one_by_one_and_urgent_stays_on(resident: Client) -> None:
    first = await resident.patch(PATH, json={"notificationPreferences": {"news": False}})
    assert first.status_code == 200
    second = await resident.patch(
        PATH, json={"notificationPreferences": {"ticketUpdates": False}, "language": "sv"}
    )
    body = second.json()
    assert body["notificationPreferences"] == {
        "ticketUpdates": False,
        "messageReplies": True,
        "news": False,
        "urgent": True,
        "quietHours": None,
    }
    assert body["language"] == "sv"
    refused = await resident.patch(PATH, json={"notificationPreferences": {"urgent": False}})
    assert refused.status_code == 422
    assert "urgent" in refused.text.lower()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"refundIban": "FI21 1234 5600 0007 86"}, 422),  # wrong check digits
        ({"refundIban": "not an account"}, 422),
        ({"refundIban": "FI" + "1" * 60}, 400),
        ({"refundIban": 12345}, 400),
        ({"notificationPreferences": {"news": "yes"}}, 400),
        ({"notificationPreferences": {"sms": True}}, 400),
        ({"notificationPreferences": {"quietHours": {"start": "22:00"}}}, 400),
        ({"notificationPreferences": {"quietHours": {"start": "24:00", "end": "07:00"}}}, 400),
        ({"notificationPreferences": {"quietHours": {"start": "7:00", "end": "22:00"}}}, 400),
        ({"notificationPreferences": {"quietHours": {"start": "22:00", "end": "22:00"}}}, 422),
        ({"email": "not-an-address"}, 400),
        ({"language": "de"}, 400),
        ({"identityCode": "010190-123A"}, 400),
    ],
)
async def test_bad_input_is_refused_and_nothing_changes(
    resident: Client, body: dict[str, object], status: int
) -> None:
    before = await resident.get(PATH)
    response = await resident.patch(PATH, json={**body, "phone": "+358 40 000 9999"})
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert (await resident.get(PATH)).json() == before.json()


async def test_a_quiet_period_is_stored_for_delivery_and_can_be_removed(
    resident: Client,
) -> None:
    """Stored as ``{"quietHours": {"start", "end"}}`` in the preferences JSON: the push
    delivery reads it there."""
    quiet = {"start": "22:30", "end": "07:00"}  # across midnight
    response = await resident.patch(
        PATH, json={"notificationPreferences": {"quietHours": quiet, "news": False}}
    )
    assert response.status_code == 200, response.text
    assert response.json()["notificationPreferences"]["quietHours"] == quiet
    assert (await resident.get(PATH)).json()["notificationPreferences"]["quietHours"] == quiet
    stored = await ResidentAccount.select(ResidentAccount.notification_preferences).output(
        load_json=True
    )
    assert stored[0]["notification_preferences"] == {"news": False, "quietHours": quiet}
    # Another preference alone leaves the period as it is; null removes it.
    kept = await resident.patch(PATH, json={"notificationPreferences": {"news": True}})
    assert kept.json()["notificationPreferences"]["quietHours"] == quiet
    removed = await resident.patch(PATH, json={"notificationPreferences": {"quietHours": None}})
    assert removed.status_code == 200, removed.text
    assert removed.json()["notificationPreferences"]["quietHours"] is None
    stored = await ResidentAccount.select(ResidentAccount.notification_preferences).output(
        load_json=True
    )
    assert stored[0]["notification_preferences"]["quietHours"] is None
