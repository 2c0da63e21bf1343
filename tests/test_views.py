"""The view layer: one display object per record, rendered the same way on the site and in the PDF."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from dataclasses import fields, is_dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from katalog import model, urls, vocab
from katalog.catalogue import load_catalogue
from katalog.model import Catalogue
from katalog.pdf import render_book_html
from katalog.render import render_pages
from katalog.render.target import BOOK, render_html
from katalog.views import CatalogueView, catalogue_view

from .conftest import MINI, ROOT, SCHEMAS

SRC = ROOT / "src" / "katalog"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def real() -> tuple[Catalogue, CatalogueView]:
    catalogue = load_catalogue(ROOT / "content", SCHEMAS)
    return catalogue, catalogue_view(catalogue)


# --- every schema property reaches the model -------------------------------------------------------------

# Where a YAML key and the model's field differ in name: a step's module or choice, a mapping row's ends.
ALIASES = {"module": "modules", "one_of": "modules", "from": "old", "to": "new"}
# Keys that are for editors only and deliberately never reach a page (none today).
EDITOR_ONLY: set[str] = set()
KIND_MODELS = {
    "module": model.Module,
    "pathway": model.Pathway,
    "course-type": model.CourseType,
    "role": model.Role,
    "structure": model.Structure,
    "provider": model.Provider,
}
NESTED = {
    ("glossary", "terms"): model.GlossaryTerm,
    ("sources", "documents"): model.SourceDocument,
}
DEFS = {"source": model.SourceRef, "statistics": model.Statistics, "step": model.Step}


def _schemas() -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in SCHEMAS.glob("*.schema.json")}


def _missing(properties: dict[str, Any], cls: type) -> list[str]:
    names = {f.name for f in fields(cls)}
    return [
        key for key in properties if ALIASES.get(key, key) not in names and key not in EDITOR_ONLY and key != "$schema"
    ]


@pytest.mark.parametrize("kind", sorted(KIND_MODELS))
def test_every_property_of_a_kind_reaches_its_model(kind: str) -> None:
    """A property the schema allows is a field of the model, so the builder cannot drop it silently."""
    schema = _schemas()[f"{kind}.schema.json"]
    assert _missing(schema["properties"], KIND_MODELS[kind]) == []


@pytest.mark.parametrize(("schema", "key"), sorted(NESTED))
def test_every_property_of_a_listed_record_reaches_its_model(schema: str, key: str) -> None:
    """Glossary terms and source documents keep every property too."""
    items = _schemas()[f"{schema}.schema.json"]["properties"][key]["items"]
    assert _missing(items["properties"], NESTED[(schema, key)]) == []


@pytest.mark.parametrize("name", sorted(DEFS))
def test_every_property_of_a_shared_definition_reaches_its_model(name: str) -> None:
    """Sources, statistics and pathway steps: every property has a field."""
    schemas = _schemas()
    definition = schemas["defs.schema.json"]["$defs"].get(name) or schemas["pathway.schema.json"]["$defs"][name]
    definition = definition.get("items", definition)
    properties = definition.get("properties") or {
        k: v
        for branch in definition.get("oneOf", []) + definition.get("allOf", [])
        for k, v in branch.get("properties", {}).items()
    }
    assert properties, name
    assert _missing(properties, DEFS[name]) == []


def test_a_field_the_model_lacks_is_caught() -> None:
    """The check above fails when a schema property has no field (so it can fail)."""
    assert _missing({"id": {}, "brand_new_field": {}}, model.Role) == ["brand_new_field"]


# --- labels come from one table and cover every enum --------------------------------------------------------


def _enums(node: Any, path: str = "") -> list[tuple[str, tuple[str, ...]]]:
    found = []
    if isinstance(node, dict):
        if "enum" in node and path.rsplit("/", 1)[-1] in {"status", "tier", "entry", "entries", "kind", "items"}:
            found.append((path, tuple(v for v in node["enum"] if v is not None)))
        for key, value in node.items():
            found += _enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _enums(value, f"{path}/{i}")
    return found


LABEL_TABLES = {
    "status": vocab.STATUSES,
    "tier": vocab.TIERS,
    "entry": vocab.ENTRIES,
    "entries": vocab.ENTRIES,
}


def test_every_schema_enum_value_has_a_danish_label() -> None:
    """Statuses, tiers, entries and pathway kinds: every value the schemas allow has a label in vocab."""
    tables = [vocab.STATUSES, vocab.TIERS, vocab.ENTRIES, vocab.PATHWAY_KINDS, vocab.STRUCTURE_KINDS]
    for name, schema in _schemas().items():
        if name == "katalog.schema.json":
            continue  # the export's schema describes output, not content
        for path, values in _enums(schema):
            if "unknown" in path or "inferred" in path:
                continue  # field names, not values to label
            assert any(set(values) <= set(table) for table in tables), (name, path, values)
    assert set(vocab.STATUSES) == set(vocab.STATUS_EXPLAINED)


def _labels() -> set[str]:
    # SOSU and PAU are also plain abbreviations in running text, so only the long entry names count here.
    tables = (vocab.STATUSES, vocab.TIERS, vocab.ENTRY_LONG, vocab.PATHWAY_KINDS, vocab.STATUS_EXPLAINED)
    return {label for table in tables for label in table.values()}


def _code_files() -> list[Path]:
    return [
        p
        for p in [
            *SRC.rglob("*.py"),
            *SRC.rglob("*.j2"),
            *(ROOT / "hooks").glob("*.py"),
            *(ROOT / "overrides").rglob("*.html"),
        ]
        if "__pycache__" not in p.parts
    ]


def test_no_controlled_label_is_spelled_outside_the_label_table() -> None:
    """'Anbefalet (ny)', 'Foreslås nedlagt' … stand in vocab.py only; templates get them from the views."""
    found = []
    for path in _code_files():
        if path.name == "vocab.py":
            continue
        text = path.read_text("utf-8")
        found += [
            f"{path.relative_to(ROOT)}: {label}" for label in _labels() if f'"{label}"' in text or f">{label}<" in text
        ]
    assert found == []


PAGE_PATH = re.compile(
    r"""["'(>/](moduler|forloeb|roller|uddannelsestyper|struktur|udbydere|statistik|ordliste|kilder|hent|soeg)/"""
)


