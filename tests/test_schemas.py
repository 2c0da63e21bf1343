"""The schemas are the editors' help: every property explained in Danish, every kind covered."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from katalog.kinds import KINDS
from katalog.markup import MARKUP_KEYWORD, PLAIN, PROSE
from katalog.schema import load_validators

from .conftest import SCHEMAS

ENGLISH = re.compile(r"\b(the|and|must|should|which|with)\b")
SCHEMA_FILES = sorted(SCHEMAS.glob("*.schema.json"))


def properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}.{name}", sub
        for key, value in node.items():
            if key not in ("allOf", "if", "then"):  # conditional rules restate fields described elsewhere
                yield from properties(value, f"{path}.{key}" if key != "properties" else path)
    elif isinstance(node, list):
        for item in node:
            yield from properties(item, path)


@pytest.mark.parametrize("schema_file", SCHEMA_FILES, ids=[f.name for f in SCHEMA_FILES])
def test_every_property_has_a_danish_description(schema_file: Path) -> None:
    """Each property carries a title and description (directly or through its $ref) for editors."""
    schema = json.loads(schema_file.read_text("utf-8"))
    defs = json.loads((SCHEMAS / "defs.schema.json").read_text("utf-8"))["$defs"]
    for where, prop in properties(schema):
        target = defs.get(prop.get("$ref", "").rsplit("/", 1)[-1], {}) if "$ref" in prop else {}
        described = prop.get("description") or target.get("description")
        titled = prop.get("title") or target.get("title")
        assert described and titled, f"{schema_file.name}{where} lacks a title or description"
        assert not ENGLISH.search(described), f"{schema_file.name}{where} reads as English: {described}"


@pytest.mark.parametrize("schema_file", SCHEMA_FILES, ids=[f.name for f in SCHEMA_FILES])
def test_schema_is_closed_and_identified(schema_file: Path) -> None:
    """Each schema has an $id, and objects reject unknown fields so typos are caught."""
    schema = json.loads(schema_file.read_text("utf-8"))
    assert schema["$id"].endswith(schema_file.name)
    text = schema_file.read_text("utf-8")
    assert text.count('"type": "object"') <= text.count('"additionalProperties": false')


def test_every_kind_has_a_schema() -> None:
    """The content kinds and the schema files agree."""
    validators = load_validators(SCHEMAS)
    assert {kind.schema for kind in KINDS} <= set(validators)


def text_kinds(node: Any, defs: dict[str, Any], path: str = "") -> Iterator[tuple[str, str | None]]:
    """Yield each free-text string in a schema (no enum, pattern or const) with its markup kind, via $ref too."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from text_kinds(item, defs, f"{path}[{index}]")
        return
    if not isinstance(node, dict):
        return
    target = defs.get(node.get("$ref", "").rsplit("/", 1)[-1], {}) if "$ref" in node else {}
    merged = {**target, **node}
    if merged.get("type") == "string" and not {"enum", "pattern", "const"} & merged.keys():
        yield path, merged.get(MARKUP_KEYWORD)
    for key, value in node.items():
        if key not in ("allOf", "if", "then", "$defs") and isinstance(value, dict | list):
            yield from text_kinds(value, defs, f"{path}.{key}")


CONTENT_SCHEMAS = [kind.schema for kind in KINDS] + ["defs.schema.json"]


@pytest.mark.parametrize("schema_name", CONTENT_SCHEMAS)
def test_every_text_field_says_which_markup_it_allows(schema_name: str) -> None:
    """Each free-text field is marked plain (shown as written) or prose (the safe Markdown subset) in its schema."""
    defs = json.loads((SCHEMAS / "defs.schema.json").read_text("utf-8"))["$defs"]
    schema = json.loads((SCHEMAS / schema_name).read_text("utf-8"))
    found = list(text_kinds(schema, defs)) + (
        [(f"$defs.{name}", kind) for name, sub in defs.items() for _, kind in text_kinds(sub, defs)]
        if schema_name == "defs.schema.json"
        else []
    )
    assert found, "no text fields found; the walker is broken"
    unmarked = [where for where, kind in found if kind not in (PLAIN, PROSE)]
    assert unmarked == [], f"{schema_name}: text fields without {MARKUP_KEYWORD}: {unmarked}"
