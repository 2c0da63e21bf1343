"""Text from content files as HTML: plain fields escaped, prose as a small Markdown subset.

Placeholder API kept stable for the view layer: prose_html for multi-paragraph fields, inline_html for
one-paragraph fields. Raw HTML in content is escaped before Markdown runs, so content is always data.
"""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]
from markupsafe import Markup, escape


def prose_html(text: str) -> Markup:
    """Render prose (paragraphs, emphasis, lists, links) as HTML; raw HTML in it shows as text."""
    converter = markdown.Markdown(output_format="html")
    return Markup(converter.convert(str(escape(text))))


def inline_html(text: str) -> Markup:
    """Render a one-paragraph text without its paragraph element."""
    html = str(prose_html(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
