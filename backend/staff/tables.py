"""Staff users, their roles and the regions they may work in."""

from piccolo.columns import UUID, Array, Boolean, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from backend.property.tables import Region


class StaffUser(Table, tablename="staff_user"):
    id = UUID(primary_key=True)
    email = Varchar(length=254, unique=True)
    name = Varchar(length=200)
    language = Varchar(length=2, default="fi")
    roles = Array(base_column=Varchar(length=40))
    # Head-office staff work every region; the others only the regions in StaffRegion.
    all_regions = Boolean(default=False)
    active = Boolean(default=True)
    # The WebAuthn user handle (base64url) of the staff user's passkeys.
    # (Indexed, not unique: SQLite cannot add a unique column, and 32 random bytes never repeat.)
    user_handle = Varchar(length=64, null=True, default=None, index=True)
    # A one-time enrolment link: the token's HMAC and when it stops working.
    enrolment_token_hmac = Varchar(length=64, null=True, default=None, index=True)
    enrolment_expires_at = Timestamptz(null=True, default=None)
    sessions_valid_after = Timestamptz(null=True, default=None)
    created_at = Timestamptz()


class StaffRegion(Table, tablename="staff_region"):
    id = UUID(primary_key=True)
    staff_user = ForeignKey(StaffUser, null=False, index=True)
    region = ForeignKey(Region, null=False)
