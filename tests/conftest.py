"""Shared fixtures: the mini catalogue in tests/data/mini and a throw-away project to build it in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from katalog.browser import chromium_path, launch_chromium, serve_directory
from katalog.catalogue import load_catalogue
from katalog.model import Catalogue
from katalog.publishing import PLACEHOLDER_REPOSITORY

# Property tests: 2,000 examples each in CI (CI=true), fewer on an editor's machine; never a deadline, since
# the time an example takes says nothing about whether it is right.
settings.register_profile("ci", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile(
    "ci" if os.environ.get("CI", "").lower() == "true" else os.environ.get("HYPOTHESIS_PROFILE", "dev")
)

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini" / "content"
SCHEMAS = ROOT / "schemas"


def make_project(target: Path, content: Path = MINI) -> Path:
    """Copy what a build needs (config, docs, theme, hooks, schemas) plus a content folder into target."""
    for name in ("docs", "overrides", "hooks", "schemas"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(content, target / "content")
    return target


def mkdocs_build(project: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict` in a project folder (extra environment variables in env).

    Test projects are copies outside git, so they name the repository the way the GitHub workflow does.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *extra]
    environ = {
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": str(Path(sys.executable).parent),
        "KATALOG_REPOSITORY": PLACEHOLDER_REPOSITORY,
        **(env or {}),
    }
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=environ, timeout=600)


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """A writable copy of the mini catalogue's content folder."""
    return Path(shutil.copytree(MINI, tmp_path / "content"))


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini catalogue built once into a real site."""
    project = make_project(tmp_path_factory.mktemp("mini"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalogue in content/ built once, PDF included, for every test that needs it."""
    project = make_project(tmp_path_factory.mktemp("real"), ROOT / "content")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def base_url(real_site: Path) -> Iterator[str]:
    """The real site served over HTTP, for the browser tests (a module on the mini site overrides it)."""
    with serve_directory(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The real catalogue in content/ (a module on the mini catalogue overrides it)."""
    return load_catalogue(ROOT / "content", SCHEMAS)


def require_chromium() -> None:
    """Skip a browser test module when chromium is missing, unless CI demands the browser."""
    if chromium_path() is not None:
        return
    if os.environ.get("KATALOG_REQUIRE_BROWSER") == "1":
        raise RuntimeError("chromium mangler, men browsertestene skal køre (KATALOG_REQUIRE_BROWSER=1)")
    pytest.skip("chromium er ikke installeret; sæt KATALOG_REQUIRE_BROWSER=1 for at kræve det", allow_module_level=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless chromium for the whole test run."""
    with launch_chromium() as chromium:
        yield chromium
