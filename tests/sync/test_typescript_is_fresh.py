"""The committed TypeScript wire types must be what ``sync.typescript`` generates now."""

from sync.typescript import OUTPUT, generate


def test_committed_typescript_matches_the_generator() -> None:
    committed = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    assert committed == generate(), (
        "pwa/src/offline/protocol.gen.ts is stale: run `uv run python -m sync.typescript`"
    )


def test_converter_handles_the_msgspec_subset() -> None:
    from sync.typescript import type_expression

    assert type_expression({"anyOf": [{"type": "integer"}, {"type": "null"}]}) == "number | null"
    assert type_expression({"type": "array", "items": {"$ref": "#/$defs/X"}}) == "Array<X>"
    assert type_expression({"type": "object", "additionalProperties": {"type": "boolean"}}) == (
        "Record<string, boolean>"
    )
    assert type_expression({"enum": ["a", "b"]}) == '"a" | "b"'
    assert type_expression({}) == "unknown"


def test_every_mutator_has_its_argument_type() -> None:
    from sync.mutators import MUTATORS
    from sync.typescript import MUTATOR_ARGS

    assert set(MUTATOR_ARGS) == set(MUTATORS)
