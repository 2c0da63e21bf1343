"""Property tests over loading and validation: whatever a content file holds, the answer is a catalogue or
located problems, never an exception; and whatever validates also builds.

The number of examples comes from the hypothesis profile chosen in conftest.py (2,000 per test when CI=true).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from katalog.catalogue import build_catalogue
from katalog.export import export_files
from katalog.pdf.book import render_book_html
from katalog.problems import Problem
from katalog.render import render_pages
from katalog.validate import validate_content
from katalog.views import catalogue_view

from .conftest import MINI, SCHEMAS

# Texts that mean something to YAML, to Markdown or to a browser, mixed into valid files.
SNIPPETS = [
    "{: onclick=alert(1) }",
    "*x*{onclick=alert(1)}",
    "[x](javascript:alert(1))",
    "[r]: data:text/html,x",
    "![x](https://evil.example/x.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!binary ",
    "!!set ",
    "!egen ",
    ".nan",
    ".inf",
    "012",
    "1:30",
    "0x1F",
    "1e999",
    "1.0e+308",
    "9" * 30,
    "&a ",
    "*a",
    "<<: ",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "\x1b",
    "\x85",
    "\u2028",
    "\ufeff",
    "\ud7ff",
    ": ",
    "- ",
    "? ",
    '"',
    "'",
    '"\\x00"',
    '"\\ud800"',
    "|",
    ">",
    "#",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\n",
    "  ",
    "æøå",
    "\\",
    "~",
    "null",
    "yes",
    "true",
    "# heading\n",
    "===",
]
# What may start a value: tags, numbers YAML 1.1 and 1.2 read differently, anchors, flow and block openers.
VALUE_STARTS = [snippet for snippet in SNIPPETS if snippet[:1] in "!.0123456789&*[{|>'\"~yt-"] + ["-.Inf", "!!null x"]
MUTATION = st.one_of(
    st.tuples(st.just("start a value"), st.integers(0, 100_000), st.just(0), st.sampled_from(VALUE_STARTS)),
    st.tuples(
        st.sampled_from(["insert", "delete", "replace", "append to line", "duplicate line", "drop line"]),
        st.integers(min_value=0, max_value=100_000),
        st.integers(min_value=1, max_value=20),
        st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=6)),
    ),
)
VALID_FILES = sorted(path.relative_to(MINI).as_posix() for path in MINI.rglob("*.yaml"))


def mutate(text: str, mutations: list[tuple[str, int, int, str]]) -> str:
    """Apply edits at positions taken modulo the text's length, as an editor's slip or an attacker would."""
    for kind, place, length, payload in mutations:
        at = place % (len(text) + 1)
        lines = text.split("\n")
        line = place % len(lines)
        if kind == "insert":
            text = text[:at] + payload + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + length :]
        elif kind == "replace":
            text = text[:at] + payload + text[at + len(payload) :]
        elif kind == "start a value" and ": " in text:  # right after a key, where tags and numbers mean most
            starts = [index + 2 for index in range(len(text)) if text.startswith(": ", index)]
            at = starts[place % len(starts)]
            text = text[:at] + payload + text[at:]
        elif kind == "append to line":  # mostly lands inside a value, so the file often stays valid
            text = "\n".join(lines[:line] + [lines[line] + payload] + lines[line + 1 :])
        elif kind == "duplicate line":
            text = "\n".join(lines[: line + 1] + lines[line:])
        else:
            text = "\n".join(lines[:line] + lines[line + 1 :])
    return text


@pytest.fixture(scope="module")
def mini_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One writable copy of the mini catalogue; each example edits one file and puts it back."""
    return Path(shutil.copytree(MINI, tmp_path_factory.mktemp("properties") / "content"))


@pytest.fixture(scope="module")
def lone_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder holding a single module file, so random bytes are validated fast."""
    content = tmp_path_factory.mktemp("lone") / "content"
    (content / "modules").mkdir(parents=True)
    return content


def assert_located(problems: list[Problem], content: Path) -> None:
    """Every problem names a content file, a line inside it (or just after its end) and a column, with a message."""
    assert problems
    for problem in problems:
        assert problem.path.startswith("content/") and problem.message.strip(), problem
        file = content.parent / problem.path
        last_line = file.read_bytes().count(b"\n") + 2 if file.is_file() else 1
        assert 1 <= problem.line <= last_line and problem.col >= 1, problem


@given(st.binary(max_size=2048))
def test_any_bytes_give_located_problems(lone_folder: Path, raw: bytes) -> None:
    """Any byte string as a content file gives problems with a place, never an exception or a traceback."""
    (lone_folder / "modules" / "x.yaml").write_bytes(raw)
    _, problems = validate_content(lone_folder, SCHEMAS)
    assert_located(problems, lone_folder)


@given(st.sampled_from(VALID_FILES), st.lists(MUTATION, min_size=1, max_size=4))
def test_any_mutation_of_a_valid_file_validates_and_builds_or_gives_located_problems(
    mini_copy: Path, target: str, mutations: list[tuple[str, int, int, str]]
) -> None:
    """An edited file gives located problems, or a catalogue that renders pages, book HTML and exports."""
    original = (MINI / target).read_text("utf-8")
    raw = mutate(original, mutations).encode("utf-8", "surrogatepass")
    try:
        (mini_copy / target).write_bytes(raw)
        tree, problems = validate_content(mini_copy, SCHEMAS)
        if problems:
            event("refused with located problems")
            assert_located(problems, mini_copy)
            return
        event("valid, and built")
        catalogue = build_catalogue(tree)
        view = catalogue_view(catalogue)
        assert render_pages(catalogue, view)
        assert export_files(catalogue, SCHEMAS)
        assert render_book_html(view)
    finally:
        (mini_copy / target).write_text(original, "utf-8")


def test_property_settings_reach_two_thousand_examples_in_ci() -> None:
    """CI runs the property tests with 2,000 examples each and no deadline."""
    from hypothesis import settings

    profile = settings.get_profile("ci")
    assert profile.max_examples >= 2000 and profile.deadline is None
    assert settings.default.deadline is None
