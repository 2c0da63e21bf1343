"""`make bench`: the katalog pipeline on synthetic catalogues, as ratios against plain MkDocs in the same run.

A synthetic catalogue is the real content/ plus N generated modules (copies of a recommended module under new
ids). The baseline is plain MkDocs + Material building the very Markdown the katalog renders, written to disk
beforehand, with no hooks or plugins. Ratios, not seconds, are the result: the machine's speed cancels out.

Usage: python scripts/bench.py [--sizes 100,1000] [--out build/bench]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from katalog.catalogue import load_catalogue
from katalog.render import render_pages

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_MODULE = "sosu-basis"  # a recommended module: no AMU number to keep unique, nothing points to it
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Row:
    label: str
    katalog: float
    baseline: float | None
    unit: str = "s"

    @property
    def ratio(self) -> str:
        return f"{self.katalog / self.baseline:.2f}" if self.baseline else "–"


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


def plain_project(katalog_project: Path, target: Path) -> Path:
    """The same pages as pre-written Markdown, built by MkDocs + Material with no hooks or plugins."""
    shutil.copytree(katalog_project / "docs", target / "docs")
    shutil.copytree(katalog_project / "overrides", target / "overrides")
    catalogue = load_catalogue(katalog_project / "content", katalog_project / "schemas")
    for page in render_pages(catalogue):
        path = target / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, "utf-8")
    config = (katalog_project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"^plugins:\n(?:  .*\n)+", "plugins: []\n", config, flags=re.M)
    config = re.sub(r"^hooks:\n(?:  .*\n)+", "", config, flags=re.M)
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


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(check: Callable[[], bool], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("mkdocs serve did not show the change")
        time.sleep(0.05)


@contextmanager
def serving(project: Path, preview: bool) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**ENV, "KATALOG_PREVIEW": "1"} if preview else ENV
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Oplæringsvejleder" in fetch(url))
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def serve_rebuild(project: Path, source: Path, page: str, old: str, preview: bool) -> float:
    """Seconds from saving an edited file (old text gets a suffix) until `mkdocs serve` serves the changed page."""
    new = old + " (ændret)"
    with serving(project, preview) as url:
        time.sleep(2)  # the file watcher starts just after the first page is served
        start = time.perf_counter()
        source.write_text(source.read_text("utf-8").replace(old, new, 1), "utf-8")
        wait_for(lambda: "(ændret)" in fetch(url + page))
        return time.perf_counter() - start


def bench(size: int, work: Path) -> tuple[int, list[Row]]:
    project = synthetic_project(work / f"katalog-{size}", size)
    plain = plain_project(project, work / f"plain-{size}")
    load = seconds(lambda: load_catalogue(project / "content", project / "schemas"))
    modules = len(list((project / "content" / "modules").glob("*.yaml")))
    build = seconds(lambda: mkdocs_build(project))
    baseline = seconds(lambda: mkdocs_build(plain))
    pages, size_bytes = folder_size(project / "site")
    plain_pages, plain_bytes = folder_size(plain / "site")
    title = "Oplæringsvejledning, SOSU, basis"
    page = "moduler/sosu-basis/"
    rebuild = serve_rebuild(project, project / "content/modules/sosu-basis.yaml", page, f"title: {title}", True)
    plain_rebuild = serve_rebuild(plain, plain / "docs/moduler/sosu-basis.md", page, f"# {title}", False)
    return modules, [
        Row("indlæs og valider indholdet", load, None),
        Row("fuldt byg (mkdocs build)", build, baseline),
        Row("ændring vist i make serve", rebuild, plain_rebuild),
        Row("KB html pr. side", size_bytes / pages / 1024, plain_bytes / plain_pages / 1024, "KB"),
    ]


def report(results: dict[int, list[Row]]) -> str:
    lines = [
        "| moduler | måling | katalog | ren MkDocs | forhold |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    for size, rows in results.items():
        for row in rows:
            baseline = f"{row.baseline:.2f} {row.unit}" if row.baseline is not None else "–"
            lines.append(f"| {size} | {row.label} | {row.katalog:.2f} {row.unit} | {baseline} | {row.ratio} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100,1000", help="synthetic modules added to the real ones, per run, comma-separated"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    results = {}
    for size in (int(s) for s in args.sizes.split(",")):
        modules, rows = bench(size, args.out)
        results[modules] = rows
        print(f"… {modules} moduler målt", file=sys.stderr)
    table = report(results)
    (args.out / "resultat.md").write_text(table + "\n", "utf-8")
    print(table)


if __name__ == "__main__":
    main()
