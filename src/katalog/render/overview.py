"""The module overview's pages and the rows its script reads, written into each page of the overview.

The rows sit in the page itself (a JSON script element, which neither the reader nor Pagefind sees), so the
overview needs no data file beside it and a filtered address works on any of its pages.
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


def overview_data(overview: ModulesOverview, size: int) -> Markup:
    """The rows of every module, with the labels the script needs to write badges, cells and counts.

    Safe inside <script>: every '<' is escaped, so a title such as '</script>' cannot end the element.
    """
    statuses = {s.value: [s.label, s.css, s.explanation, s.today] for s in overview.statuses}
    data = {
        "fields": list(FIELDS),
        "labels": {f.name: {o.value: o.label for o in f.options} for f in overview.facets},
        "statuses": statuses,
        "size": size,
        "modules": [overview_row(card) for card in overview.cards],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c"))


def overview_html(overview: ModulesOverview, at: OverviewPage, data: Markup) -> Markup:
    """One page of the overview: its cards, the pager when there is more than one page, the filters and the rows."""
    return render_html(
        "site/modules.j2",
        site_page(at.url),
        overview=overview,
        at=at,
        data=data,
        compare=Link(compare.TITLE, urls.COMPARE),
        modules=urls.MODULES,
        compare_one=urls.compare(""),  # the script adds the module's id
    )
