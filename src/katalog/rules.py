"""Rules that span files: ids, references, symmetry and cycles (DESIGN §2).

Field rules live in schemas/; only what a schema cannot see is checked here.
Rules run on documents that passed their schema, but references may point at
any file that exists, so one broken file does not cascade into many problems.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from katalog.kinds import COURSE_TYPE, GLOSSARY, GUIDE, KINDS, MODULE, PATHWAY, PROVIDER, ROLE, SOURCES, STRUCTURE, Kind
from katalog.load import Document, FieldPath
from katalog.problems import Problem
from katalog.schema import field_name

# Where each kind refers to another: a field path ("*" = every list item) and the kind it names.
REFERENCES: dict[str, tuple[tuple[tuple[str, ...], Kind], ...]] = {
    MODULE.name: (
        (("course_type",), COURSE_TYPE),
        (("roles", "*"), ROLE),
        (("replaces", "*"), MODULE),
        (("replaced_by", "*"), MODULE),
        (("requires", "*"), MODULE),
    ),
    PATHWAY.name: (
        (("role",), ROLE),
        (("structure",), STRUCTURE),
        (("steps", "*", "module"), MODULE),
        (("steps", "*", "one_of", "*"), MODULE),
        (("steps", "*", "pathway"), PATHWAY),
    ),
    PROVIDER.name: ((("modules", "*"), MODULE),),
    ROLE.name: ((("start_here", "*", "module"), MODULE), (("start_here", "*", "next_modules", "*"), MODULE)),
    GUIDE.name: ((("audience",), ROLE),),
    STRUCTURE.name: (
        (("tracks", "*", "levels", "*", "modules", "*"), MODULE),
        (("mapping", "*", "from"), MODULE),
        (("mapping", "*", "to", "*"), MODULE),
    ),
}
ENTRY_NAMES = {"sosu": "SOSU", "pau": "PAU"}
# Where records cite their sources, and the keys a source is known by: a report's file or a web page's id.
SOURCE_LISTS = (
    ("sources", "*"),
    ("statistics", "sources", "*"),
    ("terms", "*", "sources", "*"),
    ("start_here", "*", "sources", "*"),
    ("sections", "*", "steps", "*", "sources", "*"),
)
SOURCE_KEYS = (("documents", "*", "file"), ("web_pages", "*", "id"))


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules see: valid documents by kind, and every id that exists."""

    valid: Mapping[str, tuple[Document, ...]]
    existing: Mapping[str, frozenset[str]]

    def records(self, kind: Kind) -> dict[str, Document]:
        """Return valid one-per-file documents of a kind by id."""
        return {doc.data["id"]: doc for doc in self.valid.get(kind.name, ())}


