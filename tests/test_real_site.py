"""The real catalogue in content/, built for real: every record has its page with its key facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from katalog import vocab as labels
from katalog.model import Catalogue

from .sitecheck import broken_links, parse

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    return real_site


def page_text(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def test_every_module_page_shows_its_facts(site: Path, catalogue: Catalogue) -> None:
    """Each module page has its title, AMU number and length."""
    for module in catalogue.modules.values():
        text = page_text(site, f"moduler/{module.id}")
        assert module.title.replace("&", "&amp;") in text, module.id
        if module.amu_number:
            assert str(module.amu_number) in text, module.id
        if not module.duration.is_empty:
            assert labels.duration(module.duration) in text, module.id


def test_every_pathway_page_shows_its_computed_total(site: Path, catalogue: Catalogue) -> None:
    """Each pathway page states the total computed from its modules."""
    for pathway in catalogue.pathways.values():
        text = page_text(site, f"forloeb/{pathway.id}")
        assert labels.duration_range(pathway.total) in text, pathway.id


def test_every_role_and_course_type_has_a_page(site: Path, catalogue: Catalogue) -> None:
    """Roles and course types each get their own page."""
    for role in catalogue.roles.values():
        assert role.title in page_text(site, f"roller/{role.id}")
    for course_type in catalogue.course_types.values():
        assert course_type.name in page_text(site, f"uddannelsestyper/{course_type.id}")


def test_structure_page_links_every_module_placed_in_a_structure(site: Path, catalogue: Catalogue) -> None:
    """Every box in both structure diagrams links to its module."""
    links = set(parse(site / "struktur" / "index.html").links)
    for structure in catalogue.structures.values():
        for module in structure.modules:
            assert f"../moduler/{module.id}/" in links, module.id


def test_every_link_and_anchor_resolves(site: Path) -> None:
    """No link in the real site is broken."""
    assert broken_links(site) == []


def test_statistics_page_shows_every_figure_of_every_record(site: Path, catalogue: Catalogue) -> None:
    """Every participant count and key figure in the content is on the statistics page, portfolio totals first."""
    text = page_text(site, "statistik")
    sources = [*catalogue.modules.values(), *catalogue.structures.values()]
    for record in sources:
        if record.statistics is None:
            continue
        for count in record.statistics.participants:
            assert labels.number(count.count) in text, (record.id, count.year)
        for figure in record.statistics.figures:
            assert figure.label in text, (record.id, figure.label)
            assert labels.number(figure.value) in text, (record.id, figure.label)
    assert text.index("Hele porteføljen") < text.index("Deltagere i alt pr. modul")


def test_a_pathway_with_modules_of_unknown_length_says_so(site: Path, catalogue: Catalogue) -> None:
    """A total never quietly counts a module without a stated length as zero."""
    for pathway in catalogue.pathways.values():
        unknown = [m for m in pathway.modules if m.duration.is_empty]
        text = page_text(site, f"forloeb/{pathway.id}")
        said = "Kilderne oplyser ikke længden af alle moduler" in text
        assert said == bool(unknown), pathway.id


EXTRACT = re.compile(r"[0-9]{3}_[0-9a-f]{16}\.txt|tekstudtr|\bL[0-9]{2,4}(-[0-9]+)?\b|linje [0-9]")


def test_readers_see_report_citations_not_extract_files_or_lines(site: Path) -> None:
    """Pages cite report, publisher, year and section; extract file names and line numbers stay in the YAML.

    The field reference too: it is public, so its examples name the kind of value instead of real files and lines.
    """
    found = [
        f"{page.relative_to(site)}: {match.group(0)}"
        for page in site.rglob("*.html")
        for match in [EXTRACT.search(page.read_text("utf-8"))]
        if match
    ]
    assert found == []


def test_no_two_pages_share_a_visible_title(site: Path) -> None:
    """Every page's <title> is its own, so search results and tabs tell records apart."""
    titles: dict[str, list[str]] = {}
    for page in site.rglob("*.html"):
        found = re.search(r"<title>(.*?)</title>", page.read_text("utf-8"), re.S)
        if found and page.name == "index.html" and "pagefind" not in page.parts:
            titles.setdefault(found.group(1).strip(), []).append(str(page.relative_to(site)))
    assert {title: pages for title, pages in titles.items() if len(pages) > 1} == {}


@pytest.mark.parametrize("url", ["", "struktur/"])
def test_structure_legend_explains_the_track_colours(site: Path, url: str) -> None:
    """Beside the statuses, the legend says which colour is the SOSU track and which the PAU track."""
    legend = re.search(r'<div class="kat-legend".*?</div>', (site / url / "index.html").read_text("utf-8"), re.S)
    assert legend is not None
    text = re.sub(r"<[^>]+>", " ", legend[0])
    for entry in ("sosu", "pau"):
        assert f"kat-legend__entry--{entry}" in legend[0]
        assert labels.ENTRY_LONG[entry] in " ".join(text.split())
