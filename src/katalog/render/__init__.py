"""Render the catalogue into Markdown pages. Pure: no MkDocs imports, no file writes."""

from katalog.render.macros import EditorView, editor_view
from katalog.render.pages import Page, edit_url, render_pages
from katalog.render.snippets import render_snippet

__all__ = ["EditorView", "Page", "editor_view", "edit_url", "render_pages", "render_snippet"]
