"""mkdocs-macros entry point: lets hand-written pages in docs/ use catalogue data.

Pages opt in with `render_macros: true` in their front matter, so text from YAML is
never run as a template. They see `katalog` with Danish names (`katalog.moduler`, …)
and the `katalog_snippet` macro for ready-made blocks.
"""

from __future__ import annotations

from typing import Any

from katalog.render import editor_view, render_snippet
from katalog.state import BuildState


def define_env(env: Any) -> None:
    state: BuildState = env.variables["katalog"]
    env.variables["katalog"] = editor_view(state.catalogue) if state.catalogue is not None else None
    env.variables["katalog_publisher"] = state.publisher

    @env.macro  # type: ignore[untyped-decorator]
    def katalog_snippet(name: str, base: str = "") -> str:
        """Insert a catalogue snippet: 'start', 'roles', 'structure' or 'counts'."""
        return str(render_snippet(name, state.view, base)) if state.view is not None else ""
