"""The module overview split into pages, as a large catalogue has it: the mini catalogue built for real with two
cards per page (KATALOG_OVERVIEW_PAGE_SIZE=2), read with and without JavaScript in real chromium.

The mini catalogue's five modules, in page order: today «Oplæringsvejleder, basis» and «Simulation …» (page 1),
«Pædagogik og kommunikation» and the retired «Praktikvejleder, basis» (page 2), the proposal
«Oplæringsvejleder, overbygning» (page 3).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from katalog.browser import serve_directory

from .conftest import make_project, mkdocs_build, require_chromium
from .sitecheck import broken_links
from .test_accessibility import violations

pytestmark = pytest.mark.browser
require_chromium()

TODAY = ["Oplæringsvejleder, basis", "Simulation <script>alert(1)</script>", "Pædagogik og kommunikation"]
LATER = ["Praktikvejleder, basis", "Oplæringsvejleder, overbygning"]


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("paged"))
    result = mkdocs_build(project, env={"KATALOG_OVERVIEW_PAGE_SIZE": "2"})
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def base_url(paged_site: Path) -> Iterator[str]:
    with serve_directory(paged_site) as url:
        yield url


def results(page: Any) -> Any:
    """The titles of the filtered list the script shows across all pages."""
    return page.locator("[data-kat-result-cards] .kat-card__title")


def status(page: Any) -> Any:
    return page.locator("[data-kat-filter-status]")


# --- without JavaScript ---------------------------------------------------------------------------------------


def test_a_small_catalogue_has_one_overview_page_and_no_pager(mini_site: Path) -> None:
    """Within one page's worth of modules there are no further pages and no pager: the overview as it always was."""
    assert not (mini_site / "moduler" / "side-2").exists()
    assert 'class="kat-pager"' not in (mini_site / "moduler" / "index.html").read_text("utf-8")


def test_without_javascript_the_pager_reaches_every_module(paged_site: Path) -> None:
    """Following «Næste» from the overview visits every page once, and together their cards link every module."""
    found, seen, page = [], [], "moduler/"
    while page:
        html = (paged_site / page / "index.html").read_text("utf-8")
        seen.append(page)
        assert re.search(rf'<a href="[./]*{re.escape(page)}" aria-current="page">{len(seen)}</a>', html)
        found += re.findall(r'<h3 class="kat-card__title"><a href="[./]*moduler/([a-z0-9-]+)/">', html)
        following = re.search(r'<a href="[./]*(moduler/[a-z0-9-]+/)" rel="next">', html)
        page = following.group(1) if following else ""
    assert seen == ["moduler/", "moduler/side-2/", "moduler/side-3/"]
    modules = {p.parent.name for p in (paged_site / "moduler").glob("*/index.html")} - {"side-2", "side-3"}
    assert sorted(found) == sorted(modules) and len(found) == 5


def test_the_split_overview_has_no_broken_links(paged_site: Path) -> None:
    """Every pager link and card link on every page of the overview resolves."""
    assert broken_links(paged_site) == []


def test_only_the_first_overview_page_is_searched_and_no_page_carries_the_rows(paged_site: Path) -> None:
    """Later pages repeat the lead, so Pagefind indexes the first page only; the rows are in no page but in one
    data file that every page links to, which Pagefind (HTML only) never reads."""
    first = (paged_site / "moduler" / "index.html").read_text("utf-8")
    later = (paged_site / "moduler" / "side-2" / "index.html").read_text("utf-8")
    assert "data-pagefind-body" in first and "data-pagefind-body" not in later
    for path, html in (("moduler/", first), ("moduler/side-2/", later)):
        assert "data-kat-modules" not in html and "Oplæringsvejleder, overbygning" not in html
        (source,) = re.findall(r'<form class="kat-filters" data-kat-filters data-src="([^"]+)"', html)
        assert urljoin("https://example.org/repo/" + path, source) == "https://example.org/repo/moduler/moduler.json"
    rows = json.loads((paged_site / "moduler" / "moduler.json").read_text("utf-8"))["modules"]
    assert sorted(row[1] for row in rows) == sorted([*TODAY, *LATER])


