"""The view layer: the catalogue turned once into display objects that the site and the PDF both render.

Pure: Catalogue in, frozen display objects out. No templates, no MkDocs, no file access.
"""

from __future__ import annotations

from dataclasses import dataclass

from katalog import urls, vocab
from katalog.export.records import data_date
from katalog.model import Catalogue
from katalog.views.common import Link, Status, status
from katalog.views.guides import GuideView, guide_view, signup_link
from katalog.views.progression import ProgressionMap, progression_map
from katalog.views.records import (
    CourseTypeView,
    ModuleView,
    PathwayView,
    RoleView,
    course_type_view,
    module_view,
    pathway_view,
    role_view,
)
from katalog.views.sections import (
    CourseTypeRow,
    DocumentView,
    LetterGroup,
    ModulesOverview,
    PathwayGroup,
    ProvidersPage,
    RoleCard,
    StatisticsPage,
    StructureView,
    course_type_rows,
    documents_view,
    glossary_groups,
    modules_overview,
    pathway_groups,
    providers_page,
    role_cards,
    sorted_modules,
    sorted_pathways,
    statistics_page,
    structure_view,
)


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the site and a chapter of the book: one title and one lead for both."""

    key: str
    title: str
    lead: str
    url: urls.Url
    description: str


SECTIONS = {
    s.key: s
    for s in (
        Section(
            "struktur",
            "Den nationale struktur",
            "Modulerne for oplæringsvejledere er bygget op i niveauer: basis, overbygning og specialisering. Her ses "
            "strukturen, som den er i dag, og den struktur, rapporten anbefaler, med hver sin indgang for SOSU og PAU. "
            "Hver boks fører til modulets side.",
            urls.STRUCTURE,
            "Den nuværende og den anbefalede nationale struktur for oplæringsvejlederuddannelsen, SOSU og PAU, og "
            "hvordan de gamle moduler går over i de nye.",
        ),
        Section(
            "moduler",
            "Moduler",
            "Alle moduler i kataloget, ordnet efter niveau: basis, overbygning, specialisering og ajourføring.",
            urls.MODULES,
            "Alle moduler for oplæringsvejledere: AMU, akademi og flere, nuværende og anbefalede, med filtre.",
        ),
        Section(
            "forloeb",
            "Forløb",
            "Et forløb er en rækkefølge af moduler for en bestemt rolle: anbefalede forløb, typiske forløb i dag og "
            "eksempler fra praksis. Den samlede varighed er regnet ud fra modulerne.",
            urls.PATHWAYS,
            "Anbefalede og typiske uddannelsesforløb for oplæringsvejledere, pr. rolle og indgang, med samlet varighed.",
        ),
        Section(
            "uddannelsestyper",
            "Uddannelsestyper",
            "Oplæringsvejledere kan bygge videre fra korte arbejdsmarkedsuddannelser til videregående moduler. Typerne "
            "står fra det korteste og mest praksisnære til det højeste niveau.",
            urls.COURSE_TYPES,
            "AMU, akademi, diplom, master og kurser forklaret: niveau, længde, adgang og finansiering.",
        ),
        Section(
            "roller",
            "Roller",
            "Oplæringen bæres af flere roller med forskellige opgaver. Hver rolle har de forløb og moduler, der passer "
            "til den.",
            urls.ROLES,
            "Rollerne i oplæringen af SOSU- og PAU-elever og den uddannelse, der passer til hver.",
        ),
        Section(
            "udbydere",
            "Udbydere",
            "Skolerne nedenfor har udbudt moduler for oplæringsvejledere. Tabellen viser, hvilke moduler kilderne "
            "knytter til hver skole.",
            urls.PROVIDERS,
            "Skolerne, der udbyder moduler for oplæringsvejledere, og hvilke moduler hver udbyder.",
        ),
        Section(
            "statistik",
            "Tal og statistik",
            "Tallene kommer fra rapporternes bilag og er gengivet præcis som der. Hvert diagram har en tabel med de "
            "samme tal ved siden af.",
            urls.STATISTICS,
            "Deltagere pr. modul og år og andre nøgletal for modulerne for oplæringsvejledere.",
        ),
        Section(
            "ordliste",
            "Ordliste",
            "Forklaringer på ord og forkortelser, du møder i kataloget og i rapporterne bag det. Søgningen kender også "
            "synonymerne.",
            urls.GLOSSARY,
            "Ord og forkortelser fra efter- og videreuddannelse af oplæringsvejledere, forklaret.",
        ),
        Section(
            "kilder",
            "Kilder",
            "Alt i kataloget bygger på rapporterne nedenfor. Hver side samler sine kilder under «Kilder»: rapport, "
            "udgiver, år og afsnit.",
            urls.SOURCES,
            "Rapporterne, som kataloget bygger på, og hvilke sider der bruger hver af dem.",
        ),
        Section(
            "kort",
            "Kort over uddannelserne",
            "Hele vejen fra AMU over akademi til diplom og master på ét kort: hvilke moduler der kan tages i dag, "
            "hvilke rapporten foreslår, hvad der erstatter hvad, og hvad der bygger videre på hvad. Hver boks fører "
            "til modulets side, og under kortet står det samme som liste.",
            urls.MAP,
            "Kort over alle moduler for oplæringsvejledere, fra AMU til diplom og master, i dag og som foreslået, "
            "med hvad der erstatter og bygger videre på hvad.",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class CatalogueView:
    """Every display object of the catalogue, computed once, in reading order."""

    modules: tuple[ModuleView, ...]
    pathways: tuple[PathwayView, ...]
    roles: tuple[RoleView, ...]
    course_types: tuple[CourseTypeView, ...]
    guides: tuple[GuideView, ...]
    signup: Link | None
    structures: tuple[StructureView, ...]
    overview: ModulesOverview
    pathway_groups: tuple[PathwayGroup, ...]
    role_cards: tuple[RoleCard, ...]
    course_type_rows: tuple[CourseTypeRow, ...]
    statistics: StatisticsPage
    providers: ProvidersPage
    glossary: tuple[LetterGroup, ...]
    documents: tuple[DocumentView, ...]
    statuses: tuple[Status, ...]
    counts: tuple[tuple[Link, int, str], ...]
    data_date: str
    sections: dict[str, Section]
    progression: ProgressionMap


def catalogue_view(c: Catalogue) -> CatalogueView:
    """Turn the catalogue into display objects, once for the site and the PDF alike."""
    return CatalogueView(
        modules=tuple(module_view(c, m) for m in sorted_modules(c)),
        pathways=tuple(pathway_view(c, p) for p in sorted_pathways(c)),
        roles=tuple(role_view(c, r) for r in c.roles.values()),
        course_types=tuple(course_type_view(c, t) for t in c.course_types.values()),
        guides=tuple(guide_view(c, g) for g in c.guides.values()),
        signup=signup_link(c),
        structures=tuple(structure_view(c, s) for s in c.structures.values()),
        overview=modules_overview(c),
        pathway_groups=pathway_groups(c),
        role_cards=role_cards(c),
        course_type_rows=course_type_rows(c),
        statistics=statistics_page(c),
        providers=providers_page(c),
        glossary=glossary_groups(c),
        documents=documents_view(c),
        statuses=tuple(status(s) for s in vocab.STATUSES),
        counts=(
            (Link("moduler", urls.MODULES), len(c.modules), "moduler"),
            (Link("forløb", urls.PATHWAYS), len(c.pathways), "forløb"),
            (Link("uddannelsestyper", urls.COURSE_TYPES), len(c.course_types), "uddannelsestyper"),
            (Link("roller", urls.ROLES), len(c.roles), "roller"),
            (Link("ord i ordlisten", urls.GLOSSARY), len(c.glossary), "ord i ordlisten"),
        ),
        data_date=data_date(c),
        sections=SECTIONS,
        progression=progression_map(c),
    )
