"""The field reference page ('Felter i indholdet') says what the schemas say, every property of every kind."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from katalog.fieldref import field_reference_page, load_schemas
from katalog.kinds import KINDS, Kind
from katalog.schema import load_validators
from katalog.validate import modeline_for

from .conftest import MINI, ROOT, SCHEMAS


def properties(schemas: dict[str, Any], name: str, node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Walk a schema on its own terms (not fieldref's): yield (field path, property schema) for every property."""
    name, node = deref(schemas, name, node)
    for key, prop in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        where, resolved = deref(schemas, name, prop)
        yield path, resolved
        yield from properties(schemas, where, resolved, f"{path}.")
        if isinstance(resolved.get("items"), dict):
            yield from properties(schemas, where, resolved["items"], f"{path}[].")


def deref(schemas: dict[str, Any], name: str, node: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Follow $ref to the schema it names, remembering which file a '#/…' pointer is relative to."""
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        name = file or name
        target: Any = schemas[name]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        siblings = {k: v for k, v in node.items() if k != "$ref"}  # a title beside a $ref wins
        node = {**target, **siblings} | ({"$ref": target["$ref"]} if "$ref" in target else {})
    return name, node


@pytest.fixture(scope="module")
def page() -> str:
    return field_reference_page(SCHEMAS, ROOT / "content")


def section(page: str, kind: Kind) -> str:
    """The part of the page about one kind."""
    start = page.index(f"{{#{kind.name.replace('_', '-')}}}")
    following = page.find("\n## ", start)
    return page[start : following if following > 0 else None]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_schema_property_is_on_the_page_with_its_danish_text(page: str, kind: Kind) -> None:
    """Each property of each kind's schema, nested ones too, has a row with its title, description and values."""
    schemas = {path.name: json.loads(path.read_text("utf-8")) for path in SCHEMAS.glob("*.schema.json")}
    text = section(page, kind)
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| <code>([^<]+)</code> \|.*$", text, re.M)}
    expected = dict(properties(schemas, kind.schema, schemas[kind.schema]))
    assert set(rows) == set(expected)
    for path, prop in expected.items():
        if prop.get("title"):
            assert f"**{prop['title']}**" in rows[path], path
        assert " ".join(prop.get("description", "").split()) in html.unescape(rows[path]), path
        for value in prop.get("enum", []):
            assert f"'{value}'" in rows[path], (path, value)


def test_conditional_requirements_are_spelled_out(page: str) -> None:
    """The module schema's if/then rules appear as sentences editors can follow."""
    text = section(page, KINDS[0])
    assert "Når <code>course_type</code> er 'amu': <code>entries</code> og <code>tier</code> skal udfyldes" in text
    assert "'gældende', 'udgår' eller 'nedlagt': <code>amu_number</code> og <code>duration</code> skal udfyldes" in text


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_each_kind_has_an_example_that_passes_its_schema(page: str, kind: Kind) -> None:
    """The example under each kind starts with the modeline and is valid against the kind's schema."""
    text = section(page, kind)
    found = re.search(r'<pre><code class="language-yaml">(.*?)</code></pre>', text, re.S)
    assert found, f"no example for {kind.name}"
    example = found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")
    example = example.replace("&amp;", "&")
    assert example.splitlines()[0] == modeline_for(kind)
    errors = list(load_validators(SCHEMAS.resolve())[kind.schema].iter_errors(yaml.safe_load(example)))
    assert errors == []


def test_the_page_is_made_from_the_schemas_given(tmp_path: Path) -> None:
    """A new property in a schema shows up on the page without touching the code."""
    schemas = Path(tmp_path / "schemas")
    schemas.mkdir()
    for path in SCHEMAS.glob("*.schema.json"):
        (schemas / path.name).write_text(path.read_text("utf-8"), "utf-8")
    role = json.loads((schemas / "role.schema.json").read_text("utf-8"))
    role["properties"]["motto"] = {"title": "Motto", "description": "Rollens motto.", "type": "string"}
    (schemas / "role.schema.json").write_text(json.dumps(role), "utf-8")
    assert "| <code>motto</code> | **Motto**. Rollens motto. |" in field_reference_page(schemas, MINI)
    assert load_schemas(schemas)["role.schema.json"]["properties"]["motto"]["title"] == "Motto"
