"""The progression map in real chromium: every box reached by Tab leads to its module page; readable on a phone."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from katalog import urls, vocab
from katalog.model import Catalogue

from .conftest import require_chromium
from .test_accessibility import _contrast

pytestmark = pytest.mark.browser
require_chromium()

MAP = urls.MAP.relative("")


def _tab_through_map(page: Any) -> list[tuple[str, str]]:
    """Press Tab from the page's top until focus has left the map; return (module id, href) of each box reached."""
    reached: list[tuple[str, str]] = []
    page.locator("h1").first.evaluate("el => { el.tabIndex = -1; el.focus(); }")
    for _ in range(200):
        page.keyboard.press("Tab")
        found = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || !el.closest('.kat-map')) return el && el.closest('.kat-map__twin') ? 'done' : null;
                return el.matches('.kat-map__box') ? [el.dataset.module, el.href.baseVal || el.getAttribute('href')] : null;
            }"""
        )
        if found == "done":
            break
        if found:
            reached.append((found[0], found[1]))
    return reached


def test_tab_reaches_every_box_and_each_leads_to_its_module_page(
    browser: Any, base_url: str, catalogue: Catalogue
) -> None:
    """Tab visits each module's box once, in drawing order; each box's link opens that module's page."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + MAP)
    reached = _tab_through_map(page)
    assert sorted(module_id for module_id, _ in reached) == sorted(catalogue.modules)
    for module_id, href in reached:
        response = page.goto(base_url + MAP + href)
        assert response is not None and response.ok, href
        assert page.url == base_url + urls.module(module_id).relative("")
        expect(page.locator("h1")).to_contain_text(catalogue.modules[module_id].title)
    page.close()


def test_enter_on_a_focused_box_opens_its_module(browser: Any, base_url: str, catalogue: Catalogue) -> None:
    """A box focused by Tab opens its module page with Enter, and the focus ring is drawn while it has focus."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + MAP)
    first_id, _ = _tab_through_map(page)[0]
    page.goto(base_url + MAP)
    page.locator("h1").first.evaluate("el => { el.tabIndex = -1; el.focus(); }")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.kat-map__box')"):
            break
    box = page.locator(f'.kat-map__box[data-module="{first_id}"] rect')
    assert box.evaluate("el => parseFloat(getComputedStyle(el).strokeWidth)") >= 4
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + urls.module(first_id).relative(""))
    expect(page.locator("h1")).to_contain_text(catalogue.modules[first_id].title)
    page.close()


def test_each_box_is_a_link_named_by_its_module_and_status(browser: Any, base_url: str, catalogue: Catalogue) -> None:
    """Screen readers hear each box as a link with the module's visible name and its status."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + MAP)
    boxes = page.locator(".kat-map__box")
    expect(boxes).to_have_count(len(catalogue.modules))
    for i in range(boxes.count()):
        box = boxes.nth(i)
        module = catalogue.modules[box.get_attribute("data-module") or ""]
        expect(box).to_have_role("link")
        name = box.get_attribute("aria-label") or ""
        assert name.startswith(module.name) and name.endswith(vocab.STATUSES[module.status]), name
        assert module.name.split()[0] in (box.text_content() or "")
    page.close()


def test_on_a_phone_the_map_scrolls_in_its_frame_with_a_hint_and_text_stays_readable(
    browser: Any, base_url: str
) -> None:
    """At 375 px the page does not scroll sideways, the drawing does inside its frame, and no map text is under 12 px."""
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + MAP)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    expect(page.locator(".kat-map__hint")).to_be_visible()
    frame = page.locator(".kat-map__scroll").first
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")
    smallest = page.evaluate(
        """() => Math.min(...Array.from(document.querySelectorAll('.kat-map__svg')).flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Array.from(svg.querySelectorAll('text, tspan')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        }))"""
    )
    assert smallest >= 12
    page.close()


def test_on_a_desktop_the_whole_drawing_fits_without_a_hint(browser: Any, base_url: str) -> None:
    """At 1280 px the drawing fits its frame, so there is nothing to scroll and no hint."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + MAP)
    expect(page.locator(".kat-map__hint")).to_be_hidden()
    assert page.locator(".kat-map__scroll").first.evaluate("el => el.scrollWidth <= el.clientWidth")
    page.close()


def test_the_map_is_reached_from_the_forside_the_structure_and_more(browser: Any, base_url: str) -> None:
    """The forside, «Den nationale struktur» and «Mere» link to the map."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for start in ("", urls.STRUCTURE.relative(""), urls.MORE.relative("")):
        page.goto(base_url + start)
        page.locator(".md-content").get_by_role("link", name="Kort over uddannelserne").first.click()
        expect(page.locator("h1")).to_have_text("Kort over uddannelserne")
    page.close()


def _rgb(css: str) -> list[float]:
    return [float(part) for part in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]


@pytest.mark.parametrize("scheme", [0, 1])
def test_box_text_and_arrows_keep_their_contrast_in_light_and_dark(browser: Any, base_url: str, scheme: int) -> None:
    """axe does not measure SVG text, so this does: box text ≥ 4.5:1 on its box, borders and arrows ≥ 3:1 on the frame."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({{index: {scheme}, color: {{}}}}))")
    page.goto(base_url + MAP)
    styles = page.evaluate(
        """() => {
            const style = el => getComputedStyle(el);
            const frame = style(document.querySelector('.kat-map__scroll')).backgroundColor;
            const pairs = [];
            for (const box of document.querySelectorAll('.kat-map__box')) {
                const rect = box.querySelector('rect');
                for (const t of box.querySelectorAll('tspan')) pairs.push(['text', style(t).fill, style(rect).fill]);
                pairs.push(['line', style(rect).stroke, frame]);
            }
            for (const edge of document.querySelectorAll('.kat-map__svg .kat-map__edge')) pairs.push(['line', style(edge).stroke, frame]);
            for (const t of document.querySelectorAll('.kat-map__svg > text')) pairs.push(['text', style(t).fill, frame]);
            return pairs;
        }"""
    )
    low = [(kind, a, b) for kind, a, b in styles if _contrast(_rgb(a), _rgb(b)) < (4.5 if kind == "text" else 3)]
    assert styles and low == []
    page.close()
