"""The Jinja environment every page, snippet and the PDF are rendered with."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from katalog import vocab
from katalog.urls import slugify


def _cell(value: Any) -> Markup:
    # A Markdown table cell must stay on one line and must not contain a bare pipe.
    return Markup(" ".join(str(escape(value)).split()).replace("|", "&#124;"))


@cache
def environment() -> Environment:
    """Return the shared environment; autoescape makes every YAML value show as text."""
    env = Environment(
        loader=PackageLoader("katalog", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(slug=slugify, cell=_cell)
    env.globals.update(INFERRED=vocab.INFERRED)
    return env
