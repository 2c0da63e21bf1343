"""HTML snippets that hand-written pages pull in through mkdocs-macros."""

from __future__ import annotations

from typing import Any

from katalog.model import Catalogue
from katalog.render.environment import environment


def render_snippet(name: str, catalogue: Catalogue, base: str = "") -> str:
    """Render a named snippet (role cards, structure diagram …) with links relative to base."""
    template = environment().get_template(f"snippets/{name}.html.j2")
    data: dict[str, Any] = {"catalogue": catalogue, "base": base}
    return template.render(**data)
