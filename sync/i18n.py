"""The sync protocol's messages.

``backend.core.i18n`` reads only ``backend/<feature>/messages``; sync/ lives beside the
backend (DESIGN §3), so its catalogs in ``sync/messages`` are read here and the core
catalogs are the fallback. (Asked of the lead: let ``catalog_files`` include sync/.)
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from backend.core.i18n import DEFAULT_LANGUAGE, Language, translate

_MESSAGES = Path(__file__).resolve().parent / "messages"


@cache
def sync_catalog(language: Language) -> dict[str, str]:
    flat: dict[str, str] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                walk(f"{prefix}.{key}" if prefix else key, child)
        else:
            flat[prefix] = str(node)

    walk("", json.loads((_MESSAGES / f"{language}.json").read_text(encoding="utf-8")))
    return flat


def sync_translate(key: str, language: Language, **params: Any) -> str:
    text = sync_catalog(language).get(key) or sync_catalog(DEFAULT_LANGUAGE).get(key)
    if text is None:
        return translate(key, language, **params)
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return text
