"""The data exports: katalog.json against its own schema, moduler.csv for Excel, JSON-LD on pages, the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from katalog import vocab as labels
from katalog.catalogue import load_catalogue
from katalog.downloads import file_size
from katalog.export import COLUMNS, CSV_FILE, JSON_FILE, SCHEMA_FILE, catalogue_json, export_files, modules_csv
from katalog.export.linked_data import course, program, script
from katalog.model import Catalogue

from .conftest import MINI, ROOT, SCHEMAS

CATALOGUES = {"mini": MINI, "real": ROOT / "content"}


@pytest.fixture(scope="module", params=sorted(CATALOGUES))
def catalogue(request: pytest.FixtureRequest) -> Catalogue:
    return load_catalogue(CATALOGUES[request.param], SCHEMAS)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / SCHEMA_FILE).read_text("utf-8"))
    return data


def exported(catalogue: Catalogue) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(catalogue_json(catalogue))
    return data


def refs(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every {id, title} reference anywhere in the export."""
    if isinstance(node, dict):
        if set(node) == {"id", "title"}:
            yield node
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def test_json_validates_against_its_published_schema(catalogue: Catalogue, schema: dict[str, Any]) -> None:
    """katalog.json follows katalog.schema.json, which is itself a valid JSON Schema."""
    Draft202012Validator.check_schema(schema)
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(exported(catalogue))
    ]
    assert errors == []


def test_json_round_trips_every_record(catalogue: Catalogue) -> None:
    """Every module, pathway and other record comes back with its id, title and computed total."""
    data = exported(catalogue)
    assert [m["id"] for m in data["modules"]] == list(catalogue.modules)
    assert [m["title"] for m in data["modules"]] == [m.title for m in catalogue.modules.values()]
    assert [p["id"] for p in data["pathways"]] == list(catalogue.pathways)
    for record, pathway in zip(data["pathways"], catalogue.pathways.values(), strict=True):
        assert record["total"]["low"] == {"days": pathway.total.low.days, "ects": pathway.total.low.ects}
        assert record["total"]["high"] == {"days": pathway.total.high.days, "ects": pathway.total.high.ects}
    assert [t["id"] for t in data["course_types"]] == list(catalogue.course_types)
    assert [r["id"] for r in data["roles"]] == list(catalogue.roles)
    assert len(data["glossary"]) == len(catalogue.glossary)
    assert [d["file"] for d in data["documents"]] == list(catalogue.documents)


def test_json_references_are_resolved_to_records_that_exist(catalogue: Catalogue) -> None:
    """Every {id, title} reference names a record in the same file, with that record's title."""
    data = exported(catalogue)
    titles = {
        (record["id"], record["title"])
        for kind in ("modules", "pathways", "course_types", "roles", "structures", "providers")
        for record in data[kind]
    }
    found = list(refs({k: v for k, v in data.items() if k not in ("title",)}))
    assert found
    assert [r for r in found if (r["id"], r["title"]) not in titles] == []


def test_json_names_its_version_schema_and_data_date() -> None:
    """The export says which format version it is, where its schema is and how current it is."""
    data = exported(load_catalogue(MINI, SCHEMAS))
    assert re.fullmatch(r"1\.\d+\.\d+", data["version"])
    assert data["$schema"] == SCHEMA_FILE
    assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", data["data_date"])


def test_csv_opens_in_danish_excel() -> None:
    """moduler.csv: UTF-8 with BOM, semicolons, CRLF, decimal commas, one row per module."""
    catalogue = load_catalogue(MINI, SCHEMAS)
    raw = modules_csv(catalogue)
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == [header for header, _, _ in COLUMNS]
    assert [row[0] for row in rows[1:]] == list(catalogue.modules)
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_id["basis"]["Dage"] == "11"
    assert by_id["basis"]["AMU-nummer"] == "11111"
    assert by_id["paedagogik"]["ECTS"] == "10"
    assert by_id["simulation"]["Titel"] == "Simulation <script>alert(1)</script>"
    assert by_id["basis"]["Status"] == labels.STATUSES["gældende"]


def test_csv_neutralises_formulas_and_keeps_decimals_danish() -> None:
    """A text that starts like a formula gets an apostrophe; 2.5 days is written 2,5."""
    catalogue = load_catalogue(MINI, SCHEMAS)
    basis = catalogue.modules["basis"]
    changed = replace(basis, summary='=HYPERLINK("http://x")', duration=replace(basis.duration, days=2.5))
    catalogue = replace(catalogue, modules={**catalogue.modules, "basis": changed})
    text = modules_csv(catalogue).decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(text, newline=""), delimiter=";") if r[0] == "basis")
    assert row[[h for h, _, _ in COLUMNS].index("Resumé")] == '\'=HYPERLINK("http://x")'
    assert row[[h for h, _, _ in COLUMNS].index("Dage")] == "2,5"


def test_export_files_are_the_json_schema_and_csv() -> None:
    """The downloads folder gets exactly the JSON, the schema it follows and the CSV."""
    files = export_files(load_catalogue(MINI, SCHEMAS), SCHEMAS)
    assert sorted(files) == sorted([JSON_FILE, SCHEMA_FILE, CSV_FILE])
    assert files[SCHEMA_FILE] == (SCHEMAS / SCHEMA_FILE).read_bytes()


@pytest.mark.parametrize(("size", "text"), [(512, "512 byte"), (12_345, "12 kB"), (1_449_000, "1,4 MB")])
def test_file_sizes_are_said_the_danish_way(size: int, text: str) -> None:
    """Sizes on the downloads page read as Danish readers expect."""
    assert file_size(size) == text


