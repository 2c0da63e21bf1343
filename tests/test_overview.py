"""The module overview at any size: pages of cards, one data file with a row per module for the script, and a
bounded weight for both."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from markupsafe import escape

from katalog import urls
from katalog.catalogue import load_catalogue
from katalog.render.overview import overview_data, overview_file, overview_html, page_size
from katalog.views import catalogue_view
from katalog.views.overview import FIELDS, PAGE_SIZE, overview_pages, overview_row
from katalog.views.sections import ModulesOverview, modules_overview

from .conftest import MINI, ROOT, SCHEMAS


@pytest.fixture(scope="module")
def mini() -> ModulesOverview:
    return modules_overview(load_catalogue(MINI, SCHEMAS))


def test_a_catalogue_within_one_page_keeps_one_overview_page(mini: ModulesOverview) -> None:
    """Up to a page's worth of modules, the overview is the one page it always was, with every card."""
    (only,) = overview_pages(mini, page_size=len(mini.cards))
    assert only.url == urls.MODULES and not only.paged and only.title == "Moduler"
    assert (only.today, only.proposals) == (mini.today, mini.proposals)


def test_a_larger_catalogue_is_split_today_first_into_linked_pages(mini: ModulesOverview) -> None:
    """Cards go onto pages of the given size, today's before the rest; each page knows its neighbours."""
    pages = overview_pages(mini, page_size=2)
    assert [p.url.path for p in pages] == ["moduler/", "moduler/side-2/", "moduler/side-3/"]
    assert [c for p in pages for c in (*p.today, *p.proposals)] == [*mini.today, *mini.proposals]
    assert [(p.first, p.last, p.total) for p in pages] == [(1, 2, 5), (3, 4, 5), (5, 5, 5)]
    assert pages[0].previous is None and pages[0].next == pages[1].url
    assert pages[2].previous == pages[1].url and pages[2].next is None
    assert pages[1].title == "Moduler, side 2 af 3"


def test_the_page_size_is_a_setting_only_for_a_whole_positive_number() -> None:
    """KATALOG_OVERVIEW_PAGE_SIZE sets the cards per page; anything else leaves the default."""
    assert page_size({"KATALOG_OVERVIEW_PAGE_SIZE": "2"}) == 2
    for wrong in ("", "0", "-3", "to", "1.5"):
        assert page_size({"KATALOG_OVERVIEW_PAGE_SIZE": wrong}) == PAGE_SIZE


def test_the_rows_hold_every_module_without_its_summary(mini: ModulesOverview) -> None:
    """One row per module: id, title, number, length, sort value, facts and the cards' filter values in order."""
    data = json.loads(str(overview_data(mini, 2)))
    assert data["fields"] == list(FIELDS) and data["size"] == 2
    assert [row[0] for row in data["modules"]] == [c.item.link.url.path.split("/")[1] for c in mini.cards]
    for row, card in zip(data["modules"], mini.cards, strict=True):
        assert row[1] == card.item.title and row[5] == card.facts
        assert row[6:] == [value for _, value in card.data]
        assert row == list(overview_row(card))
        assert card.summary not in json.dumps(row, ensure_ascii=False)


def test_an_overview_page_carries_no_rows_only_the_address_of_the_data_file(mini: ModulesOverview) -> None:
    """A page of a split overview names only its own cards' modules; the rows are fetched from moduler.json."""
    first, *_ = overview_pages(mini, page_size=2)
    html = str(overview_html(mini, first))
    assert "data-kat-modules" not in html and 'type="application/json"' not in html
    assert 'data-src="../moduler/moduler.json"' in html and urls.MODULES_DATA.path == "moduler/moduler.json"
    for card in mini.cards:
        assert (str(escape(card.item.title)) in html) == (card in (*first.today, *first.proposals)), card.item.title


def test_the_built_site_has_one_data_file_with_a_row_per_module(mini: ModulesOverview, mini_site: Path) -> None:
    """The build writes the rows once, beside the overview, exactly as the script reads them."""
    written = json.loads((mini_site / "moduler" / "moduler.json").read_text("utf-8"))
    assert written == json.loads(overview_file(mini))
    assert written["modules"] == [list(overview_row(card)) for card in mini.cards]
    assert "data-kat-modules" not in (mini_site / "moduler" / "index.html").read_text("utf-8")


# --- weight at scale: bytes, never times ----------------------------------------------------------------------


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench", bench)  # its dataclasses look their module up while being defined
    spec.loader.exec_module(bench)
    return bench


def _gzip(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6))


def _first_page_gzip(tmp_path: Path, modules: int) -> tuple[int, int, int]:
    """The first overview page of the real catalogue plus `modules` synthetic ones with their own texts, and its
    data file: both gzipped as a server sends them, and how many cards the page holds."""
    project = _bench().synthetic_project(tmp_path / f"katalog-{modules}", modules)
    overview = catalogue_view(load_catalogue(project / "content", SCHEMAS)).overview
    first = overview_pages(overview)[0]
    html = str(overview_html(overview, first))
    cards = len(re.findall(r'<article class="kat-card', html))
    return _gzip(html), _gzip(overview_data(overview, PAGE_SIZE)), cards


# The first page holds one page of cards and the pager; a module beyond it adds only a page link per PAGE_SIZE
# modules (a fraction of a byte gzip each). A byte per module catches rows, or anything per module, coming
# back into the page. The data file grows by a row per module: about 12 bytes gzip on the bench's synthetic
# modules (and about 30 with every value varied), so 40 bytes leaves room for real titles and catches any
# per-module text (a summary, a card) creeping in.
PAGE_BYTES = 1
ROW_BYTES = 40


def test_the_overview_page_stays_one_page_of_cards_and_the_rows_grow_by_a_short_row(tmp_path: Path) -> None:
    """From 300 to 1,200 modules the first page holds one page of cards and grows by under a byte gzip per module,
    staying under 40 KB at 5,000; the data file grows by under 40 bytes gzip per module."""
    small, small_rows, small_cards = _first_page_gzip(tmp_path, 300)
    large, large_rows, large_cards = _first_page_gzip(tmp_path, 1200)
    assert small_cards == large_cards == PAGE_SIZE
    per_module = (large - small) / 900
    assert per_module < PAGE_BYTES, f"{per_module:.2f} byte gzip pr. modul på siden"
    assert large + per_module * (5000 - 1200) < 40 * 1024
    per_row = (large_rows - small_rows) / 900
    assert per_row < ROW_BYTES, f"{per_row:.1f} byte gzip pr. modul i datafilen"
    assert large_rows + per_row * (5000 - 1200) < 300 * 1024
