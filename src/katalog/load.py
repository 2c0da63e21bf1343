"""Read YAML content files safely, keeping the position of every value.

PyYAML's ordinary loaders keep the last of two equal keys, expand aliases without
limit and forget where a value stood. Here the file is composed into nodes (with
the C parser when present), checked, and turned into plain data by hand, so every
problem can be reported as ``path:line:col``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from katalog.kinds import KINDS, Kind
from katalog.problems import ContentError, Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_BYTES = 256 * 1024
MAX_DEPTH = 40
FieldPath = Sequence[str | int]

_SCALARS = yaml.constructor.SafeConstructor()
# Dates stay text: JSON Schema checks their format and templates print them as written.
_KEEP_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"}


@dataclass(frozen=True)
class Document:
    """One parsed content file: plain data plus the node tree it came from."""

    path: str
    data: Any
    root: yaml.Node
    first_line: str = ""

    def locate(self, field: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Return the 1-based line and column of a field, or of its nearest parent."""
        node, key_node = self.root, None
        for part in field:
            found = _child(node, part)
            if found is None:
                break
            key_node, node = found
        mark = (key_node if key and key_node is not None else node).start_mark
        return mark.line + 1, mark.column + 1

    def problem(self, field: FieldPath, message: str, *, key: bool = False) -> Problem:
        """Make a problem that points at a field of this document."""
        line, col = self.locate(field, key=key)
        return Problem(self.path, line, col, message)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        item = node.value[part]
        return item, item
    return None


def load_document(path: Path, shown_as: str) -> Document:
    """Load one YAML file; raise ContentError listing everything wrong with it."""
    text = _read_text(path, shown_as)
    tabs = list(_tab_problems(text, shown_as))
    if tabs:
        raise ContentError(tabs)
    root = _compose(text, shown_as)
    builder = _Builder(shown_as, text)
    data = builder.build(root, 0)
    if builder.problems:
        raise ContentError(builder.problems)
    return Document(shown_as, data, root, text.split("\n", 1)[0].strip())


