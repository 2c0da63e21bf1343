"""The «Find din vej» page: the form and fallback rendered once, the planner's data inline as JSON."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from katalog import urls
from katalog.export import data_date
from katalog.model import Catalogue
from katalog.render.target import render_html, site_page
from katalog.views.planner import planner_view

TITLE = "Find din vej"
DESCRIPTION = "Vælg rolle, indgang og de moduler, du har taget, og se dine næste kurser og dagene væk fra arbejdet."


def data_script(data: dict[str, Any]) -> Markup:
    """The planner's data in a script element that no value inside can end early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="kat-plan-data">{text}</script>')


def planner_html(c: Catalogue) -> Markup:
    """The planner page's body; its content comes from every role and pathway."""
    view = planner_view(c, data_date(c))
    return render_html("site/planner.j2", site_page(urls.PLANNER), v=view, data_script=data_script(view.data))
