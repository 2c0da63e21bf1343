"""The hostile corpus: content files written to attack the site, each named for its attack (tests/data/hostile).

A case file starts with header lines, removed before the body is written into a copy of the mini catalogue:
    # expect: content/modules/x.yaml:3:20: message   one line per problem validation must report, and nothing else
    # inert: what must hold                          or: the file is valid, and must render as harmless text
    # path: modules/x.yaml                           where the body goes (replacing the file there, if any)
Line numbers in expectations count from the first line after the header. Bodies are bytes and are written as
they are, control characters and foreign encodings included. Adding a case needs no Python.

The inert files are built together into one real site (PDF included), which is then searched for live script,
event attributes, javascript:/data: addresses and resources from other hosts, in HTML, PDF, JSON and CSV.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import markdown  # type: ignore[import-untyped]
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from katalog.browser import serve_directory
from katalog.export.table import FORMULA_STARTS
from katalog.markup import link_scheme
from katalog.render.preview import problems_page
from katalog.validate import validate_content

from .conftest import MINI, SCHEMAS, make_project, mkdocs_build, require_chromium
from .sitecheck import live_markup

HOSTILE = Path(__file__).parent / "data" / "hostile"
SAFE_SCHEMES = {None, "http", "https", "mailto"}


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    body: bytes
    expected: tuple[str, ...]
    inert: str | None


def read_case(file: Path) -> Case:
    rest = file.read_bytes()
    header: list[str] = []
    while rest.startswith((b"# expect:", b"# inert:", b"# path:")):
        line, _, rest = rest.partition(b"\n")
        header.append(line.decode("utf-8"))
    fields = [line.split(":", 1) for line in header]
    path = next(value.strip() for key, value in fields if key == "# path")
    expected = tuple(value.strip() for key, value in fields if key == "# expect")
    inert = next((value.strip() for key, value in fields if key == "# inert"), None)
    return Case(file.stem, path, rest, expected, inert)


CASES = [read_case(file) for file in sorted(HOSTILE.glob("*.yaml"))]
REFUSED = [case for case in CASES if case.inert is None]
INERT = [case for case in CASES if case.inert is not None]


def content_with(tmp_path: Path, *cases: Case) -> Path:
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    for case in cases:
        (content / case.path).parent.mkdir(parents=True, exist_ok=True)
        (content / case.path).write_bytes(case.body)
    return content


def test_the_corpus_is_large_and_every_file_says_what_it_expects() -> None:
    """At least 100 attacks; each either expects located problems or is marked inert, never both or neither."""
    assert len(CASES) >= 100
    for case in CASES:
        assert bool(case.expected) != bool(case.inert), case.name
        assert all(line.startswith(f"content/{case.path}:") for line in case.expected), case.name
    inert_paths = [case.path for case in INERT]
    assert len(inert_paths) == len(set(inert_paths)), "two inert files replace the same file"


@pytest.mark.parametrize("case", REFUSED, ids=[case.name for case in REFUSED])
def test_hostile_file_is_refused_with_located_problems(tmp_path: Path, case: Case) -> None:
    """Each attack is refused with its own file, line, column and Danish message, and nothing else: no traceback."""
    _, problems = validate_content(content_with(tmp_path, case), SCHEMAS)
    assert [str(problem) for problem in problems] == sorted(case.expected)


def test_the_inert_files_are_valid(tmp_path: Path) -> None:
    """Content that only looks hostile (HTML as text, full http(s) links) passes validation, all files together."""
    _, problems = validate_content(content_with(tmp_path, *INERT), SCHEMAS)
    assert [str(problem) for problem in problems] == []


def test_the_preview_problem_page_shows_every_refusal_as_text(tmp_path: Path) -> None:
    """`make serve` lists the problems in the browser; messages quoting hostile text stay text there too."""
    lines = [line for case in REFUSED for line in case.expected]
    text = markdown.markdown(problems_page("\n".join(lines)), extensions=["attr_list", "md_in_html", "tables"])
    assert live_markup(text) == []
    assert text.count("<li><code>") == len(lines)


@pytest.fixture
def browser_if_present(request: pytest.FixtureRequest) -> Any:
    """The session's chromium; this module also has tests without a browser, so the check is per test."""
    require_chromium()
    return request.getfixturevalue("browser")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini catalogue plus every inert file, built for real with the PDF."""
    root = tmp_path_factory.mktemp("hostile")
    project = make_project(root / "project", content_with(root, *INERT))
    result = mkdocs_build(project, env={"KATALOG_PDF": "1"})
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.build
def test_built_pages_hold_no_live_markup(hostile_site: Path) -> None:
    """No page has a script with content in it, an event attribute, a javascript:/data: address or an outside resource."""
    found = {
        page.relative_to(hostile_site).as_posix(): live_markup(page.read_text("utf-8"))
        for page in sorted(hostile_site.rglob("*.html"))
    }
    assert {page: items for page, items in found.items() if items} == {}
    assert len(found) > 30


@pytest.mark.build
@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("moduler/title-script-tag", "Modul &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("moduler/title-img-onerror", "Modul &lt;img src=x onerror=alert(1)&gt;"),
        ("moduler/title-markdown-emphasis", "Modul *fed* og _kursiv_ og `kode` # 1."),
        ("moduler/title-jinja-syntax", "{% include &#34;x&#34; %} og {{ config.repo_url }}."),
        ("moduler/title-html-entities", "Modul &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;#106;"),
        ("moduler/description-safe-links", '<a href="https://example.org/a_(b)'),
        ("roller/role-hostile-text", "Rolle &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("", "Rolle &#34; onmouseover=&#34;alert(1) {{ 7*7 }}"),
        ("uddannelsestyper", "Type &lt;img src=x onerror=alert(1)&gt;"),
        ("struktur", "&lt;script&gt;alert(1)&lt;/script&gt; | videre"),
        ("udbydere", "Skole &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("ordliste", "Arbejdsmarkedsuddannelse &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("kilder", "Rapport &lt;script&gt;alert(1)&lt;/script&gt;"),
    ],
)
def test_hostile_text_is_shown_as_written(hostile_site: Path, page: str, shown: str) -> None:
    """The characters an editor wrote reach the reader as text: escaped, not interpreted, not lost."""
    assert shown in (hostile_site / page / "index.html").read_text("utf-8")


# Every action type of PDF 2.0 (ISO 32000-2, 12.6.4); structure elements use /S too, for their role.
PDF_ACTIONS = {
    f"/{name}"
    for name in "GoTo GoToR GoToE GoToDp Launch Thread URI Sound Movie Hide Named SubmitForm ResetForm ImportData"
    " JavaScript SetOCGState Rendition Trans GoTo3DView RichMediaExecute".split()
}


def pdf_objects(reader: PdfReader) -> list[DictionaryObject]:
    """Every dictionary in the PDF, reached from the trailer."""
    seen: set[int] = set()
    found: list[DictionaryObject] = []
    stack: list[Any] = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            found.append(item)
            stack.extend(value for key, value in item.items() if key not in ("/Parent", "/P"))
        elif isinstance(item, list):
            stack.extend(item)
    return found


@pytest.mark.build
def test_the_pdf_has_no_script_and_only_safe_links(hostile_site: Path) -> None:
    """The book's link annotations go to http(s), mailto or inside the book; it has no JavaScript or launch actions."""
    reader = PdfReader(hostile_site / "hent" / "oplaeringsvejleder-katalog.pdf")
    objects = pdf_objects(reader)
    actions = [obj for obj in objects if str(obj.get("/S")) in PDF_ACTIONS]
    assert {str(action["/S"]) for action in actions} <= {"/URI", "/GoTo"}
    assert not any(key in obj for obj in objects for key in ("/JS", "/JavaScript", "/AA", "/OpenAction"))
    uris = [str(obj["/URI"]) for obj in actions if "/URI" in obj]
    assert uris, "the book links to the site"
    assert [uri for uri in uris if link_scheme(uri) not in SAFE_SCHEMES] == []


