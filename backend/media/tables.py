"""Tables of the media feature: stored files (photos, PDF documents), content-addressed."""

from piccolo.columns import UUID, Boolean, Integer, Timestamptz, Varchar
from piccolo.table import Table


class MediaBlob(Table, tablename="blob"):
    """One stored file. The bytes live in the blob store under ``sha256`` (the hash of the
    stored, re-encoded bytes), so the same upload twice is one row and one object."""

    id = UUID(primary_key=True)
    sha256 = Varchar(length=64, unique=True, index=True)
    media_type = Varchar(length=100)
    size_bytes = Integer()
    width = Integer(null=True, default=None)
    height = Integer(null=True, default=None)
    has_thumbnail = Boolean(default=False)
    created_at = Timestamptz()
    # Who uploaded it first: "resident" (resident_account id) or "staff" (staff_user id).
    uploaded_by_kind = Varchar(length=20)
    uploaded_by_id = UUID()


# The name the other features import. (The class itself is not called ``Blob``: Piccolo's
# migration files import its ``Blob`` column type, and the two names would collide.)
Blob = MediaBlob
