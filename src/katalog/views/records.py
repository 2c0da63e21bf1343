"""One display object per record: modules, pathways, roles and course types, ready for any template.

Everything a page or the PDF shows about a record is decided here once: labels, formatted lengths,
statuses, links (as urls.Url), related records and citations. Templates only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup

from katalog import urls, vocab
from katalog.model import Catalogue, CourseType, Module, Pathway, Role, Step
from katalog.today import can_take_today, covered_today_by
from katalog.urls import Url
from katalog.views.common import (
    UNKNOWN,
    Badge,
    Citation,
    Fact,
    Link,
    ModuleItem,
    SearchData,
    Status,
    badges,
    citations,
    inline,
    module_item,
    module_links,
    prose,
    status,
)
from katalog.views.figures import StatisticsView, statistics_view
from katalog.views.guides import signup_link
from katalog.views.today import StartView, TodayView, days_away, start_views, today_view


@dataclass(frozen=True, slots=True)
class Card:
    """A module card on the overview, a role or a course type page; data holds its filter values."""

    item: ModuleItem
    badges: tuple[Badge, ...]
    facts: str
    summary: str
    data: tuple[tuple[str, str], ...]
    entries: str
    sort_length: float
    compare: Url = urls.COMPARE  # the compare page with this module chosen («Sammenlign», site only)


@dataclass(frozen=True, slots=True)
class ModuleView:
    id: str
    url: Url
    title: str
    name: str
    summary: str
    status: Status
    badges: tuple[Badge, ...]
    facts: tuple[Fact, ...]
    description: Markup | None
    goals: tuple[Markup, ...]
    target_group: Markup | None
    prerequisites: Markup | None
    providers: tuple[str, ...]
    statistics: StatisticsView | None
    pathways: tuple[Link, ...]
    structures: tuple[Link, ...]
    sources: tuple[Citation, ...]
    updated: str
    search: SearchData
    card: Card
    edit_path: str
    inferred: frozenset[str]
    providers_link: Link = Link("oversigten over udbydere", urls.PROVIDERS)


@dataclass(frozen=True, slots=True)
class StepView:
    """One step of a pathway: a module, a choice between modules, or a whole nested pathway."""

    modules: tuple[ModuleItem, ...]
    pathway: Link | None
    length: str
    optional: bool
    note: Markup | None

    @property
    def is_choice(self) -> bool:
        return len(self.modules) > 1


@dataclass(frozen=True, slots=True)
class PathwayView:
    id: str
    url: Url
    title: str
    summary: str
    kind: str
    badges: tuple[Badge, ...]
    facts: tuple[Fact, ...]
    description: Markup | None
    steps: tuple[StepView, ...]
    total: str
    total_note: str
    today: TodayView | None
    statistics: StatisticsView | None
    sources: tuple[Citation, ...]
    search: SearchData
    edit_path: str
    inferred: frozenset[str]


@dataclass(frozen=True, slots=True)
class PathwayCard:
    link: Link
    badges: tuple[Badge, ...]
    facts: str
    summary: str


@dataclass(frozen=True, slots=True)
class RoleView:
    id: str
    url: Url
    title: str
    summary: str
    description: Markup | None
    start: tuple[StartView, ...]
    signup: Link | None
    guides: tuple[Link, ...]
    tasks: tuple[Markup, ...]
    recommended_level: Markup | None
    pathways: tuple[PathwayCard, ...]
    modules: tuple[Card, ...]
    module_filter: Url
    sources: tuple[Citation, ...]
    search: SearchData
    edit_path: str


@dataclass(frozen=True, slots=True)
class CourseTypeView:
    id: str
    url: Url
    name: str
    summary: str
    facts: tuple[Fact, ...]
    description: Markup | None
    funding: tuple[Markup, ...]
    modules: tuple[Card, ...]
    sources: tuple[Citation, ...]
    search: SearchData
    edit_path: str


def visible_title(c: Catalogue, m: Module) -> str:
    """The official title; where two modules share one, the course type or status tells them apart."""
    twins = c.namesakes(m)
    if not twins:
        return m.title
    if any(o.course_type != m.course_type for o in twins):
        return f"{m.title} – {m.course_type.label}"
    return f"{m.title} – {vocab.STATUSES[m.status]}"


def module_view(c: Catalogue, m: Module) -> ModuleView:
    return ModuleView(
        id=m.id,
        url=urls.module(m.id),
        title=visible_title(c, m),
        name=m.name,
        summary=m.summary,
        status=status(m.status),
        badges=badges(m),
        facts=_module_facts(c, m),
        description=prose(m.description),
        goals=tuple(Markup(inline(goal)) for goal in m.goals),
        target_group=inline(m.target_group),
        prerequisites=inline(m.prerequisites),
        providers=tuple(p.name + (f" ({p.place})" if p.place else "") for p in c.providers_of(m)),
        statistics=statistics_view(m.id, m.title, m.statistics, c) if m.statistics else None,
        pathways=tuple(Link(f"{p.title} ({pathway_kind(p).lower()})", urls.pathway(p.id)) for p in c.pathways_of(m)),
        structures=tuple(Link(s.title, urls.structure(s.id)) for s in c.structures_with(m)),
        sources=citations(m.sources, c),
        updated=vocab.date(m.updated),
        search=module_search_data(m),
        card=module_card(c, m),
        edit_path=m.path,
        inferred=frozenset(m.inferred),
    )


# The facts-box line each content field is shown on, so a field the catalogue inferred gets its marker there.
FACT_FIELDS = {
    "AMU-nummer": "amu_number",
    "Varighed": "duration",
    "Niveau": "tier",
    "Indgang": "entries",
    "Status": "status",
    "Godkendt": "approved",
    "Fælles kompetencebeskrivelse": "fkb",
    "Især for": "roles",
    "Forudsætter": "requires",
    "Erstatter": "replaces",
    "Erstattes af": "replaced_by",
    "Rolle": "role",
    "Struktur": "structure",
}


def _mark_inferred(facts: list[Fact], inferred: tuple[str, ...]) -> tuple[Fact, ...]:
    return tuple(replace(f, inferred=True) if FACT_FIELDS.get(f.label) in inferred else f for f in facts)


def pathway_kind(p: Pathway) -> str:
    """The kind's label; an example the catalogue composed itself is not called one 'fra praksis'."""
    return vocab.EXAMPLE_WITHOUT_PLACE if p.kind == "eksempel" and p.example is None else vocab.PATHWAY_KINDS[p.kind]


