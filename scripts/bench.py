"""`make bench`: the katalog pipeline on synthetic catalogues, as ratios against plain MkDocs in the same run.

A synthetic catalogue is the real content/ plus N generated modules (copies of a recommended module under new
ids). The baseline is plain MkDocs + Material building the very Markdown the katalog renders, written to disk
beforehand, with no hooks or plugins. Ratios, not seconds, are the result: the machine's speed cancels out.

Search is set beside Material's own (lunr) search on the same pages: index size, and the bytes a reader's
browser fetches to answer one typical query, measured in real chromium. The PDF is timed on its own, only up
to --pdf-max modules, because WeasyPrint needs about a quarter of a second per page.

Usage: python scripts/bench.py [--sizes 100,1000] [--pdf-max 200] [--out build/bench]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from katalog import urls
from katalog.browser import fetch_text, launch_chromium, mkdocs_serve, serve_directory, wait_until
from katalog.catalogue import load_catalogue
from katalog.changes import changes_files
from katalog.downloads import DOWNLOAD_DIR, DOWNLOADS_PAGE, download_files, downloads_page
from katalog.fieldref import FIELDS_PAGE, field_reference_page
from katalog.pdf import build_pdf
from katalog.publishing import PLACEHOLDER_REPOSITORY, Publisher
from katalog.render import render_pages
from katalog.search import BUNDLE, build_index
from katalog.views import catalogue_view

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_MODULE = "sosu-basis"  # a recommended module: no AMU number to keep unique, nothing points to it
# The copies are outside git and have no GitHub remote, so they name the repository (a build refuses not to).
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "KATALOG_PDF": "0",
    "KATALOG_REPOSITORY": os.environ.get("KATALOG_REPOSITORY") or PLACEHOLDER_REPOSITORY,
}
QUERY = "vejleder"


@dataclass(frozen=True)
class Row:
    label: str
    katalog: float | None
    baseline: float | None
    unit: str = "s"

    @property
    def ratio(self) -> str:
        return f"{self.katalog / self.baseline:.2f}" if self.katalog is not None and self.baseline else "–"


def synthetic_project(target: Path, extra_modules: int) -> Path:
    """Copy the real project and add generated modules to its content."""
    for name in ("docs", "overrides", "hooks", "schemas", "content"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    text = (ROOT / "content" / "modules" / f"{TEMPLATE_MODULE}.yaml").read_text("utf-8")
    text = re.sub(r"^replaces:.*\n", "", text, flags=re.M)
    for number in range(extra_modules):
        module_id = f"syntetisk-{number:05d}"
        body = re.sub(r"^id: .*$", f"id: {module_id}", text, count=1, flags=re.M)
        body = re.sub(r"^title: .*$", f"title: Syntetisk modul {number}", body, count=1, flags=re.M)
        body = re.sub(r"^short_title: .*$", f"short_title: Syntetisk {number}", body, count=1, flags=re.M)
        (target / "content" / "modules" / f"{module_id}.yaml").write_text(body, "utf-8")
    return target


def plain_project(katalog_project: Path, target: Path, plugins: str = "[]") -> Path:
    """The same pages as pre-written Markdown, built by MkDocs + Material with no hooks and the given plugins."""
    shutil.copytree(katalog_project / "docs", target / "docs")
    shutil.copytree(katalog_project / "overrides", target / "overrides")
    if "search" in plugins:  # Material's own header, with its own search box
        (target / "overrides" / "partials" / "header.html").unlink()
    catalogue = load_catalogue(katalog_project / "content", katalog_project / "schemas")
    view = catalogue_view(catalogue)
    for page in render_pages(catalogue, view):  # front matter and the finished HTML, as pre-written pages
        path = target / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown + page.html, "utf-8")
    # The downloads page and the exports, as the hooks would add them (without the PDF, as in the timed build).
    made = download_files(catalogue, view, katalog_project / "schemas", pdf=False)
    (target / "docs" / DOWNLOAD_DIR).mkdir(exist_ok=True)
    for name, content in made.items():
        (target / "docs" / DOWNLOAD_DIR / name).write_bytes(content)
    (target / "docs" / DOWNLOADS_PAGE).write_text(downloads_page(catalogue, made), "utf-8")
    # The field reference and the change list (no history outside git), as the hooks would add them.
    who = Publisher("", "", PLACEHOLDER_REPOSITORY)
    editorial = changes_files(None, render_pages(catalogue, view), who, "")
    editorial[FIELDS_PAGE] = field_reference_page(katalog_project / "schemas", katalog_project / "content")
    for name, text in editorial.items():
        (target / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (target / "docs" / name).write_text(text, "utf-8")
    config = (katalog_project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"^plugins:\n(?:  .*\n)+", f"plugins: {plugins}\n", config, flags=re.M)
    config = re.sub(r"^hooks:\n(?:  .*\n)+", "", config, flags=re.M)
    # What the hook gives the theme and the navigation, written out for the build without hooks.
    links = f"{{search: {urls.SEARCH.path}, downloads: {urls.DOWNLOADS.path}}}"
    config = config.replace("extra:\n", f"extra:\n  katalog:\n    theme_links: {links}\n", 1)
    guides = "".join(f"  - {g.name}: {g.url.src_uri}\n" for g in view.guides)
    config = config.replace(f"  - Roller: {urls.ROLES.src_uri}\n", f"  - Roller: {urls.ROLES.src_uri}\n{guides}", 1)
    (target / "mkdocs.yml").write_text(config, "utf-8")
    return target


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def mkdocs_build(project: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    subprocess.run(command, cwd=project, env=ENV, check=True, capture_output=True)


def folder_size(folder: Path) -> tuple[int, int]:
    pages = list(folder.rglob("*.html"))
    return len(pages), sum(p.stat().st_size for p in pages)


def wait_for(check: Callable[[], bool], limit: float = 120) -> None:
    if not wait_until(check, limit):
        raise TimeoutError("mkdocs serve did not show the change")


@contextmanager
def serving(project: Path, preview: bool) -> Iterator[str]:
    env = {**ENV, "KATALOG_PREVIEW": "1"} if preview else ENV
    with mkdocs_serve(project, env) as (url, _):
        wait_for(lambda: "Oplæringsvejleder" in fetch_text(url))
        yield url


def serve_rebuild(project: Path, source: Path, page: str, old: str, preview: bool) -> float:
    """Seconds from saving an edited file (old text gets a suffix) until `mkdocs serve` serves the changed page."""
    new = old + " (ændret)"
    with serving(project, preview) as url:
        time.sleep(2)  # the file watcher starts just after the first page is served
        start = time.perf_counter()
        source.write_text(source.read_text("utf-8").replace(old, new, 1), "utf-8")
        wait_for(lambda: "(ændret)" in fetch_text(url + page))
        return time.perf_counter() - start


def bytes_for_query(site: Path, open_search: str, field: str, result: str, search_files: str) -> tuple[int, int]:
    """Bytes a first-time visitor's browser fetches to open a page and search for QUERY: all, and search's share.

    Material's search loads its whole index with every first page; Pagefind loads pieces when asked.
    search_files is a regular expression for the paths that belong to search.
    """
    asked: list[Path] = []
    with serve_directory(site, asked) as url, launch_chromium() as browser:
        page = browser.new_context().new_page()
        page.goto(url + "moduler/", wait_until="networkidle")
        page.click(open_search)
        page.locator(field).wait_for()
        page.keyboard.type(QUERY, delay=30)  # Material's search listens to key events, not to a filled value
        page.locator(result).first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        files = [path for path in asked if path.is_file()]
        total = sum(f.stat().st_size for f in files)
        share = sum(f.stat().st_size for f in files if re.search(search_files, f.as_posix()))
        return total, share


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def bench(size: int, work: Path, pdf_max: int) -> tuple[int, list[Row]]:
    project = synthetic_project(work / f"katalog-{size}", size)
    plain = plain_project(project, work / f"plain-{size}")
    load = seconds(lambda: load_catalogue(project / "content", project / "schemas"))
    modules = len(list((project / "content" / "modules").glob("*.yaml")))
    build = seconds(lambda: mkdocs_build(project))
    baseline = seconds(lambda: mkdocs_build(plain))
    pages, size_bytes = folder_size(project / "site")
    plain_pages, plain_bytes = folder_size(plain / "site")
    index = seconds(lambda: build_index(project / "site"))
    lunr = plain_project(project, work / f"lunr-{size}", plugins="[search]")
    mkdocs_build(lunr)
    pagefind_kb = folder_bytes(project / "site" / BUNDLE) / 1024
    lunr_kb = folder_bytes(lunr / "site" / "search") / 1024
    pagefind_total, pagefind_share = bytes_for_query(
        project / "site", "[data-kat-search-open]", ".pagefind-ui__search-input", ".pagefind-ui__result", "/pagefind/"
    )
    lunr_total, lunr_share = bytes_for_query(
        lunr / "site",
        "input.md-search__input",
        "input.md-search__input",
        ".md-search-result__item",
        r"/search/|/workers/search|/lunr/",
    )
    catalogue = load_catalogue(project / "content", project / "schemas")
    pdf = seconds(lambda: build_pdf(catalogue_view(catalogue))) if size <= pdf_max else None
    title = "Oplæringsvejledning, SOSU, basis"
    page = "moduler/sosu-basis/"
    rebuild = serve_rebuild(project, project / "content/modules/sosu-basis.yaml", page, f"title: {title}", True)
    plain_rebuild = serve_rebuild(plain, plain / "docs/moduler/sosu-basis.md", page, f'record__title">{title}', False)
    return modules, [
        Row("indlæs og valider indholdet", load, None),
        Row("fuldt byg (mkdocs build)", build, baseline),
        Row("ændring vist i make serve", rebuild, plain_rebuild),
        Row("KB html pr. side", size_bytes / pages / 1024, plain_bytes / plain_pages / 1024, "KB"),
        Row("søgeindeks bygget (Pagefind, mod ren MkDocs-byg)", index, baseline),
        Row("søgeindeks i alt (Pagefind / lunr)", pagefind_kb, lunr_kb, "KB"),
        Row(
            f"hentet: første side + søgning på «{QUERY}» (Pagefind / lunr)",
            pagefind_total / 1024,
            lunr_total / 1024,
            "KB",
        ),
        Row("heraf søgningens filer (Pagefind / lunr)", pagefind_share / 1024, lunr_share / 1024, "KB"),
        Row("PDF-bogen (mod ren MkDocs-byg)", pdf, baseline),
    ]


def report(results: dict[int, list[Row]]) -> str:
    lines = [
        "| moduler | måling | katalog | ren MkDocs + Material | forhold |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    for size, rows in results.items():
        for row in rows:
            value = f"{row.katalog:.2f} {row.unit}" if row.katalog is not None else "ikke målt"
            baseline = f"{row.baseline:.2f} {row.unit}" if row.baseline is not None else "–"
            lines.append(f"| {size} | {row.label} | {value} | {baseline} | {row.ratio} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100,1000", help="synthetic modules added to the real ones, per run, comma-separated"
    )
    parser.add_argument("--pdf-max", type=int, default=200, help="time the PDF only up to this many added modules")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    results = {}
    for size in (int(s) for s in args.sizes.split(",")):
        modules, rows = bench(size, args.out, args.pdf_max)
        results[modules] = rows
        print(f"… {modules} moduler målt", file=sys.stderr)
    table = report(results)
    (args.out / "resultat.md").write_text(table + "\n", "utf-8")
    print(table)


if __name__ == "__main__":
    main()
