"""`make serve`: the live preview rebuilds on a YAML edit and survives an invalid one."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from katalog.browser import fetch_text, mkdocs_serve, wait_until

from .conftest import make_project

pytestmark = pytest.mark.build


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[bytes]]]:
    project = make_project(tmp_path / "project")
    env = {**os.environ, "KATALOG_PREVIEW": "1", "NO_MKDOCS_2_WARNING": "1"}
    with mkdocs_serve(project, env) as (url, server):
        assert wait_until(lambda: "Oplæringsvejleder" in fetch_text(url)), "serve did not start"
        yield project, url, server


def test_yaml_edit_rebuilds_and_invalid_edit_shows_problems(preview: tuple[Path, str, subprocess.Popen[bytes]]) -> None:
    """Edit a title: the page changes. Break the file: the problem list shows and the server lives on."""
    project, url, server = preview
    module = project / "content" / "modules" / "basis.yaml"
    good = module.read_text("utf-8")
    module.write_text(good.replace("title: Oplæringsvejleder, basis", "title: Ny titel på basis"), "utf-8")
    assert wait_until(lambda: "Ny titel på basis" in fetch_text(url + "moduler/basis/"))

    module.write_text(good.replace("status: gældende", "status: aktiv"), "utf-8")
    assert wait_until(lambda: "Fejl i indholdet" in fetch_text(url))
    page = fetch_text(url)
    assert "content/modules/basis.yaml:11:9: status: &#39;aktiv&#39; er ikke en tilladt værdi" in page
    assert server.poll() is None

    module.write_text(good, "utf-8")
    assert wait_until(lambda: "Oplæringsvejleder, basis" in fetch_text(url + "moduler/basis/"))
    assert server.poll() is None


def test_a_value_that_crashed_validation_shows_on_the_problem_page(
    preview: tuple[Path, str, subprocess.Popen[bytes]],
) -> None:
    """A bad YAML tag used to stop validation with a traceback, so the problem page never came; now it does."""
    project, url, server = preview
    module = project / "content" / "modules" / "basis.yaml"
    module.write_text(module.read_text("utf-8").replace("amu_number: 11111", "amu_number: !!int abc"), "utf-8")
    assert wait_until(lambda: "Fejl i indholdet" in fetch_text(url))
    assert "content/modules/basis.yaml:6:13: &#39;abc&#39; passer ikke til YAML-tagget !!int" in fetch_text(url)
    assert server.poll() is None


def test_preview_can_search_and_skips_the_pdf(preview: tuple[Path, str, subprocess.Popen[bytes]]) -> None:
    """The live preview has a Pagefind index of what it serves, and no PDF (too slow for every keystroke)."""
    _, url, _ = preview
    # Indexed in the background after each build, so the edited page shows first: give it a moment.
    assert wait_until(lambda: '"page_count"' in fetch_text(url + "pagefind/pagefind-entry.json"))
    downloads = fetch_text(url + "hent/")
    assert "katalog.json" in downloads and "oplaeringsvejleder-katalog.pdf" not in downloads
