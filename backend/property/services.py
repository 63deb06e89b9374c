"""Property information: the resident's view in one language, and the editor's writes."""

from __future__ import annotations

import uuid
from typing import Any
from uuid import UUID

import msgspec

from backend.accounts.access import StaffPrincipal
from backend.core import clock
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import InvalidInputError, NotFoundError
from backend.core.i18n import LANGUAGES, Language, localized_text
from backend.media.services import read_blob, store_document
from backend.occupancy.access import Home
from backend.property.schemas import (
    ContactOut,
    DocumentIn,
    DocumentOut,
    DocumentPatchIn,
    LocalizedOut,
    LocalizedPatchIn,
    PropertyInfoOut,
    PropertyPatchIn,
    StaffDocumentOut,
    StaffPropertyOut,
    StaffPropertySummaryOut,
)
from backend.property.tables import Property, PropertyDocument
from backend.settings import Settings

# The texts residents read, stored per language (the order is the order of ``fellBack``).
LOCALIZED_FIELDS = (
    "street_address",
    "city",
    "district",
    "heating",
    "description",
    "sauna_times",
    "laundry_times",
    "waste_sorting",
)
CONTACTS = {"maintenance_company": "maintenance_company", "house_manager": "house_manager"}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def missing_languages(texts: dict[str, dict[str, str] | None]) -> dict[str, list[str]]:
    """Per language, the fields (camelCase) without a text in it."""
    return {
        language: [
            camel(field) for field, value in texts.items() if not (value or {}).get(language)
        ]
        for language in LANGUAGES
    }


def _localized_out(value: dict[str, str] | None) -> LocalizedOut:
    value = value or {}
    return LocalizedOut(fi=value.get("fi"), sv=value.get("sv"), en=value.get("en"))


def _contact(row: dict[str, Any], prefix: str) -> ContactOut:
    return ContactOut(
        name=row[f"{prefix}_name"], phone=row[f"{prefix}_phone"], email=row[f"{prefix}_email"]
    )


def _is_readable(document: dict[str, Any]) -> bool:
    """A document without a Finnish text and without a file is not finished yet."""
    return bool((document["body"] or {}).get("fi")) or document["blob_id"] is not None


def document_out(document: dict[str, Any], lease_id: UUID, language: Language) -> DocumentOut:
    title, title_fell_back = localized_text(document["title"], language)
    fell_back = ["title"] if title_fell_back else []
    if document["blob_id"] is not None:
        text = None
        file_url = f"/api/homes/{lease_id}/property/documents/{document['id']}/file"
    else:
        text, text_fell_back = localized_text(document["body"], language)
        fell_back += ["text"] if text_fell_back else []
        file_url = None
    return DocumentOut(
        id=document["id"],
        kind=document["kind"],
        title=title,
        format="pdf" if file_url else "text",
        text=text,
        file_url=file_url,
        updated_at=document["updated_at"],
        fell_back=fell_back,
    )


async def _documents(property_id: UUID) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = (
        await PropertyDocument.select()
        .where(PropertyDocument.property == property_id)
        .order_by(PropertyDocument.sort_order)
        .order_by(PropertyDocument.created_at)
        .output(load_json=True)
    )
    return rows


async def property_info(home: Home, language: Language) -> PropertyInfoOut:
    """The home's property in ``language``; every text falls back to Finnish by itself."""
    row = await (
        Property.select().where(Property.id == home.property_id).output(load_json=True).first()
    )
    assert row is not None  # a lease's unit always has its property (foreign keys)
    texts: dict[str, str] = {}
    fell_back: list[str] = []
    for field in LOCALIZED_FIELDS:
        texts[field], field_fell_back = localized_text(row[field], language)
        if field_fell_back:
            fell_back.append(camel(field))
    documents = [
        document_out(document, home.lease_id, language)
        for document in await _documents(home.property_id)
        if _is_readable(document)
    ]
    return PropertyInfoOut(
        lease_id=home.lease_id,
        property_id=row["id"],
        language=language,
        name=row["name"],
        postal_code=row["postal_code"],
        year_built=row["year_built"],
        floors=row["floors"],
        emergency_phone=row["emergency_phone"],
        maintenance_company=_contact(row, "maintenance_company"),
        house_manager=_contact(row, "house_manager"),
        documents=documents,
        updated_at=row["updated_at"],
        fell_back=fell_back,
        **texts,
    )


