"""The Jinja environment every page, snippet and the PDF are rendered with."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from katalog import vocab
from katalog.markup import markdown_text, search_filter_text
from katalog.urls import slugify


def _cell(value: Any) -> Markup:
    # A Markdown table cell must stay on one line, must not contain a bare pipe, and shows its text as written.
    text = value if isinstance(value, Markup) else markdown_text(value)
    return Markup(" ".join(str(text).split()).replace("|", "&#124;"))


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
    env.filters.update(slug=slugify, cell=_cell, md_text=markdown_text, search_filter=search_filter_text)
    env.globals.update(INFERRED=vocab.INFERRED)
    return env
