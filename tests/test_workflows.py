"""The repository's GitHub files and editor set-up: workflows that lint clean and do what the guide promises,
templates that ask for sources, editor settings that cover every kind, and local-only pre-commit hooks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from katalog.kinds import KINDS
from katalog.publishing import REPORT_TEMPLATE

from .conftest import MINI, ROOT, SCHEMAS

WORKFLOWS = ROOT / ".github" / "workflows"
LINTER = Path(sys.executable).parent / "check-jsonschema"


def lint(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """Run check-jsonschema's vendored schema (no download) over files."""
    command = [str(LINTER), "--builtin-schema", schema, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def workflow(name: str) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def runs(data: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(data))


def uses(data: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in steps(data) if step.get("uses", "").startswith(f"{action}@")]


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflows_pass_the_workflow_linter(schema: str) -> None:
    """Both workflows validate against GitHub's workflow schema, and every job has a time limit."""
    result = lint(schema, *sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_catches_a_broken_workflow(tmp_path: Path) -> None:
    """A misspelt key is caught, so a green lint means something."""
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "kontrol.yml").read_text("utf-8").replace("runs-on:", "run-on:"), "utf-8")
    assert lint("vendor.github-workflows", broken).returncode != 0


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    """`uses:` names a full commit SHA followed by the version it is, never a moving tag."""
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text("utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (path.name, line)


def test_a_pull_request_is_validated_tested_built_and_attached() -> None:
    """On a pull request: annotations from validate, the test suite, a full build, site and PDF as artifacts."""
    data = workflow("kontrol.yml")
    assert "pull_request" in data["on"]
    commands = runs(data)
    assert ".venv/bin/katalog validate --format github" in commands
    assert "bash .ci/run" in commands and "make site" in commands and "bash .ci/own-words" in commands
    artifacts = [step["with"]["path"] for step in uses(data, "actions/upload-artifact")]
    assert artifacts == ["site/", "site/hent/oplaeringsvejleder-katalog.pdf"]
    assert all(step["with"]["fetch-depth"] == 0 for step in uses(data, "actions/checkout"))


def test_main_is_built_and_deployed_to_github_pages() -> None:
    """On a push to main: a full build with the Pages address, uploaded and deployed by GitHub's Pages actions."""
    data = workflow("publicer.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert "make site" in runs(data)
    assert [step["with"]["path"] for step in uses(data, "actions/upload-pages-artifact")] == ["site/"]
    deploy = data["jobs"]["publicer"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages" and uses(data, "actions/deploy-pages")
    build = next(step for step in steps(data) if step.get("run") == "make site")
    assert "steps.pages.outputs.base_url" in build["env"]["KATALOG_SITE_URL"]
    assert all(step["with"]["fetch-depth"] == 0 for step in uses(data, "actions/checkout"))


def test_workflows_name_the_repository_they_run_in() -> None:
    """The site's links point to the repository the workflow runs in, never the placeholder."""
    for name in ("kontrol.yml", "publicer.yml"):
        assert workflow(name)["env"]["KATALOG_REPOSITORY"] == "${{ github.server_url }}/${{ github.repository }}"


def run_own_words(tmp_path: Path, sources: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run .ci/own-words on the mini catalogue; return the result and what it wrote to the job summary."""
    summary = tmp_path / "summary.md"
    fake = tmp_path / "katalog"  # the script's katalog, aimed at the mini catalogue
    fake.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m katalog.cli --content "{MINI}" --schemas "{SCHEMAS}" "$@"\n', "utf-8"
    )
    fake.chmod(0o755)
    environ = {**os.environ, "KATALOG_SOURCES": str(sources), "GITHUB_STEP_SUMMARY": str(summary), "KATALOG": str(fake)}
    result = subprocess.run(["bash", str(ROOT / ".ci" / "own-words")], capture_output=True, text=True, env=environ)
    return result, summary.read_text("utf-8")


def test_the_job_summary_says_plainly_when_the_own_words_check_did_not_run(tmp_path: Path) -> None:
    """Without the source reports the step passes, but the summary and a warning say the check did not run."""
    result, summary = run_own_words(tmp_path, tmp_path / "ingen-rapporter")
    assert result.returncode == 0
    assert "### Egne ord: ikke tjekket" in summary and "**kørte ikke**" in summary
    assert "::warning title=Egne ord ikke tjekket::" in result.stdout


def test_the_job_summary_says_when_the_own_words_check_ran(tmp_path: Path) -> None:
    """With reports present the check runs, and the summary says it ran and what it found."""
    reports = tmp_path / "rapporter"
    reports.mkdir()
    (reports / "rapport.txt").write_text("En helt anden tekst om noget andet end kataloget.\n", "utf-8")
    result, summary = run_own_words(tmp_path, reports)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "### Egne ord: tjekket, ingen fund" in summary


def test_the_report_form_validates_and_has_the_field_the_links_fill() -> None:
    """The issue form is valid for GitHub, asks what is wrong, on which page and the source, and has field 'side'."""
    form_path = ROOT / ".github" / "ISSUE_TEMPLATE" / REPORT_TEMPLATE
    result = lint("vendor.github-issue-forms", form_path)
    assert result.returncode == 0, result.stdout + result.stderr
    form = yaml.safe_load(form_path.read_text("utf-8"))
    ids = [item.get("id") for item in form["body"]]
    assert {"side", "fejl", "kilde"} <= set(ids)


def test_the_pull_request_template_asks_for_a_source_for_every_new_fact() -> None:
    """The template, in Danish, asks for the source of each new fact."""
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text("utf-8")
    assert "Kilde til hver ny oplysning" in text and "sources:" in text


def test_vscode_knows_the_schema_of_every_kind_of_content_file() -> None:
    """settings.json maps each schema to its files, and the YAML extension is recommended."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    mapped = {Path(schema).name: files for schema, files in settings["yaml.schemas"].items()}
    for kind in KINDS:
        expected = f"content/{kind.location}/*.yaml" if kind.one_per_file else f"content/{kind.location}"
        assert mapped[kind.schema] == expected
        assert (SCHEMAS / kind.schema).is_file()
    assert settings["yaml.schemaStore.enable"] is False  # no schema downloads from other hosts
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text("utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_pre_commit_hooks_are_local_only() -> None:
    """Every pre-commit hook is `repo: local` running the project's own tools; nothing is fetched."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    entries = [hook["entry"] for hook in config["repos"][0]["hooks"]]
    assert any("katalog validate" in entry for entry in entries) and any("ruff" in entry for entry in entries)
    assert all(entry.startswith(".venv/bin/") for entry in entries)


def test_editorconfig_asks_for_spaces_in_yaml() -> None:
    """YAML forbids tabs; the editor config says spaces, two of them."""
    text = (ROOT / ".editorconfig").read_text("utf-8")
    assert "root = true" in text
    yaml_section = text.split("[*.{yaml,yml}]")[1].split("[")[0]
    assert "indent_size = 2" in yaml_section


def test_the_editor_guide_names_what_the_workflow_shows() -> None:
    """CONTRIBUTING.md walks through the checks by the names GitHub shows, and links the field reference."""
    guide = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    data = workflow("kontrol.yml")
    assert f"«{data['name']}»" in guide
    for job in data["jobs"].values():
        assert job["name"] in guide
    step_names = {step.get("name") for step in steps(data)}
    for step in ("Tjek indholdet", "Egne ord", "Byg sitet og PDF'en"):
        assert step in step_names and f"«{step}»" in guide
    assert "forhaandsvisning-" in guide and "oplaeringsvejleder-katalog.pdf" in guide
    assert "«Felter i indholdet»" in guide and "`felter/`" in guide


def test_the_failed_check_in_the_guide_is_what_validation_prints(tmp_path: Path) -> None:
    """The guide's example of a failed check is the validator's real message for that mistake."""
    guide = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    example = re.search(r"^(content/modules/oplaeringsvejleder-basis\.yaml):(\d+):(\d+): (.+)$", guide, re.M)
    assert example, "the guide shows no failed check"
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    module = content / "modules" / "oplaeringsvejleder-basis.yaml"
    text = module.read_text("utf-8")
    assert "\n  days: 11\n" in text
    module.write_text(text.replace("\n  days: 11\n", "\n  days: 0\n"), "utf-8")
    command = [sys.executable, "-m", "katalog.cli", "--content", str(content), "--schemas", str(SCHEMAS), "validate"]
    printed = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path).stdout
    line = text.split("\n  days: 11\n")[0].count("\n") + 2
    assert f"{example.group(1)}:{line}:9: {example.group(4)}" in printed