def find(data: Any, pattern: tuple[str, ...], at: tuple[str | int, ...] = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Yield (path, value) for every value matching a field pattern; '*' walks a list."""
    if not pattern:
        yield at, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from find(item, rest, (*at, index))
    elif isinstance(data, dict) and head in data:
        yield from find(data[head], rest, (*at, head))


def cross_file_problems(context: Context) -> list[Problem]:
    """Run every cross-file rule and collect what they find."""
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule(context))
    return problems


def ids_match_file_names(context: Context) -> Iterator[Problem]:
    for kind in KINDS:
        if not kind.one_per_file:
            continue
        for doc in context.valid.get(kind.name, ()):
            stem = PurePosixPath(doc.path).stem
            if doc.data["id"] != stem:
                message = (
                    f"id: '{doc.data['id']}' skal være det samme som filnavnet ('{stem}'); ret id'et eller omdøb filen"
                )
                yield doc.problem(["id"], message)


def references_resolve(context: Context) -> Iterator[Problem]:
    for kind_name, fields in REFERENCES.items():
        for doc in context.valid.get(kind_name, ()):
            for pattern, target in fields:
                for path, value in find(doc.data, pattern):
                    if value not in context.existing[target.name]:
                        yield doc.problem(path, _unknown(path, target, value, context.existing[target.name]))


def _unknown(path: FieldPath, target: Kind, value: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = f"; mente du '{close[0]}'?" if close else ""
    return f"{field_name(list(path))}: ukendt {target.label} '{value}' (der findes ingen content/{target.path_of(value)}){hint}"


def sources_are_known(context: Context) -> Iterator[Problem]:
    web_pages = (key for doc in context.valid.get(SOURCES.name, ()) for _, key in find(doc.data, SOURCE_KEYS[1]))
    known = context.existing[SOURCES.name] | frozenset(web_pages)
    for kind in KINDS:
        for doc in context.valid.get(kind.name, ()):
            for pattern in SOURCE_LISTS:
                for path, source in find(doc.data, pattern):
                    if source["document"] not in known:
                        listed = ", ".join(sorted(known)) or "ingen"
                        message = f"{field_name(list(path))}.document: ukendt kildedokument '{source['document']}'; tilføj det i content/sources.yaml (kendte: {listed})"
                        yield doc.problem([*path, "document"], message)


def replacements_are_symmetric(context: Context) -> Iterator[Problem]:
    modules = context.records(MODULE)
    for field, mirror in (("replaces", "replaced_by"), ("replaced_by", "replaces")):
        for module_id, doc in sorted(modules.items()):
            for index, other_id in enumerate(doc.data.get(field, [])):
                other = modules.get(other_id)
                if other is not None and module_id not in other.data.get(mirror, []):
                    message = f"{field}[{index}]: '{other_id}' står her, men content/modules/{other_id}.yaml har ikke '{module_id}' under {mirror}; tilføj det der"
                    yield doc.problem([field, index], message)


def _graph_cycles(graph: Mapping[str, list[str]]) -> Iterator[list[str]]:
    """Yield each cycle once, as a path that starts and ends at its smallest id."""
    reported: set[frozenset[str]] = set()
    for start in sorted(graph):
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph.get(node, []):
                if nxt == start and frozenset(path) not in reported and min(path) == start:
                    reported.add(frozenset(path))
                    yield [*path, start]
                elif nxt not in path and nxt > start:
                    stack.append((nxt, [*path, nxt]))


def _cycle_rule(kind: Kind, pattern: tuple[str, ...], what: str) -> Callable[[Context], Iterator[Problem]]:
    def rule(context: Context) -> Iterator[Problem]:
        records = context.records(kind)
        graph = {rid: [value for _, value in find(doc.data, pattern)] for rid, doc in records.items()}
        for cycle in _graph_cycles(graph):
            doc = records[cycle[0]]
            path = next(p for p, value in find(doc.data, pattern) if value == cycle[1])
            yield doc.problem(
                path, f"{field_name(list(path))}: {what} danner en ring: {' → '.join(cycle)}; bryd ringen"
            )

    rule.__name__ = f"no_{kind.name}_{pattern[0]}_cycles"
    return rule


def structure_entries_match_modules(context: Context) -> Iterator[Problem]:
    modules = context.records(MODULE)
    for doc in context.valid.get(STRUCTURE.name, ()):
        for t_index, track in enumerate(doc.data["tracks"]):
            for path, module_id in find(track, ("levels", "*", "modules", "*"), ("tracks", t_index)):
                module = modules.get(module_id)
                if module is not None and track["entry"] not in module.data.get("entries", []):
                    entry = ENTRY_NAMES[track["entry"]]
                    message = f"{field_name(list(path))}: '{module_id}' står i {entry}-sporet, men har ikke '{track['entry']}' under entries i content/modules/{module_id}.yaml"
                    yield doc.problem(path, message)


def structure_levels_are_distinct(context: Context) -> Iterator[Problem]:
    """A reader tells a track's levels apart by their headings, so no heading may stand twice in one track."""
    for doc in context.valid.get(STRUCTURE.name, ()):
        for t_index, track in enumerate(doc.data["tracks"]):
            seen: set[str] = set()
            for l_index, level in enumerate(track["levels"]):
                heading = level.get("title") or level["tier"]
                if heading.casefold() in seen:
                    path: list[str | int] = ["tracks", t_index, "levels", l_index, "tier"]
                    message = f"{field_name(path)}: niveauet '{heading}' står allerede i sporet; giv det en anden overskrift med 'title'"
                    yield doc.problem(path, message)
                seen.add(heading.casefold())


def pathway_modules_fit_entries(context: Context) -> Iterator[Problem]:
    modules = context.records(MODULE)
    for doc in context.valid.get(PATHWAY.name, ()):
        wanted = set(doc.data["entries"])
        for pattern in (("steps", "*", "module"), ("steps", "*", "one_of", "*")):
            for path, module_id in find(doc.data, pattern):
                module = modules.get(module_id)
                offered = set(module.data.get("entries", [])) if module else wanted
                if offered and not wanted <= offered:
                    missing = ", ".join(ENTRY_NAMES[e] for e in sorted(wanted - offered))
                    message = (
                        f"{field_name(list(path))}: modulet '{module_id}' er ikke for {missing}, som forløbet er for"
                    )
                    yield doc.problem(path, message)


def amu_numbers_are_unique(context: Context) -> Iterator[Problem]:
    first: dict[int, str] = {}
    for module_id, doc in sorted(context.records(MODULE).items()):
        number = doc.data.get("amu_number")
        if number is None:
            continue
        if number in first:
            yield doc.problem(
                ["amu_number"], f"amu_number: {number} bruges også af content/modules/{first[number]}.yaml"
            )
        else:
            first[number] = module_id


def glossary_terms_are_unique_and_linked(context: Context) -> Iterator[Problem]:
    for doc in context.valid.get(GLOSSARY.name, ()):
        seen: dict[str, int] = {}
        terms = doc.data["terms"]
        for index, term in enumerate(terms):
            names = [term["term"], *term.get("abbreviations", []), *term.get("synonyms", [])]
            for name in names:
                key = name.casefold()
                if key in seen and seen[key] != index:
                    message = (
                        f"terms[{index}]: '{name}' findes allerede i terms[{seen[key]}]; et ord må kun stå ét sted"
                    )
                    yield doc.problem(["terms", index], message)
                seen.setdefault(key, index)
        known = {term["term"] for term in terms}
        for path, name in find(doc.data, ("terms", "*", "see_also", "*")):
            if name not in known:
                yield doc.problem(path, f"{field_name(list(path))}: '{name}' er ikke et ord i ordlisten")


def source_files_are_unique(context: Context) -> Iterator[Problem]:
    for doc in context.valid.get(SOURCES.name, ()):
        seen: set[str] = set()
        for path, name in (found for pattern in SOURCE_KEYS for found in find(doc.data, pattern)):
            if name in seen:
                yield doc.problem(path, f"{field_name(list(path))}: '{name}' står to gange")
            seen.add(name)


RULES: tuple[Callable[[Context], Iterator[Problem]], ...] = (
    ids_match_file_names,
    references_resolve,
    sources_are_known,
    replacements_are_symmetric,
    _cycle_rule(MODULE, ("requires", "*"), "forudsætningerne"),
    _cycle_rule(MODULE, ("replaced_by", "*"), "erstatningerne"),
    _cycle_rule(PATHWAY, ("steps", "*", "pathway"), "forløbene"),
    structure_entries_match_modules,
    structure_levels_are_distinct,
    pathway_modules_fit_entries,
    amu_numbers_are_unique,
    glossary_terms_are_unique_and_linked,
    source_files_are_unique,
)
