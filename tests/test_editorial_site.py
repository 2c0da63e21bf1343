"""The built site as editors and readers meet it: last-changed dates from git, the change list and its feed,
who stands behind it, a report link on every page, and builds from a fresh clone or without history."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from katalog.publishing import PLACEHOLDER_REPOSITORY

from .conftest import make_project, mkdocs_build
from .gitrepo import commit_all, git, new_repo

pytestmark = pytest.mark.build

JANUARY = "2026-01-05T10:00:00+01:00"
MARCH = "2026-03-10T09:30:00+01:00"
ATOM = "{http://www.w3.org/2005/Atom}"
GIT_ENV = {"PATH": os.environ["PATH"], "KATALOG_REPOSITORY": ""}  # git on the path; the repository from the remote


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini catalogue as a git repository: all of it committed in January, the basis module changed in March."""
    project = make_project(new_repo(tmp_path_factory.mktemp("origin") / "katalog"))
    commit_all(project, "Første udgave af kataloget", JANUARY)
    basis = project / "content" / "modules" / "basis.yaml"
    basis.write_text(basis.read_text("utf-8").replace("\nsummary:", "\n# Rettet i marts.\nsummary:", 1), "utf-8")
    commit_all(project, "Basis: en rettelse i marts", MARCH)
    return project


@pytest.fixture(scope="module")
def clone_site(origin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh clone, as an editor makes one from GitHub, built with nothing set but what the clone knows."""
    clone = tmp_path_factory.mktemp("klon") / "katalog"
    git(clone.parent, "clone", "-q", f"file://{origin}", str(clone))
    git(clone, "remote", "set-url", "origin", "https://github.com/ejer/katalog.git")
    result = mkdocs_build(clone, env=GIT_ENV)
    assert result.returncode == 0, result.stderr
    return clone / "site"


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


def test_a_page_shows_when_its_yaml_last_changed(clone_site: Path) -> None:
    """The changed module shows March, an untouched one January, each with a link to the file's history."""
    assert 'Sidst ændret <time datetime="2026-03-10">10. marts 2026</time>' in read(clone_site, "moduler/basis")
    overbygning = read(clone_site, "moduler/overbygning")
    assert 'Sidst ændret <time datetime="2026-01-05">5. januar 2026</time>' in overbygning
    assert 'href="https://github.com/ejer/katalog/commits/main/content/modules/overbygning.yaml"' in overbygning


def test_a_fresh_clone_names_its_own_repository(clone_site: Path) -> None:
    """Without settings, the clone's GitHub remote is the repository: edit pencil, report link and footer."""
    page = read(clone_site, "moduler/basis")
    assert 'href="https://github.com/ejer/katalog/edit/main/content/modules/basis.yaml"' in page
    assert "https://github.com/ejer/katalog/issues/new?template=" in page
    assert "Udgivet af ejer" in page
    assert "oplaeringsvejleder-katalog/katalog" not in page


def test_the_change_list_shows_date_and_pages_not_commit_messages(clone_site: Path) -> None:
    """'Seneste ændringer' lists the March change first, with its date and a link to the module page; the commit
    messages are for editors and stay off the page."""
    page = read(clone_site, "seneste-aendringer")
    march = page.index('<time datetime="2026-03-10">10. marts 2026</time>')
    assert march < page.index('<time datetime="2026-01-05">')
    assert 'Rettet: <a href="../moduler/basis/">Oplæringsvejleder, basis</a>' in page[march:]
    assert "Basis: en rettelse i marts" not in page and "Første udgave af kataloget" not in page


def test_the_feed_of_a_build_parses_with_the_expected_entries(clone_site: Path) -> None:
    """seneste-aendringer.xml is well-formed Atom with one entry per content commit, newest first."""
    feed = ET.parse(clone_site / "seneste-aendringer.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") or "" for e in entries]
    assert titles[0] == "Rettet: Oplæringsvejleder, basis"
    assert re.fullmatch(r"Rettet: .+ og \d+ sider mere", titles[1]), titles[1]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [MARCH, JANUARY]
    link = entries[0].find(f"{ATOM}link")
    assert link is not None and link.get("href") == "moduler/basis/"
    assert 'type="application/atom+xml"' in read(clone_site, "")  # feed readers find it from any page


def test_every_page_has_a_report_link_for_itself(clone_site: Path) -> None:
    """Each HTML page links to a new GitHub issue prefilled with that page's address and title."""
    pages = [path for path in clone_site.rglob("index.html") if "pagefind" not in path.parts]
    assert len(pages) > 15
    for path in pages:
        found = re.search(
            r'<a href="([^"]+)" class="kat-report-link">Fejl eller forslag\?</a>', path.read_text("utf-8")
        )
        assert found, path
        query = parse_qs(urlsplit(found.group(1).replace("&amp;", "&")).query)
        relative = path.parent.relative_to(clone_site).as_posix()
        assert query["side"] == ["/" if relative == "." else f"/{relative}/"], path


def test_the_about_page_names_publisher_contact_and_repository(clone_site: Path) -> None:
    """'Om kataloget' says who publishes the catalogue and how to reach them."""
    about = read(clone_site, "om")
    assert "Kataloget udgives af ejer." in about
    assert 'href="https://github.com/ejer/katalog/issues/new/choose"' in about
    assert 'href="https://github.com/ejer/katalog"' in about


def test_a_build_without_history_works_and_says_the_dates_are_unknown(mini_site: Path) -> None:
    """A copy outside git (a tarball; a shallow clone reads the same) builds and says it has no history."""
    assert "uden versionshistorik" in read(mini_site, "moduler/basis")
    assert "uden versionshistorik" in read(mini_site, "seneste-aendringer")
    feed = ET.parse(mini_site / "seneste-aendringer.xml").getroot()
    assert feed.findall(f"{ATOM}entry") == []


def test_a_build_without_a_repository_never_publishes_the_placeholder(tmp_path: Path) -> None:
    """A fresh clone with no repository set and no GitHub remote builds, with no links to a repository."""
    project = make_project(tmp_path / "uden-repo")
    result = mkdocs_build(project, env={"KATALOG_REPOSITORY": ""})
    assert result.returncode == 0, result.stderr
    pages = [p.read_text("utf-8") for p in (project / "site").rglob("*.html")]
    assert pages and not any(PLACEHOLDER_REPOSITORY in page for page in pages)
    assert not any("Fejl eller forslag?" in page for page in pages)