# ---- the staff editor -------------------------------------------------------------------


def staff_document_out(document: dict[str, Any]) -> StaffDocumentOut:
    is_pdf = document["blob_id"] is not None
    texts = {"title": document["title"]} | ({} if is_pdf else {"text": document["body"]})
    return StaffDocumentOut(
        id=document["id"],
        property_id=document["property"],
        kind=document["kind"],
        title=_localized_out(document["title"]),
        text=_localized_out(document["body"]),
        format="pdf" if is_pdf else "text",
        file_name=document["file_name"],
        sort_order=document["sort_order"],
        updated_at=document["updated_at"],
        missing=missing_languages(texts),
    )


def property_summary_out(row: dict[str, Any]) -> StaffPropertySummaryOut:
    return StaffPropertySummaryOut(
        id=row["id"],
        region_id=row["region"],
        code=row["code"],
        name=row["name"],
        missing=missing_languages({field: row[field] for field in LOCALIZED_FIELDS}),
    )


async def staff_property_out(row: dict[str, Any]) -> StaffPropertyOut:
    return StaffPropertyOut(
        id=row["id"],
        region_id=row["region"],
        code=row["code"],
        name=row["name"],
        postal_code=row["postal_code"],
        year_built=row["year_built"],
        floors=row["floors"],
        emergency_phone=row["emergency_phone"],
        maintenance_company=_contact(row, "maintenance_company"),
        house_manager=_contact(row, "house_manager"),
        texts={camel(field): _localized_out(row[field]) for field in LOCALIZED_FIELDS},
        missing=missing_languages({field: row[field] for field in LOCALIZED_FIELDS}),
        documents=[staff_document_out(document) for document in await _documents(row["id"])],
        updated_at=row["updated_at"],
    )


async def staff_properties(where: Any) -> list[StaffPropertySummaryOut]:
    query = Property.select().order_by(Property.name).output(load_json=True)
    if where is not None:
        query = query.where(where)
    return [property_summary_out(row) for row in await query]


def _patched(current: dict[str, str] | None, patch: LocalizedPatchIn, field: str) -> dict[str, str]:
    value = dict(current or {})
    for language in LANGUAGES:
        given = getattr(patch, language)
        if given is msgspec.UNSET:
            continue
        if given is None:
            value.pop(language, None)
        else:
            value[language] = given.strip()
    if not value.get("fi"):
        raise InvalidInputError(
            "property.finnish-required", errors=[{"field": camel(field), "message": "fi"}]
        )
    return value


def _plain(value: Any) -> bool:
    return value is not msgspec.UNSET


async def update_property(
    staff: StaffPrincipal, row: dict[str, Any], patch: PropertyPatchIn
) -> dict[str, Any]:
    """Applies the editor's changes; answers the updated row."""
    changes: dict[Any, Any] = {}
    for field in LOCALIZED_FIELDS:
        given = getattr(patch, field)
        if isinstance(given, LocalizedPatchIn):
            changes[Property._meta.get_column_by_name(field)] = _patched(row[field], given, field)
    for field in ("emergency_phone", "year_built", "floors"):
        given = getattr(patch, field)
        if _plain(given):
            changes[Property._meta.get_column_by_name(field)] = given
    for prefix in CONTACTS:
        contact = getattr(patch, prefix)
        if _plain(contact):
            for part in ("name", "phone", "email"):
                column = Property._meta.get_column_by_name(f"{prefix}_{part}")
                changes[column] = getattr(contact, part).strip()
    changes[Property.updated_at] = clock.now()
    async with DB.transaction():
        await Property.update(changes).where(Property.id == row["id"])
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="property.updated",
            entity_type="property",
            entity_id=row["id"],
            details={
                "fields": sorted(c._meta.name for c in changes if c is not Property.updated_at)
            },
        )
    updated = await Property.select().where(Property.id == row["id"]).output(load_json=True).first()
    assert updated is not None
    return updated


