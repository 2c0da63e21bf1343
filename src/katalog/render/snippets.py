"""HTML snippets that hand-written pages pull in through mkdocs-macros."""

from __future__ import annotations

from markupsafe import Markup

from katalog.render.target import Target, render_html
from katalog.views import CatalogueView


def render_snippet(name: str, view: CatalogueView, base: str = "") -> Markup:
    """Render a named snippet (role cards, structure diagram …) with links relative to base."""
    structure = next(
        (s for s in view.structures if s.id == "anbefalet"), view.structures[0] if view.structures else None
    )
    return render_html(
        f"snippets/{name}.html.j2",
        Target(site=True, base=base),
        role_cards=view.role_cards,
        counts=view.counts,
        structure=structure,
        statuses=view.statuses,
        roles=view.roles,
        signup=view.signup,
    )
