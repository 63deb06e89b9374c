"""A notification row → the push payload, in the recipient's language.

The payload is what the lock screen may show and no more (DESIGN §6): a ticket's number,
status and category, a news title, a deep link and ids. Never rent amounts, names, message
text or addresses: the app pulls the rest once opened.

Payload contract (the service worker reads it): ``{title, body, url, tag, kind, ...ids}``;
``tag`` is the notification's topic, so a later update replaces an earlier one on the
device and a duplicate delivery (at-least-once) shows once.

Params the outbox writes (ids only): ``ticket_update`` ``{"ticketId", "status"}``,
``message_reply`` ``{"threadId"}``, ``news`` and ``urgent`` ``{"newsId"}``.

A worker renders a whole claimed batch: ``Sources.load`` reads every ticket and news item
the batch names in two queries, then ``render`` only looks them up.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import msgspec

from backend.core.i18n import Language, as_language, localized_text, translate
from backend.news.tables import News
from backend.tickets.tables import Ticket
from backend.tickets.views import category_name, status_name

MAX_PAYLOAD_BYTES = 3072
# A news title is short in practice; this keeps the payload far below the limit anyway.
_MAX_TEXT = 200


def _key(kind: str, part: str) -> str:
    return f"notifications.push.{kind}.{part}"


def _short(text: str) -> str:
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1].rstrip() + "…"


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@dataclass(slots=True)
class Sources:
    """The tickets and news items a batch of notifications tells about, by id."""

    tickets: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    news: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    async def load(cls, items: Iterable[tuple[str, dict[str, Any]]]) -> Sources:
        """``items``: (kind, params) of each notification."""
        ticket_ids: set[uuid.UUID] = set()
        news_ids: set[uuid.UUID] = set()
        for kind, params in items:
            if kind == "ticket_update":
                ticket_ids.add(_uuid(params.get("ticketId")) or _NONE)
            elif kind in ("news", "urgent"):
                news_ids.add(_uuid(params.get("newsId")) or _NONE)
        ticket_ids.discard(_NONE)
        news_ids.discard(_NONE)
        sources = cls()
        if ticket_ids:
            tickets = await Ticket.select(
                Ticket.id, Ticket.number, Ticket.status, Ticket.category
            ).where(Ticket.id.is_in(list(ticket_ids)))
            sources.tickets = {row["id"]: row for row in tickets}
        if news_ids:
            news = (
                await News.select(News.id, News.title)
                .where(News.id.is_in(list(news_ids)))
                .output(load_json=True)
            )
            sources.news = {row["id"]: row for row in news}
        return sources


_NONE = uuid.UUID(int=0)


def _ticket_payload(
    params: dict[str, Any], language: Language, sources: Sources
) -> dict[str, Any] | None:
    ticket_id = _uuid(params.get("ticketId"))
    if ticket_id is None:
        return None
    row = sources.tickets.get(ticket_id)
    if row is None:
        return None
    # The status the change was about (a later change has its own notification).
    status = str(params.get("status") or row["status"])
    words = {
        "number": row["number"],
        "status": status_name(status, language),
        "category": category_name(row["category"], language),
    }
    return {
        "title": translate(_key("ticket_update", "title"), language, **words),
        "body": translate(_key("ticket_update", "body"), language, **words),
        "url": f"/tickets/{ticket_id}",
        "ticketId": str(ticket_id),
        "status": status,
    }


def _news_payload(
    kind: str, params: dict[str, Any], language: Language, sources: Sources
) -> dict[str, Any] | None:
    news_id = _uuid(params.get("newsId"))
    if news_id is None:
        return None
    row = sources.news.get(news_id)
    if row is None:
        return None
    title, _ = localized_text(row["title"], language)
    return {
        "title": translate(_key(kind, "title"), language),
        "body": translate(_key(kind, "body"), language, title=_short(title)),
        "url": f"/news/{news_id}",
        "newsId": str(news_id),
    }


def _thread_payload(params: dict[str, Any], language: Language) -> dict[str, Any] | None:
    thread_id = _uuid(params.get("threadId"))
    if thread_id is None:
        return None
    # No subject or message text: a service request may be about rent or a person.
    return {
        "title": translate(_key("message_reply", "title"), language),
        "body": translate(_key("message_reply", "body"), language),
        "url": f"/messages/{thread_id}",
        "threadId": str(thread_id),
    }


def render(
    kind: str, topic: str, params: dict[str, Any], language: str | None, sources: Sources
) -> dict[str, Any] | None:
    """The payload, or None when what it tells about is gone (nothing to show then).
    ``sources`` must hold what ``params`` names (``Sources.load``)."""
    lang: Language = as_language(language) or "fi"
    body: dict[str, Any] | None
    if kind == "ticket_update":
        body = _ticket_payload(params, lang, sources)
    elif kind == "message_reply":
        body = _thread_payload(params, lang)
    elif kind in ("news", "urgent"):
        body = _news_payload(kind, params, lang, sources)
    else:
        return None
    if body is None:
        return None
    return {**body, "tag": topic, "kind": kind}


def encode(payload: dict[str, Any]) -> bytes:
    """Compact JSON, at most ``MAX_PAYLOAD_BYTES`` (the body is shortened if need be)."""
    data = msgspec.json.encode(payload)  # compact UTF-8, keys in the payload's order
    while len(data) > MAX_PAYLOAD_BYTES and len(str(payload.get("body") or "")) > 1:
        payload = {**payload, "body": str(payload["body"])[: len(payload["body"]) // 2] + "…"}
        data = msgspec.json.encode(payload)
    return data
