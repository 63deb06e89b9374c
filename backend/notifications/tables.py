"""Push subscriptions of resident accounts, and the notification outbox.

A notification row is written in the same transaction as the change it tells about (a
ticket transition, a staff reply, published news); workers deliver it later. Rows carry
ids and a kind, never rendered text: the text is rendered at delivery, in the recipient's
language then.
"""

from piccolo.columns import JSON, UUID, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table

from backend.accounts.tables import ResidentAccount


class PushSubscription(Table, tablename="push_subscription"):
    id = UUID(primary_key=True)
    account = ForeignKey(ResidentAccount, null=False, index=True)
    endpoint = Text(unique=True)  # the push service URL (https in production)
    p256dh = Varchar(length=100)  # the browser's P-256 public key, base64url (65 bytes)
    auth = Varchar(length=40)  # the browser's auth secret, base64url (16 bytes)
    device_label = Varchar(length=100)  # from the User-Agent: "Chrome on Android"
    created_at = Timestamptz()
    last_success_at = Timestamptz(null=True, default=None)


class Notification(Table, tablename="notification"):
    """One notification to one account (fanned out to its subscriptions at delivery).

    ``status``: pending → sent | failed | dropped (preference off, no subscription, no
    longer a resident). A worker claims a row by setting ``claimed_by`` and
    ``claimed_until``; a row whose claim ran out is claimed again (a crashed worker)."""

    id = UUID(primary_key=True)
    account = ForeignKey(ResidentAccount, null=False, index=True)
    kind = Varchar(length=30)  # ticket_update | message_reply | news | urgent
    topic = Varchar(length=32)  # replaces an earlier undelivered one on the device
    params = JSON(default="{}")  # ids and codes only: {"ticketId": ..., "status": ...}
    status = Varchar(length=10, default="pending", index=True)
    due_at = Timestamptz(index=True)  # the next attempt; quiet hours move it on
    attempts = Integer(default=0)
    claimed_by = Varchar(length=64, null=True, default=None)
    claimed_until = Timestamptz(null=True, default=None)
    last_error = Text(null=True, default=None)
    created_at = Timestamptz()
    sent_at = Timestamptz(null=True, default=None)