def test_without_javascript_a_reader_pages_through_the_cards(browser: Any, base_url: str) -> None:
    """With JavaScript off the cards and the pager work; the filters and the table, which need it, stay hidden."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "moduler/")
    expect(page.locator("[data-kat-cards] .kat-card:visible .kat-card__title")).to_have_text(TODAY[:2])
    expect(page.locator("[data-kat-filters]")).to_be_hidden()
    expect(page.locator(".kat-table-view")).to_be_hidden()
    page.locator(".kat-pager").get_by_role("link", name="Næste").click()
    page.wait_for_url("**/moduler/side-2/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moduler, side 2 af 3")
    expect(page.locator(".kat-pager [aria-current=page]")).to_have_text("2")
    context.close()


# --- with JavaScript: filters across every page ---------------------------------------------------------------


def test_a_filter_on_any_page_lists_matching_modules_from_every_page(browser: Any, base_url: str) -> None:
    """On page 3, ticking «Akademimodul» lists the module on page 2 and hides this page's cards and the pager;
    «Nulstil filtre» brings the page back."""
    page = browser.new_page()
    page.goto(base_url + "moduler/side-3/")
    expect(status(page)).to_have_text("Viser modul 5–5 af 5 (side 3 af 3).")
    page.get_by_label("Akademimodul").check()
    expect(results(page)).to_have_text(["Pædagogik og kommunikation"])
    expect(status(page)).to_have_text("Viser 1 af 5 moduler.")
    expect(page.locator(".kat-pager")).to_be_hidden()
    expect(page.locator("[data-kat-cards] .kat-card").first).to_be_hidden()
    page.get_by_role("button", name="Nulstil filtre").click()
    expect(page.locator("[data-kat-results]")).to_be_hidden()
    expect(page.locator(".kat-pager")).to_be_visible()
    expect(status(page)).to_have_text("Viser modul 5–5 af 5 (side 3 af 3).")
    page.close()


def test_the_filtered_list_shows_a_page_at_a_time_today_first(browser: Any, base_url: str) -> None:
    """Matches come today's first, a page's worth at a time; «Vis … mere» adds the next and moves focus to it."""
    page = browser.new_page()
    page.goto(base_url + "moduler/?kursustype=amu")
    expect(results(page)).to_have_text(TODAY[:2])
    more = page.locator("[data-kat-more]")
    expect(more).to_have_text("Vis 2 moduler mere (2 tilbage)")
    more.focus()
    page.keyboard.press("Enter")
    expect(results(page)).to_have_text([*TODAY[:2], *LATER])
    expect(page.locator("[data-kat-result-cards] .kat-card").nth(2).locator("a").first).to_be_focused()
    expect(more).to_be_hidden()
    expect(status(page)).to_have_text("Viser 4 af 5 moduler.")
    page.close()


def test_a_listed_module_reads_like_its_card_without_the_summary(browser: Any, base_url: str) -> None:
    """The script's short card has the site card's link, badges, facts and «Sammenlign» link, and no summary."""
    page = browser.new_page()
    page.goto(base_url + "moduler/side-2/")
    site_card = page.locator("[data-kat-cards] .kat-card", has_text="Praktikvejleder, basis")

    def parts(card: Any) -> list[str]:
        links = [a.get_attribute("href") or "" for a in card.locator("a").all()]
        meta = re.sub(r"\s+", " ", card.locator(".kat-card__meta").inner_html()).strip()
        return [*links, meta, card.locator(".kat-card__facts").text_content() or "", card.get_attribute("class") or ""]

    expected = parts(site_card)
    page.locator("input[name=status][value=nedlagt]").check()
    listed = page.locator("[data-kat-result-cards] .kat-card")
    expect(listed).to_have_count(1)
    assert parts(listed) == expected
    expect(listed.locator(".kat-card__summary")).to_have_count(0)
    page.close()


def test_counts_and_options_cover_every_page(browser: Any, base_url: str) -> None:
    """On a page with two cards, each option's count is over all five modules and ticking it lists that many."""
    page = browser.new_page()
    page.goto(base_url + "moduler/side-2/")
    pau = page.locator("label.kat-filters__option", has=page.locator("input[name=indgang][value=pau]"))
    expect(pau.locator(".kat-filters__count")).to_have_text("(3)")
    options = page.locator("label.kat-filters__option")
    for index in range(options.count()):
        option = options.nth(index)
        count = int(option.locator(".kat-filters__count").inner_text().strip("()"))
        option.locator("input").check()
        expect(status(page), option.inner_text()).to_have_text(f"Viser {count} af 5 moduler.")
        expect(results(page), option.inner_text()).to_have_count(min(count, 2))
        option.locator("input").uncheck()
    page.get_by_label("Akademimodul").check()
    expect(pau.locator(".kat-filters__count")).to_have_text("(0)")
    page.close()


def test_a_shared_address_restores_the_filters_on_any_page(browser: Any, base_url: str) -> None:
    """An address such as side-3/?kursustype=akademimodul ticks the filter and lists the match from page 2."""
    page = browser.new_page()
    page.goto(base_url + "moduler/side-3/?kursustype=akademimodul")
    expect(page.locator("input[name=kursustype][value=akademimodul]")).to_be_checked()
    expect(results(page)).to_have_text(["Pædagogik og kommunikation"])
    page.locator("input[name=kursustype][value=amu]").check()
    expect(page).to_have_url(re.compile(r"moduler/side-3/\?kursustype=amu%2Cakademimodul$"))
    page.close()


