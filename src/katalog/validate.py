"""Validate a content folder: schema problems plus cross-file rules, all at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from katalog.gcpause import paused_gc
from katalog.kinds import KINDS, SOURCES, Kind
from katalog.load import ContentTree, Document, forget_loaded, load_tree
from katalog.problems import Problem
from katalog.rules import Context, cross_file_problems, find
from katalog.schema import load_gates, load_validators, schema_problems


def validate_content(content_dir: Path, schema_dir: Path) -> tuple[ContentTree, list[Problem]]:
    """Load and check everything under content_dir; return the tree and every problem, sorted."""
    with paused_gc():
        return _validate_content(content_dir, schema_dir)


def _validate_content(content_dir: Path, schema_dir: Path) -> tuple[ContentTree, list[Problem]]:
    tree = load_tree(content_dir)
    validators = load_validators(schema_dir.resolve())
    gates = load_gates(schema_dir.resolve())
    problems = list(tree.problems)
    valid: dict[str, tuple[Document, ...]] = {}
    checked: dict[int, tuple[Document, Any, list[Problem]]] = {}
    for kind in KINDS:
        passed = []
        for doc in tree.of(kind):
            found = _schema_problems(doc, validators[kind.schema], gates[kind.schema], checked)
            problems.extend(found)
            problems.extend(_modeline_problems(doc, kind))
            if not found:
                passed.append(doc)
        valid[kind.name] = tuple(passed)
    _CHECKED.clear()
    _CHECKED.update(checked)
    problems.extend(_missing_collections(tree, content_dir))
    problems.extend(cross_file_problems(Context(valid, _existing_ids(tree))))
    return tree, sorted(set(problems))


# Schema problems of the last validation, by document: a document load_tree kept because its file did not change
# (the same object) checked by the same compiled schema has the same problems. Keeps `make serve` rebuilds short.
_CHECKED: dict[int, tuple[Document, Any, list[Problem]]] = {}


def forget_documents() -> None:
    """Let go of the documents the last load and validation keep for the next one (a preview's rebuild)."""
    _CHECKED.clear()
    forget_loaded()


def _schema_problems(
    doc: Document, validator: Any, gate: Any, checked: dict[int, tuple[Document, Any, list[Problem]]]
) -> list[Problem]:
    cached = _CHECKED.get(id(doc))
    if cached and cached[0] is doc and cached[1] is validator:
        found = cached[2]
    elif gate.is_valid(doc.data):  # the fast answer for a valid document; messages only for the others
        found = []
    else:
        found = list(schema_problems(doc, validator))
    checked[id(doc)] = (doc, validator, found)
    return found


def modeline_for(kind: Kind) -> str:
    """Return the first line every file of a kind starts with, so editors get schema help."""
    depth = "../.." if kind.one_per_file else ".."
    return f"# yaml-language-server: $schema={depth}/schemas/{kind.schema}"


def _modeline_problems(doc: Document, kind: Kind) -> Iterator[Problem]:
    expected = modeline_for(kind)
    if doc.first_line != expected:
        yield Problem(doc.path, 1, 1, f"første linje skal være '{expected}', så editoren kan hjælpe med felterne")


def _missing_collections(tree: ContentTree, content_dir: Path) -> Iterator[Problem]:
    for kind in KINDS:
        if not kind.one_per_file and not (content_dir / kind.location).exists():
            shown = f"{content_dir.name}/{kind.location}"
            if not any(p.path == shown for p in tree.problems):
                yield Problem(shown, 1, 1, f"filen mangler; kataloget skal have en {kind.label}")


def _existing_ids(tree: ContentTree) -> dict[str, frozenset[str]]:
    existing = {kind.name: tree.ids(kind) for kind in KINDS if kind.one_per_file}
    files = (name for doc in tree.of(SOURCES) for _, name in find(doc.data, ("documents", "*", "file")))
    existing[SOURCES.name] = frozenset(name for name in files if isinstance(name, str))
    return existing
