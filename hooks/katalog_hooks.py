"""MkDocs hooks: a thin adapter from MkDocs events to the katalog package.

Named katalog_hooks (not katalog) because MkDocs puts hooks/ first on the import path.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from katalog.downloads import DOWNLOAD_DIR, DOWNLOADS_PAGE, download_files, downloads_page, staged
from katalog.pdf import PdfError
from katalog.problems import ContentError
from katalog.publishing import PublishingError, page_facts, publisher_settings
from katalog.render import anchor_ids, edit_url, toc_tokens
from katalog.render.preview import problems_page
from katalog.search import LiveIndex, SearchIndexError, wait_for_index, with_search_terms
from katalog.state import BuildState, load_state, problem_state

PREVIEW = os.environ.get("KATALOG_PREVIEW") == "1"
log = logging.getLogger("mkdocs.plugins.katalog")
_index: LiveIndex | None = None  # this build's search index, given each page as MkDocs writes it


@event_priority(100)  # before mkdocs-macros copies config.extra into its variables
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    wait_for_index()  # the preview's last background index, before this build empties the site folder
    root = Path(config.config_file_path).parent
    config.watch.extend([str(root / "content"), str(root / "schemas")])
    try:
        who = publisher_settings(config.repo_url or "", config.extra, os.environ, root, preview=PREVIEW)
    except PublishingError as error:
        raise PluginError(str(error)) from None
    config.repo_url = who.repository or None
    if not who.repository:  # no repository to edit in: no edit links either
        config.edit_uri = None
    try:
        config.extra["katalog"] = state = load_state(root, who, config.site_url or "", preview=PREVIEW)
        if config.nav is not None:  # without a nav in mkdocs.yml, MkDocs lists every page itself
            config.nav = state.with_guides_in(config.nav)
    except ContentError as error:
        if not PREVIEW:
            raise PluginError(f"Indholdet har fejl; intet er bygget.\n{error}") from None
        config.extra["katalog"] = problem_state(error, who)
        config.nav = [{"Fejl i indholdet": "index.md"}]
    return config


def _state(config: MkDocsConfig) -> BuildState:
    state: BuildState = config.extra["katalog"]
    return state


def on_files(files: Files, config: MkDocsConfig) -> Files:
    state = _state(config)
    if state.catalogue is None:  # preview with broken content: show the problems instead of the site
        kept = Files([f for f in files if not f.is_documentation_page()])
        kept.append(File.generated(config, "index.md", content=problems_page(state.problems)))
        return kept
    for page in state.pages.values():
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for name, content in state.extra_files.items():
        files.append(File.generated(config, name, content=content))
    _add_downloads(files, config, state)
    return files


def _add_downloads(files: Files, config: MkDocsConfig, state: BuildState) -> None:
    """Add the PDF and the exports as site files (so links to them are checked) and the page listing them."""
    assert state.catalogue is not None and state.view is not None
    root = Path(config.config_file_path).parent
    try:
        publisher = state.publisher.name if state.publisher else ""
        made = download_files(
            state.catalogue,
            state.view,
            root / "schemas",
            pdf=bool(state.pdf),
            site_url=config.site_url or "",
            publisher=publisher,
        )
    except PdfError as error:
        raise PluginError(f"PDF'en kunne ikke bygges: {error}") from None
    files.append(File.generated(config, DOWNLOADS_PAGE, content=downloads_page(state.catalogue, made)))
    for name, path in staged(made, root / "build" / DOWNLOAD_DIR).items():
        files.append(File.generated(config, f"{DOWNLOAD_DIR}/{name}", abs_src_path=str(path)))


def on_page_context(context: dict[str, Any], page: MkDocsPage, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    state = _state(config)
    edit_path = state.edit_path(page.file.src_uri)
    if edit_path and config.repo_url:
        page.edit_url = edit_url(config.repo_url, edit_path)
    # Shown by overrides/partials/source-file.html: when the content behind the page changed, where to report errors.
    written = f"{Path(config.docs_dir).name}/{page.file.src_uri}" if page.file.abs_src_path else None
    if state.publisher is not None:
        facts = (page.url, page.title or "")
        context["katalog_page"] = page_facts(
            state.history, edit_path or written, state.publisher, facts, config.site_url or ""
        )
    return context


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    state = _state(config)
    generated = state.take_html(page.file.src_uri)
    if generated is not None:  # rendered once from the views; the stub's Markdown held only front matter
        html = str(generated)
        page.toc = get_toc(toc_tokens(html))
        page.present_anchor_ids = anchor_ids(html)
    return with_search_terms(html, state.synonyms) if state.synonyms is not None else html


def on_pre_build(config: MkDocsConfig) -> None:
    global _index
    _index = LiveIndex(Path(config.site_dir))


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    if _index is not None:
        _index.add(page.file.dest_uri, output)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    assert _index is not None
    # Also under `mkdocs serve`, so the live preview can search; there in the background, so an edit shows at once.
    if PREVIEW:
        _index.finish_in_background(log.info)  # a warning would fail the next build (strict)
        return
    try:
        _index.finish()
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_build_error(error: Exception) -> None:
    if _index is not None:
        _index.abandon()
