"""'Felter i indholdet': every field of every kind of content file, generated from schemas/.

The page is made from the schemas' Danish titles and descriptions, so the editors' reference can never
drift from what validation checks. Each kind's example is a real file from content/ cut down to the
fields that must be filled in.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from katalog import urls
from katalog.kinds import KINDS, Kind
from katalog.validate import modeline_for

FIELDS_PAGE = urls.FIELDS.src_uri
Schema = dict[str, Any]
_PLURALS = {"tekst": "tekster", "id": "id'er", "helt tal": "hele tal", "tal": "tal", "felter": "punkter med felter"}
_TYPES = {"string": "tekst", "integer": "helt tal", "number": "tal", "boolean": "true eller false", "object": "felter"}


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a content file, as an editor needs to know it."""

    path: str  # 'duration.days', 'sources[].document'
    title: str
    description: str
    required: bool
    rules: tuple[str, ...]  # allowed values and limits, in Danish
    type_name: str


def load_schemas(schema_dir: Path) -> dict[str, Schema]:
    """Read every schema file by its file name."""
    return {path.name: json.loads(path.read_text("utf-8")) for path in sorted(schema_dir.glob("*.schema.json"))}


def schema_fields(schemas: Mapping[str, Schema], kind: Kind) -> list[Field]:
    """Return every field of a kind, nested fields after their parent, in the schema's order."""
    root = schemas[kind.schema]
    return list(_fields(schemas, kind.schema, root, ""))


def resolve(schemas: Mapping[str, Schema], base: str, node: Schema) -> tuple[str, Schema]:
    """Follow $ref; keywords beside a $ref (title, description, minItems …) win over the target's."""
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target_base = file or base
        target: Any = schemas[target_base]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
        if "$ref" in target:
            node["$ref"] = target["$ref"]
        base = target_base
    return base, node


def required_now(schemas: Mapping[str, Schema], kind: Kind, record: Mapping[str, Any]) -> set[str]:
    """Return the top-level fields a record must have, including those its own values make required."""
    root = schemas[kind.schema]
    needed = set(root.get("required", []))
    for rule in root.get("allOf", []):
        if "if" in rule and Draft202012Validator(rule["if"]).is_valid(record):
            needed |= set(rule.get("then", {}).get("required", []))
    return needed


def field_reference_page(schema_dir: Path, content_dir: Path) -> str:
    """Render the field reference page as Markdown: a table per kind, its conditions and an example."""
    schemas = load_schemas(schema_dir)
    parts = [
        "---",
        'title: "Felter i indholdet"',
        'description: "Alle felter i katalogets datafiler: hvad de betyder, hvilke værdier der er tilladt, og et eksempel."',
        "search_exclude: true",
        "---",
        "",
        "# Felter i indholdet",
        "",
        '<p class="kat-lead">Kataloget bygges af YAML-filer i mappen <code>content/</code>. Her står hvert felt, '
        "filerne kan have: hvad det betyder, om det skal udfyldes, og hvilke værdier der er tilladt. Siden laves "
        "ud fra skemaerne i <code>schemas/</code>, som også tjekker filerne, så den passer altid med tjekket.</p>",
        "",
        *[f"- [{html.escape(str(schemas[k.schema]['title']))}](#{k.name.replace('_', '-')})" for k in KINDS],
        "",
    ]
    for kind in KINDS:
        parts.extend(_kind_section(schemas, kind, content_dir))
    return "\n".join(parts)


def example(schemas: Mapping[str, Schema], kind: Kind, content_dir: Path) -> str | None:
    """Return the first real file of a kind cut down to its required fields, or None if there is none."""
    files = sorted((content_dir / kind.location).glob("*.yaml")) if kind.one_per_file else [content_dir / kind.location]
    if not files or not files[0].is_file():
        return None
    data = yaml.safe_load(files[0].read_text("utf-8"))
    if not isinstance(data, dict):
        return None
    keep = required_now(schemas, kind, data)
    order = list(schemas[kind.schema].get("properties", {}))
    record = {key: _first_items(data[key]) for key in order if key in keep and key in data}
    return content_yaml(kind, _without_extract_places(record))


def content_yaml(kind: Kind, record: Mapping[str, Any]) -> str:
    """Write a record the way content files look: the schema modeline, then block-style YAML, lists indented."""
    text = yaml.dump(dict(record), Dumper=_ContentDumper, allow_unicode=True, sort_keys=False, width=100)
    return f"{modeline_for(kind)}\n{text}"


class _ContentDumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # '  - item' under its key, as in the hand-written files


def _kind_section(schemas: Mapping[str, Schema], kind: Kind, content_dir: Path) -> Iterator[str]:
    schema = schemas[kind.schema]
    where = f"content/{kind.location}/&lt;id&gt;.yaml" if kind.one_per_file else f"content/{kind.location}"
    yield f"## {html.escape(str(schema['title']))} {{#{kind.name.replace('_', '-')}}}"
    yield ""
    yield f"{_cell(schema.get('description', ''))}"
    yield ""
    yield f"Fil: <code>{where}</code> · skema: <code>schemas/{kind.schema}</code>"
    yield ""
    yield "| Felt | Betydning | Skal udfyldes | Tilladte værdier og regler |"
    yield "| --- | --- | --- | --- |"
    conditional = {name for rule in schema.get("allOf", []) for name in rule.get("then", {}).get("required", [])}
    for field in schema_fields(schemas, kind):
        required = _required_text(field, conditional)
        meaning = f"**{_cell(field.title)}**. {_cell(field.description)}" if field.title else _cell(field.description)
        rules = "; ".join([field.type_name, *field.rules]) if field.type_name else "; ".join(field.rules)
        yield f"| <code>{field.path}</code> | {meaning} | {required} | {_cell(rules)} |"
    yield ""
    yield from _conditions(schema)
    found = example(schemas, kind, content_dir)
    if found:
        yield (
            "Eksempel: de felter, der skal udfyldes, i den første fil af denne slags i kataloget "
            "(kildernes filnavne og linjer er skiftet ud med eksempler)."
        )
        yield ""
        yield f'<pre><code class="language-yaml">{html.escape(found)}</code></pre>'
        yield ""


