"""`make bench`: the katalog pipeline on synthetic catalogues, as ratios against plain MkDocs in the same run.

A synthetic catalogue is the real content/ plus N generated modules (copies of a recommended module under new
ids). The baseline is plain MkDocs + Material building the very HTML the katalog renders, written to disk
beforehand as pre-written pages, with no hooks or plugins. A second baseline is the same with Material's own
search plugin (lunr): plain MkDocs can then search too, as our site can with Pagefind, so it is the fair
counterpart. Builds of ours and of both baselines alternate (ours, plain, lunr, lunr, plain, ours, …) so a busy
machine slows all alike: read the ratios, not the seconds.

Each build runs in a child process that reports its own CPU time and peak memory (the MkDocs process itself)
and, separately, the peak of its children: Pagefind. Search is set beside Material's own (lunr) search on the
same pages: the bytes a reader's browser fetches to answer one typical query, measured in real chromium.

Writes bench/results.md (machine, date, commit, every figure, cost per module, a chart of time against size
and a cProfile summary of the largest build) and prints it.

Usage: python scripts/bench.py [--sizes 100,1000,5000] [--quick] [--repeats 3] [--pdf-max 1000]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_MODULE = "sosu-basis"  # a recommended module: no AMU number to keep unique, nothing points to it
QUERY = "vejleder"
HELPER = Path(__file__).resolve()


def _env() -> dict[str, str]:
    from katalog.publishing import PLACEHOLDER_REPOSITORY

    # The copies are outside git and have no GitHub remote, so they name the repository (a build refuses not to).
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "KATALOG_PDF": "0",
        "KATALOG_REPOSITORY": os.environ.get("KATALOG_REPOSITORY") or PLACEHOLDER_REPOSITORY,
    }


# ---------------------------------------------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------------------------------------------


def synthetic_project(target: Path, extra_modules: int) -> Path:
    """Copy the real project and add generated modules to its content."""
    for name in ("docs", "overrides", "hooks", "schemas", "content"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    text = (ROOT / "content" / "modules" / f"{TEMPLATE_MODULE}.yaml").read_text("utf-8")
    text = re.sub(r"^replaces:.*\n", "", text, flags=re.M)
    # Each copy gets its own title, summary and description, words drawn (seeded) from the real modules' texts:
    # identical copies gzip unrealistically well, and the overview's weight is its unique text.
    import yaml

    real = [yaml.safe_load(f.read_text("utf-8")) for f in sorted((ROOT / "content" / "modules").glob("*.yaml"))]
    pools = {key: [w for m in real for w in re.findall(r"[\wæøåÆØÅ-]+", str(m.get(key, "")))] for key in _TEXTS}
    lengths = {key: [len(str(m.get(key, "")).split()) for m in real] for key in _TEXTS}
    rng = random.Random(18)

    def words(key: str) -> str:
        drawn = " ".join(rng.choice(pools[key]) for _ in range(rng.choice(lengths[key])))
        drawn = drawn[: _TEXTS[key]].rsplit(" ", 1)[0] if len(drawn) > _TEXTS[key] else drawn  # the schema's limits
        return drawn[:1].upper() + drawn[1:]

    for number in range(extra_modules):
        module_id = f"syntetisk-{number:05d}"
        body = re.sub(r"^id: .*$", f"id: {module_id}", text, count=1, flags=re.M)
        body = re.sub(r"^title: .*$", f"title: {words('title')} {number}", body, count=1, flags=re.M)
        body = re.sub(r"^short_title: .*$", f"short_title: {words('short_title')} {number}", body, count=1, flags=re.M)
        for key in ("summary", "description"):  # folded scalars: replace the indented lines below the key
            body = re.sub(rf"^{key}: >-\n(?:  .*\n)+", f"{key}: >-\n  {words(key)}.\n", body, count=1, flags=re.M)
        (target / "content" / "modules" / f"{module_id}.yaml").write_text(body, "utf-8")
    return target


_TEXTS = {"title": 44, "short_title": 34, "summary": 290, "description": 2000}  # room for the number


def plain_project(katalog_project: Path, target: Path, plugins: str = "[]") -> Path:
    """The same pages as pre-written Markdown, built by MkDocs + Material with no hooks and the given plugins."""
    from katalog import urls
    from katalog.catalogue import load_catalogue
    from katalog.changes import changes_files
    from katalog.downloads import DOWNLOAD_DIR, DOWNLOADS_PAGE, download_files, downloads_page
    from katalog.fieldref import FIELDS_PAGE, field_reference_page
    from katalog.publishing import PLACEHOLDER_REPOSITORY, Publisher
    from katalog.render import render_pages
    from katalog.views import catalogue_view

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


# ---------------------------------------------------------------------------------------------------------------
# Child processes: one build or one validation, reporting its own figures as JSON on stdout
# ---------------------------------------------------------------------------------------------------------------


def _high_water_kb(pid: str = "self") -> int:
    """A process's peak resident memory (VmHWM), in KB; 0 once it is gone.

    Not ru_maxrss: that carries over the parent's memory across fork and exec, so a small child of a big
    process would report the big one's size.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, flags=re.M)
    return int(found.group(1)) if found else 0


