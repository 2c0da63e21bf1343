"""Loading YAML: values read by YAML 1.2 core rules, every refusal located, nothing kept between loads."""

from __future__ import annotations

import gc
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from katalog.load import load_document, load_tree
from katalog.problems import ContentError
from katalog.validate import validate_content

from .conftest import MINI, SCHEMAS


def load_value(tmp_path: Path, written: str) -> Any:
    path = tmp_path / "x.yaml"
    path.write_text(f"value: {written}\n", "utf-8")
    return load_document(path, "x.yaml").data["value"]


def problems_of(tmp_path: Path, raw: bytes) -> list[str]:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        load_document(path, "x.yaml")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("11", 11),
        ("2.5", 2.5),
        ("+3", 3),
        ("-4", -4),
        ("0", 0),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        # YAML 1.1 reads these as 90, True, True, False, 1000 and a date; YAML 1.2 and the catalogue as text.
        ("1:30", "1:30"),
        ("yes", "yes"),
        ("on", "on"),
        ("no", "no"),
        ("1_000", "1_000"),
        ("2021-05-01", "2021-05-01"),
        ("'012'", "012"),
        ("!!str 012", "012"),
        ("!!int 12", 12),
        ("!!float 2", 2.0),
        ("!!bool true", True),
        ("!!null ''", None),
    ],
)
def test_values_are_read_by_yaml_1_2_core_rules(tmp_path: Path, written: str, value: Any) -> None:
    """Numbers, booleans and nulls are read as YAML 1.2 reads them; what 1.1 would turn into a number stays text."""
    loaded = load_value(tmp_path, written)
    assert loaded == value and type(loaded) is type(value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"id: x\ntitle: a\x00b\n", "x.yaml:2:9: styretegnet U+0000 (NUL) er ikke tilladt i YAML; slet det"),
        (b"id: x\n\ntitle: ab\x1b\n", "x.yaml:3:10: styretegnet U+001B (ESC) er ikke tilladt i YAML; slet det"),
        (
            "id: x\ntitle: a\u2028b\n".encode(),
            "x.yaml:2:9: tegnet U+2028 er et linjeskift, som editorer ikke viser; brug et almindeligt linjeskift",
        ),
    ],
)
def test_unwanted_characters_are_reported_where_they_stand(tmp_path: Path, raw: bytes, expected: str) -> None:
    """A control character or hidden line break is reported at its own line and column, not at 1:1."""
    assert problems_of(tmp_path, raw) == [expected]


def test_cr_only_line_ends_are_named_as_the_problem(tmp_path: Path) -> None:
    """A file saved with old Mac line ends (CR only) is refused for that reason, at the first CR."""
    found = problems_of(tmp_path, b"# yaml-language-server: x\rid: x\rtitle: y\r")
    assert found == [
        "x.yaml:1:26: linjeskift med kun CR (som i gamle Mac-filer); gem filen med almindelige linjeskift"
        " (LF eller CRLF) (i alt 3 steder i filen)"
    ]


def test_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    """Windows line ends (CRLF) load as usual."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"# first\r\nid: x\r\ntitle: y\r\n")
    document = load_document(path, "x.yaml")
    assert document.data == {"id": "x", "title": "y"}
    assert document.first_line == "# first"


def test_an_unreadable_file_is_a_located_problem(mini_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be read is reported with its path; validation goes on with the others."""
    broken = mini_content / "roles" / "koordinator.yaml"
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == broken:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _, problems = validate_content(mini_content, SCHEMAS)
    assert [str(p) for p in problems] == [
        "content/roles/koordinator.yaml:1:1: filen kan ikke læses (Permission denied); tjek at den findes og må læses"
    ]


def test_a_symlink_out_of_content_is_refused(tmp_path: Path, mini_content: Path) -> None:
    """A link to a file outside content/ is not read (it would be published unreviewed); one inside is fine."""
    secret = tmp_path / "secret.yaml"
    secret.write_text((mini_content / "roles" / "koordinator.yaml").read_text("utf-8"), "utf-8")
    (mini_content / "roles" / "koordinator.yaml").unlink()
    (mini_content / "roles" / "koordinator.yaml").symlink_to(secret)
    (mini_content / "roles" / "kopi.yaml").symlink_to(mini_content / "roles" / "daglig-vejleder.yaml")
    tree = load_tree(mini_content)
    assert [str(p) for p in tree.problems] == [
        f"content/roles/koordinator.yaml:1:1: filen er et symbolsk link til '{secret}' uden for content/;"
        " læg selve filen i content/"
    ]
    assert [doc.path for doc in tree.documents["role"]] == [
        "content/roles/daglig-vejleder.yaml",
        "content/roles/kopi.yaml",
    ]


def test_symlinks_to_folders_or_nothing_are_reported(tmp_path: Path, mini_content: Path) -> None:
    """Links to folders and links to nothing are reported, instead of being skipped without a word."""
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, mini_content / "modules" / "mere")
    os.symlink(tmp_path / "findes-ikke.yaml", mini_content / "modules" / "tom.yaml")
    assert [str(p) for p in load_tree(mini_content).problems] == [
        f"content/modules/mere:1:1: symbolsk link til '{outside}', som ikke er en fil; læg selve filerne i content/",
        f"content/modules/tom.yaml:1:1: symbolsk link til '{tmp_path / 'findes-ikke.yaml'}', som ikke er en fil;"
        " læg selve filerne i content/",
    ]


def test_loading_again_and_again_keeps_no_memory() -> None:
    """`make serve` loads the content on every change; nothing of earlier loads may stay behind."""
    for _ in range(3):  # first loads fill caches (regular expressions, schemas) that are meant to stay
        load_tree(MINI)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(10):
            load_tree(MINI)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 20_000, f"{grown} bytes kept after 10 loads"
