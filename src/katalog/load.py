"""Read YAML content files safely, keeping the position of every value.

PyYAML's ordinary loaders keep the last of two equal keys, expand aliases without
limit, forget where a value stood and read numbers by YAML 1.1 rules (``012`` is 10,
``1:30`` is 90). Here the file is composed into nodes (with the C parser when present),
checked, and turned into plain data by hand with YAML 1.2 core-schema rules, so every
problem can be reported as ``path:line:col`` and no value changes on the way.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from katalog.gcpause import paused_gc
from katalog.kinds import KINDS, Kind
from katalog.problems import ContentError, Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 40
MAX_DIGITS = 15  # more digits than a float holds exactly is never a catalogue fact
FieldPath = Sequence[str | int]

_CORE = "tag:yaml.org,2002:"
_STR_TAG, _INT_TAG, _FLOAT_TAG, _BOOL_TAG, _NULL_TAG = (
    _CORE + name for name in ("str", "int", "float", "bool", "null")
)
# An untagged plain scalar; _plain_value reads it by YAML 1.2 core rules instead of the resolver's 1.1 rules.
_PLAIN = "tag:katalog,2026:plain"


class _CoreResolver(yaml.resolver.BaseResolver):
    """Tag untagged plain scalars as _PLAIN, other untagged nodes by default (str, seq, map), tagged ones as written."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


