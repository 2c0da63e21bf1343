"""Reader tasks, click by click from the forside in real chromium, each answered in at most three clicks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import require_chromium

pytestmark = pytest.mark.browser
require_chromium()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url)
    yield page
    page.close()


def test_a_new_daily_vejleder_in_sosu_finds_the_course_to_take_today(page: Any) -> None:
    """(a) Forside → 'Start her': 49970, 11 days; one click to how to sign up (the national portal, VEU)."""
    start = page.locator(".kat-start", has_text="Daglig oplæringsvejleder")
    line = start.locator("li", has_text=re.compile(r"^SOSU"))
    expect(line).to_contain_text("AMU-nummer 49970")
    expect(line).to_contain_text("11 dage")
    expect(line).to_contain_text("Det første kursus, du kan tage i dag")
    start.get_by_role("link", name=re.compile("Sådan tilmelder du dig")).click()  # click 1
    practical = page.locator("section", has=page.get_by_role("heading", name=re.compile("Praktisk")))
    expect(practical).to_contain_text("VoksenUddannelse.dk")
    expect(practical).to_contain_text("VEU-godtgørelse søges samtidig med tilmeldingen")
    expect(practical).to_contain_text("oplyst pr.")


def test_a_pau_leader_finds_days_away_who_pays_and_the_checklist(page: Any) -> None:
    """(b) Forside → 'For ledere': days away for the PAU pathway, who pays with the year, before/during/after."""
    page.get_by_role("link", name="For ledere").first.click()  # click 1
    expect(page.get_by_role("heading", level=1)).to_contain_text("guide for ledere")
    for phase in ("Før kurset", "Under kurset", "Efter kurset"):
        expect(page.get_by_role("heading", name=re.compile(f"^{phase}"))).to_be_visible()
    row = page.locator("tr", has=page.get_by_role("link", name="Daglig oplæringsvejleder, PAU"))
    expect(row).to_contain_text("11-14 dage")  # today: 49970 once, and the optional ajourføring
    expect(row).to_contain_text("11-15 dage")  # recommended: PAU basis A and B, and the optional ajourføring
    practical = page.locator("section", has=page.get_by_role("heading", name=re.compile("Praktisk")))
    expect(practical).to_contain_text("deltagerbetaling", ignore_case=True)
    expect(practical).to_contain_text(re.compile(r"oplyst pr\. \d+\. \w+ 20\d\d"))


def test_a_coordinator_sees_what_covers_a_recommended_module_today(page: Any) -> None:
    """(c) Forside → a proposed box in the structure → its page says it is a proposal and what covers it today."""
    page.locator(".kat-structure a.kat-box--anbefalet", has_text="SOSU basis").first.click()  # click 1
    expect(page.locator(".kat-notice")).to_contain_text("kan ikke tilmeldes endnu")
    covered = page.locator(".kat-facts dd", has=page.get_by_role("link", name=re.compile("49970")))
    expect(covered).to_contain_text("AMU 49970, 11 dage")


def test_a_proposal_never_reads_as_a_course(page: Any, base_url: str) -> None:
    """Every proposed module says so on its card, its page and in the structure."""
    page.goto(base_url + "moduler/")
    expect(page.locator("[data-kat-proposals] .kat-card").first).to_be_hidden()  # folded: one click away
    page.locator("[data-kat-proposals] > summary").click()
    cards = page.locator("[data-kat-proposals] .kat-card[data-status='anbefalet']")
    expect(cards.first).to_be_visible()
    for i in range(cards.count()):
        expect(cards.nth(i).locator(".kat-badge--status-anbefalet")).to_have_text("Anbefalet (ny)")
