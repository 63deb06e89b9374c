"""The PWA's recorded sync exchanges (pwa/src/offline/fixtures) fit the server's wire
types, so the client library is tested against answers this server can give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest

from sync.mutators import MUTATORS
from sync.protocol import (
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    SchemaVersionProblem,
)

FIXTURES = Path(__file__).resolve().parents[2] / "pwa" / "src" / "offline" / "fixtures"
FILES = sorted(FIXTURES.glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_fixture_fits_the_wire_types(path: Path) -> None:
    exchange: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    request, response = exchange["request"], exchange["response"]
    is_pull = request["path"] == "/api/sync/pull"
    assert request["path"] in ("/api/sync/pull", "/api/sync/push")
    if response["status"] == 409:
        msgspec.convert(response["body"], SchemaVersionProblem)
        return
    if is_pull:
        msgspec.convert(request["body"], PullRequest)
        msgspec.convert(response["body"], PullResponse)
    else:
        push = msgspec.convert(request["body"], PushRequest)
        assert {m.name for m in push.mutations} <= set(MUTATORS)
        msgspec.convert(response["body"], PushResponse)
