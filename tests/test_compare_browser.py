"""«Sammenlign moduler» in real chromium: add from a card or a module page, remove, reload, the list, the limits."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import require_chromium
from .test_accessibility import violations

pytestmark = pytest.mark.browser
require_chromium()

BASIS = "oplaeringsvejleder-basis"
DIGITAL = "digitale-vejlederkompetencer"
FOUR = [BASIS, "sosu-basis", "pau-basis-a", DIGITAL]


@pytest.fixture(scope="module")
def titles(real_site: Path) -> dict[str, str]:
    data = json.loads((real_site / "sammenlign" / "moduler.json").read_text("utf-8"))
    return {m["id"]: m["title"] for m in data["modules"]}


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert errors == []


def columns(page: Any) -> Any:
    return page.locator(".kat-compare__table thead th a")


def status(page: Any) -> Any:
    return page.locator("[data-kat-compare-status]")


def test_a_reader_adds_two_modules_from_cards_removes_one_and_reloads(
    page: Any, base_url: str, titles: dict[str, str]
) -> None:
    """«Sammenlign» on two cards builds a two-column table; «Fjern» takes one out; a reload keeps the rest."""
    page.goto(base_url + "moduler/")
    page.get_by_role("link", name=f"Sammenlign {titles[BASIS]}", exact=True).click()
    expect(columns(page)).to_have_text([titles[BASIS]])
    expect(page).to_have_url(re.compile(rf"sammenlign/\?moduler={BASIS}$"))
    page.goto(base_url + "moduler/")
    page.get_by_role("link", name=f"Sammenlign {titles[DIGITAL]}", exact=True).click()
    expect(columns(page)).to_have_text([titles[BASIS], titles[DIGITAL]])
    expect(page).to_have_url(re.compile(rf"\?moduler={BASIS},{DIGITAL}$"))
    row = page.locator(".kat-compare__table tbody tr", has=page.get_by_role("rowheader", name="AMU-nummer"))
    expect(row.locator("td")).to_have_text(["49970", "20813"])
    page.get_by_role("button", name=f"Fjern {titles[BASIS]}").click()
    expect(columns(page)).to_have_text([titles[DIGITAL]])
    expect(status(page)).to_contain_text(f"Fjernede «{titles[BASIS]}»")
    expect(page.get_by_role("button", name=f"Fjern {titles[DIGITAL]}")).to_be_focused()
    expect(page).to_have_url(re.compile(rf"\?moduler={DIGITAL}$"))
    page.reload()
    expect(columns(page)).to_have_text([titles[DIGITAL]])
    page.get_by_role("button", name=f"Fjern {titles[DIGITAL]}").click()
    expect(page.get_by_text("Du har ikke valgt nogen moduler endnu")).to_be_visible()
    expect(page.get_by_label("Tilføj et modul")).to_be_focused()
    expect(page).to_have_url(re.compile(r"/sammenlign/$"))


def test_the_module_page_adds_its_module_to_the_earlier_choice(
    page: Any, base_url: str, titles: dict[str, str]
) -> None:
    """«Sammenlign med andre moduler» on a module page keeps the modules chosen before and adds this one last."""
    page.goto(base_url + f"sammenlign/?moduler={DIGITAL}")
    expect(columns(page)).to_have_text([titles[DIGITAL]])
    page.goto(base_url + f"moduler/{BASIS}/")
    page.get_by_role("link", name="Sammenlign med andre moduler").click()
    expect(columns(page)).to_have_text([titles[DIGITAL], titles[BASIS]])


def test_the_list_adds_modules_until_four_are_chosen(page: Any, base_url: str, titles: dict[str, str]) -> None:
    """The list offers only modules not yet chosen, announces each addition, and rests at four."""
    page.goto(base_url + "sammenlign/")
    expect(page.get_by_text("Du har ikke valgt nogen moduler endnu")).to_be_visible()
    expect(page.get_by_text("Der kan højst sammenlignes fire moduler ad gangen")).to_be_hidden()
    choice = page.get_by_label("Tilføj et modul")
    for count, module in enumerate(FOUR, start=1):
        choice.select_option(module)
        page.get_by_role("button", name="Tilføj", exact=True).click()
        expect(columns(page)).to_have_count(count)
        expect(status(page)).to_contain_text(f"Tilføjede «{titles[module]}»")
        if count < len(FOUR):
            expect(choice.locator(f'option[value="{module}"]')).to_have_count(0)
    expect(choice).to_be_disabled()
    expect(page.get_by_text("Der kan højst sammenlignes fire moduler ad gangen")).to_be_visible()
    expect(page.get_by_role("button", name="Tilføj", exact=True)).to_be_disabled()
    expect(page).to_have_url(re.compile(r"\?moduler=" + ",".join(FOUR) + "$"))


def test_unknown_and_surplus_modules_in_the_address_are_left_out_politely(
    page: Any, base_url: str, titles: dict[str, str]
) -> None:
    """An id the catalogue lacks is named and skipped; of more than four, the four added last are shown."""
    page.goto(base_url + "sammenlign/?moduler=findes-ikke," + ",".join([*FOUR, "praktikvejleder-eux-talent"]))
    expect(columns(page)).to_have_count(4)
    expect(columns(page).first).to_have_text(titles["sosu-basis"])
    expect(status(page)).to_contain_text("Kataloget har ikke modulet «findes-ikke»")
    expect(status(page)).to_contain_text(f"højst sammenlignes fire moduler ad gangen, så «{titles[BASIS]}» er taget ud")
    expect(page).not_to_have_url(re.compile("findes-ikke"))


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_filled_comparison_has_no_axe_violations(browser: Any, base_url: str, scheme: str) -> None:
    """Four columns, with proposals among them, meet WCAG 2.1 AA in the light and the dark colour scheme."""
    page = browser.new_page()
    index = 1 if scheme == "slate" else 0
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {index}, color: {{}}}}))")
    page.goto(base_url + "sammenlign/?moduler=" + ",".join(FOUR))
    expect(columns(page)).to_have_count(4)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    assert violations(page) == []
    page.close()


def test_four_columns_on_a_phone_scroll_inside_their_box(browser: Any, base_url: str) -> None:
    """At 375 px the page does not scroll sideways; the table scrolls in its own box, and no text is under 12 px."""
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + "sammenlign/?moduler=" + ",".join(FOUR))
    expect(columns(page)).to_have_count(4)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    box = page.locator(".kat-compare__scroll")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    assert "kat-table-scroll" in (box.get_attribute("class") or "")  # the site's scroll shadows say there is more
    sizes = page.evaluate(
        "() => Array.from(document.querySelectorAll('.kat-compare *'))"
        ".filter(el => el.textContent.trim() && el.getBoundingClientRect().width > 0)"
        ".map(el => parseFloat(getComputedStyle(el).fontSize))"
    )
    assert min(sizes) >= 12
    page.close()


def test_without_javascript_the_page_points_to_the_module_overview(browser: Any, base_url: str) -> None:
    """With scripts off the empty controls stay hidden and a short note links to «Moduler»."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "sammenlign/?moduler=" + BASIS)
    expect(page.get_by_label("Tilføj et modul")).to_be_hidden()
    note = page.locator(".md-content .kat-notice", has_text="JavaScript")
    expect(note).to_be_visible()
    note.get_by_role("link", name="Moduler").click()
    expect(page).to_have_url(re.compile(r"/moduler/$"))
    context.close()


