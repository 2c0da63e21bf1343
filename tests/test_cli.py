"""The command line: every problem printed, clear exit codes, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import MINI, SCHEMAS
from .test_validate import CASES, read_case


def katalog(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "katalog.cli", "--schemas", str(SCHEMAS), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)


def test_clean_content_exits_zero_with_one_line_summary() -> None:
    """A valid catalogue gives exit 0 and a single summary line."""
    result = katalog("--content", str(MINI), "validate")
    assert result.returncode == 0
    assert result.stdout.strip() == "Alt indhold er gyldigt: 16 filer tjekket."


def test_ten_broken_files_are_all_reported_without_traceback(tmp_path: Path) -> None:
    """Ten broken files give every problem, sorted, a count, exit 1 and no traceback."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    expected: list[str] = []
    for case in CASES[:10]:
        target, problems, body = read_case(case)
        stem = Path(target).stem
        new_target = Path(target).with_name(f"{case.stem}.yaml") if Path(target).suffix == ".yaml" else Path(target)
        text = body.replace(f"id: {stem}\n", f"id: {case.stem}\n")
        (content / new_target).parent.mkdir(parents=True, exist_ok=True)
        (content / new_target).write_text(text, "utf-8")
        expected.append(f"content/{new_target.as_posix()}")
    result = katalog("--content", str(content), "validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()[:-1]}
    assert set(expected) <= reported
    lines = result.stdout.splitlines()
    assert lines[:-1] == sorted(lines[:-1], key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert lines[-1].endswith("filer.")


def test_github_format_prints_annotations(tmp_path: Path) -> None:
    """--format github prints one ::error annotation per problem for pull requests."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    (content / "roles" / "koordinator.yaml").write_text("id: koordinator\n", "utf-8")
    result = katalog("--content", str(content), "validate", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=content/roles/koordinator.yaml,line=1,col=1::")


def test_missing_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    """Pointing at a folder that does not exist exits 2 with a Danish message."""
    result = katalog("--content", str(tmp_path / "findes-ikke"), "validate")
    assert result.returncode == 2
    assert "findes ikke" in result.stderr
