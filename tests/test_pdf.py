"""The PDF book: built once from the real catalogue (with the real site), then read back with pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from pypdf import PdfReader

from katalog.catalogue import load_catalogue
from katalog.downloads import PDF_PATH, pdf_enabled
from katalog.model import Catalogue
from katalog.pdf import PdfError, chapters, render_book_html
from katalog.pdf.book import PRINT_DIR
from katalog.views import catalogue_view
from katalog.views.sections import module_sort_key

from .conftest import MINI, SCHEMAS, make_project, mkdocs_build
from .sitecheck import parse

pytestmark = pytest.mark.build

TOC_LINE = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")


@pytest.fixture(scope="module")
def pdf_file(real_site: Path) -> Path:
    return real_site / PDF_PATH


@pytest.fixture(scope="module")
def reader(pdf_file: Path) -> PdfReader:
    return PdfReader(pdf_file)


def pdf_pages(pdf: Path) -> list[str]:
    """Return the text of each page; poppler's pdftotext is much faster here than pypdf's extractor."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext mangler: installer poppler-utils (som .ci/run gør)")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    return result.stdout.split("\f")[:-1]


@pytest.fixture(scope="module")
def raw_pages(pdf_file: Path) -> list[str]:
    return pdf_pages(pdf_file)


@pytest.fixture(scope="module")
def page_texts(raw_pages: list[str]) -> list[str]:
    return [" ".join(text.split()) for text in raw_pages]


def flat_outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Return (level, title, page number) for every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return found


def contents_lines(reader: PdfReader, raw_pages: list[str]) -> list[tuple[str, int]]:
    """Read the table of contents: the pages after the cover, up to the first chapter."""
    first_chapter = flat_outline(reader)[0][2]
    lines = [line for page in raw_pages[1 : first_chapter - 1] for line in page.splitlines() if line.strip()]
    entries, pending = [], ""
    for line in lines:
        match = TOC_LINE.match((pending + " " + line).strip())
        if match:
            entries.append((" ".join(match["title"].split()), int(match["page"])))
            pending = ""
        elif not re.match(r"Indhold|Oplæringsvejleder-kataloget · data pr\.|Side \d+ af \d+", line):
            pending += " " + line  # a long title that wrapped onto the next line
    return entries


def test_every_module_title_is_in_the_pdf(page_texts: list[str], catalogue: Catalogue) -> None:
    """Each module's title is printed in the book."""
    text = " ".join(page_texts)
    for module in catalogue.modules.values():
        assert " ".join(module.title.split()) in text, module.id


def test_outline_has_one_entry_per_chapter_and_record(reader: PdfReader, catalogue: Catalogue) -> None:
    """Bookmarks: one per chapter, and under it one per module, pathway, course type, role or structure."""
    outline = flat_outline(reader)
    expected: list[tuple[int, str]] = []
    for chapter in chapters(catalogue_view(catalogue)).values():
        expected.append((1, chapter.title))
        expected += [(2, title) for _, title in chapter.records]
    assert [(level, title) for level, title, _ in outline] == expected
    view = catalogue_view(catalogue)
    assert [title for _, title in chapters(view)["moduler"].records] == [m.title for m in view.modules]
    assert [m.id for m in view.modules] == [m.id for m in sorted(catalogue.modules.values(), key=module_sort_key)]


def test_contents_page_numbers_match_where_headings_land(
    reader: PdfReader, raw_pages: list[str], page_texts: list[str]
) -> None:
    """Every line in the table of contents names the page its heading is on, as the bookmarks do."""
    outline = [(title, page) for _, title, page in flat_outline(reader)]
    assert contents_lines(reader, raw_pages) == outline
    for title, page in outline:
        assert " ".join(title.split()) in page_texts[page - 1], f"{title!r} is not on page {page}"


def test_page_count_size_and_page_numbers_are_sane(reader: PdfReader, pdf_file: Path, page_texts: list[str]) -> None:
    """A4 pages, a plausible length and size, and 'Side x af y' on every page after the cover."""
    count = len(reader.pages)
    assert 40 <= count <= 400
    assert 100_000 < pdf_file.stat().st_size < 10_000_000
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    assert "Side" not in page_texts[0]
    for number, text in enumerate(page_texts[1:], start=2):
        assert f"Side {number} af {count}" in text


