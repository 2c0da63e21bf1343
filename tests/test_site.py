"""The website, built for real with `mkdocs build --strict` from the mini catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import make_project, mkdocs_build
from .sitecheck import broken_links, external_resources, parse

pytestmark = pytest.mark.build


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("page", "facts"),
    [
        ("moduler/basis", ["Oplæringsvejleder, basis", "11111", "11 dage", "Basis", "Gældende", "1.374"]),
        (
            "moduler/overbygning",
            ["Oplæringsvejleder, overbygning", "6 dage", "Anbefalet (ny)", "Har endnu ikke et nummer"],
        ),
        ("moduler/paedagogik", ["Pædagogik og kommunikation", "10 ECTS", "Akademimodul"]),
        ("forloeb/sosu-vejleder", ["Oplæringsvejleder, SOSU", "17-28 dage", "Vælg ét af modulerne"]),
        ("forloeb/koordinator", ["Prøvekommune", "17-28 dage og 10 ECTS"]),
        ("roller/koordinator", ["Koordinator", "Koordinator med akademimodul"]),
        ("uddannelsestyper/amu", ["Arbejdsmarkedsuddannelse (AMU)", "Oplæringsvejleder, basis"]),
        ("ordliste", ["SOSU-assistent", "Social- og sundhedsassistent"]),
        ("statistik", ["1.374", "2.574"]),
        ("udbydere", ["SOSU Prøveskole", "Prøveby"]),
    ],
)
def test_every_record_has_a_page_with_its_key_facts(mini_site: Path, page: str, facts: list[str]) -> None:
    """Modules, pathways, roles, course types and lists each get a page showing their facts."""
    text = html(mini_site, page)
    for fact in facts:
        assert fact in text, f"{fact!r} missing on {page}"


def test_every_internal_link_and_anchor_resolves(mini_site: Path) -> None:
    """No generated or hand-written link points to a missing page or anchor."""
    assert broken_links(mini_site) == []


def test_structure_page_links_every_module_in_it(mini_site: Path) -> None:
    """Each box in the structure diagram is a link to its module page."""
    links = parse(mini_site / "struktur" / "index.html").links
    for module in ("basis", "overbygning", "simulation"):
        assert f"../moduler/{module}/" in links


def test_yaml_values_are_escaped_and_never_run_as_templates(mini_site: Path) -> None:
    """A title with <script> shows as text, and {{ … }} in YAML is not a macro."""
    text = html(mini_site, "moduler/simulation")
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ ikke en makro }}" in text


def test_hand_written_pages_reach_the_catalogue_under_danish_names(mini_site: Path) -> None:
    """docs/om.md counts records with {{ katalog.moduler | length }} and friends."""
    text = html(mini_site, "om")
    assert "lige nu 5 moduler, 2 forløb, 2 roller og 2 uddannelsestyper" in text


def test_edit_links_point_to_the_yaml_behind_the_page(mini_site: Path) -> None:
    """'Rediger' on a generated page opens its YAML file, not a Markdown file that does not exist."""
    links = parse(mini_site / "moduler" / "basis" / "index.html").links
    assert any(link.endswith("/edit/main/content/modules/basis.yaml") for link in links)
    assert not any(link.endswith("moduler/basis.md") for link in links)


def test_pages_are_danish_and_described(mini_site: Path) -> None:
    """Every page declares Danish and has its own title and description."""
    text = html(mini_site, "moduler/basis")
    assert '<html lang="da"' in text
    assert "<title>Oplæringsvejleder, basis - Oplæringsvejleder-kataloget</title>" in text
    assert '<meta name="description" content="Grundmodulet for alle oplæringsvejledere.">' in text


def test_no_resource_is_loaded_from_another_host(mini_site: Path) -> None:
    """Scripts, styles and fonts all come from the site itself."""
    assert external_resources(mini_site) == []


def test_invalid_content_fails_the_build_with_every_problem(tmp_path: Path, mini_content: Path) -> None:
    """A broken catalogue stops the build with the problem list and writes no site."""
    (mini_content / "modules" / "basis.yaml").write_text("id: basis\n", "utf-8")
    (mini_content / "roles" / "koordinator.yaml").unlink()
    project = make_project(tmp_path / "project", mini_content)
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "content/modules/basis.yaml:1:1: første linje skal være" in result.stderr
    assert "content/modules/paedagogik.yaml:" in result.stderr and "ukendt rolle 'koordinator'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def hand_written(site: Path, page: str) -> str:
    """A hand-written page with what depends on the catalogue taken out: numbers and the glossary's search terms."""
    text = (site / page / "index.html").read_text("utf-8")
    text = re.sub(r'<div class="kat-search-terms".*?</div>', "", text)
    return re.sub(r"[0-9]+", "N", text)


@pytest.mark.parametrize("page", ["om", "soeg"])
def test_mini_build_matches_real_config(mini_site: Path, real_site: Path, page: str) -> None:
    """The test project builds with the real configuration: its hand-written pages equal the real site's, numbers
    aside, so theme, features, hooks and Markdown extensions are the same."""
    assert hand_written(mini_site, page) == hand_written(real_site, page)
