"""Resident accounts, passkeys (of residents and staff alike) and office registration codes."""

from piccolo.columns import (
    JSON,
    UUID,
    BigInt,
    Boolean,
    ForeignKey,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from backend.occupancy.tables import Occupant
from backend.staff.tables import StaffUser


class ResidentAccount(Table, tablename="resident_account"):
    """One per person, found again through the identity-code HMAC of the register."""

    id = UUID(primary_key=True)
    identity_code_hmac = Varchar(length=64, unique=True)
    # The WebAuthn user handle (base64url): random, never personal data. (Indexed, not
    # unique: SQLite cannot add a unique column, and 32 random bytes never repeat.)
    user_handle = Varchar(length=64, index=True)
    email = Varchar(length=254, null=True, default=None)
    phone = Varchar(length=40, null=True, default=None)
    language = Varchar(length=2, default="fi")
    password_hash = Varchar(length=255, null=True, default=None)
    password_enabled = Boolean(default=False)
    # Sessions that began before this moment are over ("sign out everywhere").
    sessions_valid_after = Timestamptz(null=True, default=None)
    created_at = Timestamptz()
    last_login_at = Timestamptz(null=True, default=None)
    # Where the company refunds overpaid rent; an IBAN, compact (see accounts/profile.py).
    refund_iban = Varchar(length=34, null=True, default=None)
    # Only the choices the resident changed; the defaults live in accounts/profile.py.
    notification_preferences = JSON(default="{}")


class Credential(Table, tablename="credential"):
    """A passkey. Exactly one of ``resident_account`` and ``staff_user`` is set."""

    id = UUID(primary_key=True)
    credential_id = Varchar(length=1400, unique=True)  # base64url of the raw id
    public_key = Varchar(length=2000)  # base64url COSE key
    sign_count = BigInt(default=0)
    transports = JSON()
    resident_account = ForeignKey(ResidentAccount, null=True, default=None, index=True)
    staff_user = ForeignKey(StaffUser, null=True, default=None, index=True)
    name = Varchar(length=100)
    backed_up = Boolean(default=False)
    created_at = Timestamptz()
    last_used_at = Timestamptz(null=True, default=None)
    revoked_at = Timestamptz(null=True, default=None)


class OfficeRegistrationCode(Table, tablename="office_registration_code"):
    """Issued by staff after checking an ID card in person; single use, short-lived."""

    id = UUID(primary_key=True)
    occupant = ForeignKey(Occupant, null=False, index=True)
    code_hmac = Varchar(length=64, unique=True)
    issued_by = ForeignKey(StaffUser, null=False)
    issued_at = Timestamptz()
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    used_by = ForeignKey(ResidentAccount, null=True, default=None)