def _text(value: Any) -> dict[str, str]:
    """A localized input struct as stored JSON (languages left out are not stored)."""
    return {k: v.strip() for k, v in msgspec.structs.asdict(value).items() if v is not None}


async def create_document(
    staff: StaffPrincipal, property_id: UUID, data: DocumentIn
) -> dict[str, Any]:
    now = clock.now()
    document_id = uuid.uuid4()
    document: dict[str, Any] = {
        "id": document_id,
        "property": property_id,
        "kind": data.kind,
        "title": _text(data.title),
        "body": _text(data.text) if data.text else {},
        "blob_id": None,
        "file_name": None,
        "sort_order": data.sort_order,
        "created_at": now,
        "updated_at": now,
    }
    async with DB.transaction():
        await PropertyDocument.insert(PropertyDocument(**document))
        await _document_event(staff, "property_document.created", document_id)
    return document


async def update_document(
    staff: StaffPrincipal, document: dict[str, Any], data: DocumentPatchIn
) -> dict[str, Any]:
    changes: dict[Any, Any] = {PropertyDocument.updated_at: clock.now()}
    if _plain(data.kind):
        changes[PropertyDocument.kind] = data.kind
    if _plain(data.title):
        changes[PropertyDocument.title] = _text(data.title)
    if _plain(data.text):
        # A text replaces a PDF: the document is one or the other.
        changes[PropertyDocument.body] = _text(data.text)
        changes[PropertyDocument.blob_id] = None
        changes[PropertyDocument.file_name] = None
    if _plain(data.sort_order):
        changes[PropertyDocument.sort_order] = data.sort_order
    async with DB.transaction():
        await PropertyDocument.update(changes).where(PropertyDocument.id == document["id"])
        await _document_event(staff, "property_document.updated", document["id"])
    return await _document(document["id"])


async def delete_document(staff: StaffPrincipal, document: dict[str, Any]) -> None:
    async with DB.transaction():
        await PropertyDocument.delete().where(PropertyDocument.id == document["id"])
        await _document_event(staff, "property_document.deleted", document["id"])


async def _document(document_id: UUID) -> dict[str, Any]:
    row = await (
        PropertyDocument.select()
        .where(PropertyDocument.id == document_id)
        .output(load_json=True)
        .first()
    )
    assert row is not None
    return row


async def _document_event(staff: StaffPrincipal, action: str, document_id: UUID) -> None:
    await record_event(
        actor_type="staff",
        actor_id=staff.staff_id,
        action=action,
        entity_type="property_document",
        entity_id=document_id,
    )


async def attach_pdf(
    staff: StaffPrincipal,
    document: dict[str, Any],
    data: bytes,
    *,
    file_name: str | None,
    settings: Settings,
) -> dict[str, Any]:
    """Store the PDF (the media service checks size and type) and make the document a file:
    a PDF replaces the document's text."""
    blob = await store_document(
        data, uploaded_by_kind="staff", uploaded_by_id=staff.staff_id, settings=settings
    )
    async with DB.transaction():
        await PropertyDocument.update(
            {
                PropertyDocument.blob_id: blob.id,
                PropertyDocument.file_name: _safe_file_name(file_name),
                PropertyDocument.body: {},
                PropertyDocument.updated_at: clock.now(),
            }
        ).where(PropertyDocument.id == document["id"])
        await _document_event(staff, "property_document.file_attached", document["id"])
    return await _document(document["id"])


def _safe_file_name(name: str | None) -> str | None:
    """Printable characters only: the name ends up in a response header."""
    cleaned = "".join(ch for ch in name or "" if ch.isprintable() and ch not in '"\\/').strip()
    return cleaned or None


async def document_file(document: dict[str, Any], settings: Settings) -> tuple[bytes, str, str]:
    """The PDF of a document: bytes, media type and a file name to offer."""
    if document["blob_id"] is None:
        raise NotFoundError()
    data, media_type = await read_blob(document["blob_id"], variant="original", settings=settings)
    title, _ = localized_text(document["title"], "fi")
    return data, media_type, document["file_name"] or f"{title or 'document'}.pdf"