def test_four_columns_fit_a_laptop_screen_without_scrolling(page: Any, base_url: str) -> None:
    """At 1280 px all four chosen modules are in view at once: the table needs no sideways scrolling."""
    page.goto(base_url + "sammenlign/?moduler=" + ",".join(FOUR))
    expect(columns(page)).to_have_count(4)
    assert page.locator(".kat-compare__scroll").evaluate("el => el.scrollWidth <= el.clientWidth")


WORDS_BROKEN_ACROSS_LINES = """() => [...document.querySelectorAll('.kat-compare__table tbody th')].flatMap(th => {
    const text = th.firstChild, broken = [];
    let at = 0;
    for (const word of th.textContent.split(' ')) {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        if (range.getClientRects().length > 1) broken.push(word);
        at += word.length + 1;
    }
    return broken;
})"""


@pytest.mark.parametrize("width", [1280, 375])
def test_no_row_label_breaks_inside_a_word(browser: Any, base_url: str, width: int) -> None:
    """«Uddannelsestype» and the other row labels keep each word on one line, on a laptop and on a phone."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base_url + f"sammenlign/?moduler={BASIS},{DIGITAL}")
    expect(columns(page)).to_have_count(2)
    assert page.evaluate(WORDS_BROKEN_ACROSS_LINES) == []
    page.close()