def _module_facts(c: Catalogue, m: Module) -> tuple[Fact, ...]:
    facts = [Fact("Uddannelsestype", links=(Link(m.course_type.name, urls.course_type(m.course_type.id)),))]
    if m.amu_number:
        facts.append(Fact("AMU-nummer", str(m.amu_number)))
    elif "amu_number" in m.unknown:
        facts.append(Fact("AMU-nummer", UNKNOWN, unknown=True))
    elif m.course_type.id == "amu":
        facts.append(Fact("AMU-nummer", "Har endnu ikke et nummer", unknown=True))
    facts.append(
        Fact("Varighed", UNKNOWN, unknown=True) if m.duration.is_empty else Fact("Varighed", vocab.duration(m.duration))
    )
    if m.tier:
        facts.append(Fact("Niveau", vocab.TIERS[m.tier]))
    if m.entries:
        facts.append(Fact("Indgang", ", ".join(vocab.ENTRY_LONG[e] for e in m.entries)))
    facts.append(Fact("Status", status=status(m.status)))
    if not can_take_today(m):
        covered = covered_today_by(c, m)
        facts.append(
            Fact("Dækkes i dag af", links=tuple(Link(_with_number(x), urls.module(x.id)) for x in covered))
            if covered
            else Fact("Dækkes i dag af", "Intet modul i dag", unknown=True)
        )
    if m.approved:
        facts.append(Fact("Godkendt", vocab.date(m.approved)))
    if m.fkb:
        facts.append(Fact("Fælles kompetencebeskrivelse", ", ".join(f"FKB {n}" for n in m.fkb)))
    if m.roles:
        facts.append(Fact("Især for", links=tuple(Link(r.title, urls.role(r.id)) for r in m.roles)))
    related = (
        ("Forudsætter", [c.modules[i] for i in m.requires]),
        ("Erstatter", [c.modules[i] for i in m.replaces]),
        ("Erstattes af", list(c.successors(m)) if m.replaced_by else []),
    )
    facts.extend(Fact(label, links=module_links(found)) for label, found in related if found)
    return _mark_inferred(facts, m.inferred)


