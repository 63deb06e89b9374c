import httpx

from backend.settings import Settings
from tests.conftest import api_client, running_app


async def test_live_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {}}


async def test_ready_checks_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"


async def test_ready_is_503_when_redis_does_not_answer(db: None, settings: Settings) -> None:
    import msgspec

    # Nothing listens on port 1: a real refused connection, not a stand-in.
    broken = msgspec.structs.replace(settings, redis_url="redis://127.0.0.1:1/0")
    async with running_app(broken) as app, api_client(app) as client:
        response = await client.get("/health/ready", headers={"accept-language": "en"})
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["checks"] == {"database": "ok", "redis": "down"}
    assert body["title"] == "Service unavailable"