def _watch_children(peak: list[int], stop: threading.Event) -> None:
    """Keep the highest peak memory of any child of this process (Pagefind) until told to stop."""
    while not stop.wait(0.02):
        for children in Path("/proc/self/task").glob("*/children"):
            for pid in children.read_text().split():
                peak[0] = max(peak[0], _high_water_kb(pid))


def _child_build(project: Path, profile: Path | None) -> None:
    """Run `mkdocs build` in this process; print CPU seconds, own peak memory and the children's (Pagefind's)."""
    os.chdir(project)
    sys.path.insert(0, str(project))
    from mkdocs.__main__ import cli

    def build() -> None:
        cli.main(args=["build", "--strict", "--quiet"], prog_name="mkdocs", standalone_mode=False)

    children_peak, stop = [0], threading.Event()
    watcher = threading.Thread(target=_watch_children, args=(children_peak, stop), daemon=True)
    watcher.start()
    if profile is not None:
        cProfile.runctx("build()", globals(), {"build": build}, str(profile))
    else:
        build()
    stop.set()
    watcher.join()
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps({"cpu": cpu, "peak_kb": _high_water_kb(), "children_peak_kb": children_peak[0]}))


def _child_validate(project: Path) -> None:
    """CPU seconds of the YAML parse floor and of the whole validation (schemas + cross-file rules), in a fresh process.

    CPU time, not wall time: on a machine shared with other work it still says how much work each part is.
    """
    import yaml

    from katalog.load import load_tree
    from katalog.validate import validate_content

    content, schemas = project / "content", project / "schemas"
    files = sorted(content.rglob("*.yaml"))
    gc.disable()  # as our loader does while it reads: the floor is the least YAML reading can cost
    start = time.process_time()
    for path in files:  # libyaml straight to Python objects
        yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506 - CSafeLoader is the safe loader
    libyaml = time.process_time() - start
    gc.enable()
    start = time.process_time()
    load_tree(content)
    parse = time.process_time() - start
    for kept in ("katalog.load", "katalog.validate"):  # validation must read every file again, not reuse the above
        for name in ("_LOADED", "_CHECKED"):
            getattr(sys.modules[kept], name, {}).clear()
    start = time.process_time()
    _, problems = validate_content(content, schemas)
    validate = time.process_time() - start
    print(json.dumps({"libyaml": libyaml, "parse": parse, "validate": validate, "problems": len(problems)}))


def _run_child(args: list[str], cwd: Path | None = None) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(HELPER), *args], cwd=cwd, env=_env(), check=False, capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


@dataclass(frozen=True)
class Build:
    wall: float
    cpu: float
    peak_mb: float
    children_peak_mb: float


def timed_build(project: Path, profile: Path | None = None) -> Build:
    shutil.rmtree(project / "site", ignore_errors=True)
    args = ["--child-build", str(project)] + (["--child-profile", str(profile)] if profile else [])
    wall, figures = _run_child(args)
    return Build(wall, figures["cpu"], figures["peak_kb"] / 1024, figures["children_peak_kb"] / 1024)


# ---------------------------------------------------------------------------------------------------------------
# Preview, search, sizes
# ---------------------------------------------------------------------------------------------------------------


