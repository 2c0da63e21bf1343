"""The Jinja environment every page and snippet is rendered with."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from katalog.catalogue import slugify
from katalog.export import linked_data
from katalog.markup import markdown_text, search_filter_text
from katalog.render import labels
from katalog.render.figures import figure_table


def _cell(value: Any) -> str:
    # A Markdown table cell must stay on one line, must not contain a bare pipe, and shows its text as written.
    text = value if isinstance(value, Markup) else markdown_text(value)
    return Markup(" ".join(str(text).split()).replace("|", "&#124;"))


def _json(value: Any) -> Markup:
    # JSON is valid YAML, so this is a safe way to put text into front matter. The text is
    # HTML-escaped first because the theme prints front matter into <title> and <meta> as is.
    return Markup(json.dumps(str(escape(value)), ensure_ascii=False))


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
    env.filters.update(
        number=labels.number,
        duration=labels.duration,
        duration_range=labels.duration_range,
        band=labels.duration_band,
        date=labels.date,
        slug=slugify,
        json=_json,
        cell=_cell,
        md_text=markdown_text,
        search_filter=search_filter_text,
        figure_table=figure_table,
    )
    env.globals.update(
        ENTRIES=labels.ENTRIES,
        ENTRY_LONG=labels.ENTRY_LONG,
        TIERS=labels.TIERS,
        STATUSES=labels.STATUSES,
        PATHWAY_KINDS=labels.PATHWAY_KINDS,
        FIELD_NAMES=labels.FIELD_NAMES,
        DURATION_BANDS=labels.DURATION_BANDS,
    )
    env.globals.update(course_jsonld=linked_data.course_script, program_jsonld=linked_data.program_script)
    return env
