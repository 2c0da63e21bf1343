"""Every generated page of the site: which template, which data, which URL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from katalog.model import Catalogue, Module, Pathway
from katalog.render import labels
from katalog.render.environment import environment


@dataclass(frozen=True)
class Page:
    """One generated Markdown page and the content file an editor changes to change it."""

    src_uri: str
    markdown: str
    edit_path: str | None


def edit_url(repo_url: str, edit_path: str) -> str:
    """Link to the YAML behind a page: the file's editor, or the folder for list pages."""
    action = "tree" if edit_path.endswith("/") else "edit"
    return f"{repo_url.rstrip('/')}/{action}/main/{edit_path}"


def render_pages(catalogue: Catalogue) -> list[Page]:
    """Render every generated page of the site."""
    return [*_section_pages(catalogue), *_record_pages(catalogue)]


def _render(template: str, **data: Any) -> str:
    return environment().get_template(f"pages/{template}").render(**data)


def _section_pages(c: Catalogue) -> Iterator[Page]:
    docs = c.documents
    modules = sorted(c.modules.values(), key=module_sort_key)
    yield Page("moduler/index.md", _render("modules.md.j2", modules=modules, facets=facets(c)), "content/modules/")
    yield Page("forloeb/index.md", _render("pathways.md.j2", pathways=list(c.pathways.values())), "content/pathways/")
    structures = list(c.structures.values())
    yield Page(
        "struktur/index.md", _render("structure.md.j2", structures=structures, documents=docs), "content/structure/"
    )
    types = list(c.course_types.values())
    yield Page("uddannelsestyper/index.md", _render("course_types.md.j2", course_types=types), "content/course-types/")
    roles = list(c.roles.values())
    yield Page("roller/index.md", _render("roles.md.j2", roles=roles, catalogue=c), "content/roles/")
    yield Page("udbydere/index.md", _providers(c), "content/providers/")
    yield Page("statistik/index.md", _statistics(c), "content/modules/")
    letters, groups = _glossary_groups(c)
    yield Page("ordliste/index.md", _render("glossary.md.j2", letters=letters, groups=groups), "content/glossary.yaml")
    yield Page(
        "kilder/index.md", _render("sources.md.j2", documents_with_users=_source_users(c)), "content/sources.yaml"
    )


def _record_pages(c: Catalogue) -> Iterator[Page]:
    docs = c.documents
    for m in c.modules.values():
        markdown = _render(
            "module.md.j2",
            module=m,
            modules=c.modules,
            successors=c.successors(m),
            providers=c.providers_of(m),
            pathways=c.pathways_of(m),
            structures=c.structures_with(m),
            documents=docs,
            search=module_search_data(m),
        )
        yield Page(f"moduler/{m.id}.md", markdown, m.path)
    for p in c.pathways.values():
        title = c.structures[p.structure].title if p.structure in c.structures else p.structure
        yield Page(
            f"forloeb/{p.id}.md",
            _render("pathway.md.j2", pathway=p, structure_title=title, documents=docs, search=pathway_search_data(p)),
            p.path,
        )
    for t in c.course_types.values():
        typed = [m for m in c.modules.values() if m.course_type == t]
        yield Page(
            f"uddannelsestyper/{t.id}.md",
            _render(
                "course_type.md.j2",
                course_type=t,
                modules=typed,
                documents=docs,
                search=SearchData((("Sidetype", "Uddannelsestype"),)),
            ),
            t.path,
        )
    for r in c.roles.values():
        markdown = _render(
            "role.md.j2",
            role=r,
            pathways=c.pathways_for_role(r),
            modules=c.modules_for_role(r),
            documents=docs,
            search=SearchData((("Sidetype", "Rolle"),)),
        )
        yield Page(f"roller/{r.id}.md", markdown, r.path)