def wait_for(check: Callable[[], bool], limit: float) -> None:
    from katalog.browser import wait_until

    if not wait_until(check, limit):
        raise TimeoutError("mkdocs serve did not show the change")


@contextmanager
def serving(project: Path, preview: bool, limit: float) -> Iterator[str]:
    from katalog.browser import fetch_text, mkdocs_serve

    env = {**_env(), "KATALOG_PREVIEW": "1"} if preview else _env()
    with mkdocs_serve(project, env) as (url, _):
        wait_for(lambda: "Oplæringsvejleder" in fetch_text(url), limit)
        yield url


def serve_rebuild(project: Path, source: Path, page: str, old: str, preview: bool, limit: float) -> float:
    """Seconds from saving an edited file (old text gets a suffix) until `mkdocs serve` serves the changed page."""
    from katalog.browser import fetch_text

    new = old + " (ændret)"
    original = source.read_text("utf-8")
    try:
        with serving(project, preview, limit) as url:
            time.sleep(2)  # the file watcher starts just after the first page is served
            start = time.perf_counter()
            source.write_text(original.replace(old, new, 1), "utf-8")
            wait_for(lambda: "(ændret)" in fetch_text(url + page), limit)
            return time.perf_counter() - start
    finally:
        source.write_text(original, "utf-8")


def bytes_for_query(site: Path, open_search: str, field_selector: str, result: str, search_files: str) -> int:
    """Bytes of search files a first-time visitor's browser fetches to search for QUERY from the module overview.

    Material's search loads its whole index with every first page; Pagefind loads pieces when asked.
    search_files is a regular expression for the paths that belong to search.
    """
    from katalog.browser import launch_chromium, serve_directory

    asked: list[Path] = []
    with serve_directory(site, asked) as url, launch_chromium() as browser:
        page = browser.new_context().new_page()
        page.goto(url + "moduler/", wait_until="networkidle")
        page.click(open_search)
        page.locator(field_selector).wait_for()
        page.keyboard.type(QUERY, delay=30)  # Material's search listens to key events, not to a filled value
        page.locator(result).first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        files = {path for path in asked if path.is_file()}
        return sum(f.stat().st_size for f in files if re.search(search_files, f.as_posix()))


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def median(values: list[float]) -> float:
    return statistics.median(values)


# ---------------------------------------------------------------------------------------------------------------
# One size
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Result:
    size: int
    modules: int = 0
    libyaml: float = 0.0
    parse: float = 0.0
    validate: float = 0.0
    ours: list[Build] = field(default_factory=list)
    plain: list[Build] = field(default_factory=list)
    lunr: list[Build] = field(default_factory=list)  # plain MkDocs with Material's own search: a site that can search
    preview: float | None = None
    plain_preview: float | None = None
    pdf: float | None = None
    overview_bytes: int = 0
    overview_gzip: int = 0
    overview_cards: int = 0
    json_bytes: int = 0
    json_gzip: int = 0
    pagefind_kb: float = 0.0
    search_bytes: int | None = None
    lunr_bytes: int | None = None

    def build(self, which: str, attribute: str, pick: Callable[[list[float]], float] = median) -> float:
        return pick([getattr(b, attribute) for b in {"ours": self.ours, "plain": self.plain, "lunr": self.lunr}[which]])


