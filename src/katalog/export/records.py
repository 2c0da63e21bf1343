"""The whole catalogue as plain JSON-ready data, every reference resolved to id and title.

The shape is published as ``schemas/katalog.schema.json``; change both together and raise
EXPORT_VERSION (minor for added fields, major for anything a reader could trip over).
"""

from __future__ import annotations

from typing import Any

from katalog import urls
from katalog.model import (
    Catalogue,
    CourseType,
    Duration,
    DurationRange,
    GlossaryTerm,
    Module,
    Pathway,
    Provider,
    Role,
    SourceDocument,
    SourceRef,
    Statistics,
    Step,
    Structure,
)

EXPORT_VERSION = "1.1.0"
TITLE = "Oplæringsvejleder-kataloget"


def data_date(catalogue: Catalogue) -> str:
    """Return how current the data is: the newest 'updated' date, else the newest source's year."""
    records: list[Any] = [
        *catalogue.modules.values(),
        *catalogue.pathways.values(),
        *catalogue.course_types.values(),
        *catalogue.roles.values(),
        *catalogue.structures.values(),
        *catalogue.providers.values(),
    ]
    updated: list[str] = [r.updated for r in records if r.updated]
    if updated:
        return max(updated)
    years = [d.year for d in catalogue.documents.values()]
    return str(max(years)) if years else ""


def catalogue_record(catalogue: Catalogue, site_url: str = "") -> dict[str, Any]:
    """Return everything in the catalogue as one JSON-ready mapping (katalog.json)."""
    c = catalogue
    return {
        "$schema": "katalog.schema.json",
        "version": EXPORT_VERSION,
        "title": TITLE,
        "data_date": data_date(c),
        "site_url": site_url or None,
        "modules": [module_record(c, m) for m in c.modules.values()],
        "pathways": [pathway_record(c, p) for p in c.pathways.values()],
        "course_types": [course_type_record(c, t) for t in c.course_types.values()],
        "roles": [role_record(c, r) for r in c.roles.values()],
        "structures": [structure_record(c, s) for s in c.structures.values()],
        "providers": [provider_record(c, p) for p in c.providers.values()],
        "glossary": [term_record(c, t) for t in c.glossary],
        "documents": [document_record(d) for d in c.documents.values()],
    }


def module_record(c: Catalogue, m: Module) -> dict[str, Any]:
    """Return one module with its course type, roles, providers and pathways resolved."""
    return {
        "id": m.id,
        "url": urls.module(m.id).relative(""),
        "title": m.title,
        "short_title": m.short_title,
        "course_type": {"id": m.course_type.id, "title": m.course_type.name},
        "amu_number": m.amu_number,
        "fkb": list(m.fkb),
        "duration": duration_record(m.duration),
        "tier": m.tier,
        "entries": list(m.entries),
        "status": m.status,
        "roles": [_ref(r.id, r.title) for r in m.roles],
        "replaces": [_module_ref(c.modules[i]) for i in m.replaces],
        "replaced_by": [_module_ref(c.modules[i]) for i in m.replaced_by],
        "requires": [_module_ref(c.modules[i]) for i in m.requires],
        "approved": m.approved,
        "summary": m.summary,
        "description": m.description,
        "goals": list(m.goals),
        "target_group": m.target_group,
        "prerequisites": m.prerequisites,
        "unknown": list(m.unknown),
        "statistics": _statistics(c, m.statistics) if m.statistics else None,
        "providers": [_ref(p.id, p.name) for p in c.providers_of(m)],
        "pathways": [_ref(p.id, p.title) for p in c.pathways_of(m)],
        "sources": _sources(c, m.sources),
        "updated": m.updated,
    }


def pathway_record(c: Catalogue, p: Pathway) -> dict[str, Any]:
    """Return one pathway with its steps resolved and its total computed."""
    structure = c.structures.get(p.structure)
    return {
        "id": p.id,
        "url": urls.pathway(p.id).relative(""),
        "title": p.title,
        "kind": p.kind,
        "role": _ref(p.role.id, p.role.title),
        "entries": list(p.entries),
        "structure": _ref(p.structure, structure.title if structure else p.structure),
        "summary": p.summary,
        "description": p.description,
        "example": {"organisation": p.example.organisation, "person": p.example.person} if p.example else None,
        "steps": [_step(s) for s in p.steps],
        "total": range_record(p.total),
        "modules": [_module_ref(m) for m in p.modules],
        "sources": _sources(c, p.sources),
        "updated": p.updated,
    }