@dataclass(frozen=True)
class SearchData:
    """Pagefind filters (name, value) and result metadata (key, value) for one page."""

    filters: tuple[tuple[str, str], ...]
    meta: tuple[tuple[str, str], ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facet:
    """One filter group on the module grid: name, Danish label and (value, label, count) options."""

    name: str
    label: str
    options: tuple[tuple[str, str, int], ...]


def facets(c: Catalogue) -> list[Facet]:
    """Compute the module filters, offering only values that some module has."""
    modules = list(c.modules.values())

    def options(values: dict[str, str], of: Any) -> tuple[tuple[str, str, int], ...]:
        counts = {v: sum(1 for m in modules if v in of(m)) for v in values}
        return tuple((v, label, counts[v]) for v, label in values.items() if counts[v])

    types = {t.id: t.label for t in c.course_types.values()}
    bands = {label: label for label, _, _ in labels.DURATION_BANDS} | BAND_LABELS
    return [
        Facet("kursustype", "Kursustype", options(types, lambda m: [m.course_type.id])),
        Facet("niveau", "Niveau", options(labels.TIERS, lambda m: [m.tier])),
        Facet("indgang", "Indgang", options(labels.ENTRIES, lambda m: m.entries)),
        Facet("rolle", "Rolle", options({r.id: r.title for r in c.roles.values()}, lambda m: [r.id for r in m.roles])),
        Facet("varighed", "Varighed", options(bands, lambda m: [labels.duration_band(m.duration)])),
        Facet("status", "Status", options(labels.STATUSES, lambda m: [m.status])),
    ]


BAND_LABELS = {"ECTS": "Angivet i ECTS", "ikke oplyst": "Ikke oplyst"}


def module_search_data(m: Module) -> SearchData:
    """What Pagefind shows and filters on for a module: the same values as the card filters."""
    band = labels.duration_band(m.duration)
    filters = [
        ("Sidetype", "Modul"),
        ("Kursustype", m.course_type.label),
        *([("Niveau", labels.TIERS[m.tier])] if m.tier else []),
        *[("Indgang", labels.ENTRIES[entry]) for entry in m.entries],
        *[("Rolle", role.title) for role in m.roles],
        ("Status", labels.STATUSES[m.status]),
        ("Varighed", BAND_LABELS.get(band, band)),
    ]
    # Pagefind's result list shows these as "Type: AMU", "AMU-nummer: 49970", "Varighed: 11 dage".
    meta = [("type", m.course_type.label)]
    if m.amu_number:
        meta.append(("AMU-nummer", str(m.amu_number)))
    if not m.duration.is_empty:
        meta.append(("varighed", labels.duration(m.duration)))
    keywords = tuple(str(n) for n in (m.amu_number, *m.fkb) if n)
    return SearchData(tuple(filters), tuple(meta), keywords)


def pathway_search_data(p: Pathway) -> SearchData:
    filters = [("Sidetype", "Forløb"), *[("Indgang", labels.ENTRIES[e]) for e in p.entries], ("Rolle", p.role.title)]
    meta = [("type", labels.PATHWAY_KINDS[p.kind]), ("varighed", labels.duration_range(p.total))]
    return SearchData(tuple(filters), tuple(meta))


def _providers(c: Catalogue) -> str:
    offered = [m for m in c.modules.values() if c.providers_of(m)]
    return _render("providers.md.j2", providers=list(c.providers.values()), offered=offered, documents=c.documents)


def _statistics(c: Catalogue) -> str:
    counted = [m for m in c.modules.values() if m.statistics and m.statistics.participants]
    per_year: dict[str, dict[int, int]] = {m.id: {} for m in counted}
    for m in counted:
        assert m.statistics is not None
        per_year[m.id] = {p.year: p.count for p in m.statistics.participants}
    years = sorted({year for counts in per_year.values() for year in counts})
    rows = sorted(((m, sum(per_year[m.id].values())) for m in counted), key=lambda row: -row[1])
    with_figures = [m for m in c.modules.values() if m.statistics and m.statistics.figures]
    sourced = [m for m in c.modules.values() if m.statistics]
    portfolios = [s for s in c.structures.values() if s.statistics]
    period = f"{years[0]}-{years[-1]}" if years else ""
    return _render(
        "statistics.md.j2",
        portfolios=portfolios,
        rows=rows,
        years=years,
        per_year=per_year,
        period=period,
        with_figures=with_figures,
        sourced=sourced,
        documents=c.documents,
    )


def _glossary_groups(c: Catalogue) -> tuple[list[str], list[tuple[str, list[Any]]]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for term in c.glossary:
        groups[term.term[0].upper()].append(term)
    order = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
    letters = sorted(groups, key=lambda letter: (order.find(letter) if letter in order else 99, letter))
    return letters, [(letter, groups[letter]) for letter in letters]


def _source_users(c: Catalogue) -> list[tuple[Any, list[tuple[str, str]]]]:
    users: dict[str, list[tuple[str, str]]] = defaultdict(list)
    records: list[tuple[str, str, Any]] = [
        *((m.title, f"../moduler/{m.id}/", m.sources) for m in c.modules.values()),
        *((p.title, f"../forloeb/{p.id}/", p.sources) for p in c.pathways.values()),
        *((t.name, f"../uddannelsestyper/{t.id}/", t.sources) for t in c.course_types.values()),
        *((r.title, f"../roller/{r.id}/", r.sources) for r in c.roles.values()),
        *((s.title, f"../struktur/#{s.id}", s.sources) for s in c.structures.values()),
    ]
    for title, url, sources in records:
        for document in {s.document for s in sources}:
            users[document].append((title, url))
    return [(d, users[d.file]) for d in c.documents.values()]


def module_sort_key(module: Module) -> tuple[int, str]:
    """Order modules as the structure reads: basis, overbygning, specialisering, ajourføring."""
    tiers = list(labels.TIERS)
    return (tiers.index(module.tier) if module.tier in tiers else len(tiers), module.title)