def measure(
    size: int, work: Path, repeats: int, pdf_max: int, profile: Path | None, log: Callable[[str], None]
) -> Result:
    result = Result(size)
    project = synthetic_project(work / f"katalog-{size}", size)
    plain = plain_project(project, work / f"plain-{size}")
    lunr = plain_project(project, work / f"lunr-{size}", plugins="[search]")
    result.modules = len(list((project / "content" / "modules").glob("*.yaml")))
    log(f"{result.modules} moduler: validering")
    runs = [_run_child(["--child-validate", str(project)])[1] for _ in range(repeats)]
    result.libyaml, result.parse, result.validate = (
        median([r[k] for r in runs]) for k in ("libyaml", "parse", "validate")
    )
    names = {project: "katalog", plain: "ren MkDocs", lunr: "ren MkDocs med lunr"}
    for repeat in range(repeats):  # interleaved, and the order flips each time
        order = [(project, result.ours), (plain, result.plain), (lunr, result.lunr)]
        for path, into in order if repeat % 2 == 0 else reversed(order):
            log(f"{result.modules} moduler: byg {names[path]} ({repeat + 1}/{repeats})")
            into.append(timed_build(path))
    site = project / "site"
    from katalog.downloads import DOWNLOAD_DIR
    from katalog.export import JSON_FILE
    from katalog.search import BUNDLE

    overview = site / "moduler" / "index.html"
    result.overview_bytes, result.overview_gzip = overview.stat().st_size, gzipped(overview)
    result.overview_cards = overview.read_text("utf-8").count('<article class="kat-card')
    exported = site / DOWNLOAD_DIR / JSON_FILE
    result.json_bytes, result.json_gzip = exported.stat().st_size, gzipped(exported)
    result.pagefind_kb = folder_bytes(site / BUNDLE) / 1024
    log(f"{result.modules} moduler: søgning i chromium")
    try:
        result.search_bytes = bytes_for_query(
            site, "[data-kat-search-open]", ".pagefind-ui__search-input", ".pagefind-ui__result", "/pagefind/"
        )
        result.lunr_bytes = bytes_for_query(
            lunr / "site",
            "input.md-search__input",
            "input.md-search__input",
            ".md-search-result__item",
            r"/search/|/workers/search|/lunr/",
        )
    except Exception as error:  # noqa: BLE001 - no chromium: the other figures still count
        log(f"søgningen blev ikke målt: {error}")
    if size <= pdf_max:
        log(f"{result.modules} moduler: PDF")
        result.pdf = _pdf_seconds(project)
    log(f"{result.modules} moduler: ændring i make serve")
    limit = 120 + result.build("ours", "wall", max) * 4
    title = "Oplæringsvejledning, SOSU, basis"
    page = "moduler/sosu-basis/"
    source = project / "content/modules/sosu-basis.yaml"
    result.preview = serve_rebuild(project, source, page, f"title: {title}", True, limit)
    plain_source = plain / "docs/moduler/sosu-basis.md"
    result.plain_preview = serve_rebuild(plain, plain_source, page, f'record__title">{title}', False, limit)
    if profile is not None:
        log(f"{result.modules} moduler: profil")
        timed_build(project, profile)
    shutil.rmtree(plain)
    shutil.rmtree(lunr)
    return result


