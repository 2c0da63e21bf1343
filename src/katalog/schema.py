"""Check documents against the JSON Schemas in schemas/ and explain failures in Danish."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from katalog.load import Document
from katalog.markup import MARKUP_KEYWORD, Finding, findings
from katalog.problems import Problem

_TYPE_NAMES = {
    "string": "en tekst",
    "integer": "et helt tal",
    "number": "et tal",
    "array": "en liste",
    "object": "en mapping (nøgle: værdi)",
    "boolean": "true eller false",
    "null": "tom",
}
_REQUIRED = re.compile(r"^'(.+)' is a required property$")


class MarkupError(ValidationError):
    """A text that uses more markup than its field allows; carries where in the text the finding is."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def _markup(validator: Any, kind: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """The "x-katalog-markup" keyword: a text field's kind (plain or prose) decides which Markdown it may use."""
    if isinstance(instance, str):
        yield from (MarkupError(finding) for finding in findings(kind, instance))


# Draft 2020-12 plus the markup keyword, so the rule for each text field lives in schemas/ with the others.
_Validator: Any = validators.extend(Draft202012Validator, {MARKUP_KEYWORD: _markup})  # type: ignore[no-untyped-call]


def load_validators(schema_dir: Path) -> dict[str, Draft202012Validator]:
    """Return a validator per schema file name, all sharing one registry for $ref; compiled once per version.

    `make serve` asks again on every rebuild: the same files give the same (already compiled) validators,
    and an edited schema gives new ones.
    """
    return _compiled(schema_dir, _stamps(schema_dir))


def load_gates(schema_dir: Path) -> dict[str, Any]:
    """Return a compiled (Rust) validator per schema file name that only says whether a document is valid.

    The Python validators above explain every problem in Danish with its place; asking them about each of
    thousands of valid documents was most of validation. The gate answers for the valid ones, ten times
    faster; a document it rejects goes to the Python validator for the messages. The gate checks the same
    markup keyword (katalog.markup.findings), and tests/test_perf.py holds it to rejecting whatever the
    Python validators reject. It never fetches anything: every schema comes from schema_dir.
    """
    return _gates(schema_dir, _stamps(schema_dir))


def _stamps(schema_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Each schema file's name, mtime and size: the version both compiled caches are keyed on."""
    files = sorted(schema_dir.glob("*.schema.json"))
    return tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in files)


@cache
def _schemas(schema_dir: Path, stamps: tuple[tuple[str, int, int], ...]) -> dict[str, Any]:
    """The schema files of one version, read once for both compilers (neither changes them)."""
    return {name: json.loads((schema_dir / name).read_text("utf-8")) for name, _, _ in stamps}


class _MarkupGate:
    """The "x-katalog-markup" keyword for the gate: a text field may use only the markup its kind allows."""

    def __init__(self, parent_schema: Any, value: str, schema_path: Any) -> None:
        self.kind = value

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and findings(self.kind, instance):
            raise ValueError(self.kind)


def _no_retrieval(uri: str) -> Any:
    raise ValueError(f"{uri} is not in schemas/")


@cache
def _gates(schema_dir: Path, stamps: tuple[tuple[str, int, int], ...]) -> dict[str, Any]:
    schemas = _schemas(schema_dir, stamps)
    registry = jsonschema_rs.Registry([(schema["$id"], schema) for schema in schemas.values()])
    keywords: dict[str, Any] = {MARKUP_KEYWORD: _MarkupGate}
    return {
        name: jsonschema_rs.validator_for(schema, registry=registry, retriever=_no_retrieval, keywords=keywords)
        for name, schema in schemas.items()
    }


@cache
def _compiled(schema_dir: Path, stamps: tuple[tuple[str, int, int], ...]) -> dict[str, Draft202012Validator]:
    schemas = _schemas(schema_dir, stamps)
    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return {
        name: _Validator(_inlined(schema, registry.resolver(schema["$id"])), registry=registry)
        for name, schema in schemas.items()
    }


# Keywords whose values are data, not subschemas: never looked into for $ref.
_DATA_KEYWORDS = frozenset({"enum", "const", "default", "examples", "required", "description", "title", "$comment"})
# Keywords whose subschemas stay references: the Danish message for a failed oneOf reads the alternatives as written.
_CHOICE_KEYWORDS = frozenset({"oneOf", "anyOf"})


