"""The PDF book: print HTML rendered from the view layer (book.py), laid out by WeasyPrint (layout.py).

WeasyPrint takes about a second to import, so it is loaded only when a PDF is actually made;
a preview build that skips the PDF never pays for it.
"""

from __future__ import annotations

from pathlib import Path

from katalog.export import write_atomically
from katalog.pdf.book import Chapter, chapters, render_book_html
from katalog.views import CatalogueView


class PdfError(Exception):
    """The book could not be made; the message says why, in Danish."""


def build_pdf(view: CatalogueView, site_url: str = "", publisher: str = "") -> bytes:
    """Render the book and lay it out; raise PdfError if WeasyPrint fails or asks for the network."""
    from katalog.pdf.layout import lay_out

    return lay_out(render_book_html(view, site_url, publisher))


def write_pdf(view: CatalogueView, target: Path, site_url: str = "") -> Path:
    """Build the book and write it to target; nothing is written if the build fails."""
    content = build_pdf(view, site_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(target, content)


__all__ = ["Chapter", "PdfError", "build_pdf", "chapters", "render_book_html", "write_pdf"]