def test_cover_states_the_data_date(page_texts: list[str]) -> None:
    """The cover names the catalogue and how current its data are."""
    assert re.search(r"Oplæringsvejleder-? ?kataloget", page_texts[0])  # wrapped after its hyphen, rejoined
    assert re.search(r"Data pr\. (\d+\. )?([a-z]+ )?\d{4}", page_texts[0])


def test_book_is_danish_titled_and_tagged(reader: PdfReader) -> None:
    """The PDF declares Danish, has a title, and is tagged for screen readers."""
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert root["/MarkInfo"]["/Marked"]
    assert reader.metadata is not None and reader.metadata.title == "Oplæringsvejleder-kataloget"


def test_fonts_are_embedded(reader: PdfReader) -> None:
    """Every font is embedded (DejaVu from the system), so the book looks the same everywhere."""
    fonts: dict[str, Any] = {}
    for page in reader.pages[:12]:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts and all("DejaVu" in name for name in fonts), sorted(fonts)
    for name, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name


def test_internal_links_are_clickable(reader: PdfReader) -> None:
    """Contents lines and cross references are links to places inside the book."""
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if "/Dest" in annotation or (action is not None and action.get("/S") == "/GoTo"):
                internal += 1
    assert internal > 100


def test_yaml_text_is_printed_as_text(mini_site: Path) -> None:
    """A title with <script> in YAML is printed literally in the mini catalogue's PDF."""
    text = " ".join(" ".join(page.split()) for page in pdf_pages(mini_site / PDF_PATH))
    assert "Simulation <script>alert(1)</script>" in text
    assert "{{ ikke en makro }}" in text


def test_every_page_links_the_pdf_in_its_footer(mini_site: Path) -> None:
    """Every page of the site links to the PDF book."""
    for page in mini_site.rglob("*.html"):
        base = "/" + page.relative_to(mini_site).as_posix()
        targets = {urlparse(urljoin(base, link)).path for link in parse(page).links}
        assert f"/{PDF_PATH}" in targets, page


def test_print_html_escapes_yaml_and_uses_only_local_resources() -> None:
    """The print HTML escapes YAML values and refers to no other host."""
    html = render_book_html(catalogue_view(load_catalogue(MINI, SCHEMAS)))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert '<html lang="da">' in html


def test_fetcher_refuses_anything_but_local_files_and_data() -> None:
    """WeasyPrint may read data: URLs and the print templates, nothing else."""
    from katalog.pdf.layout import is_local

    assert is_local("data:image/png;base64,AAAA")
    assert is_local((PRINT_DIR / "book.css").as_uri())
    assert not is_local("https://example.org/logo.png")
    assert not is_local("http://127.0.0.1/")
    assert not is_local("file:///etc/passwd")
    assert not is_local("file://server/share/x.css")


def test_an_external_resource_stops_the_pdf_with_a_danish_message() -> None:
    """An image from another host is never fetched: the build stops and says which address."""
    from katalog.pdf.layout import lay_out

    with pytest.raises(PdfError, match=r"https://example\.invalid/logo\.png"):
        lay_out('<html lang="da"><body><img src="https://example.invalid/logo.png"></body></html>')


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, True),
        ({"KATALOG_PREVIEW": "1"}, False),
        ({"KATALOG_PDF": "0"}, False),
        ({"KATALOG_PDF": "1", "KATALOG_PREVIEW": "1"}, True),
        ({"KATALOG_PDF": "off"}, False),
    ],
)
def test_pdf_can_be_switched_off_for_previews(environ: dict[str, str], expected: bool) -> None:
    """KATALOG_PDF=0 (or a preview) skips the slow PDF; KATALOG_PDF=1 always builds it."""
    assert pdf_enabled(environ) is expected


def test_site_without_pdf_still_has_exports_and_no_dead_pdf_link(tmp_path: Path) -> None:
    """With KATALOG_PDF=0 the site keeps its exports, and no page links a PDF that was not made."""
    project = make_project(tmp_path / "p")
    result = mkdocs_build(project, env={"KATALOG_PDF": "0"})
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert not (site / PDF_PATH).exists()
    assert (site / "hent" / "katalog.json").exists() and (site / "hent" / "moduler.csv").exists()
    assert "oplaeringsvejleder-katalog.pdf" not in (site / "moduler" / "basis" / "index.html").read_text("utf-8")
    assert "bygges ikke i forhåndsvisningen" in (site / "hent" / "index.html").read_text("utf-8")


