"""Speed work that must not change behaviour: schemas compiled once, unchanged files not read again, one validation.

Nothing here measures time (the machine's speed says nothing about correctness); `make bench` does that.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from katalog import schema
from katalog.catalogue import load_catalogue
from katalog.downloads import compressed, downloads_page, staged
from katalog.export import export_files
from katalog.kinds import KINDS, MODULE
from katalog.load import load_tree
from katalog.markup import _ONE_PLAIN_PARAGRAPH, PLAIN, PROSE, all_findings, converted_prose_html, findings, prose_html
from katalog.problems import ContentError
from katalog.publishing import Publisher
from katalog.sitebuild import main as site_build
from katalog.state import load_state
from katalog.validate import validate_content

from .conftest import MINI, SCHEMAS, make_project
from .test_validate import CASES, problems_for, read_case


def _as_written(node: Any, resolver: Any, seen: frozenset[int] = frozenset()) -> Any:
    return node


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_inlined_schemas_report_what_references_report(
    tmp_path: Path, case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schemas with every $ref replaced at compile time give the same problems, word for word, as the originals."""
    inlined, _ = problems_for(tmp_path / "inlined", case)
    monkeypatch.setattr(schema, "_inlined", _as_written)
    schema._compiled.cache_clear()
    try:
        written, _ = problems_for(tmp_path / "written", case)
    finally:
        schema._compiled.cache_clear()
    assert inlined == [p.replace("/written/", "/inlined/") for p in written]


def test_compiled_schemas_contain_no_reference_between_files() -> None:
    """Only recursive references may survive compilation; the content schemas have none."""
    text = json.dumps(
        [v.schema for v in schema.load_validators(SCHEMAS.resolve()).values() if "katalog" not in v.schema["$id"]]
    )
    assert "defs.schema.json#" not in text


def test_unchanged_files_are_not_read_again(tmp_path: Path) -> None:
    """A second load keeps the documents of unchanged files and reads an edited file anew."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    first = load_tree(content)
    edited = next(p for p in sorted((content / "modules").glob("*.yaml")))
    edited.write_text(edited.read_text("utf-8") + "\n", "utf-8")
    os.utime(edited, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    second = load_tree(content)
    shown = f"content/modules/{edited.name}"
    for kind, documents in first.documents.items():
        for before, after in zip(documents, second.documents[kind], strict=True):
            assert (before is after) == (before.path != shown), before.path


@pytest.mark.parametrize("preview", [True, False])
def test_only_a_preview_keeps_the_parsed_files_for_its_next_build(tmp_path: Path, preview: bool) -> None:
    """A single build lets the parsed files go once the model is built; a preview keeps them for its next load."""
    project = make_project(tmp_path / "project")
    before = load_tree(project / "content").of(MODULE)[0]
    load_state(project, Publisher("", "", ""), preview=preview)
    after = load_tree(project / "content").of(MODULE)[0]
    assert (after is before) == preview


def test_loading_leaves_every_object_to_the_collector_again(tmp_path: Path) -> None:
    """The collector skips the catalogue only while the pages are made: a preview's old views can be freed later."""
    load_state(make_project(tmp_path / "project"), Publisher("", "", ""), preview=True)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_edited_schema_gives_new_validators(tmp_path: Path) -> None:
    """Validators are compiled once per version of the schema files, so a schema edit in `make serve` counts."""
    schemas = Path(shutil.copytree(SCHEMAS, tmp_path / "schemas")).resolve()
    first = schema.load_validators(schemas)
    assert schema.load_validators(schemas) is first
    module = schemas / "module.schema.json"
    module.write_text(module.read_text("utf-8").replace('"title"', '"title" ', 1), "utf-8")
    os.utime(module, ns=(1, 1))
    assert schema.load_validators(schemas) is not first


