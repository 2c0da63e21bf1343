"""Lay out print HTML with WeasyPrint, offline.

The URL fetcher refuses everything except data: URLs and files inside the print templates, and a
refusal stops the build, so no YAML value can make the PDF reach out to another host.
Fonts come from the system through fontconfig (DejaVu), and WeasyPrint embeds the subsets it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from katalog.pdf import PdfError
from katalog.pdf.book import PRINT_DIR


class LocalFetcher(URLFetcher):  # type: ignore[misc]
    """Serve data: URLs and files inside the print templates; refuse, and remember, anything else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data", "file"), fail_on_errors=True)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not is_local(url):
            self.refused.append(url)
            raise ValueError(f"refused to fetch {url}")
        return super().fetch(url, headers)


def is_local(url: str) -> bool:
    """Tell whether a URL is a data: URL or a file inside the print templates."""
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return True
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return False
    return Path(unquote(parsed.path)).resolve().is_relative_to(PRINT_DIR.resolve())


def _open_on_pages(document: Any, pdf: Any) -> None:
    # Open on the first page with the bookmarks closed; a reader opens the outline when they want it.
    pdf.catalog["PageMode"] = "/UseNone"


def lay_out(html: str) -> bytes:
    """Return the PDF for print HTML, tagged for screen readers."""
    fetcher = LocalFetcher()
    document = HTML(string=html, base_url=PRINT_DIR.as_uri() + "/", url_fetcher=fetcher)
    try:
        pdf: bytes = document.write_pdf(pdf_tags=True, finisher=_open_on_pages)
    except FatalURLFetchingError:
        refused = ", ".join(fetcher.refused) or "en ukendt adresse"
        raise PdfError(f"PDF'en må kun bruge lokale filer, men skulle hente {refused}") from None
    except Exception as error:  # WeasyPrint has no exception hierarchy of its own
        raise PdfError(f"WeasyPrint kunne ikke lave PDF'en: {type(error).__name__}: {error}") from error
    return pdf
