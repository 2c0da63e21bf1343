"""Search: Pagefind's index of the real site, queried in real chromium through the same UI readers use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .conftest import require_chromium

pytestmark = pytest.mark.browser
require_chromium()

FIRST_RESULT = "[data-kat-search-dialog] .pagefind-ui__result-link >> nth=0"
# One link per page found; the links of a page's sections ("sub-results") sit nested below it.
PAGE_LINKS = (
    "[data-kat-search-dialog] .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link"
)


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    page = browser.new_page()
    page.goto(base_url + "moduler/")
    yield page
    page.close()


def search(page: Any, query: str) -> list[str]:
    """Type a query into the header search and return the result paths, best first."""
    page.keyboard.press("/")
    field = page.locator("[data-kat-search-dialog] .pagefind-ui__search-input")
    field.fill(query)
    page.wait_for_function(
        "q => (document.querySelector('[data-kat-search-dialog] .pagefind-ui__message') || {}).textContent?.includes(q)",
        arg=query,
    )
    page.locator(FIRST_RESULT).wait_for()
    links = page.locator("[data-kat-search-dialog] .pagefind-ui__result-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [urlparse(link).path for link in links]


def all_results(page: Any, query: str) -> list[str]:
    """Every page Pagefind finds for a query, through its JavaScript API (the UI shows five at a time)."""
    return list(
        page.evaluate(
            """async q => {
                const pagefind = await import('/pagefind/pagefind.js');
                const found = await pagefind.search(q);
                return Promise.all(found.results.map(r => r.data().then(d => d.url)));
            }""",
            query,
        )
    )


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Oplæringsvejledning, SOSU, basis", "/moduler/sosu-basis/"),
        ("49970", "/moduler/oplaeringsvejleder-basis/"),
        ("48256", "/moduler/praktikvejleder-basis/"),
        ("Digitale vejlederkompetencer", "/moduler/digitale-vejlederkompetencer/"),
        ("VEU-godtgørelse", "/uddannelsestyper/amu/"),
    ],
)
def test_a_title_or_amu_number_finds_its_page_first(page: Any, query: str, first: str) -> None:
    assert search(page, query)[0] == first


def test_results_show_type_amu_number_and_days(page: Any) -> None:
    search(page, "49970")
    tags = page.locator("[data-kat-search-dialog] .pagefind-ui__result >> nth=0").locator(".pagefind-ui__result-tag")
    for tag in ("AMU-nummer: 49970", "Type: AMU", "Varighed: 11 dage"):
        expect(tags.filter(has_text=tag)).to_have_count(1)


def test_a_glossary_synonym_finds_the_same_pages(page: Any) -> None:
    """'SOSU-assistent' and 'social- og sundhedsassistent' are one thing in the glossary, and in search."""
    short = all_results(page, "SOSU-assistent")
    long = all_results(page, "social- og sundhedsassistent")
    assert "/moduler/sosu-basis/" in short
    assert set(short) == set(long)


def test_danish_inflections_find_the_same_pages(page: Any) -> None:
    """Danish stemming: 'vejledere' finds the pages that say 'vejleder', and the other way round."""
    plural = all_results(page, "vejledere")
    assert "/roller/daglig-vejleder/" in plural
    assert set(plural) == set(all_results(page, "vejleder"))


def test_a_filter_narrows_the_results(page: Any) -> None:
    search(page, "oplæringsvejledning")
    message = page.locator("[data-kat-search-dialog] .pagefind-ui__message")
    before = int(message.inner_text().split()[0])
    page.locator("[data-kat-search-dialog] .pagefind-ui__filter-name", has_text="Niveau").click()
    page.locator("[data-kat-search-dialog] .pagefind-ui__filter-label", has_text="Basis").click()
    page.wait_for_function(
        "n => parseInt(document.querySelector('[data-kat-search-dialog] .pagefind-ui__message').textContent) < n",
        arg=before,
    )
    after = int(message.inner_text().split()[0])
    # Pagefind shows the count first and fills in each result as its data arrives.
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length === n", arg=[PAGE_LINKS, min(after, 5)]
    )
    narrowed = page.locator(PAGE_LINKS).evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert 0 < after < before
    basis = {"oplaeringsvejleder-basis", "praktikvejleder-basis", "sosu-basis", "pau-basis-a", "pau-basis-b"}
    assert {path.split("/")[2] for path in narrowed} <= basis


def test_only_the_main_content_is_indexed(page: Any) -> None:
    """The header ('Kataloget på GitHub'), navigation and footer are not searchable; the search page is not a result."""
    # Every page carries 'GitHub' in its header and footer; only 'Om kataloget' says it in its own text.
    assert all_results(page, "GitHub") == ["/om/"]
    assert "/soeg/" not in all_results(page, "49970")


def test_keyboard_opens_and_closes_search(page: Any) -> None:
    """'/' and Ctrl+K open the search with the cursor in the field; Escape closes it."""
    dialog = page.locator("[data-kat-search-dialog]")
    page.keyboard.press("/")
    page.locator("[data-kat-search-dialog] .pagefind-ui__search-input").wait_for()
    page.wait_for_function("document.activeElement.classList.contains('pagefind-ui__search-input')")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.keyboard.press("Control+k")
    page.wait_for_function("document.activeElement.classList.contains('pagefind-ui__search-input')")
    expect(dialog).to_be_visible()


def test_search_works_on_a_phone(browser: Any, base_url: str) -> None:
    """The magnifier in the phone header opens search full-screen; results come before the filters."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(base_url)
    page.get_by_role("link", name="Søg i kataloget").click()
    field = page.locator("[data-kat-search-dialog] .pagefind-ui__search-input")
    field.fill("simulation")
    page.locator(FIRST_RESULT).wait_for()
    results_top = page.locator("[data-kat-search-dialog] .pagefind-ui__results-area").bounding_box()
    filters_top = page.locator("[data-kat-search-dialog] .pagefind-ui__filter-panel").bounding_box()
    assert results_top["y"] < filters_top["y"]
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert hosts == {urlparse(base_url).netloc}
    page.close()


