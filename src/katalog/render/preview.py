"""The page `make serve` shows while content has problems, so editors see them in the browser."""

from __future__ import annotations

from katalog.render.environment import environment


def problems_page(problems: str) -> str:
    """Render the problem list as a Markdown page."""
    return environment().get_template("pages/problems.md.j2").render(problems=problems.splitlines())
