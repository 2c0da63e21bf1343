"""Turn validated documents into the Catalogue model, or raise every problem found.

Records are built from the documents field by field through the model's own dataclass fields, so a
property the schemas allow reaches the model without a list of names to keep in step; only fields that
hold references or nested records are converted by hand.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from katalog.kinds import COURSE_TYPE, GLOSSARY, GUIDE, MODULE, PATHWAY, PROVIDER, ROLE, SOURCES, STRUCTURE, Kind
from katalog.load import ContentTree, Document
from katalog.model import (
    Catalogue,
    CourseType,
    Duration,
    Figure,
    GlossaryTerm,
    Guide,
    GuideSection,
    GuideStep,
    Level,
    MappingRow,
    Module,
    ParticipantCount,
    Pathway,
    PathwayExample,
    Provider,
    Role,
    SourceDocument,
    SourceRef,
    StartHere,
    Statistics,
    Step,
    Structure,
    Track,
    WebPage,
)
from katalog.problems import ContentError
from katalog.urls import slugify
from katalog.validate import validate_content

__all__ = ["build_catalogue", "load_catalogue", "slugify"]

R = TypeVar("R")


def load_catalogue(content_dir: Path, schema_dir: Path) -> Catalogue:
    """Validate a content folder and build its catalogue; raise ContentError with every problem."""
    tree, problems = validate_content(content_dir, schema_dir)
    if problems:
        raise ContentError(problems)
    return build_catalogue(tree)


def build_catalogue(tree: ContentTree) -> Catalogue:
    """Build the model from documents that have passed validation."""
    course_types = {d["id"]: _record(CourseType, d, path=p) for d, p in _records(tree, COURSE_TYPE)}
    roles = {d["id"]: _role(d, p) for d, p in _records(tree, ROLE)}
    modules = {d["id"]: _module(d, p, course_types, roles) for d, p in _records(tree, MODULE)}
    pathways: dict[str, Pathway] = {}
    raw_pathways = {d["id"]: (d, p) for d, p in _records(tree, PATHWAY)}
    for pathway_id in raw_pathways:
        _pathway(pathway_id, raw_pathways, modules, roles, pathways)
    return Catalogue(
        modules=modules,
        pathways=dict(sorted(pathways.items())),
        course_types=dict(sorted(course_types.items(), key=lambda item: (item[1].order, item[0]))),
        roles=dict(sorted(roles.items(), key=lambda item: (item[1].order, item[0]))),
        structures={d["id"]: _structure(d, p, modules) for d, p in _records(tree, STRUCTURE)},
        providers={d["id"]: _provider(d, p, modules) for d, p in _records(tree, PROVIDER)},
        glossary=tuple(_terms(tree)),
        documents={d["file"]: _record(SourceDocument, d) for doc in tree.of(SOURCES) for d in doc.data["documents"]},
        web_pages={d["id"]: _record(WebPage, d) for doc in tree.of(SOURCES) for d in doc.data.get("web_pages", [])},
        guides={d["id"]: _guide(d, p, roles) for d, p in _records(tree, GUIDE)},
    )


def _records(tree: ContentTree, kind: Kind) -> list[tuple[dict[str, Any], str]]:
    docs: list[Document] = sorted(tree.of(kind), key=lambda doc: PurePosixPath(doc.path).stem)
    return [(doc.data, doc.path) for doc in docs]


def _record(cls: type[R], data: dict[str, Any], **resolved: Any) -> R:
    """Build a record from its document: every dataclass field the document has, lists as tuples.

    `resolved` holds what the caller converted itself (references, nested records); sources are
    converted here for every kind, because every fact-bearing record has them.
    """
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if not f.init:
            continue
        if f.name in resolved:
            values[f.name] = resolved[f.name]
        elif f.name == "sources":
            values[f.name] = tuple(SourceRef(**s) for s in data.get("sources", []))
        elif f.name in data:
            values[f.name] = _frozen_value(data[f.name])
        elif f.default is MISSING and f.default_factory is MISSING:
            raise KeyError(f"{cls.__name__}.{f.name}")  # validation guarantees required fields; a bug if not
    return cls(**values)


def _frozen_value(value: Any) -> Any:
    return tuple(_frozen_value(v) for v in value) if isinstance(value, list) else value


def _role(data: dict[str, Any], path: str) -> Role:
    starts = tuple(_record(StartHere, s) for s in data.get("start_here", []))
    return _record(Role, data, path=path, start_here=starts)


def _guide(data: dict[str, Any], path: str, roles: dict[str, Role]) -> Guide:
    sections = tuple(
        _record(GuideSection, s, steps=tuple(_record(GuideStep, step) for step in s["steps"])) for s in data["sections"]
    )
    return _record(Guide, data, path=path, audience=roles[data["audience"]], sections=sections)


def _module(data: dict[str, Any], path: str, course_types: dict[str, CourseType], roles: dict[str, Role]) -> Module:
    return _record(
        Module,
        data,
        path=path,
        course_type=course_types[data["course_type"]],
        duration=Duration(**data.get("duration", {})),
        roles=tuple(roles[r] for r in data.get("roles", [])),
        statistics=_statistics(data["statistics"]) if "statistics" in data else None,
    )


def _statistics(data: dict[str, Any]) -> Statistics:
    participants = sorted((_record(ParticipantCount, p) for p in data.get("participants", [])), key=lambda p: p.year)
    return _record(
        Statistics,
        data,
        participants=tuple(participants),
        figures=tuple(_record(Figure, f) for f in data.get("figures", [])),
    )


def _pathway(
    pathway_id: str,
    raw: dict[str, tuple[dict[str, Any], str]],
    modules: dict[str, Module],
    roles: dict[str, Role],
    built: dict[str, Pathway],
) -> Pathway:
    """Build a pathway after the pathways it includes (validation has ruled out cycles)."""
    if pathway_id in built:
        return built[pathway_id]
    data, path = raw[pathway_id]
    built[pathway_id] = _record(
        Pathway,
        data,
        path=path,
        role=roles[data["role"]],
        steps=tuple(_step(step, raw, modules, roles, built) for step in data["steps"]),
        example=_record(PathwayExample, data["example"]) if "example" in data else None,
        statistics=_statistics(data["statistics"]) if "statistics" in data else None,
    )
    return built[pathway_id]


def _step(
    data: dict[str, Any],
    raw: dict[str, tuple[dict[str, Any], str]],
    modules: dict[str, Module],
    roles: dict[str, Role],
    built: dict[str, Pathway],
) -> Step:
    nested = _pathway(data["pathway"], raw, modules, roles, built) if "pathway" in data else None
    chosen = [data["module"]] if "module" in data else data.get("one_of", [])
    return _record(Step, data, modules=tuple(modules[m] for m in chosen), pathway=nested)


def _structure(data: dict[str, Any], path: str, modules: dict[str, Module]) -> Structure:
    tracks = tuple(
        Track(
            track["entry"],
            tuple(_record(Level, lv, modules=tuple(modules[m] for m in lv["modules"])) for lv in track["levels"]),
        )
        for track in data["tracks"]
    )
    mapping = tuple(
        _record(MappingRow, row, old=modules[row["from"]], new=tuple(modules[m] for m in row["to"]))
        for row in data.get("mapping", [])
    )
    statistics = _statistics(data["statistics"]) if "statistics" in data else None
    return _record(Structure, data, path=path, tracks=tracks, mapping=mapping, statistics=statistics)


def _provider(data: dict[str, Any], path: str, modules: dict[str, Module]) -> Provider:
    return _record(Provider, data, path=path, modules=tuple(modules[m] for m in data["modules"]))


def _terms(tree: ContentTree) -> list[GlossaryTerm]:
    terms = [term for doc in tree.of(GLOSSARY) for term in doc.data["terms"]]
    return sorted(
        (_record(GlossaryTerm, t, slug=slugify(t["term"])) for t in terms),
        key=lambda term: term.term.casefold(),
    )
