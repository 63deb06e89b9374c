"""Wire types of property information: the resident's view and the staff editor's."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, UnsetType

from backend.accounts.schemas import Email, Phone, Wire

DocumentKind = Literal["house_rules", "rescue_plan", "other"]
LanguageCode = Literal["fi", "sv", "en"]
# A text needs at least one visible character; whitespace alone is not a translation.
_VISIBLE = r"\S"
ShortText = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=_VISIBLE)]
LongText = Annotated[str, msgspec.Meta(min_length=1, max_length=8000, pattern=_VISIBLE)]
DocumentText = Annotated[str, msgspec.Meta(min_length=1, max_length=50_000, pattern=_VISIBLE)]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=_VISIBLE)]


# ---- the resident's view --------------------------------------------------------------


class ContactOut(Wire):
    name: str
    phone: str
    email: str


class DocumentOut(Wire):
    id: UUID
    kind: DocumentKind
    title: str
    format: Literal["text", "pdf"]
    text: str | None
    # Where the PDF is downloaded (``format == "pdf"``).
    file_url: str | None
    updated_at: datetime
    fell_back: list[str]


class PropertyInfoOut(Wire):
    """Everything a resident reads of their building, in one language.

    ``fellBack`` names the fields (camelCase) shown in Finnish because the requested
    language was missing.
    """

    lease_id: UUID
    property_id: UUID
    language: LanguageCode
    name: str
    street_address: str
    postal_code: str
    city: str
    district: str
    year_built: int | None
    floors: int | None
    heating: str
    description: str
    emergency_phone: str
    maintenance_company: ContactOut
    house_manager: ContactOut
    sauna_times: str
    laundry_times: str
    waste_sorting: str
    documents: list[DocumentOut]
    updated_at: datetime
    fell_back: list[str]


# ---- the staff editor -------------------------------------------------------------------


class LocalizedOut(Wire):
    fi: str | None = None
    sv: str | None = None
    en: str | None = None


class StaffDocumentOut(Wire):
    id: UUID
    property_id: UUID
    kind: DocumentKind
    title: LocalizedOut
    text: LocalizedOut
    format: Literal["text", "pdf"]
    file_name: str | None
    sort_order: int
    updated_at: datetime
    missing: dict[str, list[str]]


class StaffPropertyOut(Wire):
    """The editor's view: every text in every language, and per language what is missing."""

    id: UUID
    region_id: UUID
    code: str
    name: str
    postal_code: str
    year_built: int | None
    floors: int | None
    emergency_phone: str
    maintenance_company: ContactOut
    house_manager: ContactOut
    texts: dict[str, LocalizedOut]
    missing: dict[str, list[str]]
    documents: list[StaffDocumentOut]
    updated_at: datetime


class StaffPropertySummaryOut(Wire):
    id: UUID
    region_id: UUID
    code: str
    name: str
    missing: dict[str, list[str]]


class LocalizedPatchIn(Wire, forbid_unknown_fields=True):
    """Per language: a text sets it, ``null`` removes it, absent leaves it. Finnish stays."""

    fi: LongText | UnsetType = UNSET
    sv: LongText | UnsetType | None = UNSET
    en: LongText | UnsetType | None = UNSET


class ContactIn(Wire, forbid_unknown_fields=True):
    name: Name
    phone: Phone
    email: Email


class PropertyPatchIn(Wire, forbid_unknown_fields=True):
    emergency_phone: Phone | UnsetType = UNSET
    year_built: Annotated[int, msgspec.Meta(ge=1800, le=2100)] | UnsetType | None = UNSET
    floors: Annotated[int, msgspec.Meta(ge=1, le=100)] | UnsetType | None = UNSET
    maintenance_company: ContactIn | UnsetType = UNSET
    house_manager: ContactIn | UnsetType = UNSET
    street_address: LocalizedPatchIn | UnsetType = UNSET
    city: LocalizedPatchIn | UnsetType = UNSET
    district: LocalizedPatchIn | UnsetType = UNSET
    heating: LocalizedPatchIn | UnsetType = UNSET
    description: LocalizedPatchIn | UnsetType = UNSET
    sauna_times: LocalizedPatchIn | UnsetType = UNSET
    laundry_times: LocalizedPatchIn | UnsetType = UNSET
    waste_sorting: LocalizedPatchIn | UnsetType = UNSET


class LocalizedTitleIn(Wire, forbid_unknown_fields=True):
    fi: ShortText
    sv: ShortText | None = None
    en: ShortText | None = None


class LocalizedDocumentTextIn(Wire, forbid_unknown_fields=True):
    fi: DocumentText
    sv: DocumentText | None = None
    en: DocumentText | None = None


class DocumentIn(Wire, forbid_unknown_fields=True):
    """A new document: a text now, or a title only and the PDF uploaded next."""

    kind: DocumentKind
    title: LocalizedTitleIn
    text: LocalizedDocumentTextIn | None = None
    sort_order: Annotated[int, msgspec.Meta(ge=0, le=999)] = 0


class DocumentPatchIn(Wire, forbid_unknown_fields=True):
    kind: DocumentKind | UnsetType = UNSET
    title: LocalizedTitleIn | UnsetType = UNSET
    text: LocalizedDocumentTextIn | UnsetType = UNSET
    sort_order: Annotated[int, msgspec.Meta(ge=0, le=999)] | UnsetType = UNSET
