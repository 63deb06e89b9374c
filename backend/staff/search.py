"""Staff searches: a case-insensitive "contains" that behaves alike on SQLite and PostgreSQL.

SQLite's ``LIKE`` folds only ASCII letters ("äijä" would not find "Äijä"), so on SQLite the
text becomes a ``GLOB`` pattern with both cases of every letter (``*[Ää][Ii][Jj][Ää]*``);
PostgreSQL's ``ILIKE`` folds every letter. Either way the person's text is a parameter,
with the pattern's wildcards escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from piccolo.engine.postgres import PostgresEngine

from backend.core.db import DB
from backend.core.i18n import LANGUAGES

MAX_QUERY_LENGTH = 100


def normalized_query(text: str | None) -> str:
    """The search text with runs of whitespace made one space; empty: no search."""
    return re.sub(r"\s+", " ", text or "").strip()[:MAX_QUERY_LENGTH]


def _is_postgres() -> bool:
    return isinstance(DB, PostgresEngine)


def json_text(column: str, language: str) -> str:
    """SQL for one language's text of a per-language JSON column (``{"fi": ...}``)."""
    if _is_postgres():
        return f"({column}->>'{language}')"
    return f"json_extract({column}, '$.{language}')"


def localized_texts(column: str) -> list[str]:
    """SQL for the column's text in each language (a search matches any of them)."""
    return [json_text(column, language) for language in LANGUAGES]


def _pattern(text: str) -> str:
    if _is_postgres():
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return f"%{escaped}%"
    parts = []
    for char in text:
        lower, upper = char.lower(), char.upper()
        if lower != upper and len(lower) == 1 and len(upper) == 1:
            parts.append(f"[{lower}{upper}]")
        elif char in "*?[":
            parts.append(f"[{char}]")
        else:
            parts.append(char)
    return f"*{''.join(parts)}*"


def contains_any(expressions: Sequence[str], text: str) -> tuple[str, list[Any]]:
    """An SQL condition (with ``{}`` placeholders, as Piccolo's ``WhereRaw`` takes them) that
    holds when any of the SQL ``expressions`` contains ``text``, ignoring case; and its
    arguments."""
    operator = "ILIKE {} ESCAPE '\\'" if _is_postgres() else "GLOB {}"
    pattern = _pattern(text)
    sql = " OR ".join(f"COALESCE({expression}, '') {operator}" for expression in expressions)
    return f"({sql})", [pattern] * len(expressions)


def unit_label(alias: str) -> str:
    """SQL for a unit's label as staff views show it: "A 12", or "12" without a staircase."""
    return (
        f"(CASE WHEN COALESCE({alias}.staircase, '') = '' THEN {alias}.number"
        f" ELSE {alias}.staircase || ' ' || {alias}.number END)"
    )


def address_with_unit(property_alias: str, unit_alias: str) -> list[str]:
    """SQL texts a search for a home matches: "Kontulantie 5 A 12" in each language, and
    the unit alone written without a space ("A12")."""
    label = unit_label(unit_alias)
    streets = localized_texts(f"{property_alias}.street_address")
    return [
        *(f"(COALESCE({street}, '') || ' ' || {label})" for street in streets),
        f"({unit_alias}.staircase || {unit_alias}.number)",
    ]