def test_no_page_path_is_spelled_outside_the_url_module() -> None:
    """Pages, cards, exports, the PDF and the theme get every address from katalog.urls."""
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _code_files()
        if path.name != "urls.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if PAGE_PATH.search(line)
    ]
    assert found == []


# --- import graph -------------------------------------------------------------------------------------------


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        targets = set()
        for node in ast.parse(path.read_text("utf-8")).body:  # top level only: imports inside functions are lazy
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("katalog"):
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("katalog"))
        graph[name] = targets
    return {name: {t for t in targets if t in graph and t != name} for name, targets in graph.items()}


def _packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Collapse modules into their top-level part of katalog (katalog.render.pages -> katalog.render)."""

    def top(name: str) -> str:
        return ".".join(name.split(".")[:2])

    folded: dict[str, set[str]] = {}
    for name, targets in graph.items():
        folded.setdefault(top(name), set()).update(top(t) for t in targets if top(t) != top(name))
    return folded


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str]:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*trail, node, target]
            if target not in state and (found := visit(target, [*trail, node])):
                return found
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node, [])):
            return found
    return []


def test_the_parts_of_the_package_import_each_other_without_a_cycle() -> None:
    """render, views, export, pdf … form a graph without cycles (render and export no longer meet in a loop)."""
    assert _cycle(_packages(_imports())) == []


def test_a_cycle_would_be_found() -> None:
    """The cycle finder finds a loop when there is one."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_rendering_needs_neither_the_validator_nor_jsonschema() -> None:
    """katalog.render can be imported (and driven by another engine) without validation code."""
    code = "import sys, katalog.render; print(sorted(m for m in sys.modules if m.startswith(('jsonschema', 'katalog.validate', 'katalog.schema', 'mkdocs'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# --- the site and the PDF show the same facts ---------------------------------------------------------------