@pytest.mark.build
def test_the_pdf_prints_hostile_titles_as_text(hostile_site: Path) -> None:
    """A title with HTML in it is printed as the characters written."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext mangler: installer poppler-utils (som .ci/run gør)")
    pdf = hostile_site / "hent" / "oplaeringsvejleder-katalog.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "Modul <script>alert(1)</script>" in text.stdout
    assert "Modul <img src=x onerror=alert(1)>" in text.stdout


def strings_in(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [pair for name, sub in value.items() for pair in strings_in(sub, name)]
    if isinstance(value, list):
        return [pair for sub in value for pair in strings_in(sub, key)]
    return [(key, value)] if isinstance(value, str) else []


@pytest.mark.build
def test_the_json_keeps_the_text_and_only_safe_addresses(hostile_site: Path) -> None:
    """katalog.json holds the text exactly as written, and every address in it is relative or http(s)."""
    data = json.loads((hostile_site / "hent" / "katalog.json").read_text("utf-8"))
    titles = {module["id"]: module["title"] for module in data["modules"]}
    assert titles["title-script-tag"] == "Modul <script>alert(1)</script>"
    assert titles["title-closing-script-tag"] == "Modul </script><script>alert(1)</script>"
    urls = [text for key, text in strings_in(data) if key == "url"]
    assert urls and all(link_scheme(url) in SAFE_SCHEMES for url in urls)


@pytest.mark.build
def test_the_csv_cannot_run_formulas(hostile_site: Path) -> None:
    """No cell of moduler.csv starts like a spreadsheet formula; such text gets a leading apostrophe."""
    text = (hostile_site / "hent" / "moduler.csv").read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert [cell for cell in cells if cell.startswith((*FORMULA_STARTS, "\t", "\r"))] == []
    assert '\'=HYPERLINK("https://evil.example","alert(1)")' in cells
    assert "'@SUM(1+1)*cmd|alert(1)" in cells


@pytest.mark.browser
def test_search_filters_and_results_show_hostile_names_as_text(hostile_site: Path, browser_if_present: Any) -> None:
    """Pagefind's UI writes filter values as HTML; a course type named '<img onerror=…>' still shows as text there."""
    from playwright.sync_api import expect

    with serve_directory(hostile_site) as url:
        page = browser_if_present.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
        page.goto(url + "moduler/")
        page.keyboard.press("/")
        page.locator("[data-kat-search-dialog] .pagefind-ui__search-input").fill("onerror")
        results = page.locator("[data-kat-search-dialog] .pagefind-ui__result-link")
        expect(results.first).to_be_visible()
        for name in ("Kursustype", "Rolle"):
            page.locator("[data-kat-search-dialog] .pagefind-ui__filter-name", has_text=name).click()
        labels = page.locator("[data-kat-search-dialog] .pagefind-ui__filter-block[open] .pagefind-ui__filter-label")
        expect(labels.first).to_be_visible()
        # Pagefind's own form (action="javascript:void(0)") is code; what content reaches is filters and results.
        for part in (".pagefind-ui__filter-panel", ".pagefind-ui__results-area"):
            html = page.locator(f"[data-kat-search-dialog] {part}").inner_html()
            assert live_markup(html, own_host=urlparse(url).netloc) == [], part
        assert errors == []
        expect(labels.filter(has_text="Type ‹img src=x onerror=alert(1)›")).to_have_count(1)
        page.close()


@pytest.mark.browser
def test_the_compare_page_shows_hostile_modules_as_text(hostile_site: Path, browser_if_present: Any) -> None:
    """Every hostile module, four at a time on «Sammenlign moduler»: the table the script builds holds no live markup."""
    from playwright.sync_api import expect

    data = json.loads((hostile_site / "sammenlign" / "moduler.json").read_text("utf-8"))
    ids = [m["id"] for m in data["modules"]]
    with serve_directory(hostile_site) as url:
        page = browser_if_present.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
        for start in range(0, len(ids), 4):
            chosen = ids[start : start + 4]
            page.goto(url + "sammenlign/?moduler=" + ",".join(chosen))
            expect(page.locator(".kat-compare__table thead th a")).to_have_count(len(chosen))
            html = page.locator(".kat-compare").inner_html()
            assert live_markup(html, own_host=urlparse(url).netloc) == [], chosen
        scripted = next(m for m in data["modules"] if "<script>" in m["title"])
        page.goto(url + "sammenlign/?moduler=" + scripted["id"])
        expect(page.locator(".kat-compare__table thead th a")).to_have_text(scripted["title"])  # set as text
        assert errors == []
        page.close()