if yaml.__with_libyaml__:  # libyaml's parser is about ten times faster than PyYAML's own (5,000 files)
    from yaml._yaml import CParser

    class _Loader(CParser, _CoreResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _CoreResolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _CoreResolver
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _CoreResolver.__init__(self)


@dataclass(frozen=True)  # no slots: `root` is a cached_property, kept in the instance dict
class Document:
    """One parsed content file: plain data and its text, from which the node tree is composed again when needed."""

    path: str
    data: Any
    first_line: str = ""
    text: str = field(default="", repr=False, compare=False)

    @cached_property
    def root(self) -> yaml.Node:
        """The node tree with every position, for the messages that point into the file.

        Composed again from the text rather than kept from loading: only a document with a problem needs it, and
        at 5,000 modules the kept trees were the largest thing a build held in memory.
        """
        return _compose(self.text, self.path)

    def locate(self, field: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Return the 1-based line and column of a field, or of its nearest parent."""
        node, key_node = self._node(field)
        mark = (key_node if key and key_node is not None else node).start_mark
        return mark.line + 1, mark.column + 1

    def locate_text(self, field: FieldPath, part: str) -> tuple[int, int]:
        """Return where part of a field's text stands in the file; the field's start if it is not written as is.

        Escapes, folded lines and quotes can make the value differ from what the file says; then the
        field itself is the best place to point at.
        """
        node, _ = self._node(field)
        found = self.text.find(part, node.start_mark.index, node.end_mark.index) if part else -1
        if found < 0:
            return node.start_mark.line + 1, node.start_mark.column + 1
        return position(self.text, found)

    def problem(self, field: FieldPath, message: str, *, key: bool = False) -> Problem:
        """Make a problem that points at a field of this document."""
        line, col = self.locate(field, key=key)
        return Problem(self.path, line, col, message)

    def _node(self, field: FieldPath) -> tuple[yaml.Node, yaml.Node | None]:
        node, key_node = self.root, None
        for part in field:
            found = _child(node, part)
            if found is None:
                break
            key_node, node = found
        return node, key_node


def position(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of a character in a text, counting lines as editors do (by LF)."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


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
    found = [*_character_problems(text, shown_as), *_tab_problems(text, shown_as)]
    if found:
        raise ContentError(found)
    root = _compose(text, shown_as)
    builder = _Builder(shown_as, text)
    data = builder.build(root, 0)
    if builder.problems:
        raise ContentError(builder.problems)
    return Document(shown_as, data, text.split("\n", 1)[0].strip(), text)


def _read_text(path: Path, shown_as: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            message = f"filen er for stor ({size // 1024} kB; højst {MAX_BYTES // 1024} kB)"
            raise ContentError([Problem(shown_as, 1, 1, message)])
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ContentError(
            [Problem(shown_as, 1, 1, f"filen kan ikke læses ({reason}); tjek at den findes og må læses")]
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        message = f"filen er ikke gyldig UTF-8 (byte 0x{raw[error.start]:02x}); gem den som UTF-8"
        raise ContentError([Problem(shown_as, line, col, message)]) from None


# What YAML allows in a file (its printable set), minus what makes editors and PyYAML count lines
# differently: CR without LF, and the Unicode line breaks NEL, LS and PS. A byte order mark is
# allowed only first, where decoding has already removed it.
_UNWANTED = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|\r(?!\n)"
)
_CHARACTER_NAMES = {"\x00": " (NUL)", "\x1b": " (ESC)", "\x7f": " (DEL)"}


def _character_problems(text: str, shown_as: str) -> Iterator[Problem]:
    """Report each kind of unwanted character once, where it first stands, with how often it occurs."""
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    for match in _UNWANTED.finditer(text):
        char = match.group()
        first.setdefault(char, match.start())
        count[char] = count.get(char, 0) + 1
    for char, index in first.items():
        more = f" (i alt {count[char]} steder i filen)" if count[char] > 1 else ""
        yield Problem(shown_as, *position(text, index), _character_message(char) + more)


def _character_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char == "\r":
        return "linjeskift med kun CR (som i gamle Mac-filer); gem filen med almindelige linjeskift (LF eller CRLF)"
    if char in "\x85\u2028\u2029":
        return f"tegnet {code} er et linjeskift, som editorer ikke viser; brug et almindeligt linjeskift"
    if char == "\ufeff":
        return f"usynligt tegn {code} (byte order mark) inde i filen; slet det"
    return f"styretegnet {code}{_CHARACTER_NAMES.get(char, '')} er ikke tilladt i YAML; slet det"


def _tab_problems(text: str, shown_as: str) -> Iterator[Problem]:
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            col = indent.index("\t") + 1
            yield Problem(shown_as, number, col, "tabulator i indrykning; YAML skal indrykkes med mellemrum")


def _compose(text: str, shown_as: str) -> yaml.Node:
    try:
        documents = _nodes(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        context = error.context
        if context and error.context_mark and error.context_mark.line + 1 != line:
            context += f" (begyndt i linje {error.context_mark.line + 1})"
        detail = "; ".join(str(part) for part in (context, error.problem) if part)
        raise ContentError([Problem(shown_as, line, col, f"ugyldig YAML: {detail}")]) from None
    except yaml.YAMLError as error:  # a reader error the character check above did not foresee
        raise ContentError([Problem(shown_as, 1, 1, f"ugyldig YAML: {error}")]) from None
    if not documents:
        raise ContentError([Problem(shown_as, 1, 1, "filen er tom; den skal indeholde en YAML-mapping")])
    if len(documents) > 1:
        mark = documents[1].start_mark
        assert mark is not None  # composed nodes always carry their position
        message = "filen indeholder flere YAML-dokumenter (---); der må kun være ét"
        raise ContentError([Problem(shown_as, mark.line + 1, mark.column + 1, message)])
    return documents[0]


def _nodes(text: str) -> list[yaml.Node]:
    """Compose every document of a text (what yaml.compose_all does, with our loader)."""
    loader = _Loader(text)
    try:
        nodes = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
        return nodes
    finally:
        loader.dispose()


def _events(text: str) -> list[yaml.Event]:
    """Parse a text into events (what yaml.parse does, with our loader)."""
    loader = _Loader(text)
    try:
        events = []
        while loader.check_event():
            event = loader.get_event()
            if event is not None:
                events.append(event)
        return events
    finally:
        loader.dispose()


class _Invalid(Exception):
    """A scalar that cannot become a value; the message says why in Danish."""


_INTEGER = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_OTHER_NUMBER = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Characters a value can get only through an escape ("\0", "\e", "\x85"): controls, surrogates, non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _plain_value(text: str) -> Any:
    """Read an untagged plain scalar by the YAML 1.2 core schema; numbers it reads differently from 1.1 are refused."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INTEGER.fullmatch(text):
        return _integer(text)
    if _FLOAT.fullmatch(text):
        return _float(text)
    if _OTHER_NUMBER.fullmatch(text):
        raise _Invalid(f"'{text}' er ikke et tal, kataloget kan bruge; skriv et almindeligt tal som 12 eller 2.5")
    return text


def _tagged_value(tag: str, text: str) -> Any:
    """Read a scalar with an explicit core tag (!!str, !!int …); any other tag is refused."""
    shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
    if tag == _STR_TAG:
        return text
    if tag == _INT_TAG and _INTEGER.fullmatch(text):
        return _integer(text)
    if tag == _FLOAT_TAG and _FLOAT.fullmatch(text):
        return _float(text)
    if tag == _BOOL_TAG and text in _BOOLS:
        return _BOOLS[text]
    if tag == _NULL_TAG and text in _NULLS:
        return None
    if tag in (_INT_TAG, _FLOAT_TAG, _BOOL_TAG, _NULL_TAG):
        kinds = {
            _INT_TAG: "et helt tal",
            _FLOAT_TAG: "et tal",
            _BOOL_TAG: "true eller false",
            _NULL_TAG: "en tom værdi",
        }
        raise _Invalid(
            f"'{text}' passer ikke til YAML-tagget {shown}, der kræver {kinds[tag]}; slet tagget eller ret værdien"
        )
    raise _Invalid(f"YAML-tagget '{shown}' er ikke tilladt; skriv værdien uden tag")


def _integer(text: str) -> int:
    _check_number(text)
    return int(text, 10)


def _float(text: str) -> float:
    _check_number(text)
    value = float(text)
    if not math.isfinite(value):
        raise _Invalid(f"tallet '{text}' er for stort")
    return value


def _check_number(text: str) -> None:
    if _LEADING_ZERO.match(text):
        raise _Invalid(
            f"'{text}' begynder med 0, som YAML-værktøjer læser forskelligt (nogle som oktaltal); skriv tallet uden foranstillet 0"
        )
    digits = sum(char.isdigit() for char in text.partition("e")[0].partition("E")[0])
    if digits > MAX_DIGITS:
        raise _Invalid(f"tallet har {digits} cifre; højst {MAX_DIGITS} er tilladt")


class _Builder:
    """Turn a node tree into plain data, collecting tags, duplicate keys, aliases and depth problems."""

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
            return self._build_mapping(node, depth) if self._untagged(node, "en mapping") else None
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value] if self._untagged(node, "en liste") else None
        return self._scalar(node)

    def _untagged(self, node: yaml.Node, what: str) -> bool:
        """Tags on lists and mappings (!!set, !!omap, !egen) would change their meaning; refuse them."""
        if node.tag in (_CoreResolver.DEFAULT_MAPPING_TAG, _CoreResolver.DEFAULT_SEQUENCE_TAG):
            return True
        shown = "!!" + node.tag.removeprefix(_CORE) if node.tag.startswith(_CORE) else node.tag
        self.report(node, f"YAML-tagget '{shown}' er ikke tilladt på {what}; slet tagget")
        return False

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            value = _plain_value(node.value) if node.tag == _PLAIN else _tagged_value(node.tag, node.value)
        except _Invalid as error:
            self.report(node, str(error))
            return None
        if isinstance(value, str) and (bad := _CONTROL.search(value)):
            self.report(node, f"teksten indeholder det usynlige styretegn U+{ord(bad.group()):04X}; slet det")
            return None
        return value

    def _build_mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not _plain_key(key_node):
                self.report(
                    key_node, "en nøgle skal være en almindelig tekst (ingen lister, mappings, tags eller '<<')"
                )
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
        marks = [e.start_mark for e in _events(self.text) if isinstance(e, yaml.AliasEvent)]
        first = marks[0]
        assert first is not None  # parser events always carry their position
        more = f" (i alt {len(marks)} steder i filen)" if len(marks) > 1 else ""
        message = f"ankre og aliaser (&navn / *navn) er ikke tilladt; skriv værdien ud{more}"
        self.problems.append(Problem(self.shown_as, first.line + 1, first.column + 1, message))


def _plain_key(node: yaml.Node) -> bool:
    """A key is text: a scalar without tags (a quoted one may say anything), never a merge key '<<'."""
    if not isinstance(node, yaml.ScalarNode) or node.tag not in (_PLAIN, _STR_TAG):
        return False
    return not (node.tag == _PLAIN and node.value == "<<") and not _CONTROL.search(node.value)


@dataclass(frozen=True, slots=True)
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
    with paused_gc():
        return _load_tree(content_dir)


def _load_tree(content_dir: Path) -> ContentTree:
    base = content_dir.parent
    inside = os.path.realpath(content_dir)
    documents: dict[str, list[Document]] = {kind.name: [] for kind in KINDS}
    problems: list[Problem] = []
    files: dict[str, list[str]] = {kind.name: [] for kind in KINDS}
    seen: dict[str, tuple[tuple[int, int, int], Document]] = {}
    for path, kind in _content_files(content_dir, problems, base):
        shown_as = path.relative_to(base).as_posix()
        files[kind.name].append(shown_as)
        try:
            _check_inside(path, inside, shown_as)
            documents[kind.name].append(_unchanged_or_loaded(path, shown_as, seen))
        except ContentError as error:
            problems.extend(error.problems)
    _LOADED.clear()
    _LOADED.update(seen)
    return ContentTree(
        {name: tuple(docs) for name, docs in documents.items()},
        tuple(problems),
        {name: tuple(paths) for name, paths in files.items()},
    )


# The documents of the last load by absolute path, with the file's (mtime, size, inode) when read: `make serve`
# rebuilds after every save, and re-reading the thousands of files that did not change was most of its loading.
_LOADED: dict[str, tuple[tuple[int, int, int], Document]] = {}


def forget_loaded() -> None:
    """Let go of the documents the last load keeps for the next one."""
    _LOADED.clear()


def _unchanged_or_loaded(path: Path, shown_as: str, seen: dict[str, tuple[tuple[int, int, int], Document]]) -> Document:
    """The document from the last load if its file has not changed since (same shown path too), else load it."""
    key = os.path.abspath(path)
    try:
        status = os.stat(path)
        stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
    except OSError:
        return load_document(path, shown_as)  # it says in Danish what is wrong
    cached = _LOADED.get(key)
    document = cached[1] if cached and cached[0] == stamp and cached[1].path == shown_as else None
    document = document or load_document(path, shown_as)
    seen[key] = (stamp, document)
    return document


def _check_inside(path: Path, inside: str, shown_as: str) -> None:
    """Refuse a symbolic link that leads out of the content folder: its file would be published unreviewed."""
    if not path.is_symlink():
        return
    target = os.path.realpath(path)
    if not target.startswith(inside + os.sep):
        message = f"filen er et symbolsk link til '{os.readlink(path)}' uden for content/; læg selve filen i content/"
        raise ContentError([Problem(shown_as, 1, 1, message)])


def _content_files(content_dir: Path, problems: list[Problem], base: Path) -> Iterator[tuple[Path, Kind]]:
    by_location = {kind.location: kind for kind in KINDS}
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file() or p.is_symlink()):
        relative = path.relative_to(content_dir)
        if any(part.startswith(".") for part in relative.parts) or path.name.endswith("~"):
            continue  # editor swap files and dot-folders are not content
        kind = by_location.get(relative.as_posix()) or by_location.get(relative.parent.as_posix())
        if not path.is_file():  # a link to a folder, or to nothing: its files would come from who knows where
            message = f"symbolsk link til '{os.readlink(path)}', som ikke er en fil; læg selve filerne i content/"
            problems.append(Problem(path.relative_to(base).as_posix(), 1, 1, message))
        elif kind is None or (kind.one_per_file and relative.parent.as_posix() != kind.location):
            where = ", ".join(k.location + ("/" if k.one_per_file else "") for k in KINDS)
            message = f"filen hører ikke til nogen slags indhold; læg den i en af: {where}"
            problems.append(Problem(path.relative_to(base).as_posix(), 1, 1, message))
        elif path.suffix != ".yaml":
            message = "indholdsfiler skal have endelsen .yaml"
            problems.append(Problem(path.relative_to(base).as_posix(), 1, 1, message))
        else:
            yield path, kind
