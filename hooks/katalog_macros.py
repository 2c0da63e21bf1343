"""mkdocs-macros entry point: lets hand-written pages in docs/ use catalogue data.

Pages opt in with `render_macros: true` in their front matter, so text from YAML is
never run as a template.
"""

from __future__ import annotations

from typing import Any

from katalog.render import render_snippet


def define_env(env: Any) -> None:
    @env.macro  # type: ignore[untyped-decorator]
    def katalog_snippet(name: str, base: str = "") -> str:
        """Insert a catalogue snippet: 'roles', 'structure' or 'counts'."""
        catalogue = env.variables.get("katalog")
        return render_snippet(name, catalogue, base) if catalogue is not None else ""
