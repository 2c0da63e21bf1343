"""Display objects for guides (the leaders' guide): phases, steps with their sources, and days away per pathway."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from katalog import urls, vocab
from katalog.model import Catalogue, Guide
from katalog.today import today_version
from katalog.urls import Url
from katalog.views.common import Citation, Link, SearchData, citations, inline, prose
from katalog.views.today import days_away


@dataclass(frozen=True, slots=True)
class GuideStepView:
    text: Markup
    period: str
    sources: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class GuideSectionView:
    url: Url
    phase: str
    title: str
    intro: Markup | None
    steps: tuple[GuideStepView, ...]
    unknown: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DaysRow:
    """A pathway and the days away from work it takes, today and in the recommended structure."""

    pathway: Link
    kind: str
    today: str
    recommended: str


@dataclass(frozen=True, slots=True)
class GuideView:
    id: str
    url: Url
    title: str
    name: str
    summary: str
    description: Markup | None
    audience: Link
    sections: tuple[GuideSectionView, ...]
    days: tuple[DaysRow, ...]
    sources: tuple[Citation, ...]
    search: SearchData
    edit_path: str


def guide_view(c: Catalogue, g: Guide) -> GuideView:
    url = urls.guide(g.id)
    sections = tuple(
        GuideSectionView(
            url.at(urls.slugify(s.title)),
            _phase(s.phase, s.title),
            s.title,
            inline(s.intro),
            tuple(
                GuideStepView(Markup(inline(step.text)), _period(step.period), citations(step.sources, c))
                for step in s.steps
            ),
            s.unknown,
        )
        for s in g.sections
    )
    return GuideView(
        g.id,
        url,
        g.title,
        g.short_title or g.title,
        g.summary,
        prose(g.description),
        Link(g.audience.title, urls.role(g.audience.id)),
        sections,
        days_rows(c),
        citations(g.sources, c),
        SearchData((("Sidetype", "Guide"), ("Rolle", g.audience.title)), (("type", "Guide"),)),
        g.path,
    )


def _phase(phase: str, title: str) -> str:
    """The phase's label, unless the title already says it ('Før kurset' under 'Før kurset')."""
    label = vocab.GUIDE_PHASES[phase]
    return "" if title.casefold().startswith(label.casefold()) else label


def _period(period: str | None) -> str:
    return f"Gjaldt {period}" if period else ""


def days_rows(c: Catalogue) -> tuple[DaysRow, ...]:
    """Days away from work for every recommended and typical pathway, so a leader can plan the roster."""
    rows = []
    for p in c.pathways.values():
        if p.kind == "eksempel":
            continue
        version = today_version(c, p)
        today = days_away(version.total if version else p.total)
        recommended = days_away(p.total) if p.structure == "anbefalet" else "–"
        rows.append(DaysRow(Link(p.title, urls.pathway(p.id)), vocab.PATHWAY_KINDS[p.kind], today, recommended))
    return tuple(sorted(rows, key=lambda r: (r.kind, r.pathway.text)))


def signup_link(c: Catalogue) -> Link | None:
    """Where a reader learns how to sign up: the practical section of the first guide that has one."""
    for g in c.guides.values():
        for s in g.sections:
            if s.phase == "praktisk":
                return Link("Sådan tilmelder du dig, og hvad det koster", urls.guide(g.id).at(urls.slugify(s.title)))
    return None