def _pdf_seconds(project: Path) -> float:
    code = (
        "import time,sys;from pathlib import Path;from katalog.catalogue import load_catalogue;"
        "from katalog.views import catalogue_view;from katalog.pdf import build_pdf;"
        "import katalog.pdf.layout;p=Path(sys.argv[1]);"
        "v=catalogue_view(load_catalogue(p/'content',p/'schemas'));"
        "t=time.perf_counter();build_pdf(v);print(time.perf_counter()-t)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------------------------


def _ratio(ours: float | None, plain: float | None) -> str:
    return f"{ours / plain:.2f} ×" if ours is not None and plain else "–"


def _kb(size: int | float | None) -> str:
    return f"{size / 1024:,.0f} KB" if size is not None else "ikke målt"


def _s(value: float | None) -> str:
    return f"{value:.2f} s" if value is not None else "ikke målt"


def _versus(r: Result, label: str, baseline: str, attribute: str) -> tuple[str, str, str, str]:
    """A row setting our builds against a baseline's: the median of times, the top of memory."""
    if attribute == "peak_mb":
        ours, theirs = r.build("ours", attribute, max), r.build(baseline, attribute, max)
        return label, f"{ours:.0f} MB", f"{theirs:.0f} MB", _ratio(ours, theirs)
    ours, theirs = r.build("ours", attribute), r.build(baseline, attribute)
    return label, _s(ours), _s(theirs), _ratio(ours, theirs)


def table(results: list[Result]) -> list[str]:
    lines = [
        "| moduler | måling | katalog | sammenligning | forhold |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    for r in results:
        m = r.modules
        rows = [
            (
                "validering (skemaer + regler) / YAML-læsning med positioner",
                _s(r.validate),
                _s(r.parse),
                _ratio(r.validate, r.parse),
            ),
            (
                "validering / ren libyaml (CSafeLoader, gulvet)",
                _s(r.validate),
                _s(r.libyaml),
                _ratio(r.validate, r.libyaml),
            ),
            _versus(r, "fuldt byg, væg (median) / ren MkDocs", "plain", "wall"),
            _versus(r, "fuldt byg, CPU (median) / ren MkDocs", "plain", "cpu"),
            _versus(r, "fuldt byg, væg (median) / ren MkDocs med dens søgning (lunr)", "lunr", "wall"),
            _versus(r, "fuldt byg, CPU (median) / ren MkDocs med dens søgning (lunr)", "lunr", "cpu"),
            _versus(r, "hukommelse, MkDocs-processen (top) / ren MkDocs", "plain", "peak_mb"),
            _versus(r, "hukommelse, MkDocs-processen (top) / ren MkDocs med lunr", "lunr", "peak_mb"),
            ("hukommelse, Pagefind (top, egen proces)", f"{r.build('ours', 'children_peak_mb', max):.0f} MB", "–", "–"),
            (
                "ændring vist i make serve / ren mkdocs serve",
                _s(r.preview),
                _s(r.plain_preview),
                _ratio(r.preview, r.plain_preview),
            ),
            ("PDF-bogen", _s(r.pdf), "–", "–"),
            (
                "moduloversigten (HTML / gzip, som den overføres)",
                _kb(r.overview_bytes),
                _kb(r.overview_gzip),
                f"{r.overview_cards} kort",
            ),
            ("katalog.json (rå / gzip)", _kb(r.json_bytes), _kb(r.json_gzip), "–"),
            ("søgeindeks i alt (Pagefind)", f"{r.pagefind_kb:,.0f} KB", "–", "–"),
            (
                f"søgningens filer hentet for «{QUERY}» (Pagefind / lunr)",
                _kb(r.search_bytes),
                _kb(r.lunr_bytes),
                _ratio(r.search_bytes, r.lunr_bytes),
            ),
        ]
        lines += [f"| {m} | {label} | {a} | {b} | {c} |" for label, a, b, c in rows]
    return lines


def per_module(results: list[Result]) -> list[str]:
    lines = [
        "| moduler | validering pr. modul | byg pr. modul (katalog) | byg pr. modul (ren MkDocs) | PDF pr. modul |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        pdf = f"{r.pdf / r.modules * 1000:.1f} ms" if r.pdf is not None else "ikke målt"
        lines.append(
            f"| {r.modules} | {r.validate / r.modules * 1000:.2f} ms | {r.build('ours', 'wall') / r.modules * 1000:.1f} ms"
            f" | {r.build('plain', 'wall') / r.modules * 1000:.1f} ms | {pdf} |"
        )
    return lines


def chart(results: list[Result], width: int = 56) -> list[str]:
    """Horizontal bars, one group per size: seconds against modules (both on the same linear scale per row)."""
    series: list[tuple[str, Callable[[Result], float | None]]] = [
        ("katalog byg", lambda r: r.build("ours", "wall")),
        ("ren MkDocs", lambda r: r.build("plain", "wall")),
        ("ren + lunr", lambda r: r.build("lunr", "wall")),
        ("validering", lambda r: r.validate),
        ("YAML-gulv", lambda r: r.libyaml),
        ("PDF", lambda r: r.pdf),
    ]
    top = max((v for r in results for _, f in series if (v := f(r)) is not None), default=1.0) or 1.0
    lines = ["```text", f"sekunder (én '█' = {top / width:.2f} s)"]
    for r in results:
        lines.append(f"{r.modules:>5} moduler")
        for name, f in series:
            value = f(r)
            if value is not None:
                lines.append(f"  {name:<12} {'█' * max(1, round(value / top * width))} {value:.1f} s")
    lines.append("```")
    return lines


def profile_summary(profile: Path, entries: int = 25) -> list[str]:
    out = io.StringIO()
    stats = pstats.Stats(str(profile), stream=out)
    stats.sort_stats("cumulative").print_stats(
        r"katalog|mkdocs/commands/build|pagefind|material/templates|macros|markdown/core", entries
    )
    text = out.getvalue()
    body = text[text.find("   ncalls") :] if "   ncalls" in text else text
    body = re.sub(r"\S*/site-packages/", "", body.replace(str(ROOT) + "/", ""))
    body = re.sub(r"\S*/(katalog-\d+)/", r"\1/", body)
    return ["```text", *[line.rstrip() for line in body.strip().splitlines()], "```"]


def machine() -> list[str]:
    cpu = "ukendt"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), flags=re.M)
        cpu = found.group(1) if found else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+)", meminfo.read_text(), flags=re.M)
        memory = f", {int(found.group(1)) / 1024 / 1024:.1f} GB RAM" if found else ""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True)
    sha = commit.stdout.strip() or "ukendt"
    sha += " (med ændringer, der ikke er committet)" if dirty.stdout.strip() else ""
    return [
        f"- Maskine: {cpu}, {os.cpu_count()} kerner{memory}; {platform.system()} {platform.release()}, Python {platform.python_version()}",
        f"- Dato: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Commit: {sha}",
        f"- Belastning (load average) ved start: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}",
    ]


