"""mkdocs-macros entry point: lets hand-written pages in docs/ use catalogue data.

Pages opt in with `render_macros: true` in their front matter, so text from YAML is
never run as a template. They see `katalog` with Danish names (`katalog.moduler`, …)
and the `katalog_snippet` macro for ready-made blocks.
"""

from __future__ import annotations

from typing import Any

from katalog.model import Catalogue
from katalog.render import editor_view, render_snippet


def define_env(env: Any) -> None:
    catalogue: Catalogue | None = env.variables.get("katalog")
    env.variables["katalog"] = editor_view(catalogue) if catalogue is not None else None

    @env.macro  # type: ignore[untyped-decorator]
    def katalog_snippet(name: str, base: str = "") -> str:
        """Insert a catalogue snippet: 'roles', 'structure' or 'counts'."""
        return render_snippet(name, catalogue, base) if catalogue is not None else ""
