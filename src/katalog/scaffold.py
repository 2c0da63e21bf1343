"""`katalog new module|pathway|role|provider`: write a new content file that passes `katalog validate`.

Answers come from flags (for scripts) or, for what the flags leave out, from questions in Danish when a
person is at the terminal. The questions show the schemas' own titles and descriptions, so they say the
same as the field reference page. A file is only left behind if validation finds nothing wrong with it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from katalog.fieldref import Field, content_yaml, load_schemas, required_now, schema_fields
from katalog.kinds import COURSE_TYPE, MODULE, PATHWAY, PROVIDER, ROLE, SOURCES, STRUCTURE, Kind
from katalog.load import ContentTree, load_tree
from katalog.rules import find
from katalog.schema import describe_error, load_validators
from katalog.validate import validate_content

Asker = Callable[[str], str]
KINDS = {kind.name: kind for kind in (MODULE, PATHWAY, ROLE, PROVIDER)}
NOTE = "# Lavet med `katalog new`. Alle felter er forklaret på sitets side «Felter i indholdet»."


class ScaffoldError(Exception):
    """The file could not be written; carries every reason, in Danish."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def text(raw: str) -> str | None:
    """Read a text answer; an empty answer is no answer."""
    return " ".join(raw.split()) or None


def items(raw: str) -> list[str]:
    """Read a comma-separated list: 'sosu, pau' -> ['sosu', 'pau']."""
    return [item.strip() for item in raw.split(",") if item.strip()]


def integer(raw: str) -> int | None:
    """Read a whole number."""
    if not raw.strip():
        return None
    try:
        return int(raw.strip())
    except ValueError:
        raise ValueError(f"'{raw.strip()}' er ikke et helt tal") from None


def number(raw: str) -> int | float | None:
    """Read a number; a decimal comma is fine ('0,5')."""
    if not raw.strip():
        return None
    try:
        value = float(raw.strip().replace(",", "."))
    except ValueError:
        raise ValueError(f"'{raw.strip()}' er ikke et tal") from None
    return int(value) if value.is_integer() else value


def steps(raw: str) -> list[dict[str, Any]]:
    """Read pathway steps: module ids in order, 'a|b' for a choice between modules."""
    found: list[dict[str, Any]] = []
    for item in items(raw):
        choice = [part.strip() for part in item.split("|") if part.strip()]
        found.append({"one_of": choice} if len(choice) > 1 else {"module": item})
    return found


_HINTS: dict[Callable[[str], Any], str] = {
    items: "Skriv flere adskilt af komma.",
    steps: "Skriv modulernes id'er i rækkefølge, adskilt af komma; et valg mellem moduler skrives a|b.",
}


@dataclass(frozen=True, slots=True)
class Question:
    """One answer the new file needs: which field it fills, its flag, and how to read it."""

    path: str  # as on the field reference page: 'title', 'duration.days', 'sources[].document'
    flag: str
    label: str  # short Danish help for --help
    parse: Callable[[str], Any] = text
    refers_to: Kind | None = None
    offered: bool = False  # asked at the terminal even when the schema does not require it

    @property
    def top(self) -> str:
        """Return the top-level field the answer goes under."""
        return self.path.split(".")[0].removesuffix("[]")

    @property
    def dest(self) -> str:
        """Return the argparse destination of the flag."""
        return self.flag.removeprefix("--").replace("-", "_")


_ID = Question("id", "--id", "filens id: små bogstaver, tal og bindestreger")
_TITLE = Question("title", "--title", "titel")
_SUMMARY = Question("summary", "--summary", "én sætning med egne ord")
_SOURCE = (
    Question(
        "sources[].document", "--source-document", "kildedokumentets filnavn i content/sources.yaml", refers_to=SOURCES
    ),
    Question("sources[].section", "--source-section", "afsnittet i kilden"),
    Question("sources[].lines", "--source-lines", "linjer i tekstudtrækket, fx 120-134", offered=True),
)
QUESTIONS: dict[str, tuple[Question, ...]] = {
    MODULE.name: (
        _ID,
        _TITLE,
        Question("course_type", "--course-type", "uddannelsestype, fx amu", refers_to=COURSE_TYPE),
        Question("status", "--status", "gældende, anbefalet, udgår eller nedlagt"),
        _SUMMARY,
        Question("entries", "--entries", "indgange: sosu, pau eller sosu,pau", parse=items),
        Question("tier", "--tier", "basis, overbygning, specialisering eller ajourføring"),
        Question("amu_number", "--amu-number", "AMU-nummer (fagnummer)", parse=integer),
        Question("duration.days", "--days", "varighed i dage", parse=number),
        Question("duration.ects", "--ects", "varighed i ECTS-point", parse=number),
        *_SOURCE,
    ),
    PATHWAY.name: (
        _ID,
        _TITLE,
        Question("role", "--role", "rollens id", refers_to=ROLE),
        Question("entries", "--entries", "indgange: sosu, pau eller sosu,pau", parse=items),
        Question("structure", "--structure", "strukturens id: nuvaerende eller anbefalet", refers_to=STRUCTURE),
        _SUMMARY,
        Question("steps", "--steps", "modulernes id'er i rækkefølge, a|b for et valg", parse=steps, refers_to=MODULE),
        *_SOURCE,
    ),
    ROLE.name: (_ID, _TITLE, _SUMMARY, *_SOURCE),
    PROVIDER.name: (
        _ID,
        Question("name", "--name", "skolens navn"),
        Question("place", "--place", "by eller område", offered=True),
        Question("modules", "--modules", "id'er på de moduler, skolen udbyder", parse=items, refers_to=MODULE),
        *_SOURCE,
    ),
}


