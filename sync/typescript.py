"""Generate ``pwa/src/offline/protocol.gen.ts`` from the JSON Schema of the sync wire types.

Run ``uv run python -m sync.typescript``. A small converter for the subset of JSON
Schema that msgspec emits (objects, arrays, unions and tagged unions, literals,
nullable, strings, numbers, booleans, maps), so that no npm tool is needed;
``tests/sync/test_typescript_is_fresh.py`` fails when the committed file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec

from backend.occupancy.schemas import OccupantChangeIn
from sync import mutator_args as args
from sync.mutators import MUTATORS
from sync.protocol import SCHEMA_VERSION, WIRE_TYPES

OUTPUT = Path(__file__).resolve().parents[1] / "pwa" / "src" / "offline" / "protocol.gen.ts"
REF_PREFIX = "#/$defs/"
LINE_WIDTH = 100  # pwa/biome.json
HEADER = (
    "// generated — do not edit. Source: sync/protocol.py (uv run python -m sync.typescript).\n"
)


def type_expression(schema: dict[str, Any]) -> str:
    """The TypeScript type for one JSON Schema node."""
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix(REF_PREFIX)
    if "anyOf" in schema:
        return " | ".join(type_expression(item) for item in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(json.dumps(value) for value in schema["enum"])
    if "const" in schema:
        return json.dumps(schema["const"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(type_expression({**schema, "type": item}) for item in kind)
    if kind == "string":
        return "string"
    if kind in ("integer", "number"):
        return "number"
    if kind == "boolean":
        return "boolean"
    if kind == "null":
        return "null"
    if kind == "array":
        items = schema.get("items")
        return f"Array<{type_expression(items) if items else 'unknown'}>"
    if kind == "object":
        if "properties" in schema:
            return _object_literal(schema, indent="")
        values = schema.get("additionalProperties")
        value_type = type_expression(values) if isinstance(values, dict) else "unknown"
        return f"Record<string, {value_type}>"
    return "unknown"


def _parenthesize(expression: str) -> str:
    return (
        f"({expression})" if " | " in expression and expression.startswith("Array") else expression
    )


def _object_literal(schema: dict[str, Any], indent: str) -> str:
    required = set(schema.get("required", []))
    lines = ["{"]
    for name, prop in schema.get("properties", {}).items():
        optional = "" if name in required else "?"
        lines.append(f"{indent}  {name}{optional}: {type_expression(prop)};")
    lines.append(f"{indent}}}")
    return "\n".join(lines)


def _declaration(name: str, schema: dict[str, Any]) -> str:
    doc = schema.get("description")
    comment = f"/** {' '.join(str(doc).split())} */\n" if doc else ""
    if schema.get("type") == "object" and "properties" in schema:
        return f"{comment}export interface {name} {_object_literal(schema, indent='')}\n"
    return comment + _alias(name, type_expression(schema))


def _alias(name: str, expression: str) -> str:
    """``export type`` laid out as Biome formats it (the PWA's formatter leaves it alone)."""
    line = f"export type {name} = {expression};\n"
    if len(line) <= LINE_WIDTH + 1 or " | " not in expression:
        return line
    members = "".join(f"\n  | {member}" for member in expression.split(" | "))
    return f"export type {name} ={members};\n"


# The TypeScript type of each mutator's ``args`` (names of the generated interfaces).
MUTATOR_ARGS = {
    "createTicket": "CreateTicketArgs",
    "addTicketComment": "AddTicketCommentArgs",
    "addTicketPhoto": "AddTicketPhotoArgs",
    "cancelTicket": "CancelTicketArgs",
    "rateTicket": "RateTicketArgs",
    "reopenTicket": "ReopenTicketArgs",
    "sendMessage": "ReplyArgs | NewThreadArgs",
    "markNewsRead": "MarkNewsReadArgs",
    "markThreadRead": "MarkThreadReadArgs",
    "updateProfile": "UpdateProfileArgs",
    "reportOccupantChange": "LeaseArgs & (MoveInIn | MoveOutIn | NameChangeIn | BirthIn)",
}
ARG_TYPES: tuple[Any, ...] = (
    args.CreateTicketArgs,
    args.AddTicketCommentArgs,
    args.AddTicketPhotoArgs,
    args.CancelTicketArgs,
    args.RateTicketArgs,
    args.ReopenTicketArgs,
    args.ReplyArgs,
    args.NewThreadArgs,
    args.MarkNewsReadArgs,
    args.MarkThreadReadArgs,
    args.UpdateProfileArgs,
    args.LeaseArgs,
    OccupantChangeIn,
)


def _mutator_args() -> str:
    lines = [f"  {name}: {MUTATOR_ARGS[name]};" for name in sorted(MUTATOR_ARGS)]
    return (
        "/** The ``args`` of each mutator. */\nexport interface MutatorArgs {\n"
        + "\n".join(lines)
        + "\n}\n"
    )


def generate() -> str:
    roots, components = msgspec.json.schema_components(
        (*WIRE_TYPES, *ARG_TYPES), ref_template=REF_PREFIX + "{name}"
    )
    del roots
    parts = [HEADER, f"export const SCHEMA_VERSION = {SCHEMA_VERSION};\n"]
    for name in sorted(components):
        parts.append(_declaration(name, components[name]))
    parts.append("export type PatchOp = ClearOp | PutOp | DelOp;\n")
    names = " | ".join(json.dumps(name) for name in sorted(MUTATORS))
    parts.append("/** The mutators the server knows (``Mutation.name``). */\n")
    parts[-1] += _alias("MutatorName", names)
    parts.append(_mutator_args())
    return "\n".join(parts)


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(generate(), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
