"""Documents as PDFs: editors upload, residents of the home download; nothing else passes."""

from __future__ import annotations

import uuid

import httpx
from litestar import Litestar

from backend.property.tables import PropertyDocument
from tests.conftest import api_client
from tests.factories import make_lease, make_property, make_region, make_unit
from tests.property.support import sign_in_resident, sign_in_staff

Client = httpx.AsyncClient
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


async def test_pdf_upload_and_download(client: Client, app: Litestar) -> None:
    region = await make_region(code="r1")
    prop = await make_property(region)
    other = await make_lease(await make_unit(await make_property(region)))
    lease = await make_lease(await make_unit(prop))
    await sign_in_staff(client, roles=["editor"], region_codes=["r1"])
    created = await client.post(
        f"/api/staff/properties/{prop.id}/documents",
        json={"kind": "rescue_plan", "title": {"fi": "Pelastussuunnitelma"}},
    )
    document_id = created.json()["id"]

    not_pdf = await client.put(
        f"/api/staff/property-documents/{document_id}/file",
        content=b"<html>hello</html>",
        headers={"content-type": "application/pdf"},
    )
    assert not_pdf.status_code == 415
    assert not_pdf.headers["content-type"].startswith("application/problem+json")
    empty = await client.put(f"/api/staff/property-documents/{document_id}/file", content=b"")
    assert empty.status_code == 400
    row = await PropertyDocument.select(PropertyDocument.blob_id).first()
    assert row == {"blob_id": None}

    uploaded = await client.put(
        f"/api/staff/property-documents/{document_id}/file?fileName=pelastussuunnitelma.pdf",
        content=PDF,
        headers={"content-type": "application/pdf"},
    )
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["format"] == "pdf"
    assert uploaded.json()["fileName"] == "pelastussuunnitelma.pdf"
    staff_copy = await client.get(f"/api/staff/property-documents/{document_id}/file")
    assert staff_copy.content == PDF

    async with api_client(app) as resident, api_client(app) as neighbour:
        await sign_in_resident(resident, lease, 940)
        await sign_in_resident(neighbour, other, 941)
        info = (await resident.get(f"/api/homes/{lease.id}/property")).json()
        [document] = info["documents"]
        assert document["format"] == "pdf"
        assert document["text"] is None
        download = await resident.get(document["fileUrl"])
        assert download.status_code == 200
        assert download.content == PDF
        assert download.headers["content-type"] == "application/pdf"
        assert "pelastussuunnitelma.pdf" in download.headers["content-disposition"]
        assert download.headers["cache-control"] == "private, no-store"
        # Another home's resident: the same document under their own lease, or theirs.
        for path in (
            f"/api/homes/{other.id}/property/documents/{document_id}/file",
            document["fileUrl"],
            f"/api/homes/{lease.id}/property/documents/{uuid.uuid4()}/file",
        ):
            refused = await neighbour.get(path)
            assert refused.status_code == 404
            assert b"%PDF" not in refused.content


async def test_a_text_document_has_no_file(client: Client) -> None:
    region = await make_region(code="r1")
    prop = await make_property(region)
    await sign_in_staff(client, roles=["editor"], region_codes=["r1"])
    created = await client.post(
        f"/api/staff/properties/{prop.id}/documents",
        json={"kind": "house_rules", "title": {"fi": "Säännöt"}, "text": {"fi": "Ole kiltti."}},
    )
    document_id = created.json()["id"]
    response = await client.get(f"/api/staff/property-documents/{document_id}/file")
    assert response.status_code == 404


async def test_file_names_cannot_break_headers(client: Client) -> None:
    region = await make_region(code="r1")
    prop = await make_property(region)
    await sign_in_staff(client, roles=["editor"], region_codes=["r1"])
    created = await client.post(
        f"/api/staff/properties/{prop.id}/documents",
        json={"kind": "other", "title": {"fi": "Liite"}},
    )
    document_id = created.json()["id"]
    uploaded = await client.put(
        f"/api/staff/property-documents/{document_id}/file",
        params={"fileName": 'säännöt"\r\nset-cookie: x=1.pdf'},
        content=PDF,
    )
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["fileName"] == "säännötset-cookie: x=1.pdf"
    download = await client.get(f"/api/staff/property-documents/{document_id}/file")
    assert not any(value.startswith("x=") for value in download.headers.get_list("set-cookie"))
    assert "\n" not in download.headers["content-disposition"]
    too_long = await client.put(
        f"/api/staff/property-documents/{document_id}/file",
        params={"fileName": "x" * 201},
        content=PDF,
    )
    assert too_long.status_code == 400