class _Facts(HTMLParser):
    """Collect what a reader learns from a record: title, facts box, list items, citations and link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.facts: set[str] = set()
        self.links: set[str] = set()
        self._stack: list[str] = []
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self._link(values["href"] or "")
        related = "kat-related" in (values.get("class") or "").split()
        if "hidden" in values or tag == "script" or values.get("class") == "headerlink" or related:
            self._skip += 1
            self._stack.append("skip:" + tag)
            return
        if tag in ("h1", "h2", "h3", "h4", "dt", "dd", "li", "td", "th", "p"):
            self._stack.append(tag)
            self._text = []
        else:
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            top = self._stack.pop()
            if top.startswith("skip:"):
                self._skip -= 1
                if top == "skip:" + tag:
                    break
                continue
            if top == tag:
                if tag in ("h1", "h2", "h3", "h4", "dt", "dd", "li", "td", "th", "p"):
                    text = " ".join("".join(self._text).split())
                    if text:
                        self.facts.add(text)
                    self._text = []
                break

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    def _link(self, href: str) -> None:
        if href.startswith("#") and "/" not in href:
            return  # an anchor on the same site page (a heading link)
        path = re.sub(r"^(\.\./)+", "", href).lstrip("#").replace("#", "")
        if not path.startswith("http") and "?" not in path:
            self.links.add(path)


def _facts(html: str) -> tuple[set[str], set[str]]:
    parser = _Facts()
    parser.feed(html)
    return parser.facts, parser.links


SITE_ONLY = "Se rollens moduler i modullisten, hvor du kan filtrere videre"  # the filter link needs the site
COMPARE_LINK = "Sammenlign med andre moduler"  # the compare page is the site's own, like the filters


@pytest.mark.parametrize("kind", ["modules", "pathways", "roles", "course_types"])
def test_the_site_and_the_book_show_the_same_facts_for_every_record(
    kind: str, real: tuple[Catalogue, CatalogueView]
) -> None:
    """Title, AMU number, length, status, goals, sources and related records: the same on a page and in the PDF."""
    catalogue, view = real
    pages = {page.url: page for page in render_pages(catalogue, view)}
    book = render_book_html(view)
    for record in getattr(view, kind):
        site_facts, site_links = _facts(str(pages[record.url].html))
        start = book.index(f'id="{record.url.anchor}"')
        article = book[book.rindex("<article", 0, start) : book.index("</article>", start)]
        book_facts, book_links = _facts(article)
        assert site_links == book_links, record.id
        assert site_facts - {SITE_ONLY, COMPARE_LINK} == book_facts, record.id


def test_a_fact_missing_from_the_book_is_noticed(real: tuple[Catalogue, CatalogueView]) -> None:
    """The comparison sees a difference: a module's goal list without its last goal."""
    _, view = real
    module = next(m for m in view.modules if m.goals)
    full, _ = _facts(str(render_html("html/module.j2", BOOK, module=module, level=2)))
    from dataclasses import replace

    short, _ = _facts(
        str(render_html("html/module.j2", BOOK, module=replace(module, goals=module.goals[:-1]), level=2))
    )
    assert full - short


# --- golden files: one record of each kind, as the site and the book render it ------------------------------

GOLDEN_RECORDS = [
    ("modules", "basis"),
    ("pathways", "sosu-vejleder"),
    ("roles", "koordinator"),
    ("course_types", "amu"),
]


@pytest.mark.parametrize(("kind", "record_id"), GOLDEN_RECORDS)
@pytest.mark.parametrize("target", ["site", "print"])
def test_golden_record_html(kind: str, record_id: str, target: str) -> None:
    """One record of each kind renders as in tests/golden/ (refresh with `make golden` and read the diff)."""
    catalogue = load_catalogue(MINI, SCHEMAS)
    view = catalogue_view(catalogue)
    record = next(r for r in getattr(view, kind) if r.id == record_id)
    if target == "site":
        html = str(next(p for p in render_pages(catalogue, view) if p.url == record.url).html)
    else:
        name = {"modules": "module", "pathways": "pathway", "roles": "role", "course_types": "course_type"}[kind]
        html = str(render_html(f"html/{name}.j2", BOOK, **{name: record}, level=2))
    golden = GOLDEN / f"{kind}-{record_id}.{target}.html"
    if os.environ.get("KATALOG_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(html, "utf-8")
    assert golden.exists(), f"{golden} mangler: kør `make golden`"
    assert html == golden.read_text("utf-8")


def test_urls_are_relative_on_the_site_and_anchors_in_the_book() -> None:
    """A module's address: '../../moduler/x/' from a module page, '#moduler/x/' in the book."""
    url = urls.module("x")
    assert url.relative("../../") == "../../moduler/x/"
    assert BOOK.href(url) == "#moduler/x/"
    assert url.src_uri == "moduler/x.md"
    assert urls.MODULES.src_uri == "moduler/index.md"
    assert urls.structure("anbefalet").relative("../") == "../struktur/#anbefalet"


def test_every_record_kind_in_the_model_is_a_dataclass() -> None:
    """The builder relies on dataclass fields."""
    assert all(is_dataclass(cls) for cls in KIND_MODELS.values())
