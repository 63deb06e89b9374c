"""Property information: residents read their building's; editors keep it up to date."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, patch, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from backend.accounts.access import ResidentDep, StaffDep
from backend.core.problems import request_language
from backend.property import access, services
from backend.property.schemas import (
    DocumentIn,
    DocumentPatchIn,
    PropertyInfoOut,
    PropertyPatchIn,
    StaffDocumentOut,
    StaffPropertyOut,
    StaffPropertySummaryOut,
)
from backend.settings import Settings


def _file_response(data: bytes, media_type: str, file_name: str) -> Response[bytes]:
    """The PDF, shown in the browser; private to the reader, never cached by others."""
    ascii_name = file_name.encode("ascii", "replace").decode().replace('"', "")
    return Response(
        content=data,
        media_type=media_type,
        headers={
            "content-disposition": (
                f"inline; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"
            ),
            "cache-control": "private, no-store",
        },
    )


class HomePropertyController(Controller):
    path = "/api/homes"
    tags = ("property",)

    @get("/{lease_id:uuid}/property")
    async def property_info(
        self, request: Request[Any, Any, Any], lease_id: FromPath[UUID], resident: ResidentDep
    ) -> PropertyInfoOut:
        """The building of a home, in the request language; ``fellBack`` names the fields
        shown in Finnish instead. Readable from the day the lease is signed."""
        home = access.property_home_for_resident(resident, lease_id)
        return await services.property_info(home, request_language(request))

    @get("/{lease_id:uuid}/property/documents/{document_id:uuid}/file")
    async def document_file(
        self,
        lease_id: FromPath[UUID],
        document_id: FromPath[UUID],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> Response[bytes]:
        """A document's PDF (house rules, rescue plan, ...)."""
        document = await access.document_for_resident(resident, lease_id, document_id)
        return _file_response(*await services.document_file(document, settings))


class StaffPropertyController(Controller):
    path = "/api/staff/properties"
    tags = ("property", "staff")

    @get("/")
    async def list_properties(self, staff: StaffDep) -> list[StaffPropertySummaryOut]:
        """The properties the editor may edit, with the texts missing per language."""
        return await services.staff_properties(access.staff_property_filter(staff))

    @get("/{property_id:uuid}")
    async def read(self, property_id: FromPath[UUID], staff: StaffDep) -> StaffPropertyOut:
        row = await access.property_for_staff(staff, property_id)
        return await services.staff_property_out(row)

    @patch("/{property_id:uuid}")
    async def update(
        self, property_id: FromPath[UUID], data: JSONBody[PropertyPatchIn], staff: StaffDep
    ) -> StaffPropertyOut:
        """Change texts per language (a text sets, ``null`` removes, absent keeps) and facts."""
        row = await access.property_for_staff(staff, property_id)
        updated = await services.update_property(staff, row, data)
        return await services.staff_property_out(updated)

    @post("/{property_id:uuid}/documents", status_code=201)
    async def create_document(
        self, property_id: FromPath[UUID], data: JSONBody[DocumentIn], staff: StaffDep
    ) -> StaffDocumentOut:
        await access.property_for_staff(staff, property_id)
        document = await services.create_document(staff, property_id, data)
        return services.staff_document_out(document)


class StaffPropertyDocumentController(Controller):
    path = "/api/staff/property-documents"
    tags = ("property", "staff")

    @get("/{document_id:uuid}")
    async def read(self, document_id: FromPath[UUID], staff: StaffDep) -> StaffDocumentOut:
        return services.staff_document_out(await access.document_for_staff(staff, document_id))

    @patch("/{document_id:uuid}")
    async def update(
        self, document_id: FromPath[UUID], data: JSONBody[DocumentPatchIn], staff: StaffDep
    ) -> StaffDocumentOut:
        document = await access.document_for_staff(staff, document_id)
        return services.staff_document_out(await services.update_document(staff, document, data))

    @put("/{document_id:uuid}/file")
    async def upload_file(
        self,
        request: Request[Any, Any, Any],
        document_id: FromPath[UUID],
        staff: StaffDep,
        settings: NamedDependency[Settings],
        file_name: Annotated[
            str | None, QueryParameter(name="fileName", min_length=1, max_length=200)
        ] = None,
    ) -> StaffDocumentOut:
        """Upload the document as a PDF (the raw bytes as the body); it replaces the text."""
        document = await access.document_for_staff(staff, document_id)
        data = await request.body()
        updated = await services.attach_pdf(
            staff, document, data, file_name=file_name, settings=settings
        )
        return services.staff_document_out(updated)

    @get("/{document_id:uuid}/file")
    async def download_file(
        self, document_id: FromPath[UUID], staff: StaffDep, settings: NamedDependency[Settings]
    ) -> Response[bytes]:
        document = await access.document_for_staff(staff, document_id)
        return _file_response(*await services.document_file(document, settings))

    @delete("/{document_id:uuid}", status_code=204)
    async def remove(self, document_id: FromPath[UUID], staff: StaffDep) -> None:
        document = await access.document_for_staff(staff, document_id)
        await services.delete_document(staff, document)


CONTROLLERS: list[type[Controller]] = [
    HomePropertyController,
    StaffPropertyController,
    StaffPropertyDocumentController,
]