def _read_text(path: Path, shown_as: str) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ContentError(
            [Problem(shown_as, 1, 1, f"filen er for stor ({size // 1024} kB; højst {MAX_BYTES // 1024} kB)")]
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        message = f"filen er ikke gyldig UTF-8 (byte 0x{raw[error.start]:02x}); gem den som UTF-8"
        raise ContentError([Problem(shown_as, line, col, message)]) from None


def _tab_problems(text: str, shown_as: str) -> Iterator[Problem]:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            col = indent.index("\t") + 1
            yield Problem(shown_as, number, col, "tabulator i indrykning; YAML skal indrykkes med mellemrum")


def _compose(text: str, shown_as: str) -> yaml.Node:
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        context = error.context
        if context and error.context_mark and error.context_mark.line + 1 != line:
            context += f" (begyndt i linje {error.context_mark.line + 1})"
        detail = "; ".join(str(part) for part in (context, error.problem) if part)
        raise ContentError([Problem(shown_as, line, col, f"ugyldig YAML: {detail}")]) from None
    except yaml.YAMLError as error:  # e.g. a reader error on control characters
        raise ContentError([Problem(shown_as, 1, 1, f"ugyldig YAML: {error}")]) from None
    if not documents:
        raise ContentError([Problem(shown_as, 1, 1, "filen er tom; den skal indeholde en YAML-mapping")])
    if len(documents) > 1:
        mark = documents[1].start_mark
        assert mark is not None  # composed nodes always carry their position
        message = "filen indeholder flere YAML-dokumenter (---); der må kun være ét"
        raise ContentError([Problem(shown_as, mark.line + 1, mark.column + 1, message)])
    return documents[0]


class _Builder:
    """Turn a node tree into plain data, collecting duplicate keys, aliases and depth problems."""

    def __init__(self, shown_as: str, text: str) -> None:
        self.shown_as = shown_as
        self.text = text
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def report(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.shown_as, node.start_mark.line + 1, node.start_mark.column + 1, message))

    def build(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.seen:
            self._report_aliases()
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.report(node, f"strukturen er indlejret for dybt (mere end {MAX_DEPTH} niveauer)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        if node.tag in _KEEP_AS_TEXT:
            return node.value
        try:
            return _SCALARS.construct_object(node)
        except yaml.constructor.ConstructorError as error:
            self.report(node, f"ugyldig værdi: {error.problem}")
            return None

    def _build_mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.report(key_node, "en nøgle skal være en almindelig tekst (ingen lister, mappings eller '<<')")
                continue
            key = key_node.value
            if key in result:
                self.report(key_node, f"nøglen '{key}' står to gange i samme mapping; slet den ene")
                continue
            result[key] = self.build(value_node, depth + 1)
        return result

    def _report_aliases(self) -> None:
        """Report the first alias once; a file full of them (billion laughs) gives one line, not thousands."""
        if any("alias" in p.message for p in self.problems):
            return
        marks = [e.start_mark for e in yaml.parse(self.text, Loader=_Loader) if isinstance(e, yaml.AliasEvent)]
        first = marks[0]
        assert first is not None  # parser events always carry their position
        more = f" (i alt {len(marks)} steder i filen)" if len(marks) > 1 else ""
        message = f"ankre og aliaser (&navn / *navn) er ikke tilladt; skriv værdien ud{more}"
        self.problems.append(Problem(self.shown_as, first.line + 1, first.column + 1, message))


@dataclass(frozen=True)
class ContentTree:
    """Every content file that could be read, by kind, and the problems of those that could not."""

    documents: dict[str, tuple[Document, ...]]
    problems: tuple[Problem, ...]
    files: dict[str, tuple[str, ...]]

    def ids(self, kind: Kind) -> frozenset[str]:
        """Return the ids of every file of a kind, readable or not, so one bad file does not cascade."""
        return frozenset(PurePosixPath(path).stem for path in self.files.get(kind.name, ()))

    def of(self, kind: Kind) -> tuple[Document, ...]:
        """Return the documents of one kind."""
        return self.documents.get(kind.name, ())


def load_tree(content_dir: Path) -> ContentTree:
    """Load every YAML file under a content folder; collect problems instead of stopping."""
    base = content_dir.parent
    documents: dict[str, list[Document]] = {kind.name: [] for kind in KINDS}
    problems: list[Problem] = []
    files: dict[str, list[str]] = {kind.name: [] for kind in KINDS}
    for path, kind in _content_files(content_dir, problems, base):
        files[kind.name].append(path.relative_to(base).as_posix())
        try:
            documents[kind.name].append(load_document(path, path.relative_to(base).as_posix()))
        except ContentError as error:
            problems.extend(error.problems)
    return ContentTree(
        {name: tuple(docs) for name, docs in documents.items()},
        tuple(problems),
        {name: tuple(paths) for name, paths in files.items()},
    )


def _content_files(content_dir: Path, problems: list[Problem], base: Path) -> Iterator[tuple[Path, Kind]]:
    by_location = {kind.location: kind for kind in KINDS}
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(content_dir)
        if any(part.startswith(".") for part in relative.parts) or path.name.endswith("~"):
            continue  # editor swap files and dot-folders are not content
        kind = by_location.get(relative.as_posix()) or by_location.get(relative.parent.as_posix())
        if kind is None or (kind.one_per_file and relative.parent.as_posix() != kind.location):
            where = ", ".join(k.location + ("/" if k.one_per_file else "") for k in KINDS)
            message = f"filen hører ikke til nogen slags indhold; læg den i en af: {where}"
            problems.append(Problem(path.relative_to(base).as_posix(), 1, 1, message))
        elif path.suffix != ".yaml":
            message = "indholdsfiler skal have endelsen .yaml"
            problems.append(Problem(path.relative_to(base).as_posix(), 1, 1, message))
        else:
            yield path, kind
