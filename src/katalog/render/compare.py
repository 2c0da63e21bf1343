"""The compare page (`sammenlign/`) and the data file its script reads: every module's cells, rendered once.

The cells are HTML from the same view values and macros as the module pages, rendered for the compare
page's own address, so the script only places them in a table and never formats a value itself.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from katalog import urls
from katalog.render.environment import environment
from katalog.render.target import Target, render_html, site_page
from katalog.views.common import Link
from katalog.views.compare import MAX_CHOSEN, ROWS, CompareColumn, compare_columns
from katalog.views.records import ModuleView

TITLE = "Sammenlign moduler"
DESCRIPTION = "Op til fire moduler side om side: type, niveau, varighed, status, målgruppe, mål og udbydere."
NUMBER_WORDS = {2: "to", 3: "tre", 4: "fire"}


def compare_html() -> Markup:
    """The page itself: the controls and an empty table the script fills from the data file."""
    return render_html(
        "site/compare.j2",
        site_page(urls.COMPARE),
        modules=Link("Moduler", urls.MODULES),
        data=urls.COMPARE_DATA,
        max=MAX_CHOSEN,
        max_words=NUMBER_WORDS[MAX_CHOSEN],
        parameter=urls.COMPARE_PARAMETER,
    )


def compare_data(modules: tuple[ModuleView, ...]) -> str:
    """The data file: the row labels, and per module its title, page, status and one HTML cell per row."""
    target = site_page(urls.COMPARE)
    cell = _cell_macro(target)
    columns = [_column(c, target, cell) for c in compare_columns(modules)]
    return json.dumps({"rows": list(ROWS), "modules": columns}, ensure_ascii=False, separators=(",", ":"))


def _cell_macro(target: Target) -> Any:
    context = {"href": target.href, "anchor": target.anchor, "site": target.site}
    module: Any = environment().get_template("site/compare_cell.j2").make_module(context)
    return module.cell


def _column(c: CompareColumn, target: Target, cell: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "title": c.title,
        "url": target.href(c.url),
        "today": c.status.today,
        "cells": [str(cell(x)).strip() for x in c.cells],
    }