def course_type_record(c: Catalogue, t: CourseType) -> dict[str, Any]:
    """Return one course type and the modules of that type."""
    return {
        "id": t.id,
        "url": urls.course_type(t.id).relative(""),
        "title": t.name,
        "short_title": t.short_name,
        "summary": t.summary,
        "description": t.description,
        "level": t.level,
        "duration": t.duration,
        "access": t.access,
        "providers": t.providers,
        "funding": list(t.funding),
        "modules": [_module_ref(m) for m in c.modules.values() if m.course_type == t],
        "sources": _sources(c, t.sources),
        "updated": t.updated,
    }


def role_record(c: Catalogue, r: Role) -> dict[str, Any]:
    """Return one role with its pathways and modules."""
    return {
        "id": r.id,
        "url": urls.role(r.id).relative(""),
        "title": r.title,
        "summary": r.summary,
        "description": r.description,
        "tasks": list(r.tasks),
        "recommended_level": r.recommended_level,
        "pathways": [_ref(p.id, p.title) for p in c.pathways_for_role(r)],
        "modules": [_module_ref(m) for m in c.modules_for_role(r)],
        "sources": _sources(c, r.sources),
        "updated": r.updated,
    }


def structure_record(c: Catalogue, s: Structure) -> dict[str, Any]:
    """Return one national structure: tracks, levels and the old-to-new mapping."""
    tracks = [
        {
            "entry": track.entry,
            "levels": [
                {"tier": lv.tier, "modules": [_module_ref(m) for m in lv.modules], "note": lv.note}
                for lv in track.levels
            ],
        }
        for track in s.tracks
    ]
    mapping = [
        {"from": _module_ref(row.old), "to": [_module_ref(m) for m in row.new], "note": row.note} for row in s.mapping
    ]
    return {
        "id": s.id,
        "url": urls.structure(s.id).relative(""),
        "title": s.title,
        "kind": s.kind,
        "summary": s.summary,
        "description": s.description,
        "tracks": tracks,
        "mapping": mapping,
        "sources": _sources(c, s.sources),
        "updated": s.updated,
    }


def provider_record(c: Catalogue, p: Provider) -> dict[str, Any]:
    """Return one provider and the modules the sources say it offers."""
    return {
        "id": p.id,
        "title": p.name,
        "place": p.place,
        "modules": [_module_ref(m) for m in p.modules],
        "sources": _sources(c, p.sources),
        "updated": p.updated,
    }


def term_record(c: Catalogue, t: GlossaryTerm) -> dict[str, Any]:
    """Return one glossary term."""
    return {
        "term": t.term,
        "url": urls.GLOSSARY.at(t.slug).relative(""),
        "explanation": t.explanation,
        "abbreviations": list(t.abbreviations),
        "synonyms": list(t.synonyms),
        "see_also": list(t.see_also),
        "sources": _sources(c, t.sources),
    }


def document_record(d: SourceDocument) -> dict[str, Any]:
    """Return one source document."""
    return {
        "file": d.file,
        "title": d.title,
        "publisher": d.publisher,
        "year": d.year,
        "commissioned_by": d.commissioned_by,
        "summary": d.summary,
    }


def duration_record(d: Duration) -> dict[str, Any]:
    """Return a length as days and ECTS, either of which may be null."""
    return {"days": d.days, "ects": d.ects}


def range_record(r: DurationRange) -> dict[str, Any]:
    """Return a computed total: the shortest and the longest way through."""
    return {"low": duration_record(r.low), "high": duration_record(r.high), "incomplete": r.incomplete}


def _ref(record_id: str, title: str) -> dict[str, str]:
    return {"id": record_id, "title": title}


def _module_ref(m: Module) -> dict[str, str]:
    return _ref(m.id, m.title)


def _step(s: Step) -> dict[str, Any]:
    return {
        "modules": [_module_ref(m) for m in s.modules],
        "pathway": _ref(s.pathway.id, s.pathway.title) if s.pathway else None,
        "optional": s.optional,
        "note": s.note,
        "duration": range_record(s.duration),
    }


def _statistics(c: Catalogue, s: Statistics) -> dict[str, Any]:
    return {
        "participants": [{"year": p.year, "count": p.count, "note": p.note} for p in s.participants],
        "figures": [{"label": f.label, "value": f.value, "unit": f.unit, "period": f.period} for f in s.figures],
        "sources": _sources(c, s.sources),
    }


def _sources(c: Catalogue, sources: tuple[SourceRef, ...]) -> list[dict[str, Any]]:
    return [
        {
            "document": s.document,
            "title": c.documents[s.document].title if s.document in c.documents else None,
            "section": s.section,
            "lines": s.lines,
            "page": s.page,
            "note": s.note,
        }
        for s in sources
    ]
