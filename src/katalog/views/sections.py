"""Display objects for the section pages: overviews, the structure, statistics, providers, glossary, sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from katalog import urls, vocab
from katalog.model import Catalogue, Guide, Module, Pathway, Structure
from katalog.today import can_take_today
from katalog.urls import Url
from katalog.views.common import (
    Citation,
    Link,
    ModuleItem,
    Status,
    citations,
    inline,
    module_item,
    prose,
    source_meta,
    status,
)
from katalog.views.figures import Chart, StatisticsView, chart_of, statistics_view
from katalog.views.guides import signup_link
from katalog.views.records import Card, PathwayCard, module_card, pathway_card

PATHWAY_ORDER = ("anbefalet", "typisk", "eksempel")
PATHWAY_HEADINGS = {
    "anbefalet": "Anbefalede forløb",
    "typisk": "Typiske forløb i dag",
    "eksempel": "Eksempler fra praksis",
}


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Facet:
    """One filter group on the module overview; only values some module has are offered."""

    name: str
    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class ModulesOverview:
    cards: tuple[Card, ...]
    facets: tuple[Facet, ...]
    statuses: tuple[Status, ...]

    @property
    def today(self) -> tuple[Card, ...]:
        """What can be taken today: the overview opens on these."""
        return tuple(c for c in self.cards if c.item.today)

    @property
    def proposals(self) -> tuple[Card, ...]:
        """Proposals and retired modules: one click away."""
        return tuple(c for c in self.cards if not c.item.today)


@dataclass(frozen=True, slots=True)
class PathwayGroup:
    heading: str
    id: str
    cards: tuple[PathwayCard, ...]


@dataclass(frozen=True, slots=True)
class RoleCard:
    link: Link
    summary: str
    facts: str


@dataclass(frozen=True, slots=True)
class CourseTypeRow:
    link: Link
    level: str
    duration: str
    access: str
    funding: str


@dataclass(frozen=True, slots=True)
class LevelView:
    tier: str
    css: str
    modules: tuple[ModuleItem, ...]
    note: Markup | None


@dataclass(frozen=True, slots=True)
class TrackView:
    entry: str
    label: str
    levels: tuple[LevelView, ...]


@dataclass(frozen=True, slots=True)
class MappingView:
    old: ModuleItem
    new: tuple[ModuleItem, ...]
    note: Markup | None
    inferred: bool


@dataclass(frozen=True, slots=True)
class StructureView:
    id: str
    url: Url
    title: str
    summary: str
    tracks: tuple[TrackView, ...]
    depth: int
    description: Markup | None
    mapping: tuple[MappingView, ...]
    sources: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class TotalsRow:
    item: ModuleItem
    counts: tuple[str, ...]
    total: str


@dataclass(frozen=True, slots=True)
class StatisticsPage:
    portfolios: tuple[tuple[Link, StatisticsView], ...]
    totals_chart: Chart | None
    years: tuple[int, ...]
    totals: tuple[TotalsRow, ...]
    sum_of_bars: str
    figures: tuple[tuple[Link, StatisticsView], ...]
    sources: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class ProviderRow:
    name: str
    place: str
    offers: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class Succession:
    """A module the sources list providers for, that has since been replaced by one they list none for."""

    old: ModuleItem
    today: tuple[ModuleItem, ...]


@dataclass(frozen=True, slots=True)
class ProvidersPage:
    modules: tuple[ModuleItem, ...]
    rows: tuple[ProviderRow, ...]
    sources: tuple[Citation, ...]
    successions: tuple[Succession, ...]
    signup: Link | None


@dataclass(frozen=True, slots=True)
class TermView:
    id: str
    url: Url
    term: str
    abbreviations: str
    explanation: Markup
    synonyms: str
    see_also: tuple[Link, ...]
    see_also_text: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LetterGroup:
    letter: str
    url: Url
    terms: tuple[TermView, ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    url: Url
    title: str
    meta: str
    external: str | None
    summary: Markup | None
    users: tuple[Link, ...]


def module_sort_key(module: Module) -> tuple[int, str]:
    """Order modules as the structure reads: basis, overbygning, specialisering, ajourføring."""
    tiers = list(vocab.TIERS)
    return (tiers.index(module.tier) if module.tier in tiers else len(tiers), module.title)


def sorted_modules(c: Catalogue) -> list[Module]:
    return sorted(c.modules.values(), key=module_sort_key)


def sorted_pathways(c: Catalogue) -> list[Pathway]:
    kinds = {kind: i for i, kind in enumerate(PATHWAY_ORDER)}
    return sorted(c.pathways.values(), key=lambda p: (kinds.get(p.kind, len(kinds)), p.title))


def modules_overview(c: Catalogue) -> ModulesOverview:
    modules = sorted_modules(c)
    return ModulesOverview(
        tuple(module_card(c, m) for m in modules), facets(c), tuple(status(s) for s in vocab.STATUSES)
    )


def facets(c: Catalogue) -> tuple[Facet, ...]:
    """Compute the module filters, offering only values that some module has."""
    modules = list(c.modules.values())

    def options(values: dict[str, str], of: Callable[[Module], Iterable[str | None]]) -> tuple[Option, ...]:
        counts = {v: sum(1 for m in modules if v in of(m)) for v in values}
        return tuple(Option(v, label, counts[v]) for v, label in values.items() if counts[v])

    types = {t.id: t.label for t in c.course_types.values()}
    # Filter values are single words: a card lists its values in one attribute, separated by spaces.
    bands = {
        urls.slugify(band): vocab.band_label(band)
        for band in (*(b for b, _, _ in vocab.DURATION_BANDS), *vocab.BAND_LABELS)
    }
    return (
        Facet("kursustype", "Kursustype", options(types, lambda m: [m.course_type.id])),
        Facet("niveau", "Niveau", options(vocab.TIERS, lambda m: [m.tier])),
        Facet("indgang", "Indgang", options(vocab.ENTRIES, lambda m: m.entries)),
        Facet("rolle", "Rolle", options({r.id: r.title for r in c.roles.values()}, lambda m: [r.id for r in m.roles])),
        Facet("varighed", "Varighed", options(bands, lambda m: [urls.slugify(vocab.duration_band(m.duration))])),
        Facet("status", "Status", options(vocab.STATUSES, lambda m: [m.status])),
    )


def pathway_groups(c: Catalogue) -> tuple[PathwayGroup, ...]:
    groups = []
    for kind in PATHWAY_ORDER:
        found = [p for p in sorted_pathways(c) if p.kind == kind]
        if found:
            heading = PATHWAY_HEADINGS[kind]
            groups.append(PathwayGroup(heading, urls.slugify(heading), tuple(pathway_card(p) for p in found)))
    return tuple(groups)


def role_cards(c: Catalogue) -> tuple[RoleCard, ...]:
    return tuple(
        RoleCard(
            Link(r.title, urls.role(r.id)),
            r.summary,
            f"{len(c.pathways_for_role(r))} forløb" if c.pathways_for_role(r) else "",
        )
        for r in c.roles.values()
    )


def course_type_rows(c: Catalogue) -> tuple[CourseTypeRow, ...]:
    return tuple(
        CourseTypeRow(
            Link(t.name, urls.course_type(t.id)),
            t.level or "–",
            t.duration or "–",
            t.access or "–",
            # Each funding line starts with the kind of funding ("VEU-godtgørelse: …"); the table names the kinds.
            ", ".join(item.split(":", 1)[0] for item in t.funding if ":" in item) or "–",
        )
        for t in c.course_types.values()
    )


def structure_view(c: Catalogue, s: Structure) -> StructureView:
    tracks = tuple(
        TrackView(
            t.entry,
            vocab.ENTRY_LONG[t.entry],
            tuple(
                LevelView(
                    lv.title or vocab.TIERS[lv.tier],
                    urls.slugify(lv.tier),
                    tuple(module_item(m) for m in lv.modules),
                    inline(lv.note),
                )
                for lv in t.levels
            ),
        )
        for t in s.tracks
    )
    mapping = tuple(
        MappingView(module_item(row.old), tuple(module_item(m) for m in row.new), inline(row.note), row.inferred)
        for row in s.mapping
    )
    depth = max((len(t.levels) for t in s.tracks), default=0)
    return StructureView(
        s.id,
        urls.structure(s.id),
        s.title,
        s.summary,
        tracks,
        depth,
        prose(s.description),
        mapping,
        citations(s.sources, c),
    )


def statistics_page(c: Catalogue) -> StatisticsPage:
    portfolios = tuple(
        (Link(s.title, urls.statistics_of(s.id)), statistics_view(s.id, s.title, s.statistics, c))
        for s in c.structures.values()
        if s.statistics
    )
    counted = [m for m in c.modules.values() if m.statistics and m.statistics.participants]
    per_year = {m.id: {p.year: p.count for p in m.statistics.participants} for m in counted if m.statistics}
    years = tuple(sorted({year for counts in per_year.values() for year in counts}))
    ranked = sorted(counted, key=lambda m: -sum(per_year[m.id].values()))
    period = f"{years[0]}-{years[-1]}" if years else ""
    totals = tuple(
        TotalsRow(
            module_item(m),
            tuple(vocab.number(per_year[m.id][y]) if y in per_year[m.id] else "–" for y in years),
            vocab.number(sum(per_year[m.id].values())),
        )
        for m in ranked
    )
    chart = (
        chart_of(
            "chart-total",
            f"Deltagere i alt pr. modul, {period}",
            f"Deltagere i alt, {period}",
            [(m.name, sum(per_year[m.id].values()), None) for m in ranked],
        )
        if ranked
        else None
    )
    with_figures = tuple(
        (Link(r.title, urls.statistics_of(r.id)), statistics_view(r.id, r.title, r.statistics, c))
        for r in _with_statistics(c)
        if r.statistics and r.statistics.figures
    )
    sources = citations((s for r in _with_statistics(c) if r.statistics for s in r.statistics.sources), c)
    total = vocab.number(sum(sum(counts.values()) for counts in per_year.values()))
    return StatisticsPage(portfolios, chart, years, totals, total, with_figures, sources)


def _with_statistics(c: Catalogue) -> list[Module | Pathway]:
    return [*c.modules.values(), *c.pathways.values()]


def providers_page(c: Catalogue) -> ProvidersPage:
    offered = [m for m in sorted_modules(c) if c.providers_of(m)]
    rows = tuple(
        ProviderRow(p.name, p.place or "", tuple(m in p.modules for m in offered)) for p in c.providers.values()
    )
    sources = citations((s for p in c.providers.values() for s in p.sources), c)
    successions = tuple(
        Succession(module_item(m), tuple(module_item(n) for n in today))
        for m in offered
        if not can_take_today(m)
        and (today := [n for n in c.successors(m) if can_take_today(n) and not c.providers_of(n)])
    )
    return ProvidersPage(tuple(module_item(m) for m in offered), rows, sources, successions, signup_link(c))


def glossary_groups(c: Catalogue) -> tuple[LetterGroup, ...]:
    known = {t.slug for t in c.glossary}
    groups: dict[str, list[TermView]] = defaultdict(list)
    for t in c.glossary:
        see = tuple(Link(other, urls.glossary_term(other)) for other in t.see_also if urls.slugify(other) in known)
        plain = tuple(other for other in t.see_also if urls.slugify(other) not in known)
        groups[t.term[0].upper()].append(
            TermView(
                t.slug,
                urls.glossary_term(t.term),
                t.term,
                ", ".join(t.abbreviations),
                prose(t.explanation) or Markup(),
                ", ".join(t.synonyms),
                see,
                plain,
            )
        )
    order = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
    letters = sorted(groups, key=lambda letter: (order.find(letter) if letter in order else 99, letter))
    return tuple(
        LetterGroup(letter, urls.GLOSSARY.at(f"bogstav-{urls.slugify(letter) or letter}"), tuple(groups[letter]))
        for letter in letters
    )


def documents_view(c: Catalogue) -> tuple[DocumentView, ...]:
    users: dict[str, dict[Link, None]] = defaultdict(dict)  # an ordered set: a list's `in` was quadratic
    records: list[tuple[str, Url, Iterable[str]]] = [
        *((m.title, urls.module(m.id), {s.document for s in m.sources}) for m in c.modules.values()),
        *((p.title, urls.pathway(p.id), {s.document for s in p.sources}) for p in c.pathways.values()),
        *((t.name, urls.course_type(t.id), {s.document for s in t.sources}) for t in c.course_types.values()),
        *((r.title, urls.role(r.id), {s.document for s in r.sources}) for r in c.roles.values()),
        *((s.title, urls.structure(s.id), {x.document for x in s.sources}) for s in c.structures.values()),
        *((g.title, urls.guide(g.id), _guide_documents(g)) for g in c.guides.values()),
        *(
            (r.title, urls.role(r.id), {x.document for st in r.start_here for x in st.sources})
            for r in c.roles.values()
        ),
    ]
    for title, url, documents in records:
        for document in sorted(documents):
            users[document].setdefault(Link(title, url))
    reports = tuple(
        DocumentView(
            urls.source_document(d.title),
            d.title,
            source_meta(d) + (f". Bestilt af {d.commissioned_by}" if d.commissioned_by else ""),
            d.url,
            prose(d.summary),
            tuple(users[d.file]),
        )
        for d in c.documents.values()
    )
    pages = tuple(
        DocumentView(
            urls.source_document(w.title),
            w.title,
            source_meta(w) + (f" (siden selv opdateret {vocab.date(w.page_updated)})" if w.page_updated else ""),
            w.url,
            prose(w.summary),
            tuple(users[w.id]),
        )
        for w in c.web_pages.values()
    )
    return reports + pages


def _guide_documents(g: Guide) -> set[str]:
    return {x.document for x in g.sources} | {x.document for s in g.sections for step in s.steps for x in step.sources}