# JSON-LD


def test_json_ld_cannot_be_broken_out_of() -> None:
    """A title with </script> stays inside the JSON: no <, > or & reaches the HTML."""
    data = {"@type": "Course", "name": "</script><script>alert(1)</script> & <!--"}
    element = str(script(data))
    inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not re.search(r"[<>&]", inner)
    assert json.loads(inner) == data


def test_course_and_program_describe_modules_and_pathways() -> None:
    """Modules become schema.org Courses and pathways EducationalOccupationalPrograms."""
    catalogue = load_catalogue(MINI, SCHEMAS)
    basis = course(catalogue.modules["basis"], catalogue.providers_of(catalogue.modules["basis"]))
    assert basis["@type"] == "Course" and basis["courseCode"] == "11111" and basis["timeRequired"] == "P11D"
    assert basis["provider"][0]["name"] == "SOSU Prøveskole"
    paedagogik = course(catalogue.modules["paedagogik"])
    assert paedagogik["numberOfCredits"] == {"@type": "StructuredValue", "value": 10, "unitText": "ECTS"}
    pathway = program(catalogue.pathways["sosu-vejleder"])
    assert pathway["@type"] == "EducationalOccupationalProgram"
    assert [c["url"] for c in pathway["hasCourse"]][0] == "../../moduler/basis/"
    assert "timeToComplete" not in pathway  # 17-28 days is a range, not one duration


class _JsonLd(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks.append(data)


def json_ld(page: Path) -> list[Any]:
    parser = _JsonLd()
    parser.feed(page.read_text("utf-8"))
    return [json.loads(block) for block in parser.blocks]


@pytest.mark.build
def test_module_and_pathway_pages_carry_json_ld_that_parses(mini_site: Path) -> None:
    """The built pages embed one JSON-LD block each, with YAML text intact and escaped."""
    [simulation] = json_ld(mini_site / "moduler" / "simulation" / "index.html")
    assert simulation["name"] == "Simulation <script>alert(1)</script>"
    assert "<script>alert(1)" not in (mini_site / "moduler" / "simulation" / "index.html").read_text("utf-8")
    [pathway] = json_ld(mini_site / "forloeb" / "koordinator" / "index.html")
    assert pathway["@type"] == "EducationalOccupationalProgram"
    assert {c["name"] for c in pathway["hasCourse"]} >= {"Oplæringsvejleder, basis", "Pædagogik og kommunikation"}


@pytest.mark.build
def test_every_real_module_and_pathway_page_has_json_ld(real_site: Path) -> None:
    """Each page of the real catalogue's modules and pathways has JSON-LD that parses."""
    catalogue = load_catalogue(ROOT / "content", SCHEMAS)
    for module in catalogue.modules.values():
        [data] = json_ld(real_site / "moduler" / module.id / "index.html")
        assert data["@type"] == "Course" and data["name"] == module.title
    for pathway in catalogue.pathways.values():
        [data] = json_ld(real_site / "forloeb" / pathway.id / "index.html")
        assert data["@type"] == "EducationalOccupationalProgram" and data["name"] == pathway.title


@pytest.mark.build
def test_downloads_page_lists_every_file_with_its_size(mini_site: Path) -> None:
    """'Hent kataloget' links the PDF, JSON, schema and CSV, each with a size, and is in the navigation."""
    page = (mini_site / "hent" / "index.html").read_text("utf-8")
    for name in ("oplaeringsvejleder-katalog.pdf", JSON_FILE, SCHEMA_FILE, CSV_FILE):
        assert f'href="{name}"' in page
        assert (mini_site / "hent" / name).stat().st_size > 0
    assert re.search(r"\d+ kB", page)
    assert "Hent kataloget" in (mini_site / "index.html").read_text("utf-8")
    for header, _, _ in COLUMNS:
        assert header.replace("'", "&#39;") in page


# The command line


def katalog(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "katalog.cli", "--schemas", str(SCHEMAS), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_cli_export_writes_the_same_files(tmp_path: Path) -> None:
    """`katalog export --out DIR` writes the JSON, schema and CSV a site build publishes."""
    out = tmp_path / "ud"
    result = katalog("--content", str(MINI), "export", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([CSV_FILE, JSON_FILE, SCHEMA_FILE])
    assert (out / JSON_FILE).read_bytes() == catalogue_json(load_catalogue(MINI, SCHEMAS))


def test_cli_export_on_bad_content_reports_every_problem_and_writes_nothing(tmp_path: Path, mini_content: Path) -> None:
    """Broken content: exit 1, path:line:col for each problem, a count, no traceback, no files."""
    (mini_content / "modules" / "basis.yaml").write_text("id: basis\n", "utf-8")
    (mini_content / "roles" / "koordinator.yaml").unlink()
    out = tmp_path / "ud"
    result = katalog("--content", str(mini_content), "export", "--out", str(out))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(re.match(r"^\S+\.yaml:\d+:\d+: ", line) for line in lines[:-1]), lines
    assert any("ukendt rolle 'koordinator'" in line for line in lines)
    assert lines[-1].endswith(("fil.", "filer."))
    assert "Traceback" not in result.stdout + result.stderr
    assert not out.exists()


def test_cli_export_without_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    """A content folder that does not exist exits 2 with a Danish message."""
    result = katalog("--content", str(tmp_path / "findes-ikke"), "export", "--out", str(tmp_path / "ud"))
    assert result.returncode == 2
    assert "findes ikke" in result.stderr
