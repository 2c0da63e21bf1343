"""Validation: every bad-input case in tests/data/invalid reports exactly the problems it expects.

A case file starts with header lines, which are removed before the file is written into a copy
of the mini catalogue:
    # path: modules/basis.yaml          where the body goes (replacing the file there, if any)
    # expect: content/modules/basis.yaml:5:14: message …     one line per expected problem
Line numbers in expectations count from the first line after the header.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from katalog.validate import validate_content

from .conftest import MINI, SCHEMAS

CASES = sorted((Path(__file__).parent / "data" / "invalid").glob("*.yaml"))


def read_case(path: Path) -> tuple[str, list[str], str]:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    header = [line for line in lines if line.startswith(("# path:", "# expect:", "# remove:"))]
    body = "".join(lines[len(header) :])
    target = next(line.split(":", 1)[1].strip() for line in header if line.startswith("# path:"))
    expected = [line.split(":", 1)[1].strip() for line in header if line.startswith("# expect:")]
    return target, expected, body


def problems_for(tmp_path: Path, case: Path) -> tuple[list[str], list[str]]:
    target, expected, body = read_case(case)
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    for line in case.read_text("utf-8").splitlines():
        if line.startswith("# remove:"):
            (content / line.split(":", 1)[1].strip()).unlink()
    (content / target).parent.mkdir(parents=True, exist_ok=True)
    (content / target).write_text(body, "utf-8")
    _, problems = validate_content(content, SCHEMAS)
    return [str(p) for p in problems], expected


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input_reports_exactly_the_expected_problems(tmp_path: Path, case: Path) -> None:
    """Each case gives its own file, line, column and Danish message, and nothing else."""
    found, expected = problems_for(tmp_path, case)
    assert found == sorted(expected)


def test_mini_catalogue_is_valid() -> None:
    """The fixture catalogue the other tests build on has no problems."""
    _, problems = validate_content(MINI, SCHEMAS)
    assert problems == []


def test_real_content_is_valid() -> None:
    """The committed catalogue in content/ passes every rule."""
    root = Path(__file__).resolve().parent.parent
    _, problems = validate_content(root / "content", SCHEMAS)
    assert [str(p) for p in problems] == []


def test_not_utf8_is_reported_with_position(mini_content: Path) -> None:
    """A file saved as Latin-1 names the line and column of the first bad byte."""
    (mini_content / "roles" / "kollega.yaml").write_bytes(b"id: kollega\ntitle: Kolleg\xe6\n")
    _, problems = validate_content(mini_content, SCHEMAS)
    assert [str(p) for p in problems] == [
        "content/roles/kollega.yaml:2:14: filen er ikke gyldig UTF-8 (byte 0xe6); gem den som UTF-8"
    ]


def test_oversized_file_is_refused(mini_content: Path) -> None:
    """A file over the size limit is reported instead of parsed."""
    (mini_content / "roles" / "stor.yaml").write_text("# x\n" + "a: b\n" * 60_000, "utf-8")
    _, problems = validate_content(mini_content, SCHEMAS)
    assert [str(p) for p in problems] == ["content/roles/stor.yaml:1:1: filen er for stor (292 kB; højst 256 kB)"]


# Ten cases with ten different target files, whose problems do not depend on each other.
TEN = [
    "alias",
    "pathway-module-wrong-entry",
    "bad-date",
    "billion-laughs",
    "duplicate-source-file",
    "glossary-duplicate-synonym",
    "step-with-two-kinds",
    "structure-entry-mismatch",
    "replaced-by-cycle",
    "requires-cycle",
]


def test_every_problem_of_every_file_in_one_run(mini_content: Path) -> None:
    """Ten broken files, each where it belongs, are all read and all reported together, sorted."""
    cases = [case for case in CASES if case.stem in TEN]
    assert len({read_case(case)[0] for case in cases}) == 10
    for case in cases:
        target, _, body = read_case(case)
        (mini_content / target).parent.mkdir(parents=True, exist_ok=True)
        (mini_content / target).write_text(body, "utf-8")
    _, problems = validate_content(mini_content, SCHEMAS)
    found = [str(p) for p in problems]
    for case in cases:
        missing = set(read_case(case)[1]) - set(found)
        assert not missing, f"{case.name}: {missing}"
    assert len({p.path for p in problems}) == 10
    assert problems == sorted(problems)
