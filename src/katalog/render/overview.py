"""The module overview's pages, and the one data file of rows that its script reads.

The rows are written once, to moduler/moduler.json, not into every page of the overview: the script fetches
the file when a reader first filters or opens the table (the browser then keeps it for the other pages), and
until then the page reads as rendered. Pagefind indexes HTML only, so the file is never searched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from markupsafe import Markup

from katalog import urls
from katalog.render import compare
from katalog.render.target import render_html, site_page
from katalog.views.common import Link
from katalog.views.overview import FIELDS, PAGE_SIZE, OverviewPage, overview_row
from katalog.views.sections import ModulesOverview

# How many cards one page holds; a test setting (a small catalogue split into pages), not an editor's.
PAGE_SIZE_VARIABLE = "KATALOG_OVERVIEW_PAGE_SIZE"


def page_size(environ: Mapping[str, str] = os.environ) -> int:
    """Cards per overview page: PAGE_SIZE, unless the environment sets a positive whole number."""
    value = environ.get(PAGE_SIZE_VARIABLE, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else PAGE_SIZE


def overview_data(overview: ModulesOverview, size: int) -> str:
    """The rows of every module, with the labels the script needs to write badges, cells and counts."""
    statuses = {s.value: [s.label, s.css, s.explanation, s.today] for s in overview.statuses}
    data = {
        "fields": list(FIELDS),
        "labels": {f.name: {o.value: o.label for o in f.options} for f in overview.facets},
        "statuses": statuses,
        "size": size,
        "modules": [overview_row(card) for card in overview.cards],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def overview_file(overview: ModulesOverview) -> str:
    """The data file at urls.MODULES_DATA: the rows, with as many cards per listing as on a page."""
    return overview_data(overview, page_size())


def overview_html(overview: ModulesOverview, at: OverviewPage) -> Markup:
    """One page of the overview: its cards, the pager when there is more than one page, the filters and the
    address of the rows."""
    return render_html(
        "site/modules.j2",
        site_page(at.url),
        overview=overview,
        at=at,
        data=urls.MODULES_DATA,
        compare=Link(compare.TITLE, urls.COMPARE),
        modules=urls.MODULES,
        compare_one=urls.compare(""),  # the script adds the module's id
    )
