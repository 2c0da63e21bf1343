"""What one build knows, shared by the MkDocs hook, the macros plugin and the theme: one typed object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from markupsafe import Markup

from katalog import urls
from katalog.catalogue import load_catalogue
from katalog.changes import changes_files
from katalog.downloads import DOWNLOADS_PAGE, PDF_PATH, pdf_enabled
from katalog.fieldref import field_reference_page
from katalog.gcpause import old_objects_skipped
from katalog.history import History, read_history
from katalog.model import Catalogue
from katalog.problems import ContentError
from katalog.publishing import Publisher
from katalog.render import Page, render_pages
from katalog.render.compare import compare_data
from katalog.render.overview import overview_file
from katalog.search import Synonyms, synonyms
from katalog.validate import forget_documents
from katalog.views import CatalogueView, catalogue_view


@dataclass(frozen=True, slots=True)
class BuildState:
    """The loaded catalogue, its views and rendered pages, or the problems that stopped loading.

    The theme reads `config.extra.katalog.pdf` for the footer link.
    """

    catalogue: Catalogue | None
    view: CatalogueView | None = None
    pages: Mapping[str, Page] = field(default_factory=dict)  # without their HTML: take_html hands that over
    synonyms: Synonyms | None = None
    problems: str = ""
    pdf: str | None = None
    publisher: Publisher | None = None
    history: History | None = None
    # Generated files that are not catalogue records: «Seneste ændringer», its feed, «Felter i indholdet».
    extra_files: Mapping[str, str] = field(default_factory=dict)
    # Each page's HTML until MkDocs takes it (take_html).
    _html: dict[str, Markup] = field(default_factory=dict, repr=False)
    # Addresses the theme's own templates link to (overrides/partials), so they spell no page path.
    theme_links: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({"search": urls.SEARCH.path, "downloads": urls.DOWNLOADS.path})
    )

    def __repr__(self) -> str:
        # mkdocs-macros str()s config.extra for its debug log on every build; the full repr (every page's HTML)
        # took seconds at 1,000 modules.
        modules = len(self.catalogue.modules) if self.catalogue is not None else 0
        return f"BuildState({modules} modules, {len(self.pages)} pages)"

    def with_guides_in(self, nav: list[Any]) -> list[Any]:
        """The site's navigation with each guide after «Roller» (the guides come from content, not mkdocs.yml)."""
        if self.view is None or not self.view.guides:
            return nav
        entries = [{g.name: g.url.src_uri} for g in self.view.guides]
        at = next((i + 1 for i, item in enumerate(nav) if urls.ROLES.src_uri in item.values()), len(nav))
        return [*nav[:at], *entries, *nav[at:]]

    def take_html(self, src_uri: str) -> Markup | None:
        """The HTML of a generated page, for MkDocs, once: from then on only MkDocs holds it.

        At 5,000 modules a second copy of every page was about a tenth of the build's memory.
        """
        return self._html.pop(src_uri, None)

    def edit_path(self, src_uri: str) -> str | None:
        """The YAML file (or folder) behind a generated page."""
        if src_uri == DOWNLOADS_PAGE:
            return "content/"
        if src_uri == urls.FIELDS.src_uri:
            return "schemas/"
        page = self.pages.get(src_uri)
        return page.edit_path if page else None


def load_state(root: Path, publisher: Publisher, site_url: str = "", *, preview: bool = False) -> BuildState:
    """Load, validate, view and render the catalogue under root; raise ContentError with every problem.

    A preview keeps the parsed files for its next build, which then reads only the files that changed; a
    single build lets them go as soon as the model is built, before the pages take their place in memory.
    """
    catalogue = load_catalogue(root / "content", root / "schemas")
    if not preview:
        forget_documents()
    with old_objects_skipped():
        view = catalogue_view(catalogue)
    with old_objects_skipped():  # now the views too
        pages = {page.src_uri: page for page in render_pages(catalogue, view)}
    history = read_history(root)
    extra = {
        **changes_files(history, pages.values(), publisher, site_url),
        urls.FIELDS.src_uri: field_reference_page(root / "schemas", root / "content"),
        urls.COMPARE_DATA.path: compare_data(view.modules),
        urls.MODULES_DATA.path: overview_file(view.overview),
    }
    return BuildState(
        catalogue,
        view,
        MappingProxyType({uri: replace(page, html=Markup()) for uri, page in pages.items()}),
        synonyms(catalogue.glossary),
        pdf=PDF_PATH if pdf_enabled() else None,
        publisher=publisher,
        history=history,
        extra_files=MappingProxyType(extra),
        _html={uri: page.html for uri, page in pages.items()},
    )


def problem_state(error: ContentError, publisher: Publisher | None = None) -> BuildState:
    """The state of a preview whose content has problems: no catalogue, only the list."""
    return BuildState(None, problems=str(error), publisher=publisher)
