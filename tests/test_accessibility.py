"""WCAG 2.1 AA on every page type of the real site: axe-core in real chromium, light and dark."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import require_chromium

pytestmark = pytest.mark.browser
require_chromium()

# axe-core as shipped inside the axe-playwright-python wheel: no download at test time.
AXE = files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PAGE_TYPES = [
    "",
    "struktur/",
    "moduler/",
    "moduler/oplaeringsvejleder-basis/",
    "moduler/sosu-basis/",
    "forloeb/",
    "forloeb/daglig-vejleder-sosu/",
    "roller/",
    "roller/koordinator/",
    "uddannelsestyper/",
    "uddannelsestyper/akademimodul/",
    "udbydere/",
    "statistik/",
    "ordliste/",
    "kilder/",
    "om/",
    "soeg/",
    "hent/",
    "guider/ledere/",
    "roller/leder/",
    "mere/",
    "seneste-aendringer/",
    "felter/",
    "find-din-vej/",
    "kort/",
    "sammenlign/",
]


def violations(page: Any) -> list[str]:
    # Axe measures colours as they are drawn: a button halfway through fading in (Material's «back to top» after a
    # scroll) has half its contrast. Readers see the page at rest, so axe does too.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(content=AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[node['target'] for node in v['nodes']][:5]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_has_no_axe_violations(browser: Any, base_url: str, path: str, scheme: str) -> None:
    """Zero WCAG 2.1 A/AA violations, in the light and the dark colour scheme."""
    page = browser.new_page()
    # Material keeps the chosen palette in localStorage; index 1 is the dark scheme in mkdocs.yml.
    index = 1 if scheme == "slate" else 0
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {index}, color: {{}}}}))")
    page.goto(base_url + path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    assert violations(page) == []
    page.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_open_search_with_results_has_no_axe_violations(browser: Any, base_url: str, scheme: str) -> None:
    """The search dialog, Pagefind's results and its filters meet WCAG 2.1 AA too."""
    page = browser.new_page()
    index = 1 if scheme == "slate" else 0
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {index}, color: {{}}}}))")
    page.goto(base_url + "moduler/")
    page.keyboard.press("/")
    page.locator(".pagefind-ui__search-input").fill("oplæringsvejledning")
    page.locator(".pagefind-ui__result-link >> nth=0").wait_for()
    page.locator(".pagefind-ui__filter-name", has_text="Niveau").click()
    expect(page.locator(".pagefind-ui__filter-block[open]", has_text="Niveau")).to_have_count(1)
    assert violations(page) == []
    page.close()


def test_keyboard_focus_is_visible(browser: Any, base_url: str) -> None:
    """Tabbing to a card link draws a visible focus ring."""
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    link = page.locator(".kat-card a").first
    link.focus()
    outline = link.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), outline
    page.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_phone_width_has_no_sideways_scroll_and_no_tiny_text(browser: Any, base_url: str, path: str) -> None:
    """At 375 px nothing overflows the page sideways, and no text in the page's content is under 12 px."""
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    smallest = page.evaluate(
        """() => {
            let small = [];
            for (const el of document.querySelectorAll('.md-content *')) {
                const text = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
                const box = el.getBoundingClientRect();
                if (!text || box.width === 0 || box.height === 0) continue;
                const size = parseFloat(getComputedStyle(el).fontSize);
                if (size < 12) small.push(el.tagName + '.' + el.className + ': ' + size);
            }
            return small.slice(0, 40);
        }"""
    )
    assert smallest == []
    page.close()


def _contrast(a: list[float], b: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        channels = [c / 255 for c in rgb[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_focus_in_the_header_stands_out_from_the_bar(browser: Any, base_url: str, scheme: str) -> None:
    """The focus ring on the header's search button has at least 3:1 contrast against the teal bar."""
    page = browser.new_page()
    index = 1 if scheme == "slate" else 0
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {index}, color: {{}}}}))")
    page.goto(base_url)
    page.keyboard.press("Tab")
    button = page.locator(".md-header .kat-search-button")
    button.focus()
    colours = button.evaluate(
        """el => {
            const rgb = s => s.match(/[0-9.]+/g).map(Number);
            const header = document.querySelector('.md-header');
            return [rgb(getComputedStyle(el).outlineColor), rgb(getComputedStyle(header).backgroundColor),
                    getComputedStyle(el).outlineStyle];
        }"""
    )
    assert colours[2] != "none"
    assert _contrast(colours[0], colours[1]) >= 3
    page.close()
