"""Every generated page of the site: its address, title, HTML body and the YAML an editor changes.

Pages are rendered to HTML here, once, from the view layer; MkDocs gets a stub with the front matter
and the hook puts the finished HTML in place, so no generated page makes a Markdown round trip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from katalog import urls
from katalog.export import linked_data
from katalog.model import Catalogue
from katalog.render import compare, overview, planner
from katalog.render.target import render_html, site_page
from katalog.urls import Url
from katalog.views import CatalogueView, Section
from katalog.views.common import Link
from katalog.views.overview import overview_pages


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: the HTML MkDocs shows and the content file an editor changes to change it."""

    url: Url
    title: str
    description: str
    html: Markup
    edit_path: str | None
    searchable: bool = True  # False: Pagefind leaves the page out (the overview's second and later pages)

    @property
    def src_uri(self) -> str:
        return self.url.src_uri

    @property
    def markdown(self) -> str:
        """The stub MkDocs reads: front matter only (JSON is valid YAML, and escaped for the theme)."""
        title, description = (json.dumps(str(escape(v)), ensure_ascii=False) for v in (self.title, self.description))
        # Generated pages are reached from cards, not the section menu, which would stand empty beside them.
        hidden = "" if self.searchable else "search_exclude: true\n"
        return f"---\ntitle: {title}\ndescription: {description}\nhide: [navigation]\n{hidden}---\n"


def edit_url(repo_url: str, edit_path: str) -> str:
    """Link to the YAML behind a page: the file's editor, or the folder for list pages."""
    action = "tree" if edit_path.endswith("/") else "edit"
    return f"{repo_url.rstrip('/')}/{action}/main/{edit_path}"


def render_pages(catalogue: Catalogue, view: CatalogueView) -> list[Page]:
    """Render every generated page of the site."""
    planner_page = Page(
        urls.PLANNER, planner.TITLE, planner.DESCRIPTION, planner.planner_html(catalogue), "content/pathways/"
    )
    return [*_section_pages(view), planner_page, *_record_pages(catalogue, view)]


def _page(url: Url, name: str, description: str, template: str, edit_path: str | None, **data: Any) -> Page:
    return Page(url, name, description, render_html(template, site_page(url), **data), edit_path)


def _section(s: Section, body: str, edit_path: str, **data: Any) -> Page:
    return _page(
        s.url, s.title, s.description, "site/section.j2", edit_path, title=s.title, lead=s.lead, body=body, **data
    )


def _section_pages(v: CatalogueView) -> Iterator[Page]:
    s = v.sections
    size = overview.page_size()
    for at in overview_pages(v.overview, size):  # one page, or more when the catalogue is large
        html = overview.overview_html(v.overview, at)
        # Later pages repeat the first one's lead, and Pagefind skips cards: only the first page is searched, and
        # only it is named in «Seneste ændringer» when a module changes.
        first = at.number == 1
        edit = "content/modules/" if first else None
        yield Page(at.url, at.title, s["moduler"].description, html, edit, searchable=first)
    yield _page(
        urls.PATHWAYS,
        "Forløb",
        s["forloeb"].description,
        "site/pathways.j2",
        "content/pathways/",
        groups=v.pathway_groups,
    )
    yield _page(
        urls.ROLES, "Roller", s["roller"].description, "site/roles.j2", "content/roles/", role_cards=v.role_cards
    )
    yield _page(
        urls.COURSE_TYPES,
        "Uddannelsestyper",
        s["uddannelsestyper"].description,
        "site/course_types.j2",
        "content/course-types/",
        rows=v.course_type_rows,
    )
    yield _section(
        s["struktur"],
        "html/structure.j2",
        "content/structure/",
        structures=v.structures,
        statuses=v.statuses,
        level=2,
        map_url=urls.MAP,
    )
    yield _section(s["udbydere"], "html/providers.j2", "content/providers/", providers=v.providers, level=2)
    yield _section(s["statistik"], "html/statistics.j2", "content/modules/", stats=v.statistics, level=2)
    yield _section(s["ordliste"], "html/glossary.j2", "content/glossary.yaml", glossary=v.glossary, level=2)
    yield _section(s["kilder"], "html/sources.j2", "content/sources.yaml", documents=v.documents, level=2)
    yield _page(urls.MORE, "Mere", MORE_DESCRIPTION, "site/more.j2", "content/", links=more_links(v))
    yield _section(s["kort"], "html/progression.j2", "content/modules/", map=v.progression, level=2)
    yield Page(urls.COMPARE, compare.TITLE, compare.DESCRIPTION, compare.compare_html(), "content/modules/")


MORE_DESCRIPTION = "Udbydere, tal, ordliste, kilder, om kataloget og felterne i indholdet, samlet ét sted."


def more_links(v: CatalogueView) -> tuple[tuple[Link, str], ...]:
    """The pages under «Mere», each with one line on what it holds."""
    sections = [v.sections[key] for key in ("udbydere", "statistik", "ordliste", "kilder")]
    return (
        *((Link(s.title, s.url), s.description) for s in sections),
        (
            Link("Om kataloget", urls.ABOUT),
            "Hvad kataloget bygger på, hvem der står bag, og hvordan du foreslår rettelser.",
        ),
        (Link("Seneste ændringer", urls.CHANGES), "Hvad der er rettet i indholdet for nylig, også som nyhedsfeed."),
        (Link("Felter i indholdet", urls.FIELDS), "Hvert felt i datafilerne forklaret, til redaktører."),
        (Link("Hent kataloget", urls.DOWNLOADS), "Hele kataloget som PDF og som data (JSON og CSV)."),
        (
            Link(v.sections["kort"].title, urls.MAP),
            "Alle moduler på ét kort, fra AMU til diplom, i dag og som foreslået.",
        ),
    )


def _record_pages(c: Catalogue, v: CatalogueView) -> Iterator[Page]:
    for m in v.modules:
        model = c.modules[m.id]
        page = _page(m.url, m.title, m.summary, "html/module.j2", m.edit_path, module=m, level=1)
        yield _with_linked_data(page, linked_data.course_script(model, c.providers_of(model)))
    for p in v.pathways:
        page = _page(p.url, p.title, p.summary, "html/pathway.j2", p.edit_path, pathway=p, level=1)
        yield _with_linked_data(page, linked_data.program_script(c.pathways[p.id]))
    for t in v.course_types:
        yield _page(t.url, t.name, t.summary, "html/course_type.j2", t.edit_path, course_type=t, level=1)
    for r in v.roles:
        yield _page(r.url, r.title, r.summary, "html/role.j2", r.edit_path, role=r, level=1)
    for g in v.guides:
        yield _page(g.url, g.title, g.summary, "html/guide.j2", g.edit_path, guide=g, level=1)


def _with_linked_data(page: Page, script: Markup) -> Page:
    return Page(page.url, page.title, page.description, Markup(page.html + script), page.edit_path)


_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)<a class="headerlink"', re.S)
_TAG = re.compile(r"<[^>]+>")


def toc_tokens(html: str) -> list[Any]:
    """The page's table of contents in Python-Markdown's toc_tokens shape, from its h2 and h3 headings."""
    tokens: list[Any] = []
    for level, anchor, inner in _HEADING.findall(html):
        token = {"level": int(level), "id": anchor, "name": _TAG.sub("", inner).strip(), "children": []}
        if token["level"] == 3 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens


def anchor_ids(html: str) -> set[str]:
    """Every id on the page, for MkDocs' check of links into it."""
    return set(re.findall(r'\sid="([^"]+)"', html))