def _inlined(node: Any, resolver: Any, seen: frozenset[int] = frozenset()) -> Any:
    """The schema with each $ref replaced by what it points to, once, when the schema is compiled.

    Following a $ref through the registry on every value of every document was the largest part of
    validation (about 40 % at 1,000 modules). The result validates exactly as the original: a $ref becomes
    an allOf of its target (2020-12 applies both with any siblings), a recursive $ref stays a reference (made
    absolute, since it may now stand in another file), and the failing subschema an error carries is the
    same dictionary content, so every Danish message reads the same.
    """
    if isinstance(node, list):
        return [_inlined(item, resolver, seen) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$ref" or key in _DATA_KEYWORDS:
            result[key] = value
        elif key in _CHOICE_KEYWORDS:
            result[key] = [_absolute(item, resolver) for item in value]
        else:
            result[key] = _inlined(value, resolver, seen)
    reference = result.pop("$ref", None)
    if not isinstance(reference, str):
        return result if reference is None else {**result, "$ref": reference}
    resolved = resolver.lookup(reference)
    if id(resolved.contents) in seen or not isinstance(resolved.contents, dict):
        return {**result, "$ref": _absolute_uri(reference, resolver)}
    target = _inlined(resolved.contents, resolved.resolver, seen | {id(resolved.contents)})
    # Always an allOf, even without siblings: a parent's view of the field stays as written (a field that was a
    # bare $ref has no "description" of its own in the message for a missing field).
    return {**result, "allOf": [*result.get("allOf", []), target]}


def _absolute(node: Any, resolver: Any) -> Any:
    """A subschema left as written, but with a $ref made absolute so it resolves wherever it now stands."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return {**node, "$ref": _absolute_uri(node["$ref"], resolver)}
    return node


def _absolute_uri(reference: str, resolver: Any) -> str:
    return str(urljoin(resolver._base_uri, reference))  # noqa: SLF001 - referencing keeps the base URI private


def schema_problems(document: Document, validator: Draft202012Validator) -> Iterator[Problem]:
    """Yield one Danish problem per schema violation, pointing at the offending node."""
    for error in validator.iter_errors(document.data):
        yield from _explain(document, error)


def field_name(path: list[str | int] | tuple[str | int, ...]) -> str:
    """Render a field path the way editors read it: ``steps[2].module``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _parts(error: ValidationError) -> tuple[dict[str, Any], Any, Any]:
    """Return the failing subschema, the rule's expected value and the instance, typed loosely."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    expected: Any = error.validator_value
    value: Any = error.instance
    return schema, expected, value


def _explain(document: Document, error: ValidationError) -> Iterator[Problem]:
    schema, _, value = _parts(error)
    path = list(error.absolute_path)
    where = field_name(path)
    prefix = f"{where}: " if where else ""
    if error.validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for extra in sorted(set(value) - set(allowed)):
            hint = _closest(extra, allowed)
            message = f"{prefix}ukendt felt '{extra}'{hint}; tilladte felter er: {', '.join(allowed)}"
            yield document.problem([*path, extra], message.removeprefix(": "), key=True)
        return
    if error.validator == "required":
        match = _REQUIRED.match(error.message)
        missing = match.group(1) if match else str(error.validator_value)
        help_text = schema.get("properties", {}).get(missing, {}).get("description", "")
        message = f"{prefix}mangler det påkrævede felt '{missing}'" + (f" ({help_text})" if help_text else "")
        yield document.problem(path, message)
        return
    if isinstance(error, MarkupError):
        line, col = document.locate_text(path, error.finding.text)
        yield Problem(document.path, line, col, prefix + error.finding.message)
        return
    if not path and error.validator == "type":
        yield document.problem(path, "filen skal være en YAML-mapping med felter som 'id: …' og 'title: …'")
        return
    yield document.problem(path, prefix + _describe(error))


def describe_error(error: ValidationError) -> str:
    """Explain one schema violation in Danish, without saying where it is."""
    return _describe(error)


def _describe(error: ValidationError) -> str:
    schema, expected, value = _parts(error)
    kind = error.validator
    if kind == "type":
        names = [_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
        return f"skal være {' eller '.join(names)}, ikke {_show(value)}"
    if kind == "enum":
        choices = ", ".join(map(str, expected))
        return f"{_show(value)} er ikke en tilladt værdi{_closest(str(value), expected)}; brug en af: {choices}"
    if kind == "const":
        return f"skal være {_show(expected)}, ikke {_show(value)}"
    if kind == "maxLength":
        return f"er for lang: {len(value)} tegn, højst {expected} er tilladt"
    if kind == "minLength":
        return "må ikke være tom" if not value else f"er for kort: {len(value)} tegn, mindst {expected}"
    if kind == "pattern":
        return f"{_show(value)} har ikke den rigtige form. {schema.get('description', '')}".strip()
    if kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        words = {
            "minimum": "mindst",
            "exclusiveMinimum": "større end",
            "maximum": "højst",
            "exclusiveMaximum": "mindre end",
        }
        return f"skal være {words[kind]} {expected}, ikke {_show(value)}"
    if kind == "multipleOf":
        return f"skal være et helt tal eller et halvt (fx 2.5), ikke {_show(value)}"
    if kind == "minItems":
        return "må ikke være en tom liste" if not value else f"skal have mindst {expected} punkter"
    if kind == "uniqueItems":
        return "indeholder den samme værdi flere gange; slet dubletten"
    if kind == "minProperties":
        return "må ikke være tom"
    if kind == "oneOf":
        fields = [" ".join(sub.get("required", [])) for sub in expected]
        if all(fields):
            return f"skal have præcis ét af felterne: {', '.join(fields)}"
    return error.message


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "en tom værdi"
    if isinstance(value, (list, dict)):
        return "en liste" if isinstance(value, list) else "en mapping"
    return str(value)


def _closest(word: str, options: Any) -> str:
    candidates = [str(option) for option in options]
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (mente du '{found[0]}'?)" if found else ""
