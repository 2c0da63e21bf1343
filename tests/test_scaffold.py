"""`katalog new`: a new content file from flags or questions, valid as written, never over an existing one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from katalog.fieldref import load_schemas, schema_fields
from katalog.kinds import KINDS, MODULE
from katalog.scaffold import QUESTIONS, ScaffoldError, new_file
from katalog.validate import modeline_for, validate_content

from .conftest import SCHEMAS

SOURCE = ["--source-document", "rapport.txt", "--source-section", "Afsnit 2", "--source-lines", "10-12"]
# One scriptable call per kind, as an editor or a script would run it (ids that the mini catalogue lacks).
NEW = {
    "module": [
        "--id", "nyt-modul", "--title", "Oplæringsvejleder, nyt modul", "--course-type", "amu", "--status", "gældende",
        "--summary", "Et nyt modul, som kun findes i testen.", "--entries", "sosu,pau", "--tier", "overbygning",
        "--amu-number", "12399", "--days", "2,5", *SOURCE,
    ],
    "pathway": [
        "--id", "nyt-forloeb", "--title", "Nyt forløb", "--role", "koordinator", "--entries", "sosu",
        "--structure", "anbefalet", "--summary", "Et forløb, som kun findes i testen.",
        "--steps", "basis, overbygning|simulation", *SOURCE,
    ],
    "role": ["--id", "ny-rolle", "--title", "Ny rolle", "--summary", "En rolle, som kun findes i testen.", *SOURCE],
    "provider": ["--id", "ny-skole", "--name", "Ny skole", "--place", "Prøveby", "--modules", "basis", *SOURCE],
}  # fmt: skip


def katalog_new(content: Path, kind: str, *flags: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "katalog.cli", "--content", str(content), "--schemas", str(SCHEMAS), "new"]
    return subprocess.run(
        [*command, kind, *flags], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


@pytest.mark.parametrize("kind", sorted(NEW))
def test_new_from_flags_writes_a_file_that_validates(mini_content: Path, kind: str) -> None:
    """`katalog new KIND` with flags writes content/<kind>/<id>.yaml, modeline first, and the catalogue stays valid."""
    result = katalog_new(mini_content, kind, *NEW[kind])
    assert result.returncode == 0, result.stderr
    location = {"module": "modules", "pathway": "pathways", "role": "roles", "provider": "providers"}[kind]
    written = mini_content / location / f"{NEW[kind][1]}.yaml"
    assert written.read_text("utf-8").splitlines()[0] == modeline_for(next(k for k in KINDS if k.name == kind))
    _, problems = validate_content(mini_content, SCHEMAS)
    assert problems == []


@pytest.mark.parametrize("kind", sorted(NEW))
def test_new_refuses_an_id_that_exists(mini_content: Path, kind: str) -> None:
    """An id that is already a file is refused with exit 1, and the existing file is left as it was."""
    existing = {"module": "basis", "pathway": "koordinator", "role": "koordinator", "provider": "sosu-skole"}[kind]
    flags = list(NEW[kind])
    flags[1] = existing
    location = {"module": "modules", "pathway": "pathways", "role": "roles", "provider": "providers"}[kind]
    before = (mini_content / location / f"{existing}.yaml").read_text("utf-8")
    result = katalog_new(mini_content, kind, *flags)
    assert result.returncode == 1
    assert f"content/{location}/{existing}.yaml findes allerede" in result.stderr
    assert (mini_content / location / f"{existing}.yaml").read_text("utf-8") == before


def test_missing_flags_without_a_terminal_are_listed_and_nothing_is_written(mini_content: Path) -> None:
    """Without a terminal to ask at, every missing flag is named at once and no file appears."""
    result = katalog_new(mini_content, "module", "--id", "halvt-modul", "--course-type", "amu", "--status", "gældende")
    assert result.returncode == 1
    for flag in ("--title", "--summary", "--entries", "--tier", "--amu-number", "--days eller --ects"):
        assert f"{flag} mangler" in result.stderr
    assert "--source-lines" not in result.stderr  # optional
    assert "Traceback" not in result.stderr
    assert not (mini_content / "modules" / "halvt-modul.yaml").exists()


def test_a_recommended_module_needs_no_amu_number(mini_content: Path) -> None:
    """The schema's conditions decide what is asked: a proposed AMU module has no number or length yet."""
    flags = [f for f in NEW["module"] if f not in ("--amu-number", "12399", "--days", "2,5")]
    flags[flags.index("gældende")] = "anbefalet"
    result = katalog_new(mini_content, "module", *flags)
    assert result.returncode == 0, result.stderr
    assert "amu_number" not in (mini_content / "modules" / "nyt-modul.yaml").read_text("utf-8")