def test_search_page_explains_itself_without_javascript(browser: Any, base_url: str) -> None:
    """Without JavaScript the search link leads to a page that says why and links the module list instead."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "moduler/")
    page.get_by_role("link", name="Søg i kataloget").click()
    page.wait_for_url("**/soeg/")
    expect(page.get_by_text("Søgningen kræver JavaScript")).to_be_visible()
    expect(page.get_by_role("link", name="Alle moduler")).to_be_visible()
    context.close()


def test_search_page_takes_a_query_from_the_address(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "soeg/?q=49970")
    first = page.locator("[data-kat-search-page] .pagefind-ui__result-link >> nth=0")
    expect(first).to_have_attribute("href", re.compile(r"^(https?://[^/]+)?/moduler/oplaeringsvejleder-basis/$"))
    page.close()


def test_search_page_hides_the_no_javascript_note_when_search_runs(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    page.locator("[data-kat-search-page] .pagefind-ui__search-input").wait_for()
    expect(page.get_by_text("Søgningen kræver JavaScript")).to_be_hidden()
    page.close()


def test_ae_oe_aa_find_what_the_danish_letters_find(browser: Any, base_url: str) -> None:
    """'oplaeringsvejleder' (no Danish keyboard) gives the same top results as 'oplæringsvejleder'."""
    found = []
    for query in ("oplæringsvejleder", "oplaeringsvejleder"):
        page = browser.new_page()
        page.goto(base_url + "moduler/")
        found.append(search(page, query)[:5])
        page.close()
    assert found[0] and found[0][0] == found[1][0] and set(found[0]) == set(found[1])


def test_the_search_field_has_a_label(page: Any) -> None:
    """The Pagefind input is named for screen readers."""
    search(page, "49970")
    field = page.locator("[data-kat-search-dialog] .pagefind-ui__search-input")
    assert field.get_attribute("aria-label") == "Søg i kataloget"


HIDDEN_TEXT_IN_EXCERPTS = """async query => {
    const pagefind = await import('/pagefind/pagefind.js');
    const all = await Promise.all((await pagefind.search(query)).results.map(r => r.data()));
    const problems = [];
    for (const result of document.querySelectorAll('[data-kat-search-dialog] .pagefind-ui__result')) {
        const href = result.querySelector('.pagefind-ui__result-link').getAttribute('href');
        const data = all.find(d => d.url === href);
        const hidden = ['kat_terms', 'kat_keywords'].map(k => data.meta[k]).filter(Boolean);
        for (const excerpt of result.querySelectorAll('.pagefind-ui__result-excerpt')) {
            const text = excerpt.textContent;
            const at = data.content.indexOf(text);
            for (const words of hidden) {
                const start = data.content.indexOf(words);
                if (at !== -1 && start !== -1 && at < start + words.length && at + text.length > start) {
                    problems.push(href + ': ' + text);
                }
            }
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("query", ["social- og sundhedsassistent", "vejlederkursus", "49970", "kursusbevis"])
def test_excerpts_never_show_the_hidden_search_words(page: Any, query: str) -> None:
    """Glossary synonyms and keywords are indexed but hidden, so no result excerpt is cut from them."""
    search(page, query)
    assert page.evaluate(HIDDEN_TEXT_IN_EXCERPTS, query) == []


@pytest.mark.parametrize("query", ["vejlederuddannelse", "oplæringsvejlederuddannelse"])
def test_the_education_as_a_whole_finds_todays_first_module_first(page: Any, query: str) -> None:
    """Someone looking for 'the vejleder education' lands on the basis module that can be taken today."""
    assert search(page, query)[0] == "/moduler/oplaeringsvejleder-basis/"


def test_filter_groups_on_the_search_page_are_plain_groups_not_note_boxes(browser: Any, base_url: str) -> None:
    """Material styles every <details> as a note box with an icon; Pagefind's filter groups must not look like notes."""
    page = browser.new_page()
    page.goto(base_url + "soeg/?q=basis")
    group = page.locator("[data-kat-search-page] details.pagefind-ui__filter-block >> nth=0")
    group.wait_for()
    style = group.evaluate(
        """d => ({shadow: getComputedStyle(d).boxShadow,
                  icon: getComputedStyle(d.querySelector('summary'), '::before').display,
                  background: getComputedStyle(d.querySelector('summary')).backgroundColor})"""
    )
    assert style == {"shadow": "none", "icon": "none", "background": "rgba(0, 0, 0, 0)"}
    page.close()