def _with_number(m: Module) -> str:
    return f"{m.title} (AMU {m.amu_number}, {vocab.duration(m.duration)})" if m.amu_number else m.title


def module_card(c: Catalogue, m: Module) -> Card:
    # A missing length is said once, on the module's own page, not on every card.
    length = "" if m.duration.is_empty else vocab.duration(m.duration)
    facts = " · ".join(part for part in ((f"AMU-nr. {m.amu_number}" if m.amu_number else ""), length) if part)
    data = (
        ("kursustype", m.course_type.id),
        ("niveau", m.tier or "ingen"),
        ("indgang", " ".join(m.entries)),
        ("rolle", " ".join(r.id for r in m.roles)),
        ("varighed", urls.slugify(vocab.duration_band(m.duration))),
        ("status", m.status),
    )
    entries = ", ".join(vocab.ENTRIES[e] for e in m.entries)
    sort_length = m.duration.days if m.duration.days is not None else (m.duration.ects or 0) * 100
    return Card(
        replace(module_item(m), title=visible_title(c, m)),
        badges(m),
        facts,
        m.summary,
        data,
        entries,
        sort_length,
        compare=urls.compare(m.id),
    )


def module_search_data(m: Module) -> SearchData:
    """What Pagefind shows and filters on for a module: the same values as the card filters."""
    band = vocab.duration_band(m.duration)
    filters = [
        ("Sidetype", "Modul"),
        ("Kursustype", m.course_type.label),
        *([("Niveau", vocab.TIERS[m.tier])] if m.tier else []),
        *[("Indgang", vocab.ENTRIES[entry]) for entry in m.entries],
        *[("Rolle", role.title) for role in m.roles],
        ("Status", vocab.STATUSES[m.status]),
        ("Varighed", vocab.BAND_LABELS.get(band, band)),
    ]
    # Pagefind's result list shows these as "Type: AMU", "AMU-nummer: 49970", "Varighed: 11 dage".
    meta = [("type", m.course_type.label), ("status", vocab.STATUSES[m.status])]
    if m.amu_number:
        meta.append(("AMU-nummer", str(m.amu_number)))
    if not m.duration.is_empty:
        meta.append(("varighed", vocab.duration(m.duration)))
    keywords = (*(str(n) for n in (m.amu_number, *m.fkb) if n), *m.search_words)
    return SearchData(tuple(filters), tuple(meta), keywords)


def pathway_view(c: Catalogue, p: Pathway) -> PathwayView:
    structure = c.structures.get(p.structure)
    facts = [
        Fact("Slags", pathway_kind(p)),
        Fact("Rolle", links=(Link(p.role.title, urls.role(p.role.id)),)),
        Fact("Indgang", ", ".join(vocab.ENTRY_LONG[e] for e in p.entries)),
        Fact("Struktur", links=(Link(structure.title, urls.structure(structure.id)),))
        if structure
        else Fact("Struktur", p.structure),
    ]
    if p.example:
        facts.append(Fact("Hvor", p.example.organisation + (f", {p.example.person}" if p.example.person else "")))
    total = vocab.duration_range(p.total)
    facts.append(Fact("Samlet varighed", total))
    facts.append(Fact("Dage væk fra arbejdet", days_away(p.total)))
    return PathwayView(
        id=p.id,
        url=urls.pathway(p.id),
        title=p.title,
        summary=p.summary,
        kind=pathway_kind(p),
        badges=(Badge(pathway_kind(p), "type"), *(Badge(vocab.ENTRIES[e], e) for e in p.entries)),
        facts=_mark_inferred(facts, p.inferred),
        description=prose(p.description),
        steps=tuple(_step_view(step) for step in p.steps),
        total=total,
        total_note=_total_note(p),
        today=today_view(c, p),
        statistics=statistics_view(p.id, p.title, p.statistics, c) if p.statistics else None,
        sources=citations(p.sources, c),
        search=pathway_search_data(p),
        edit_path=p.path,
        inferred=frozenset(p.inferred),
    )


