"""Languages: negotiation, the backend's message catalogs, and per-field fallback to Finnish."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "fi"
_BACKEND_DIR = Path(__file__).resolve().parents[1]


def as_language(value: str | None) -> Language | None:
    if value is None:
        return None
    base = value.strip().lower().split("-", 1)[0].split("_", 1)[0]
    for language in LANGUAGES:
        if language == base:
            return language
    return None


def negotiate_language(accept_language: str | None) -> Language:
    """The first of fi/sv/en in an Accept-Language header, by quality; Finnish otherwise."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, Language]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        language = as_language(tag)
        if language is not None and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def catalog_files(language: Language) -> list[Path]:
    """Each feature keeps its messages in ``backend/<feature>/messages/<language>.json``
    (the sync protocol too, in ``sync/messages/``)."""
    features = _BACKEND_DIR.glob(f"*/messages/{language}.json")
    sync = _BACKEND_DIR.parent.glob(f"sync/messages/{language}.json")
    return sorted([*features, *sync])


@cache
def catalog(language: Language) -> dict[str, str]:
    """The merged, flattened catalog: nested JSON keys joined with dots."""
    flat: dict[str, str] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                walk(f"{prefix}.{key}" if prefix else key, child)
        else:
            flat[prefix] = str(node)

    for path in catalog_files(language):
        walk("", json.loads(path.read_text(encoding="utf-8")))
    return flat


def translate(key: str, language: Language, **params: Any) -> str:
    text = catalog(language).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or key
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return text


def localized_text(value: dict[str, str] | None, language: Language) -> tuple[str, bool]:
    """The text in ``language``, else Finnish; the flag tells whether it fell back."""
    value = value or {}
    text = value.get(language)
    if text:
        return text, False
    return value.get(DEFAULT_LANGUAGE, ""), language != DEFAULT_LANGUAGE