def test_the_table_lists_every_module_sorts_and_follows_the_filters(browser: Any, base_url: str) -> None:
    """On any page the table holds all modules, not only the page's cards; it sorts and follows the filters."""
    page = browser.new_page()
    page.goto(base_url + "moduler/side-3/")
    page.locator(".kat-table-view > summary").click()
    table = page.locator("table[data-kat-sortable]")
    expect(table.locator("tbody tr")).to_have_count(5)
    heading = table.locator("th", has_text="Varighed")
    heading.get_by_role("button").click()
    expect(heading).to_have_attribute("aria-sort", "ascending")
    assert table.locator("tbody tr td:nth-child(4)").all_inner_texts() == [
        "5 dage",
        "6 dage",
        "11 dage",
        "11 dage",
        "10 ECTS",
    ]
    page.locator("input[name=status][value=anbefalet]").check()
    expect(table.locator("tbody tr:visible")).to_have_count(1)
    expect(table.locator("tbody tr:visible a")).to_have_text("Oplæringsvejleder, overbygning")
    page.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_split_overview_has_no_axe_violations(browser: Any, base_url: str, scheme: str) -> None:
    """The pager, and the filtered list with its «Vis … mere» button, meet WCAG 2.1 AA in light and dark."""
    page = browser.new_page()
    index = 1 if scheme == "slate" else 0
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {index}, color: {{}}}}))")
    page.goto(base_url + "moduler/side-2/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    page.locator(".kat-table-view > summary").click()
    assert violations(page) == []
    page.locator("input[name=kursustype][value=amu]").check()
    expect(page.locator("[data-kat-more]")).to_be_visible()
    assert violations(page) == []
    page.close()


# --- the rows come from one data file, fetched when first needed ----------------------------------------------


def data_requests(page: Any) -> list[str]:
    """The addresses of the rows' data file that the page fetches, collected as they happen."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if request.url.endswith("/moduler.json") else None)
    return seen


def test_the_rows_are_fetched_only_when_a_filter_or_the_table_needs_them(browser: Any, base_url: str) -> None:
    """Opening the overview fetches no rows and shows the rendered counts; the first filter fetches them once."""
    page = browser.new_page()
    seen = data_requests(page)
    page.goto(base_url + "moduler/side-2/")
    pau = page.locator("label.kat-filters__option", has=page.locator("input[name=indgang][value=pau]"))
    expect(pau.locator(".kat-filters__count")).to_have_text("(3)")
    expect(status(page)).to_have_text("Viser modul 3–4 af 5 (side 2 af 3).")
    assert seen == []
    page.get_by_label("Akademimodul").check()
    expect(status(page)).to_have_text("Viser 1 af 5 moduler.")
    page.locator(".kat-table-view > summary").click()
    expect(page.locator("table[data-kat-sortable] tbody tr:visible")).to_have_count(1)
    assert seen == [base_url + "moduler/moduler.json"]
    page.close()


def test_the_table_opened_first_fetches_the_rows(browser: Any, base_url: str) -> None:
    """Unfolding the table before any filter fetches the rows and lists every module; the status reads as before."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    page.locator(".kat-table-view > summary").click()
    expect(page.locator("table[data-kat-sortable] tbody tr")).to_have_count(5)
    expect(status(page)).to_have_text("Viser modul 1–2 af 5 (side 1 af 3).")
    page.close()


def test_while_the_rows_load_the_status_says_so(browser: Any, base_url: str) -> None:
    """Until the data file arrives the status says the modules are being fetched; then it counts the matches."""
    page = browser.new_page()
    held: list[Any] = []
    page.route("**/moduler/moduler.json", lambda route: held.append(route))
    page.goto(base_url + "moduler/?kursustype=akademimodul")
    expect(status(page)).to_have_text("Henter modulernes data …")
    expect(page.locator(".kat-pager")).to_be_visible()
    held[0].continue_()
    expect(results(page)).to_have_text(["Pædagogik og kommunikation"])
    expect(status(page)).to_have_text("Viser 1 af 5 moduler.")
    page.close()


def test_a_failed_fetch_says_so_in_danish_and_leaves_the_cards(browser: Any, base_url: str) -> None:
    """When the data file cannot be fetched the status explains it in Danish and the page's cards stay shown."""
    page = browser.new_page()
    page.route("**/moduler/moduler.json", lambda route: route.abort())
    page.goto(base_url + "moduler/")
    page.get_by_label("Akademimodul").check()
    expect(status(page)).to_have_text(
        "Modulernes data kunne ikke hentes, så filtrene og tabellen virker ikke lige nu; kortene nedenfor er ikke "
        "filtreret. Prøv at genindlæse siden."
    )
    expect(page.locator("[data-kat-cards] .kat-card:visible .kat-card__title")).to_have_text(TODAY[:2])
    expect(page.locator(".kat-pager")).to_be_visible()
    page.get_by_role("button", name="Nulstil filtre").click()
    expect(status(page)).to_have_text("Viser modul 1–2 af 5 (side 1 af 3).")
    page.close()