def _step_view(step: Step) -> StepView:
    length = (
        f"{vocab.duration(step.duration.high)} · valgfrit" if step.optional else vocab.duration_range(step.duration)
    )
    nested = Link(step.pathway.title, urls.pathway(step.pathway.id)) if step.pathway else None
    return StepView(tuple(module_item(m) for m in step.modules), nested, length, step.optional, inline(step.note))


def _total_note(p: Pathway) -> str:
    note = "" if p.total.is_fixed else " (afhænger af valg og valgfrie trin)"
    note += ". Summen er regnet ud fra modulernes varighed."
    if p.total.incomplete:
        note += " Kilderne oplyser ikke længden af alle moduler, så de tæller ikke med i summen."
    return note


def pathway_card(p: Pathway) -> PathwayCard:
    return PathwayCard(
        Link(p.title, urls.pathway(p.id)),
        (Badge(pathway_kind(p), "type"), *(Badge(vocab.ENTRIES[e], e) for e in p.entries)),
        f"{len(p.steps)} trin · i alt {vocab.duration_range(p.total)}",
        p.summary,
    )


def pathway_search_data(p: Pathway) -> SearchData:
    filters = [("Sidetype", "Forløb"), *[("Indgang", vocab.ENTRIES[e]) for e in p.entries], ("Rolle", p.role.title)]
    meta = [("type", pathway_kind(p)), ("varighed", vocab.duration_range(p.total))]
    return SearchData(tuple(filters), tuple(meta))


def role_view(c: Catalogue, r: Role) -> RoleView:
    return RoleView(
        id=r.id,
        url=urls.role(r.id),
        title=r.title,
        summary=r.summary,
        description=prose(r.description),
        start=start_views(c, r),
        signup=signup_link(c),
        guides=tuple(Link(g.title, urls.guide(g.id)) for g in c.guides.values() if g.audience.id == r.id),
        tasks=tuple(Markup(inline(t)) for t in r.tasks),
        recommended_level=prose(r.recommended_level),
        pathways=tuple(pathway_card(p) for p in c.pathways_for_role(r)),
        modules=tuple(module_card(c, m) for m in c.modules_for_role(r)),
        module_filter=urls.MODULES,
        sources=citations(r.sources, c),
        search=SearchData((("Sidetype", "Rolle"),), (("type", "Rolle"),)),
        edit_path=r.path,
    )


def course_type_view(c: Catalogue, t: CourseType) -> CourseTypeView:
    facts = tuple(
        Fact(label, value) if value else Fact(label, UNKNOWN, unknown=True)
        for label, value in (
            ("Niveau", t.level),
            ("Typisk længde", t.duration),
            ("Adgang", t.access),
            ("Udbydes af", t.providers),
        )
    )
    return CourseTypeView(
        id=t.id,
        url=urls.course_type(t.id),
        name=t.name,
        summary=t.summary,
        facts=facts,
        description=prose(t.description),
        funding=tuple(Markup(inline(item)) for item in t.funding),
        modules=tuple(module_card(c, m) for m in c.modules.values() if m.course_type == t),
        sources=citations(t.sources, c),
        search=SearchData((("Sidetype", "Uddannelsestype"),), (("type", "Uddannelsestype"),)),
        edit_path=t.path,
    )
