"""MkDocs hooks: a thin adapter from MkDocs events to the katalog package.

Named katalog_hooks (not katalog) because MkDocs puts hooks/ first on the import path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from katalog.catalogue import load_catalogue
from katalog.changes import changes_files
from katalog.downloads import DOWNLOAD_DIR, DOWNLOADS_PAGE, PDF_FILE, download_files, downloads_page, pdf_enabled
from katalog.fieldref import FIELDS_PAGE, field_reference_page
from katalog.history import read_history
from katalog.pdf import PdfError
from katalog.problems import ContentError
from katalog.publishing import PublishingError, page_facts, publisher_settings
from katalog.render import edit_url, render_pages
from katalog.render.preview import problems_page
from katalog.search import SearchIndexError, build_index, synonyms, with_search_terms

PREVIEW = os.environ.get("KATALOG_PREVIEW") == "1"


@event_priority(100)  # before mkdocs-macros copies config.extra into its variables
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    config.watch.extend([str(root / "content"), str(root / "schemas")])
    try:
        who = publisher_settings(config.repo_url or "", config.extra, os.environ, root, preview=PREVIEW)
    except PublishingError as error:
        raise PluginError(str(error)) from None
    config.repo_url, config.extra["katalog_publisher"] = who.repository, who
    try:
        config.extra["katalog"] = load_catalogue(root / "content", root / "schemas")
        config.extra["katalog_synonyms"] = synonyms(config.extra["katalog"].glossary)
    except ContentError as error:
        if not PREVIEW:
            raise PluginError(f"Indholdet har fejl; intet er bygget.\n{error}") from None
        config.extra["katalog"] = None
        config.extra["katalog_problems"] = str(error)
        config.nav = [{"Fejl i indholdet": "index.md"}]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = config.extra["katalog"]
    if catalogue is None:  # preview with broken content: show the problems instead of the site
        kept = Files([f for f in files if not f.is_documentation_page()])
        kept.append(File.generated(config, "index.md", content=problems_page(config.extra["katalog_problems"])))
        return kept
    pages = render_pages(catalogue)
    config.extra["katalog_edit_paths"] = {page.src_uri: page.edit_path for page in pages}
    for page in pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    root, who = Path(config.config_file_path).parent, config.extra["katalog_publisher"]
    history = config.extra["katalog_history"] = read_history(root)
    made = changes_files(history, pages, who, config.site_url or "")
    made[FIELDS_PAGE] = field_reference_page(root / "schemas", root / "content")
    for name, content in made.items():
        files.append(File.generated(config, name, content=content))
    config.extra["katalog_edit_paths"][FIELDS_PAGE] = "schemas/"
    _add_downloads(files, config, catalogue)
    return files


def _add_downloads(files: Files, config: MkDocsConfig, catalogue: Any) -> None:
    """Add the PDF and the exports as site files (so links to them are checked) and the page listing them."""
    root = Path(config.config_file_path).parent
    try:
        made = download_files(catalogue, root / "schemas", pdf=pdf_enabled(), site_url=config.site_url or "")
    except PdfError as error:
        raise PluginError(f"PDF'en kunne ikke bygges: {error}") from None
    for name, content in made.items():
        files.append(File.generated(config, f"{DOWNLOAD_DIR}/{name}", content=content))
    files.append(File.generated(config, DOWNLOADS_PAGE, content=downloads_page(catalogue, made)))
    config.extra["katalog_edit_paths"][DOWNLOADS_PAGE] = "content/"
    config.extra["katalog_pdf"] = f"{DOWNLOAD_DIR}/{PDF_FILE}" if PDF_FILE in made else None


def on_page_context(context: dict[str, Any], page: MkDocsPage, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    edit_path = config.extra.get("katalog_edit_paths", {}).get(page.file.src_uri)
    if edit_path and config.repo_url:
        page.edit_url = edit_url(config.repo_url, edit_path)
    # Shown by overrides/partials/source-file.html: when the content behind the page changed, where to report errors.
    written = f"{Path(config.docs_dir).name}/{page.file.src_uri}" if page.file.abs_src_path else None
    history, who = config.extra.get("katalog_history"), config.extra["katalog_publisher"]
    context["katalog_page"] = page_facts(
        history, edit_path or written, who, (page.url, page.title or ""), config.site_url or ""
    )
    return context


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    known = config.extra.get("katalog_synonyms")
    return with_search_terms(html, known) if known is not None else html


def on_post_build(config: MkDocsConfig) -> None:
    # Also under `mkdocs serve`, so the live preview can search; indexing takes well under a second.
    try:
        build_index(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