def _required_text(field: Field, conditional: set[str]) -> str:
    if not field.required:
        return "i nogle tilfælde (se betingelser)" if field.path in conditional else "nej"
    parent = field.path.rpartition(".")[0].removesuffix("[]")
    return f"ja, når <code>{parent}</code> er med" if parent else "ja"


def _fields(schemas: Mapping[str, Schema], base: str, schema: Schema, prefix: str) -> Iterator[Field]:
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        where, resolved = resolve(schemas, base, prop)
        path = f"{prefix}{name}"
        rules = tuple(_rules(schemas, where, resolved))
        title, description = str(resolved.get("title", "")), str(resolved.get("description", ""))
        yield Field(path, title, description, name in required, rules, _type_name(schemas, where, resolved))
        yield from _children(schemas, where, resolved, path)


def _children(schemas: Mapping[str, Schema], base: str, schema: Schema, path: str) -> Iterator[Field]:
    if "properties" in schema:
        yield from _fields(schemas, base, schema, f"{path}.")
    if isinstance(schema.get("items"), dict):
        where, item = resolve(schemas, base, schema["items"])
        if "properties" in item:
            yield from _fields(schemas, where, item, f"{path}[].")


def _type_name(schemas: Mapping[str, Schema], base: str, schema: Schema) -> str:
    kind = schema.get("type", "")
    if kind == "array" and isinstance(schema.get("items"), dict):
        _, item = resolve(schemas, base, schema["items"])
        inner = "felter" if "properties" in item else _type_name(schemas, base, item)
        return f"liste af {_PLURALS.get(inner, inner)}"
    defs = schemas.get("defs.schema.json", {}).get("$defs", {})
    if "pattern" in schema and schema["pattern"] == defs.get("ref", {}).get("pattern"):
        return "id"
    if "pattern" in schema and schema["pattern"] == defs.get("date", {}).get("pattern"):
        return "dato (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)"
    return _TYPES.get(kind, "") if isinstance(kind, str) else ""


def _rules(schemas: Mapping[str, Schema], base: str, schema: Schema) -> Iterator[str]:
    if "enum" in schema:
        yield "en af: " + ", ".join(f"'{value}'" for value in schema["enum"])
    low, high = schema.get("minLength"), schema.get("maxLength")
    if high:
        yield f"{low}–{high} tegn" if low and low > 1 else f"højst {high} tegn"
    elif low:
        yield "må ikke være tom" if low == 1 else f"mindst {low} tegn"
    if "minimum" in schema and "maximum" in schema:
        yield f"fra {schema['minimum']} til {schema['maximum']}"
    elif "minimum" in schema:
        yield f"mindst {schema['minimum']}"
    if "exclusiveMinimum" in schema:
        yield f"større end {schema['exclusiveMinimum']}"
    if schema.get("multipleOf") == 0.5:
        yield "hele eller halve (fx 2.5)"
    if schema.get("minItems"):
        yield f"mindst {schema['minItems']} {'punkt' if schema['minItems'] == 1 else 'punkter'}"
    if isinstance(schema.get("items"), dict):
        _, item = resolve(schemas, base, schema["items"])
        if "enum" in item:
            yield "hvert punkt en af: " + ", ".join(f"'{value}'" for value in item["enum"])


def _conditions(schema: Schema) -> Iterator[str]:
    """Describe if/then rules ('when course_type is amu, entries must be filled in') in Danish."""
    lines = []
    for rule in schema.get("allOf", []):
        when = " og ".join(_condition(name, test) for name, test in rule.get("if", {}).get("properties", {}).items())
        then = rule.get("then", {})
        musts = [f"<code>{name}</code>" for name in then.get("required", [])]
        limits = [
            f"<code>{name}</code> højst {limit['maxLength']} tegn"
            for name, limit in then.get("properties", {}).items()
            if "maxLength" in limit
        ]
        said = ([" og ".join(musts) + " skal udfyldes"] if musts else []) + limits
        if when and said:
            lines.append(f"- Når {when}: {'; '.join(said)}.")
    if lines:
        yield "Betingelser:"
        yield ""
        yield from lines
        yield ""


def _condition(name: str, test: Schema) -> str:
    values = [test["const"]] if "const" in test else list(test.get("enum", []))
    shown = [f"'{value}'" for value in values]
    said = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " eller " + shown[-1]
    return f"<code>{name}</code> er {said}"


def _first_items(value: Any) -> Any:
    """Cut lists of records to their first item, so an example stays short."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [_first_items(value[0])]
    if isinstance(value, dict):
        return {key: _first_items(item) for key, item in value.items()}
    return value


# Where a fact stands in a report's text file is for editors; the page is public, so an example shows a made-up
# file name and lines of the right form (the schema descriptions' own) instead of the real ones.
EXTRACT_PLACES = {"document": "rapport.txt", "file": "rapport.txt", "lines": "120-134"}


def _without_extract_places(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_extract_places(item) for item in value]
    if isinstance(value, dict):
        return {k: EXTRACT_PLACES.get(k, _without_extract_places(v)) for k, v in value.items()}
    return value


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell: HTML escaped, no pipes, one line."""
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "&#124;")
