import httpx
from openapi_spec_validator import OpenAPIV31SpecValidator, validate


async def test_the_openapi_document_is_valid_openapi_3_1(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document, cls=OpenAPIV31SpecValidator)
    assert "/health/ready" in document["paths"]


async def test_the_docs_page_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/schema")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