def katalog(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "katalog.cli", "--schemas", str(SCHEMAS), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_cli_pdf_writes_the_book(tmp_path: Path) -> None:
    """`katalog pdf --out FILE` makes the same book without a site build."""
    target = tmp_path / "ud" / "bog.pdf"
    result = katalog("--content", str(MINI), "pdf", "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    reader = PdfReader(target)
    assert [item.title for item in reader.outline if not isinstance(item, list)][:4] == [
        "Om kataloget",
        "Den nationale struktur",
        "Kort over uddannelserne",
        "Moduler",
    ]


def test_cli_pdf_on_bad_content_reports_every_problem_and_writes_nothing(tmp_path: Path, mini_content: Path) -> None:
    """Broken content: exit 1, path:line:col problems, no traceback, no PDF."""
    (mini_content / "modules" / "basis.yaml").write_text("id: basis\n", "utf-8")
    target = tmp_path / "ud" / "bog.pdf"
    result = katalog("--content", str(mini_content), "pdf", "--out", str(target))
    assert result.returncode == 1
    assert re.search(r"modules/basis\.yaml:1:1: ", result.stdout)
    assert "Traceback" not in result.stdout + result.stderr
    assert not target.parent.exists()


def test_outline_has_no_duplicate_bookmarks_and_a_statistics_chapter(reader: PdfReader) -> None:
    """Every bookmark is distinct, and the book has its chapter of figures."""
    outline = [(level, title) for level, title, _ in flat_outline(reader)]
    assert len(outline) == len(set(outline))
    assert (1, "Tal og statistik") in outline


def test_the_book_opens_on_its_pages_not_its_outline(reader: PdfReader) -> None:
    """The bookmark pane stays closed until the reader opens it."""
    assert reader.trailer["/Root"].get("/PageMode") == "/UseNone"


def test_running_headers_name_the_chapter_and_record_the_page_is_in(reader: PdfReader, pdf_file: Path) -> None:
    """The header names the page's chapter, and on the right the record that runs onto or starts on the page."""
    outline = flat_outline(reader)
    layout = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf_file), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    wrong = []
    for number in range(outline[0][2], len(reader.pages) + 1):
        header = " ".join(next(line for line in layout[number - 1].splitlines() if line.strip()).split())
        chapter = [title for level, title, page in outline if level == 1 and page <= number][-1]
        running = ""
        for level, title, page in outline:
            if page < number or (level == 1 and page == number):
                running = title if level == 2 else ""
        allowed = {running, *(title for level, title, page in outline if level == 2 and page == number)}
        if header not in {" ".join(f"{chapter} {record}".split()) for record in allowed}:
            wrong.append(f"side {number}: «{header}», kapitel {chapter!r}, mulige poster {sorted(allowed)}")
    assert wrong == []


def test_each_structure_diagram_stays_on_one_page(page_texts: list[str], catalogue: Catalogue) -> None:
    """Both tracks of a structure, with every level and box, are printed on one page, to be read side by side."""
    for structure in catalogue_view(catalogue).structures:
        first = structure.tracks[0]
        pages = [t for t in page_texts if first.label in t and first.levels[-1].tier.upper() in t]
        assert pages, structure.id
        diagram = pages[0]
        for track in structure.tracks:
            assert track.label in diagram, (structure.id, track.label)
            for level in track.levels:
                assert level.tier.upper() in diagram, (structure.id, level.tier)
                for module in level.modules:
                    assert " ".join(module.link.text.split()) in diagram, (structure.id, module.link.text)


def test_the_book_has_the_progression_map_and_its_list(reader: PdfReader, page_texts: list[str]) -> None:
    """The chapter «Kort over uddannelserne» prints each drawing (its column and box texts) and the map as a list."""
    outline = flat_outline(reader)
    start = next(page for level, title, page in outline if level == 1 and title == "Kort over uddannelserne")
    end = next(page for level, _, page in outline if level == 1 and page > start)
    chapter = page_texts[start - 1 : end]
    drawing = next(text for text in chapter if "Forslag fra rapporten (2023)" in text)
    for words in ("Kan tages i dag", "Basismodul (i dag)", "AMU 49970 · 11 dage", "PAU basis A"):
        assert words in drawing, words
    listing = " ".join(chapter)[" ".join(chapter).index("Kortet som liste") :]
    assert "Erstatter Basismodul (i dag)" in listing and "Bygger videre på SOSU basis" in listing
