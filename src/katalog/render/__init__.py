"""Render display objects into site pages and snippets. Pure: no MkDocs imports, no file writes."""

from katalog.render.macros import EditorView, editor_view
from katalog.render.pages import Page, anchor_ids, edit_url, render_pages, toc_tokens
from katalog.render.snippets import render_snippet

__all__ = [
    "EditorView",
    "Page",
    "anchor_ids",
    "edit_url",
    "editor_view",
    "render_pages",
    "render_snippet",
    "toc_tokens",
]