def test_a_file_edited_back_and_forth_is_validated_each_time(tmp_path: Path) -> None:
    """The kept schema problems belong to a document, not to a file name: an edit that breaks a file is reported."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    assert validate_content(content, SCHEMAS)[1] == []
    edited = sorted((content / "modules").glob("*.yaml"))[0]
    edited.write_text(edited.read_text("utf-8") + "ukendt_felt: 1\n", "utf-8")
    os.utime(edited, ns=(1, 1))
    problems = [str(p) for p in validate_content(content, SCHEMAS)[1]]
    assert len(problems) == 1 and "ukendt felt 'ukendt_felt'" in problems[0]


def test_site_build_prints_located_problems_and_builds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make site` validates once: on problems it prints `path:line:col: message` and no site folder appears."""
    project = make_project(tmp_path / "project")
    module = sorted((project / "content" / "modules").glob("*.yaml"))[0]
    module.write_text(module.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    monkeypatch.chdir(project)
    assert site_build(["build/site-next"]) == 1
    printed = capsys.readouterr().out
    assert f"content/modules/{module.name}:" in printed and "ukendt felt 'titel'" in printed
    assert not (project / "build").exists()


def test_build_state_and_editor_view_print_short(tmp_path: Path) -> None:
    """mkdocs-macros str()s every variable for its debug log on each build: the state says only what it holds."""
    project = make_project(tmp_path / "project")
    try:
        state = load_state(project, Publisher("", "", ""))
    except ContentError as error:  # pragma: no cover - the mini catalogue is valid
        pytest.fail(str(error))
    assert len(repr(state)) < 100 and "modules" in repr(state)


_PROSE_ALPHABET = "aæÅZ9 0 ,.;:()?'/%–_-*#[]<>&!`\\\n\u00a0\"=+«»…§"


@given(
    st.text(alphabet=_PROSE_ALPHABET, max_size=40)
    | st.sampled_from(
        ["Kan vejlede elever.", "Ab 1. test", "a (b) c?", 'SOSU-elever - og «PAU» "x"…', "a -- b", "a - b"]
    )
)
def test_prose_shortcut_renders_as_the_full_path(text: str) -> None:
    """Prose rendered through the one-paragraph shortcut is exactly what Markdown and the sanitiser make of it."""
    assert str(prose_html(text)) == str(converted_prose_html(text))


_MARKUP_PIECES = ["](javascript:x)", "<b>", "{: .x}", "# ", "\n===", "[a]: javascript:x", "![i](x)", "<https://x>", "}"]


@given(
    st.lists(st.text(alphabet=_PROSE_ALPHABET, max_size=8) | st.sampled_from(_MARKUP_PIECES), max_size=6).map("".join),
    st.sampled_from([PLAIN, PROSE]),
)
def test_texts_without_markup_signs_skip_the_markup_check_and_miss_nothing(text: str, kind: str) -> None:
    """The markup check's shortcut (no bracket, no '#', one line) finds what searching every pattern finds."""
    assert findings(kind, text) == all_findings(kind, text)


def test_prose_shortcut_is_taken_for_ordinary_sentences() -> None:
    """Most catalogue prose (one line of words) skips the Markdown conversion."""
    ordinary = (_ORDINARY, "Dette er (fx) 50% af tiden; ok?", 'SOSU-elever og «PAU-elever» – "praktik"…')
    assert all(_ONE_PLAIN_PARAGRAPH.fullmatch(t) for t in ordinary)


_ORDINARY = "Kan vejlede elever i praksis og samarbejde med skolen om elevens læring."


def test_large_exports_are_also_offered_compressed(tmp_path: Path) -> None:
    """An export past the size limit gets a gzip copy with the same data, listed on «Hent kataloget»."""
    files = {"katalog.json": b'{"moduler": []}\n' * 10, "moduler.csv": b"id\n"}
    packed = compressed(files, threshold=100)
    assert list(packed) == ["katalog.json.gz"]
    assert gzip.decompress(packed["katalog.json.gz"]) == files["katalog.json"]
    assert compressed(files, threshold=100) == packed  # no time stamp inside: the same data, the same bytes
    catalogue = load_catalogue(MINI, SCHEMAS)
    page = downloads_page(catalogue, {**export_files(catalogue, SCHEMAS), **packed})
    assert "[katalog.json.gz](katalog.json.gz)" in page


def test_small_exports_are_not_compressed() -> None:
    """The real catalogue's exports are small: no extra files on «Hent kataloget»."""
    catalogue = load_catalogue(MINI, SCHEMAS)
    page = downloads_page(catalogue, export_files(catalogue, SCHEMAS))
    assert ".gz" not in page and compressed(export_files(catalogue, SCHEMAS)) == {}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fast_gate_rejects_what_the_danish_validator_rejects(tmp_path: Path, case: Path) -> None:
    """The compiled gate never lets a document through that the Python validator has a schema problem with."""
    target, _, body = read_case(case)
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    (content / target).parent.mkdir(parents=True, exist_ok=True)
    (content / target).write_text(body, "utf-8")
    tree = load_tree(content)
    validators, gates = schema.load_validators(SCHEMAS.resolve()), schema.load_gates(SCHEMAS.resolve())
    for kind in KINDS:
        for doc in tree.of(kind):
            python_problems = list(schema.schema_problems(doc, validators[kind.schema]))
            if gates[kind.schema].is_valid(doc.data):
                assert not python_problems, doc.path


@given(
    st.text(alphabet=_PROSE_ALPHABET + "ABCxyz-0123456789", max_size=30),
    st.sampled_from(["title", "id", "description"]),
)
def test_fast_gate_agrees_on_any_text_in_a_field(text: str, name: str) -> None:
    """Any text in a module's id, title or description: what the gate lets through, the Python validator accepts.

    The other way round may differ and costs only time: Python's `$` also matches before a final newline, so it
    accepts the id '0\\n' that the gate rejects; such a document then gets the Python validator's answer.
    """
    data = _valid_module() | {name: text}
    python_valid = schema.load_validators(SCHEMAS.resolve())["module.schema.json"].is_valid(data)
    if schema.load_gates(SCHEMAS.resolve())["module.schema.json"].is_valid(data):
        assert python_valid


def _valid_module() -> dict[str, Any]:
    tree = load_tree(MINI)
    return dict(next(doc for doc in tree.of(MODULE)).data)


def test_each_pages_html_is_handed_over_once(tmp_path: Path) -> None:
    """MkDocs gets a generated page's HTML once; the state keeps no second copy of it after that."""
    state = load_state(make_project(tmp_path / "project"), Publisher("", "", ""))
    uri = next(iter(state.pages))
    html = state.take_html(uri)
    assert html is not None and "<h1" in html
    assert state.take_html(uri) is None
    assert all(not page.html for page in state.pages.values())


def test_exports_wait_on_disk_for_mkdocs_to_copy(tmp_path: Path) -> None:
    """The build stages its exports in a folder, emptied first, so MkDocs copies them instead of holding them."""
    folder = tmp_path / "hent"
    folder.mkdir()
    (folder / "gammel.json").write_text("fra sidste byg", "utf-8")
    paths = staged({"katalog.json": b"{}\n", "moduler.csv": b"id\r\n"}, folder)
    assert {name: path.read_bytes() for name, path in paths.items()} == {
        "katalog.json": b"{}\n",
        "moduler.csv": b"id\r\n",
    }
    assert sorted(p.name for p in folder.iterdir()) == ["katalog.json", "moduler.csv"]
