"""Resident accounts: one per person, found again through the identity-code HMAC."""

from piccolo.columns import UUID, Boolean, Timestamptz, Varchar
from piccolo.table import Table


class ResidentAccount(Table, tablename="resident_account"):
    id = UUID(primary_key=True)
    identity_code_hmac = Varchar(length=64, unique=True)
    email = Varchar(length=254, null=True, default=None)
    phone = Varchar(length=40, null=True, default=None)
    language = Varchar(length=2, default="fi")
    password_hash = Varchar(length=255, null=True, default=None)
    password_enabled = Boolean(default=False)
    created_at = Timestamptz()
    last_login_at = Timestamptz(null=True, default=None)