def test_unknown_references_are_refused_with_what_exists(mini_content: Path) -> None:
    """A course type or source document that does not exist is named, with the ones that do."""
    flags = list(NEW["module"])
    flags[flags.index("amu")] = "amuu"
    flags[flags.index("rapport.txt")] = "rapporten.txt"
    result = katalog_new(mini_content, "module", *flags)
    assert result.returncode == 1
    assert "ukendt uddannelsestype 'amuu'; der findes: akademimodul, amu" in result.stderr
    assert "ukendt kildedokument 'rapporten.txt'; der findes: rapport.txt" in result.stderr


def test_a_file_the_validator_rejects_is_not_left_behind(mini_content: Path) -> None:
    """An AMU title over 50 characters fails the full validation: the problem is shown and the file removed."""
    flags = list(NEW["module"])
    flags[flags.index("Oplæringsvejleder, nyt modul")] = "Oplæringsvejleder, et nyt modul med en meget lang titel"
    result = katalog_new(mini_content, "module", *flags)
    assert result.returncode == 1
    assert "content/modules/nyt-modul.yaml:" in result.stderr and "højst 50" in result.stderr
    assert not (mini_content / "modules" / "nyt-modul.yaml").exists()


def test_questions_in_danish_fill_in_what_flags_leave_out(mini_content: Path) -> None:
    """At a terminal, each missing field is asked with the schema's Danish title; a wrong answer is asked again."""
    answers = iter(
        ["Ny", "Oplæringsvejleder, spurgt", "gyldig", "gældende", "Et modul lavet ud fra svar på spørgsmål."]
    )
    answers = iter([*answers, "sosu", "basis", "tolv", "12398", "3", "rapport.txt", "Afsnit 1", ""])
    prompts: list[str] = []
    said: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    written = new_file(
        "module", mini_content, SCHEMAS, {"id": "spurgt", "course_type": "amu"}, ask=ask, say=said.append
    )
    assert "Officiel titel" in prompts[0] and "Status" in prompts[2]
    assert any("er for kort" in message for message in said)
    assert any("'gyldig' er ikke en tilladt værdi" in message for message in said)
    assert any("'tolv' er ikke et helt tal" in message for message in said)
    assert "amu_number: 12398" in written.read_text("utf-8")
    assert validate_content(mini_content, SCHEMAS)[1] == []


def test_every_question_fills_a_field_of_its_schema() -> None:
    """The questions name real schema fields, so a renamed field cannot leave `katalog new` writing a stale key."""
    schemas = load_schemas(SCHEMAS)
    for name, questions in QUESTIONS.items():
        fields = {field.path for field in schema_fields(schemas, next(k for k in KINDS if k.name == name))}
        assert {question.path for question in questions} <= fields, name


def test_library_raises_its_own_error_for_a_missing_content_folder(tmp_path: Path) -> None:
    """The library reports a missing folder as a ScaffoldError, which the CLI prints."""
    with pytest.raises(ScaffoldError, match="findes ikke"):
        new_file(MODULE.name, tmp_path / "nothing", SCHEMAS, {})
