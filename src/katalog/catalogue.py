"""Turn validated documents into the Catalogue model, or raise every problem found."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Any

from katalog.kinds import COURSE_TYPE, GLOSSARY, MODULE, PATHWAY, PROVIDER, ROLE, SOURCES, STRUCTURE, Kind
from katalog.load import ContentTree, Document
from katalog.model import (
    Catalogue,
    CourseType,
    Duration,
    Figure,
    GlossaryTerm,
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
    Statistics,
    Step,
    Structure,
    Track,
)
from katalog.problems import ContentError
from katalog.validate import validate_content


def load_catalogue(content_dir: Path, schema_dir: Path) -> Catalogue:
    """Validate a content folder and build its catalogue; raise ContentError with every problem."""
    tree, problems = validate_content(content_dir, schema_dir)
    if problems:
        raise ContentError(problems)
    return build_catalogue(tree)


def slugify(text: str) -> str:
    """Make a URL fragment that keeps æ, ø and å readable (as ae, oe, aa)."""
    text = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def build_catalogue(tree: ContentTree) -> Catalogue:
    """Build the model from documents that have passed validation."""
    course_types = {d["id"]: _course_type(d, p) for d, p in _records(tree, COURSE_TYPE)}
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
        documents={d["file"]: SourceDocument(**d) for doc in tree.of(SOURCES) for d in doc.data["documents"]},
    )


def _records(tree: ContentTree, kind: Kind) -> list[tuple[dict[str, Any], str]]:
    docs: list[Document] = sorted(tree.of(kind), key=lambda doc: PurePosixPath(doc.path).stem)
    return [(doc.data, doc.path) for doc in docs]


def _sources(data: dict[str, Any]) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(**source) for source in data.get("sources", []))


def _plain(data: dict[str, Any], *names: str) -> dict[str, Any]:
    """Pick optional scalar fields; lists become tuples so records stay immutable."""
    return {n: tuple(data[n]) if isinstance(data[n], list) else data[n] for n in names if n in data}


def _course_type(data: dict[str, Any], path: str) -> CourseType:
    extra = _plain(data, "short_name", "order", "level", "description", "duration", "access", "providers", "funding")
    return CourseType(
        data["id"], data["name"], data["summary"], _sources(data), path, **extra, updated=data.get("updated")
    )


def _role(data: dict[str, Any], path: str) -> Role:
    extra = _plain(data, "order", "description", "tasks", "recommended_level", "updated")
    return Role(data["id"], data["title"], data["summary"], _sources(data), path, **extra)


def _module(data: dict[str, Any], path: str, course_types: dict[str, CourseType], roles: dict[str, Role]) -> Module:
    names = ("short_title", "amu_number", "fkb", "tier", "entries", "replaces", "replaced_by", "requires", "approved")
    extra = _plain(data, *names, "description", "goals", "target_group", "prerequisites", "unknown", "updated")
    return Module(
        data["id"],
        data["title"],
        course_types[data["course_type"]],
        data["status"],
        data["summary"],
        _sources(data),
        path,
        duration=Duration(**data.get("duration", {})),
        roles=tuple(roles[r] for r in data.get("roles", [])),
        statistics=_statistics(data["statistics"]) if "statistics" in data else None,
        **extra,
    )


def _statistics(data: dict[str, Any]) -> Statistics:
    return Statistics(
        sources=_sources(data),
        participants=tuple(sorted((ParticipantCount(**p) for p in data.get("participants", [])), key=lambda p: p.year)),
        figures=tuple(Figure(**f) for f in data.get("figures", [])),
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
    steps = tuple(_step(step, raw, modules, roles, built) for step in data["steps"])
    example = PathwayExample(**data["example"]) if "example" in data else None
    extra = _plain(data, "kind", "description", "updated")
    pathway = Pathway(
        pathway_id,
        data["title"],
        roles[data["role"]],
        tuple(data["entries"]),
        data["structure"],
        data["summary"],
        steps,
        _sources(data),
        path,
        example=example,
        **extra,
    )
    built[pathway_id] = pathway
    return pathway


def _step(
    data: dict[str, Any],
    raw: dict[str, tuple[dict[str, Any], str]],
    modules: dict[str, Module],
    roles: dict[str, Role],
    built: dict[str, Pathway],
) -> Step:
    nested = _pathway(data["pathway"], raw, modules, roles, built) if "pathway" in data else None
    chosen = [data["module"]] if "module" in data else data.get("one_of", [])
    return Step(tuple(modules[m] for m in chosen), nested, data.get("optional", False), data.get("note"))


def _structure(data: dict[str, Any], path: str, modules: dict[str, Module]) -> Structure:
    tracks = tuple(
        Track(
            track["entry"],
            tuple(
                Level(lv["tier"], tuple(modules[m] for m in lv["modules"]), lv.get("note")) for lv in track["levels"]
            ),
        )
        for track in data["tracks"]
    )
    mapping = tuple(
        MappingRow(modules[row["from"]], tuple(modules[m] for m in row["to"]), row.get("note"))
        for row in data.get("mapping", [])
    )
    extra = _plain(data, "description", "updated")
    statistics = _statistics(data["statistics"]) if "statistics" in data else None
    return Structure(
        data["id"],
        data["title"],
        data["kind"],
        data["summary"],
        tracks,
        _sources(data),
        path,
        mapping,
        statistics=statistics,
        **extra,
    )


def _provider(data: dict[str, Any], path: str, modules: dict[str, Module]) -> Provider:
    offered = tuple(modules[m] for m in data["modules"])
    return Provider(data["id"], data["name"], offered, _sources(data), path, **_plain(data, "place", "updated"))


def _terms(tree: ContentTree) -> list[GlossaryTerm]:
    terms = [term for doc in tree.of(GLOSSARY) for term in doc.data["terms"]]
    return sorted(
        (
            GlossaryTerm(
                t["term"],
                slugify(t["term"]),
                t["explanation"],
                _sources(t),
                **_plain(t, "abbreviations", "synonyms", "see_also"),
            )
            for t in terms
        ),
        key=lambda term: term.term.casefold(),
    )