@dataclass(frozen=True, slots=True)
class _Context:
    kind: Kind
    content_dir: Path
    schema_dir: Path
    validator: Draft202012Validator
    schemas: Mapping[str, Any]
    fields: Mapping[str, Field]
    known: Mapping[str, frozenset[str]]


def new_file(
    kind_name: str,
    content_dir: Path,
    schema_dir: Path,
    given: Mapping[str, str | None],
    ask: Asker | None = None,
    say: Callable[[str], None] = lambda message: None,
) -> Path:
    """Write a new file of a kind from the given flag values, asking for the rest when ask is given."""
    context = _context(KINDS[kind_name], content_dir, schema_dir)
    record = _answers(context, QUESTIONS[kind_name], given, ask, say)
    return _write(context, record)


def _context(kind: Kind, content_dir: Path, schema_dir: Path) -> _Context:
    if not content_dir.is_dir():
        raise ScaffoldError([f"indholdsmappen '{content_dir}' findes ikke"])
    tree = load_tree(content_dir)
    schemas = load_schemas(schema_dir)
    fields = {field.path: field for field in schema_fields(schemas, kind)}
    validator = load_validators(schema_dir.resolve())[kind.schema]
    return _Context(kind, content_dir, schema_dir, validator, schemas, fields, _known_ids(tree))


def _known_ids(tree: ContentTree) -> dict[str, frozenset[str]]:
    known = {kind.name: tree.ids(kind) for kind in (COURSE_TYPE, MODULE, PATHWAY, ROLE, PROVIDER, STRUCTURE)}
    files = (name for doc in tree.of(SOURCES) for _, name in find(doc.data, ("documents", "*", "file")))
    known[SOURCES.name] = frozenset(name for name in files if isinstance(name, str))
    return known


def _answers(
    context: _Context,
    questions: Sequence[Question],
    given: Mapping[str, str | None],
    ask: Asker | None,
    say: Callable[[str], None],
) -> dict[str, Any]:
    record: dict[str, Any] = {}
    problems: list[str] = []
    for index, question in enumerate(questions):  # in order: later questions depend on earlier answers
        raw = given.get(question.dest)
        needed = _needed(context, questions, index, record, given)
        if raw is None and ask is not None and (needed or question.offered):
            value = _ask(context, question, record, ask, say)
        elif raw is None:
            if needed:
                problems.append(_missing(context, questions, question))
            continue
        else:
            value, found = _read(context, question, record, raw)
            problems.extend(f"{question.flag}: {problem}" for problem in found)
        if value is not None:
            record = _put(record, question.path, value)
    problems = list(dict.fromkeys(problems))  # a group left empty is reported once
    if problems:
        missing = ask is None and any(" mangler: " in problem for problem in problems)
        hint = " (kør kommandoen i en terminal, så spørger den om det, der mangler)" if missing else ""
        raise ScaffoldError([*problems, f"Intet er skrevet{hint}."])
    return record


def _needed(
    context: _Context,
    questions: Sequence[Question],
    index: int,
    record: Mapping[str, Any],
    given: Mapping[str, str | None],
) -> bool:
    """Must this be answered? When the schema requires it, or it is the first of a required group left empty."""
    question = questions[index]
    if question.top not in required_now(context.schemas, context.kind, record):
        return False
    group = [other for other in questions if other.top == question.top]
    if _alone(context, question) and "." in question.path:  # e.g. sources[].document
        return _target(question.path)[-1] not in _first(record.get(question.top))
    if question.top in record or any(_alone(context, other) for other in group if other is not question):
        return False  # e.g. sources[].lines: the group is filled by its required members
    # e.g. duration.days or duration.ects: one of them is enough, so ask only if no later flag fills the group
    return not any(given.get(other.dest) is not None for other in questions[index + 1 :] if other.top == question.top)


def _missing(context: _Context, questions: Sequence[Question], question: Question) -> str:
    """Say which flag is missing; for a group where one is enough (--days, --ects), name them all."""
    group = [other for other in questions if other.top == question.top and not _alone(context, other)]
    if question not in group:
        group = [question]
    return f"{' eller '.join(q.flag for q in group)} mangler: {' eller '.join(q.label for q in group)}"


