"""What the 'Hent kataloget' page offers: the PDF book and the data exports, and the page itself."""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from katalog import urls, vocab
from katalog.export import COLUMNS, CSV_FILE, EXPORT_VERSION, JSON_FILE, SCHEMA_FILE, data_date, export_files
from katalog.model import Catalogue
from katalog.render.environment import environment
from katalog.views import CatalogueView

DOWNLOAD_DIR = urls.DOWNLOADS.path.rstrip("/")
DOWNLOADS_PAGE = urls.DOWNLOADS.src_uri
PDF_FILE = "oplaeringsvejleder-katalog.pdf"
PDF_PATH = urls.download(PDF_FILE)


def pdf_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Decide whether a build makes the PDF: KATALOG_PDF=0/1 decides, else not in a preview."""
    flag = environ.get("KATALOG_PDF", "").strip().lower()
    if flag in ("0", "false", "no", "off"):
        return False
    if flag in ("1", "true", "yes", "on"):
        return True
    return environ.get("KATALOG_PREVIEW") != "1"


def download_files(
    catalogue: Catalogue, view: CatalogueView, schema_dir: Path, *, pdf: bool, site_url: str = "", publisher: str = ""
) -> dict[str, bytes]:
    """Return the files for the downloads folder by name; the PDF only when asked for (it is slow)."""
    files = export_files(catalogue, schema_dir, site_url)
    files.update(compressed(files))
    if pdf:
        from katalog.pdf import build_pdf  # WeasyPrint takes a second to import; previews skip it

        files = {PDF_FILE: build_pdf(view, site_url, publisher), **files}
    return files


def staged(files: Mapping[str, bytes], folder: Path) -> dict[str, Path]:
    """Write the files into folder (emptied first) and return where each is.

    MkDocs copies them from there, so a build need not hold a catalogue's exports in memory while it writes the
    pages (katalog.json alone is 30 MB at 5,000 modules).
    """
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return {name: folder / name for name in files}


# An export this big is also offered packed with gzip (a tenth of the size or less); the real catalogue's are far
# below it, a catalogue of thousands of modules passes it.
COMPRESS_FROM = 2_000_000


def compressed(files: Mapping[str, bytes], threshold: int = COMPRESS_FROM) -> dict[str, bytes]:
    """A gzip copy (name + '.gz', no time stamp, so equal data gives equal bytes) of each export past threshold."""
    return {
        f"{name}.gz": gzip.compress(content, compresslevel=9, mtime=0)
        for name, content in files.items()
        if len(content) > threshold and name != PDF_FILE
    }


def downloads_page(catalogue: Catalogue, files: Mapping[str, bytes]) -> str:
    """Render the downloads page as Markdown: each file with what it is for and its size."""
    sizes = {name: file_size(len(content)) for name, content in files.items()}
    return (
        environment()
        .get_template("pages/downloads.md.j2")
        .render(
            sizes=sizes,
            data_date=vocab.date(data_date(catalogue)),
            version=EXPORT_VERSION,
            columns=[(header, meaning) for header, meaning, _ in COLUMNS],
            counts={"modules": len(catalogue.modules)},
            PDF_FILE=PDF_FILE,
            JSON_FILE=JSON_FILE,
            SCHEMA_FILE=SCHEMA_FILE,
            CSV_FILE=CSV_FILE,
            packed=[(name, name.removesuffix(".gz")) for name in files if name.endswith(".gz")],
        )
    )


def file_size(size: int) -> str:
    """Say a file size the Danish way: '12 kB', '1,4 MB'."""
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{vocab.number(round(size / 1000))} kB"
    return f"{vocab.number(round(size / 1_000_000, 1))} MB"