def report(results: list[Result], header: list[str], profile: Path | None, repeats: int, load_end: str) -> str:
    lines = [
        "# Benchmark",
        "",
        "Skrevet af `make bench` (scripts/bench.py). Tallene er forhold mod ren MkDocs + Material, der bygger de",
        "samme sider (vores færdige HTML skrevet ud som sider) i samme kørsel, og mod det samme med Materials egen",
        "søgning (lunr), fordi vores site også kan søge; byggene skiftes (vores, ren, lunr, lunr, ren, vores …),",
        f"{repeats} gang(e) hver, og medianen står her. Maskinen deles med andre processer, så sekunderne",
        "svinger; forholdene er det, der tæller, og selv de er støjede ved få gentagelser.",
        "",
        *header,
        f"- Belastning ved slut: {load_end}",
        "",
        "## Målinger",
        "",
        *table(results),
        "",
        "Validering er hele `katalog validate`-arbejdet (læsning, skemaer, regler på tværs af filer). «YAML-læsning",
        "med positioner» er vores egen læser alene (libyaml + positioner + YAML 1.2-regler), som alle fejlbeskeder",
        "med `sti:linje:kolonne` bygger på; «ren libyaml» er det mindste, nogen YAML-læsning kan koste. Byg-CPU tæller",
        "også Pagefind med (en underproces). Hukommelse er den højeste RSS for MkDocs-processen selv; Pagefinds egen",
        "top står for sig. PDF'en er kun målt op til `--pdf-max` moduler.",
        "",
        "## Pris pr. modul",
        "",
        *per_module(results),
        "",
        "## Tid mod størrelse",
        "",
        *chart(results),
    ]
    notes = ROOT / "bench" / "notes.md"  # the targets, before/after and what is left, written by hand
    if notes.exists():
        lines += ["", notes.read_text("utf-8").strip()]
    if profile is not None and profile.exists():
        lines += [
            "",
            f"## Profil af det største byg ({results[-1].modules} moduler, cProfile, kumulativ tid)",
            "",
            "Under cProfile tager alt 1,5-2 gange så lang tid; fordelingen er det, der tæller.",
            "",
            *profile_summary(profile),
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100,1000,5000", help="synthetic modules added to the real ones, comma-separated"
    )
    parser.add_argument("--quick", action="store_true", help="a short run: the first size only, one build each")
    parser.add_argument("--repeats", type=int, default=3, help="builds of each kind per size (interleaved)")
    parser.add_argument("--pdf-max", type=int, default=1000, help="time the PDF only up to this many added modules")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument("--child-build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-validate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        return _child_build(args.child_build, args.child_profile)
    if args.child_validate:
        return _child_validate(args.child_validate)
    sizes = [int(s) for s in args.sizes.split(",")]
    repeats = args.repeats
    if args.quick:
        sizes, repeats = sizes[:1], 1
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    header = machine()

    def log(message: str) -> None:
        print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)

    results: list[Result] = []
    profile = args.out / "largest.prof"
    for number, size in enumerate(sizes):
        largest = number == len(sizes) - 1
        results.append(measure(size, args.out, repeats, args.pdf_max, profile if largest else None, log))
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
        text = report(results, header, profile if largest else None, repeats, load)
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(text, "utf-8")  # after every size, so a long run that is stopped keeps what ran
        shutil.rmtree(args.out / f"katalog-{size}", ignore_errors=True)
    print(args.results.read_text("utf-8"))


if __name__ == "__main__":
    main()
