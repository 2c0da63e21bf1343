"""The compare page's data: each module's cells say exactly what its own page says, and nothing more."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from posixpath import join, normpath
from typing import Any

import pytest
from markupsafe import Markup

from katalog import urls
from katalog.catalogue import load_catalogue
from katalog.model import Catalogue
from katalog.render import render_pages
from katalog.render.compare import compare_data, compare_html
from katalog.render.target import BOOK, render_html
from katalog.views import CatalogueView, catalogue_view
from katalog.views.common import Fact, Link
from katalog.views.compare import ABSENT, FACT_ROWS, RELATION_ROWS, ROWS, compare_column
from katalog.views.records import ModuleView

from .conftest import MINI, ROOT, SCHEMAS


@pytest.fixture(scope="module")
def real() -> tuple[Catalogue, CatalogueView]:
    catalogue = load_catalogue(ROOT / "content", SCHEMAS)
    return catalogue, catalogue_view(catalogue)


@pytest.fixture(scope="module")
def data(real: tuple[Catalogue, CatalogueView]) -> dict[str, Any]:
    return dict(json.loads(compare_data(real[1].modules)))


@pytest.fixture(scope="module")
def module_pages(real: tuple[Catalogue, CatalogueView]) -> dict[str, str]:
    catalogue, view = real
    return {p.url.path: str(p.html) for p in render_pages(catalogue, view)}


class _FactsBox(HTMLParser):
    """The module page's facts box as {label: (text, {link targets as site paths})}."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.facts: dict[str, tuple[str, frozenset[str]]] = {}
        self._label = ""
        self._in: str | None = None
        self._text: list[str] = []
        self._links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("dt", "dd"):
            self._in, self._text, self._links = tag, [], set()
        elif tag == "a" and self._in == "dd":
            self._links.add(site_path(self.base, dict(attrs).get("href") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "dt":
            self._label = "".join(self._text).strip()
        elif tag == "dd":
            self.facts[self._label] = (squash("".join(self._text)), frozenset(self._links))
        if tag in ("dt", "dd"):
            self._in = None

    def handle_data(self, text: str) -> None:
        if self._in:
            self._text.append(text)


def site_path(base: str, href: str) -> str:
    """A relative href on the page at base, as a path from the site root."""
    return normpath(join(base, href)) + ("/" if href.endswith("/") else "")


def squash(text: str) -> str:
    return " ".join(text.split())


def text_of(html: str) -> str:
    return squash(unescape(re.sub(r"<[^>]+>", " ", html)))


def links_of(html: str, base: str) -> frozenset[str]:
    return frozenset(site_path(base, unescape(h)) for h in re.findall(r'href="([^"]+)"', html))


def test_every_module_is_in_the_data_once_in_the_overview_order(
    real: tuple[Catalogue, CatalogueView], data: dict[str, Any]
) -> None:
    """One entry per module, in the order of the module overview, with a cell for every row."""
    _, view = real
    assert [m["id"] for m in data["modules"]] == [m.id for m in view.modules]
    assert data["rows"] == list(ROWS)
    assert all(len(m["cells"]) == len(ROWS) for m in data["modules"])


def test_the_title_page_and_status_are_the_module_pages_own(
    real: tuple[Catalogue, CatalogueView], data: dict[str, Any]
) -> None:
    """Each column heads with the module's visible title, links to its page, and says if it can be taken today."""
    _, view = real
    by_id = {m["id"]: m for m in data["modules"]}
    for m in view.modules:
        entry = by_id[m.id]
        assert entry["title"] == m.title
        assert site_path(urls.COMPARE.path, entry["url"]) == m.url.path
        assert entry["today"] is m.status.today


def test_fact_cells_equal_the_facts_box_on_the_module_page(
    real: tuple[Catalogue, CatalogueView], data: dict[str, Any], module_pages: dict[str, str]
) -> None:
    """Type, AMU number, level, length, entry, status, today's cover and what it replaces: word for word, same links."""
    _, view = real
    by_id = {m["id"]: m for m in data["modules"]}
    for m in view.modules:
        parser = _FactsBox(m.url.path)
        parser.feed(module_pages[m.url.path].split('class="kat-facts"', 1)[1].split("</dl>", 1)[0])
        for label in (*FACT_ROWS, *RELATION_ROWS):
            cell = by_id[m.id]["cells"][ROWS.index(label)]
            shown = (text_of(cell), links_of(cell, urls.COMPARE.path))
            assert shown == parser.facts.get(label, (ABSENT.get(label), frozenset())), (m.id, label)


def test_prose_cells_are_the_module_pages_sections(
    real: tuple[Catalogue, CatalogueView], data: dict[str, Any], module_pages: dict[str, str]
) -> None:
    """Target group, goals, prerequisites and providers: the same text as the module page's own sections."""
    _, view = real
    by_id = {m["id"]: m for m in data["modules"]}
    for m in view.modules:
        page = module_pages[m.url.path]
        cells = {label: by_id[m.id]["cells"][ROWS.index(label)] for label in ROWS}
        for label in ("Målgruppe", "Forudsætninger"):
            line = re.search(rf"<strong>{label}:</strong>(.*?)</p>", page)
            assert line and text_of(line[1]).rstrip(".") == text_of(cells[label]).rstrip("."), (m.id, label)
        for label, css in (("Mål", "kat-goals"), ("Udbydere", "kat-providers")):
            listed = re.search(rf'<[ou]l class="{css}">(.*?)</[ou]l>', page, re.S)
            items = [text_of(i) for i in re.findall(r"<li>(.*?)</li>", listed[1] if listed else "", re.S)]
            shown = [text_of(i) for i in re.findall(r"<li>(.*?)</li>", cells[label], re.S)]
            assert shown == items, (m.id, label)
            if not items:
                assert text_of(cells[label]) in text_of(page), (m.id, label)


def test_the_columns_are_made_from_the_module_views_own_facts(real: tuple[Catalogue, CatalogueView]) -> None:
    """A fact row holds the very Fact object of the module's view; only a row the page lacks gets a filler."""
    _, view = real
    for m in view.modules:
        facts = {f.label: f for f in m.facts}
        cells = compare_column(m).cells
        for label in (*FACT_ROWS, *RELATION_ROWS):
            cell = cells[ROWS.index(label)].fact
            assert cell is facts[label] if label in facts else cell.text == ABSENT[label], (m.id, label)


def test_a_module_without_an_amu_number_or_a_replacement_says_so(data: dict[str, Any]) -> None:
    """An academy module is 'Ikke et AMU-kursus'; a module replacing nothing replaces 'Intet modul'."""
    academy = next(m for m in data["modules"] if "uddannelsestyper/akademimodul/" in m["cells"][0])
    assert academy["cells"][ROWS.index("AMU-nummer")] == "Ikke et AMU-kursus"
    assert any(m["cells"][ROWS.index("Erstatter")] == "Intet modul" for m in data["modules"])


def test_proposals_say_what_covers_them_today(data: dict[str, Any]) -> None:
    """A module that cannot be taken today never reads 'Kan selv tages i dag' in the comparison."""
    proposals = [m for m in data["modules"] if not m["today"]]
    assert proposals
    for m in proposals:
        assert m["cells"][ROWS.index("Dækkes i dag af")] != ABSENT["Dækkes i dag af"], m["id"]
        assert "Gældende" not in m["cells"][ROWS.index("Status")], m["id"]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = {"a", "span", "ul", "li", "em", "strong", "code", "br", "ol", "p"}
        if tag not in allowed or any(name.startswith("on") or name == "style" for name, _ in attrs):
            self.found.append(tag)
        href = dict(attrs).get("href") or ""
        if re.match(r"\s*(javascript|data|vbscript):", href, re.I):
            self.found.append(href)


def _hostile(m: ModuleView) -> ModuleView:
    """A module whose every plain value is markup: link texts, fact texts and provider names."""
    script = "<script>alert(1)</script><img src=x onerror=alert(2)>"

    def fact(f: Fact) -> Fact:
        text = f.text if isinstance(f.text, Markup) or not f.text else script
        return replace(f, text=text, links=tuple(Link(script, link.url) for link in f.links))

    return replace(m, title=script, facts=tuple(fact(f) for f in m.facts), providers=(script, script))


def test_hostile_content_stays_text_in_the_cells() -> None:
    """Titles, fact texts and provider names full of markup reach the data file escaped: cells hold only safe tags."""
    view = catalogue_view(load_catalogue(MINI, SCHEMAS))
    modules = tuple(_hostile(m) for m in view.modules)
    raw = compare_data(modules)
    assert all(
        "<script" in m["title"] for m in json.loads(raw)["modules"]
    )  # titles are text: the script sets textContent
    for entry in json.loads(raw)["modules"]:
        for cell in entry["cells"]:
            tags = _Tags()
            tags.feed(cell)
            assert tags.found == [], (entry["id"], cell)
    assert "&lt;script&gt;" in raw


def test_the_compare_link_is_on_the_site_and_never_in_the_pdf(real: tuple[Catalogue, CatalogueView]) -> None:
    """A module page and its cards offer «Sammenlign» on the site; the same templates in the book do not."""
    catalogue, view = real
    pages = {p.url: str(p.html) for p in render_pages(catalogue, view)}
    module = view.modules[0]
    assert f'href="../../sammenlign/?moduler={module.id}"' in pages[module.url]
    assert f'href="../sammenlign/?moduler={module.id}"' in pages[urls.MODULES]
    role = next(r for r in view.roles if r.modules)
    assert "sammenlign/?moduler=" in pages[role.url]
    for page_view, name in ((module, "module"), (role, "role")):
        book = str(render_html(f"html/{name}.j2", BOOK, **{name: page_view}, level=2))
        assert "sammenlign" not in book.lower(), name
    assert "sammenlign" not in str(render_html("html/module.j2", BOOK, module=module, level=2)).lower()


def test_the_page_points_its_script_at_the_data_file_and_works_without_it() -> None:
    """The page names the data file relative to itself, the limit of four, and a no-JS way to the modules."""
    html = str(compare_html())
    assert 'data-src="../sammenlign/moduler.json"' in html
    assert 'data-max="4"' in html and 'data-parameter="moduler"' in html
    noscript = html.split("<noscript>", 1)[1]
    assert 'href="../moduler/"' in noscript
    assert urls.COMPARE_DATA.path == "sammenlign/moduler.json"
