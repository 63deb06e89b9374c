"""The access matrix of property information: residents of the home (also before the start),
editors in the property's region; nobody else sees anything."""

from __future__ import annotations

import uuid

from litestar import Litestar

from backend.core import clock
from backend.media.services import store_document
from backend.property.tables import PropertyDocument
from backend.settings import get_settings
from tests.support.world import Case, World, build_world, check_matrix

SECRET_TITLE = "Salainen pelastussuunnitelma"
PDF = b"%PDF-1.4\n%%EOF\n"


async def _document(world: World, key: str, *, pdf: bool = False) -> None:
    document_id = uuid.uuid4()
    blob_id = None
    if pdf:
        blob = await store_document(
            PDF, uploaded_by_kind="staff", uploaded_by_id=uuid.uuid4(), settings=get_settings()
        )
        blob_id = blob.id
    await PropertyDocument.insert(
        PropertyDocument(
            id=document_id,
            property=world.ids["P1"],
            kind="rescue_plan",
            title={"fi": SECRET_TITLE},
            body={"fi": "Kokoontumispaikka pihalla."},
            blob_id=blob_id,
            created_at=clock.now(),
            updated_at=clock.now(),
        )
    )
    world.ids[key] = document_id


async def test_property_endpoints(db: None, app: Litestar) -> None:
    home_of_l1 = {"main": 200, "co": 200, "resident": 200}
    staff_only = {"main": 403, "co": 403, "resident": 403, "other": 403, "before": 403}
    async with build_world(app) as world:
        await _document(world, "D1")
        await _document(world, "D2")
        await _document(world, "D_PDF", pdf=True)
        await _document(world, "D_UPLOAD")
        await check_matrix(
            world,
            [
                Case(
                    "GET",
                    "/api/homes/{L1}/property",
                    allowed=home_of_l1,
                    special={"staff_in": 403, "staff_out": 403},
                    secrets=(SECRET_TITLE,),
                ),
                Case(
                    "GET",
                    "/api/homes/{L3}/property",
                    allowed={"before": 200},
                    special={"staff_in": 403, "staff_out": 403},
                ),
                Case(
                    "GET",
                    "/api/homes/{L1}/property/documents/{D_PDF}/file",
                    allowed=home_of_l1,
                    special={"staff_in": 403, "staff_out": 403},
                    secrets=("%PDF",),
                ),
                Case(
                    "GET",
                    "/api/homes/{L3}/property/documents/{D_PDF}/file",
                    allowed={"before": 200},
                    special={"staff_in": 403, "staff_out": 403},
                    secrets=("%PDF",),
                ),
                Case(
                    "GET",
                    "/api/staff/property-documents/{D_PDF}/file",
                    allowed={"staff_in": 200},
                    special={**staff_only, "staff_out": 404},
                    secrets=("%PDF",),
                ),
                Case(
                    "PUT",
                    "/api/staff/property-documents/{D_UPLOAD}/file",
                    # The matrix sends JSON, so the gate passes and the empty body is refused;
                    # the upload itself is in tests/property/test_property_pdf.py.
                    allowed={"staff_in": 400},
                    special={**staff_only, "staff_out": 404},
                ),
                Case(
                    "GET",
                    "/api/staff/properties",
                    allowed={"staff_in": 200, "staff_out": 200},
                    deny=403,
                ),
                Case(
                    "GET",
                    "/api/staff/properties/{P1}",
                    allowed={"staff_in": 200},
                    special={**staff_only, "staff_out": 404},
                    secrets=(SECRET_TITLE,),
                ),
                Case(
                    "PATCH",
                    "/api/staff/properties/{P1}",
                    body={"saunaTimes": {"sv": "Lö 16–20"}},
                    allowed={"staff_in": 200},
                    special={**staff_only, "staff_out": 404},
                ),
                Case(
                    "POST",
                    "/api/staff/properties/{P1}/documents",
                    body={"kind": "other", "title": {"fi": "Pihasäännöt"}, "text": {"fi": "x"}},
                    allowed={"staff_in": 201},
                    special={**staff_only, "staff_out": 404},
                ),
                Case(
                    "GET",
                    "/api/staff/property-documents/{D1}",
                    allowed={"staff_in": 200},
                    special={**staff_only, "staff_out": 404},
                    secrets=(SECRET_TITLE,),
                ),
                Case(
                    "PATCH",
                    "/api/staff/property-documents/{D1}",
                    body={"sortOrder": 3},
                    allowed={"staff_in": 200},
                    special={**staff_only, "staff_out": 404},
                ),
                Case(
                    "DELETE",
                    "/api/staff/property-documents/{D2}",
                    allowed={"staff_in": 204},
                    special={**staff_only, "staff_out": 404},
                ),
            ],
        )
