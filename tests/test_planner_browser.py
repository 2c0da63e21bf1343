"""«Find din vej» in real chromium: choosing, crossing off, the address, print, and the page without script."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from katalog import vocab
from katalog.model import Catalogue
from katalog.planner import plan
from katalog.views.planner import total_days

from .conftest import require_chromium

pytestmark = pytest.mark.browser
require_chromium()

PLANNER = "find-din-vej/"


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def block(page: Any, heading: str) -> Any:
    return page.locator(".kat-plan-block", has=page.get_by_role("heading", name=heading))


def test_choosing_role_entry_and_modules_gives_the_next_steps_and_the_days_away(page: Any, base_url: str) -> None:
    """Daily vejleder, PAU, 48256 typed as an AMU number: basis is done; only the optional update is left."""
    page.goto(base_url + PLANNER)
    page.get_by_label("Din rolle").select_option(label="Daglig oplæringsvejleder")
    page.get_by_role("radio", name=re.compile("^PAU")).check()
    today, later = block(page, "Det kan du tage nu"), block(page, "Det næste i den anbefalede struktur")
    expect(today).to_contain_text("49970")
    expect(today.locator(".kat-plan-days")).to_have_text("11-14 dage")
    expect(later).to_contain_text("PAU basis A")
    expect(later.locator(".kat-plan-days")).to_have_text("11-15 dage")

    page.get_by_label("AMU-numre fra dit kursusbevis").fill("48256")
    page.get_by_role("button", name="Tilføj").click()
    expect(page.get_by_role("checkbox", name=re.compile("^48256"))).to_be_checked()
    expect(today).not_to_contain_text("49970")
    expect(today.locator(".kat-plan-days")).to_have_text("0-3 dage")
    expect(later).not_to_contain_text("PAU basis A")
    expect(later.locator(".kat-plan-days")).to_have_text("0-4 dage")
    expect(later).to_contain_text("valgfrit")
    assert "rolle=daglig-vejleder" in page.url and "indgang=pau" in page.url and "taget=48256" in page.url


def test_the_plan_comes_back_from_its_address(page: Any, base_url: str) -> None:
    """A shared link restores role, entry and the modules taken, and shows the same plan."""
    page.goto(
        base_url + PLANNER + "?rolle=fuldtidsvejleder&indgang=sosu&taget=49970,akademi-paedagogik-og-kommunikation"
    )
    expect(page.get_by_label("Din rolle")).to_have_value("fuldtidsvejleder")
    expect(page.get_by_role("radio", name=re.compile("^SOSU"))).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile("^49970"))).to_be_checked()
    expect(page.get_by_role("checkbox", name="Pædagogik og kommunikation")).to_be_checked()
    today = block(page, "Det kan du tage nu")
    expect(today).to_contain_text("48381")
    expect(today).not_to_contain_text("Pædagogik og kommunikation")
    page.reload()
    expect(page.get_by_role("checkbox", name=re.compile("^49970"))).to_be_checked()
    expect(today).to_contain_text("48381")


def test_an_unknown_amu_number_is_said_and_kept_in_the_field(page: Any, base_url: str) -> None:
    """A number the catalogue does not know is named in a message, not silently dropped."""
    page.goto(base_url + PLANNER)
    field = page.get_by_label("AMU-numre fra dit kursusbevis")
    field.fill("12345 49970")
    field.press("Enter")
    expect(page.get_by_role("checkbox", name=re.compile("^49970"))).to_be_checked()
    expect(page.locator("[data-kat-plan-amu-message]")).to_have_text("Kender ikke AMU-nummer 12345.")
    expect(field).to_have_value("12345")


@pytest.mark.parametrize("taken", ["", "48256", "48256,20813"])
@pytest.mark.parametrize("entry", sorted(vocab.ENTRIES))
@pytest.mark.parametrize("role", ["koordinator", "fuldtidsvejleder", "daglig-vejleder", "kollega", "leder"])
def test_the_script_answers_every_role_and_entry_as_the_python_planner_does(
    page: Any, base_url: str, catalogue: Catalogue, role: str, entry: str, taken: str
) -> None:
    """Every role × entry shows steps and the same days away as katalog.planner computes."""
    page.goto(f"{base_url}{PLANNER}?rolle={role}&indgang={entry}&taget={taken}")
    ids = [m.id for m in catalogue.modules.values() if str(m.amu_number) in taken.split(",")]
    expected = plan(catalogue, role, entry, ids)
    today, later = block(page, "Det kan du tage nu"), block(page, "Det næste i den anbefalede struktur")
    expect(today.locator(".kat-plan-days")).to_have_text(total_days(expected.today))
    expect(later.locator(".kat-plan-days")).to_have_text(total_days(expected.recommended))
    expect(today.locator(".kat-plan-steps > li")).to_have_count(len(expected.today))
    expect(later.locator(".kat-plan-steps > li")).to_have_count(len(expected.recommended))
    assert expected.today or expected.recommended or not taken


def test_the_result_is_announced_when_it_changes(page: Any, base_url: str) -> None:
    """A status region says the new plan in one sentence after each change."""
    page.goto(base_url + PLANNER + "?rolle=daglig-vejleder&indgang=sosu")
    status = page.get_by_role("status")
    expect(status).to_contain_text("Det kan du tage nu: 2 trin, 11-14 dage")
    page.get_by_role("checkbox", name=re.compile("^49970")).check()
    expect(status).to_contain_text("Det kan du tage nu: 1 trin, 0-3 dage")


def test_the_planner_works_from_the_keyboard(page: Any, base_url: str) -> None:
    """Role by arrow keys, a module ticked with the space bar, AMU numbers added with Enter."""
    page.goto(base_url + PLANNER)
    role = page.get_by_label("Din rolle")
    role.focus()
    page.keyboard.press("ArrowDown")
    expect(role).not_to_have_value("koordinator")
    page.get_by_role("checkbox", name=re.compile("^49384")).focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name=re.compile("^49384"))).to_be_checked()
    page.get_by_label("AMU-numre fra dit kursusbevis").focus()
    page.keyboard.type("49970")
    page.keyboard.press("Enter")
    expect(page.get_by_role("checkbox", name=re.compile("^49970"))).to_be_checked()


def test_the_printed_plan_is_one_page_with_the_address_and_the_data_date(page: Any, base_url: str) -> None:
    """Print shows the plan, not the form, with the plan's address and the data date, on one A4 page."""
    page.goto(base_url + PLANNER + "?rolle=fuldtidsvejleder&indgang=sosu")
    page.emulate_media(media="print")
    expect(page.locator("[data-kat-planner]")).to_be_hidden()
    line = page.locator(".kat-plan-print-only")
    expect(line).to_be_visible()
    expect(line).to_contain_text("rolle=fuldtidsvejleder")
    expect(line).to_contain_text(re.compile(r"Data fra \d+\. \w+ 20\d\d"))
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_without_javascript_the_page_lists_the_role_pathways_as_plain_links(browser: Any, base_url: str) -> None:
    """No script: no form, and every role with its pathways as links that lead to the pathway pages."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PLANNER)
    expect(page.locator("[data-kat-planner]")).to_be_hidden()
    fallback = page.locator("[data-kat-plan-fallback]")
    expect(fallback.get_by_role("link", name="Daglig oplæringsvejleder, PAU")).to_be_visible()
    expect(fallback.get_by_role("link", name="Koordinator, SOSU og PAU")).to_be_visible()
    fallback.get_by_role("link", name="Daglig oplæringsvejleder, PAU").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Daglig oplæringsvejleder, PAU")
    context.close()


def test_the_planner_is_in_the_main_navigation(page: Any, base_url: str) -> None:
    """«Find din vej» is one click from the forside."""
    page.goto(base_url)
    page.get_by_role("link", name="Find din vej").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find din vej")
