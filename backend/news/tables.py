"""News for residents, and who has read them.

A news item is a draft until ``publish_at`` is set; it shows from ``publish_at`` until
``expires_at`` (open-ended when null) to the residents its audience names: everyone, the
properties of one region, or one property.
"""

from piccolo.columns import JSON, UUID, Boolean, ForeignKey, Timestamptz, Varchar
from piccolo.table import Table

from backend.accounts.tables import ResidentAccount
from backend.property.tables import Property, Region
from backend.staff.tables import StaffUser


class News(Table, tablename="news"):
    id = UUID(primary_key=True)
    title = JSON()  # {"fi": ..., "sv": ..., "en": ...}; Finnish required
    body = JSON()
    audience = Varchar(length=10)  # everyone | region | property
    region = ForeignKey(Region, null=True, default=None, index=True)
    property = ForeignKey(Property, null=True, default=None, index=True)
    publish_at = Timestamptz(null=True, default=None, index=True)
    expires_at = Timestamptz(null=True, default=None)
    pinned = Boolean(default=False)
    urgent = Boolean(default=False)  # outage notices: shown first (and pushed, with web push)
    created_by = ForeignKey(StaffUser, null=False)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class NewsRead(Table, tablename="news_read"):
    """One row per resident and news item; the id is derived from both, so marking twice is
    a no-op."""

    id = UUID(primary_key=True)
    news = ForeignKey(News, null=False, index=True)
    resident_account = ForeignKey(ResidentAccount, null=False, index=True)
    read_at = Timestamptz()
