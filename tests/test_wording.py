"""Own words: prose that follows the source reports too closely is reported with its place, names are not.

The small made-up report in tests/data/wording/ stands in for the real ones; the last test runs the real
content against the real reports, which CI keeps beside the project in ../shared/seeds (or $KATALOG_SOURCES).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from katalog.load import load_tree
from katalog.problems import format_problems
from katalog.wording import measure, names_from, prose_fields, read_sources, sources_dir, wording_problems

from .conftest import MINI, ROOT, SCHEMAS

REPORTS = Path(__file__).parent / "data" / "wording"
INDEX = read_sources(REPORTS)
SEEDS = sources_dir(base=ROOT)


@pytest.mark.parametrize(
    ("text", "too_close"),
    [
        # Copied unchanged, across the report's line break.
        ("Med udgangspunkt i elevens erfaringer tilrettelægge et forløb, der giver eleven ansvar.", True),
        # The report's sentence with a word swapped here and there is still the report's sentence.
        (
            "Vejlederen kan, med afsæt i elevens erfaringer, planlægge et forløb, der giver eleven ansvar for egne"
            " læringsmål i dagligdagen.",
            True,
        ),
        # The same meaning, written anew.
        (
            "Eleven får selv ansvaret for sine mål, når vejlederen bygger forløbet op omkring det, eleven allerede"
            " har prøvet.",
            False,
        ),
        # A title in quotation marks is a fact, not a copied sentence.
        (
            'Kurset "Vejledning i praksis varer fem dage og udbydes af skolerne" er nævnt her for at teste citater.',
            False,
        ),
        # Short texts are names and set phrases.
        ("til medarbejdere på social- og sundhedsområdet", False),
    ],
)
def test_texts_that_keep_the_reports_sentence_are_too_close(text: str, too_close: bool) -> None:
    """A copied or lightly reworded sentence is too close; own words, quotations and short phrases are not."""
    assert measure(text, INDEX).too_close is too_close


def test_names_the_content_gives_are_cut_out_before_comparing() -> None:
    """A long official name that the content itself gives (a title, a glossary term) counts as a fact."""
    name = "Udvalget for vejledning af elever på social- og sundhedsområdet i hele landet"
    text = f"Kataloget nævner {name} og siger ellers noget helt andet med sine egne ord."
    assert measure(text, INDEX).too_close
    names = names_from(["Prøve", name])
    assert not measure(text, INDEX, names).too_close


def test_names_titles_labels_and_sources_are_not_prose() -> None:
    """Only what an editor writes in own words is checked; names, table labels and references are facts."""
    data = {"title": "t", "summary": "s", "sources": [{"note": "n"}], "figures": [{"label": "l", "note": "m"}]}
    assert [text for _, text in prose_fields(data)] == ["s", "m"]


def test_the_overlap_says_where_in_the_report_the_text_comes_from() -> None:
    """The report's file name and the first line of the passage are given, so an editor can look it up."""
    overlap = measure("Vejlederen kan, med udgangspunkt i elevens erfaringer, tilrettelægge et forløb.", INDEX)
    assert overlap.place == ("rapport.txt", 3)


def test_cli_reports_copied_prose_as_path_line_col(tmp_path: Path) -> None:
    """`katalog own-words` names file, line and column of the copied text and exits 1."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    role = content / "roles" / "koordinator.yaml"
    copied = "med udgangspunkt i elevens erfaringer tilrettelægge et forløb, der giver eleven ansvar for egne mål"
    role.write_text(role.read_text("utf-8").replace("summary: ", f"summary: {copied}. ", 1), "utf-8")
    command = [sys.executable, "-m", "katalog.cli", "--schemas", str(SCHEMAS), "--content", "content"]
    result = subprocess.run(
        [*command, "own-words", "--sources", str(REPORTS)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 1, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("content/roles/koordinator.yaml:"), first
    assert "ord i træk står ordret i kilden (mest fra rapport.txt linje 3)" in first


def test_cli_without_reports_is_a_usage_error(tmp_path: Path) -> None:
    """A folder with no reports exits 2 instead of passing every text."""
    command = [sys.executable, "-m", "katalog.cli", "--content", str(MINI), "--schemas", str(SCHEMAS)]
    result = subprocess.run([*command, "own-words", "--sources", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "ingen kilderapporter" in result.stderr


def require_sources(environ: Mapping[str, str] = os.environ) -> None:
    """Skip when the source reports are missing, except in CI (CI=true) or with KATALOG_REQUIRE_SOURCES=1: then fail."""
    if SEEDS.is_dir() and any(SEEDS.glob("*.txt")):
        return
    message = f"kilderapporterne ligger ikke i {SEEDS}"
    if environ.get("CI", "").lower() == "true" or environ.get("KATALOG_REQUIRE_SOURCES") == "1":
        pytest.fail(f"{message}, men CI kræver dem (CI=true eller KATALOG_REQUIRE_SOURCES=1)")
    pytest.skip(f"{message}; sæt KATALOG_REQUIRE_SOURCES=1 for at kræve dem")


@pytest.mark.parametrize("environ", [{"CI": "true"}, {"KATALOG_REQUIRE_SOURCES": "1"}])
def test_missing_reports_fail_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, environ: dict[str, str]) -> None:
    """In CI a missing ../shared/seeds is a failure, never a silent skip."""
    monkeypatch.setattr(sys.modules[__name__], "SEEDS", tmp_path / "ingen")
    with pytest.raises(pytest.fail.Exception, match="CI kræver dem"):
        require_sources(environ)


def test_missing_reports_skip_outside_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """On an editor's machine without the reports the check is skipped, and the skip says how to require it."""
    monkeypatch.setattr(sys.modules[__name__], "SEEDS", tmp_path / "ingen")
    with pytest.raises(pytest.skip.Exception, match="KATALOG_REQUIRE_SOURCES=1"):
        require_sources({})


def test_real_content_is_written_in_own_words() -> None:
    """No description, goal or note in content/ follows the wording of the reports it is based on."""
    require_sources()
    problems = wording_problems(load_tree(ROOT / "content"), read_sources(SEEDS))
    assert not problems, "\n" + format_problems(problems)


def test_the_reports_folder_is_a_setting() -> None:
    """$KATALOG_SOURCES names the reports' folder, relative to the project; unset, it is ../shared/seeds."""
    assert sources_dir({}, Path("/p")) == Path("/p/../shared/seeds")
    assert sources_dir({"KATALOG_SOURCES": "kilder"}, Path("/p")) == Path("/p/kilder")
    assert sources_dir({"KATALOG_SOURCES": "/abs/kilder"}, Path("/p")) == Path("/abs/kilder")


def test_cli_finds_the_reports_through_the_setting(tmp_path: Path) -> None:
    """Without --sources, `katalog own-words` reads $KATALOG_SOURCES and says where it looked when it is empty."""
    command = [sys.executable, "-m", "katalog.cli", "--content", str(MINI), "--schemas", str(SCHEMAS), "own-words"]
    environ = {"KATALOG_SOURCES": str(tmp_path / "tom"), "PATH": ""}
    result = subprocess.run(command, capture_output=True, text=True, env=environ)
    assert result.returncode == 2
    assert str(tmp_path / "tom") in result.stderr and "KATALOG_SOURCES" in result.stderr
    result = subprocess.run(command, capture_output=True, text=True, env={**environ, "KATALOG_SOURCES": str(REPORTS)})
    assert result.returncode in (0, 1) and "ingen kilderapporter" not in result.stderr