def _alone(context: _Context, question: Question) -> bool:
    """Whether a question is required in its own right, not just as one of a group."""
    field = context.fields.get(question.path)
    return "." not in question.path or (field is not None and field.required)


def _first(value: Any) -> Mapping[str, Any]:
    """Return the record a nested question fills: the mapping itself, or a list's first item."""
    if isinstance(value, list):
        value = value[0] if value else {}
    return value if isinstance(value, dict) else {}


def _ask(
    context: _Context, question: Question, record: Mapping[str, Any], ask: Asker, say: Callable[[str], None]
) -> Any:
    prompt = _prompt(context, question, record)
    while True:
        try:
            raw = ask(prompt)
        except EOFError:
            raise ScaffoldError(["Afbrudt; intet er skrevet."]) from None
        value, problems = _read(context, question, record, raw)
        if value is None and not question.offered:
            problems = problems or ["skal udfyldes"]
        if not problems:
            return value
        say("\n".join(f"  ✗ {problem}" for problem in problems))


def _prompt(context: _Context, question: Question, record: Mapping[str, Any]) -> str:
    field = context.fields.get(question.path)
    title = field.title if field and field.title else question.label
    lines = [f"\n{title}" + (f": {field.description}" if field and field.description else "")]
    rules = [*(field.rules if field else ()), _HINTS.get(question.parse, "")]
    if question.refers_to is not None:
        known = sorted(context.known.get(question.refers_to.name, ()))
        rules.append("Findes: " + ", ".join(known[:15]) + (" …" if len(known) > 15 else ""))
    if question.offered:
        rules.append("Tryk Enter for at springe over.")
    lines.extend(f"  {rule}" for rule in rules if rule)
    return "\n".join(lines) + "\n> "


def _read(context: _Context, question: Question, record: Mapping[str, Any], raw: str) -> tuple[Any, list[str]]:
    """Parse and check one answer against the schema and the ids that exist; return it and its problems."""
    try:
        value = question.parse(raw)
    except ValueError as unreadable:
        return None, [str(unreadable)]
    if value is None:
        return None, []
    problems = list(_reference_problems(context, question, value))
    if question.path == "id" and (context.content_dir / context.kind.path_of(str(value))).exists():
        problems.append(f"content/{context.kind.path_of(str(value))} findes allerede; vælg et andet id")
    target = _target(question.path)
    for error in context.validator.iter_errors(_put(record, question.path, value)):
        if list(error.absolute_path)[: len(target)] == target and error.validator != "required":
            problems.append(describe_error(error))  # the answer's own field only: the rest is not asked yet
    return value, problems


def _reference_problems(context: _Context, question: Question, value: Any) -> Iterator[str]:
    if question.refers_to is None:
        return
    known = context.known.get(question.refers_to.name, frozenset())
    what = "kildedokument" if question.refers_to is SOURCES else question.refers_to.label
    for name in _strings(value):
        if name not in known:
            yield f"ukendt {what} '{name}'; der findes: {', '.join(sorted(known)) or 'ingen'}"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _target(path: str) -> list[str | int]:
    """Turn 'sources[].document' into the JSON path ['sources', 0, 'document']."""
    parts: list[str | int] = []
    for part in path.split("."):
        parts.extend([part.removesuffix("[]"), 0] if part.endswith("[]") else [part])
    return parts


def _put(record: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Return a copy of record with the value placed at path ('sources[]' means the first item)."""
    result = copy.deepcopy(dict(record))
    target = _target(path)
    node: Any = result
    for part, following in zip(target, target[1:], strict=False):
        if isinstance(node, list):
            while len(node) <= int(part):
                node.append({})
        elif part not in node:
            node[part] = [] if isinstance(following, int) else {}
        node = node[part]
    node[target[-1]] = value
    return result


def _write(context: _Context, record: dict[str, Any]) -> Path:
    """Write the file, then validate everything; remove the file again if it brought new problems."""
    order = list(context.schemas[context.kind.schema]["properties"])
    ordered = {key: record[key] for key in order if key in record}
    modeline, _, rest = content_yaml(context.kind, ordered).partition("\n")
    target = context.content_dir / context.kind.path_of(record["id"])
    before = set(_problems(context))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as file:
            file.write(f"{modeline}\n{NOTE}\n{rest}")
    except FileExistsError:
        raise ScaffoldError(
            [f"content/{context.kind.path_of(record['id'])} findes allerede; vælg et andet id"]
        ) from None
    new = [problem for problem in _problems(context) if problem not in before]
    if new:
        target.unlink()
        raise ScaffoldError([*new, "Filen er ikke skrevet."])
    return target


def _problems(context: _Context) -> list[str]:
    return [str(problem) for problem in validate_content(context.content_dir, context.schema_dir)[1]]
