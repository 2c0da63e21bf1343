"""Real chromium (Debian's, driven by Playwright) on the built mini site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from katalog.browser import serve_directory

from .conftest import require_chromium

pytestmark = pytest.mark.browser
require_chromium()


@pytest.fixture(scope="module")
def base_url(mini_site: Path) -> Iterator[str]:
    with serve_directory(mini_site) as url:
        yield url


def visible_cards(page: Any) -> Any:
    """The titles of the cards the filters leave visible, as a locator that waiting assertions re-query."""
    return page.locator("[data-kat-cards] .kat-card:visible .kat-card__title")


def test_module_filters_narrow_the_cards_without_reload(browser: Any, base_url: str) -> None:
    """Ticking a facet hides non-matching cards; groups combine with AND, values with OR; reset shows all."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    expect(visible_cards(page)).to_have_count(3)  # the overview opens on what can be taken today
    page.get_by_label("Akademimodul").check()
    expect(visible_cards(page)).to_have_text(["Pædagogik og kommunikation"])
    expect(page.locator("[data-kat-filter-status]")).to_have_text("Viser 1 af 5 moduler.")
    page.get_by_label("AMU", exact=False).first.check()
    expect(visible_cards(page)).to_have_count(5)
    page.locator("fieldset:has(legend:text('Status'))").get_by_label("Anbefalet (ny)").check()
    expect(visible_cards(page)).to_have_text(["Oplæringsvejleder, overbygning"])
    page.get_by_role("button", name="Nulstil filtre").click()
    expect(visible_cards(page)).to_have_count(5)
    page.close()


def test_the_overview_opens_on_today_with_proposals_one_click_away(browser: Any, base_url: str) -> None:
    """Today's modules show first; proposals and retired modules are folded under one summary."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    expect(visible_cards(page)).to_have_count(3)
    assert sorted(visible_cards(page).all_inner_texts()) == [
        "Oplæringsvejleder, basis",
        "Pædagogik og kommunikation",
        "Simulation <script>alert(1)</script>",
    ]
    summary = page.locator("[data-kat-proposals] > summary")
    assert "(2)" in summary.inner_text() and "kan ikke tilmeldes" in summary.inner_text()
    summary.click()
    expect(visible_cards(page)).to_have_count(5)
    page.close()


def test_filters_work_by_keyboard(browser: Any, base_url: str) -> None:
    """A keyboard user can reach a filter with Tab and toggle it with Space."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    page.locator("input[name=indgang][value=pau]").focus()
    page.keyboard.press("Space")
    expect(page.locator("[data-kat-filter-status]")).to_have_text("Viser 3 af 5 moduler.")
    page.close()


def test_chosen_filters_live_in_the_address(browser: Any, base_url: str) -> None:
    """A filtered list can be shared: the address holds the choice, and opening it restores the choice."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    page.get_by_label("Akademimodul").check()
    expect(page).to_have_url(re.compile(r"moduler/\?kursustype=akademimodul$"))
    page.goto(base_url + "moduler/?indgang=sosu&status=anbefalet")
    expect(page.locator("input[name=indgang][value=sosu]")).to_be_checked()
    expect(visible_cards(page)).to_have_text(["Oplæringsvejleder, overbygning"])
    expect(page.locator("[data-kat-filter-summary]")).to_have_text("(2 valgt)")
    page.close()


def test_role_page_links_to_its_modules_filtered(browser: Any, base_url: str) -> None:
    """'Se rollens moduler' opens the module list filtered on that role."""
    page = browser.new_page()
    page.goto(base_url + "roller/koordinator/")
    page.get_by_role("link", name="Se rollens moduler i modullisten").click()
    page.wait_for_url("**/moduler/?rolle=koordinator")
    expect(page.locator("input[name=rolle][value=koordinator]")).to_be_checked()
    expect(visible_cards(page).filter(has_text="Pædagogik og kommunikation")).to_have_count(1)
    page.close()


def test_filter_panel_starts_closed_on_a_phone(browser: Any, base_url: str) -> None:
    """On a phone the cards come first; the filter panel opens on a tap."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "moduler/")
    expect(page.locator("[data-kat-filters]")).to_be_hidden()
    expect(page.locator("[data-kat-cards] .kat-card").first).to_be_visible()
    page.get_by_text("Filtre", exact=True).click()
    expect(page.locator("[data-kat-filters]")).to_be_visible()
    page.close()


@pytest.mark.parametrize(
    "path", ["", "moduler/", "moduler/basis/", "struktur/", "forloeb/sosu-vejleder/", "ordliste/", "hent/"]
)
def test_pages_request_nothing_from_other_hosts(browser: Any, base_url: str, path: str) -> None:
    """Every request a page makes goes to the site's own host."""
    page = browser.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(base_url + path, wait_until="networkidle")
    assert hosts == {urlparse(base_url).netloc}
    page.close()


def test_phone_width_has_no_horizontal_scroll(browser: Any, base_url: str) -> None:
    """At phone width the module grid fits the screen."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "moduler/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.close()


def test_the_overview_table_sorts_by_column_and_follows_the_filters(browser: Any, base_url: str) -> None:
    """The table view sorts by AMU number or length at a click (aria-sort says how) and shows the filtered rows."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    page.locator(".kat-table-view > summary").click()
    table = page.locator("table[data-kat-sortable]")
    heading = table.locator("th", has_text="AMU-nr.")
    heading.get_by_role("button").click()
    expect(heading).to_have_attribute("aria-sort", "ascending")
    numbers = [n for n in table.locator("tbody tr td:first-child").all_inner_texts() if n != "–"]
    assert numbers == sorted(numbers, key=int) and len(numbers) >= 2
    heading.get_by_role("button").click()
    expect(heading).to_have_attribute("aria-sort", "descending")
    numbers = [n for n in table.locator("tbody tr td:first-child").all_inner_texts() if n != "–"]
    assert numbers == sorted(numbers, key=int, reverse=True)
    page.get_by_label("Akademimodul").check()
    expect(table.locator("tbody tr:visible")).to_have_count(1)
    expect(table.locator("tbody tr:visible")).to_contain_text("Pædagogik og kommunikation")
    page.close()


def test_filter_counts_follow_the_other_choices(browser: Any, base_url: str) -> None:
    """After ticking 'Akademimodul', each entry's count says how many akademimoduler ticking it would show."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    pau = page.locator("label.kat-filters__option", has=page.locator("input[name=indgang][value=pau]"))
    expect(pau.locator(".kat-filters__count")).to_have_text("(3)")
    page.get_by_label("Akademimodul").check()
    expect(pau.locator(".kat-filters__count")).to_have_text("(0)")
    page.close()


def test_every_filter_option_counts_and_shows_its_modules(browser: Any, base_url: str) -> None:
    """Each option offered has modules (or it would not be offered): its count is above 0, and ticking it alone
    shows that many cards, also for values of more than one word such as '1-3 dage' and 'Ikke oplyst'."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    page.locator("details.kat-proposals > summary").click()  # unfold the proposals, so every card can show
    options = page.locator("label.kat-filters__option")
    for index in range(options.count()):
        option = options.nth(index)
        count = int(option.locator(".kat-filters__count").inner_text().strip("()"))
        assert count > 0, option.inner_text()
        option.locator("input").check()
        expect(visible_cards(page), option.inner_text()).to_have_count(count)
        option.locator("input").uncheck()
    page.close()
