"""Passkey ceremonies as controllers run them: the challenge goes into the session with the
options, and comes out of it (spent, whatever the outcome) with the answer."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response

from backend.accounts import passkeys
from backend.settings import Settings


def _json(options: str) -> Response[bytes]:
    return Response(options.encode(), media_type="application/json")


def creation_options_response(
    request: Request[Any, Any, Any],
    settings: Settings,
    *,
    purpose: str,
    user_handle: str,
    user_name: str,
    display_name: str,
    exclude: list[str],
) -> Response[bytes]:
    session = dict(request.session)
    options = passkeys.creation_options(
        session,
        settings,
        purpose=purpose,
        user_handle=user_handle,
        user_name=user_name,
        display_name=display_name,
        exclude=exclude,
    )
    request.set_session(session)
    return _json(options)


def request_options_response(
    request: Request[Any, Any, Any], settings: Settings
) -> Response[bytes]:
    session = dict(request.session)
    options = passkeys.request_options(session, settings)
    request.set_session(session)
    return _json(options)


def checked_new_passkey(
    request: Request[Any, Any, Any],
    settings: Settings,
    *,
    purpose: str,
    credential: dict[str, Any],
    name: str | None,
) -> dict[str, Any]:
    session = dict(request.session)
    try:
        return passkeys.verify_creation(
            session, settings, purpose=purpose, credential=credential, name=name
        )
    finally:
        request.set_session(session)


async def checked_login(
    request: Request[Any, Any, Any], settings: Settings, credential: dict[str, Any]
) -> passkeys.PasskeyOwner:
    session = dict(request.session)
    try:
        return await passkeys.verify_login(session, settings, credential)
    finally:
        request.set_session(session)
