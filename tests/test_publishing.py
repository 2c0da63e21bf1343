"""Who stands behind the catalogue: settings, the placeholder repository refused, and a report link per page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from katalog.publishing import (
    PLACEHOLDER_REPOSITORY,
    PublishingError,
    check_repository,
    github_repository,
    page_facts,
    publisher,
    publisher_settings,
    report_url,
    resolve_repository,
)

from .gitrepo import git, new_repo


@pytest.mark.parametrize(
    "remote",
    [
        "https://github.com/ejer/katalog.git",
        "https://github.com/ejer/katalog",
        "git@github.com:ejer/katalog.git",
        "ssh://git@github.com/ejer/katalog.git\n",
    ],
)
def test_a_github_remote_names_the_repository(remote: str) -> None:
    """Every usual form of a GitHub remote gives the repository's web address."""
    assert github_repository(remote) == "https://github.com/ejer/katalog"


def test_a_remote_elsewhere_names_nothing() -> None:
    """A local path or another host is not a repository readers can visit."""
    assert github_repository("/work/main") is None
    assert github_repository("https://gitlab.com/ejer/katalog.git") is None


def test_the_repository_comes_from_the_environment_then_mkdocs_yml_then_the_remote(tmp_path: Path) -> None:
    """KATALOG_REPOSITORY wins; a real repo_url is used as written; else the checkout's GitHub remote."""
    repo = new_repo(tmp_path / "klon")
    git(repo, "remote", "add", "origin", "git@github.com:fra-remote/katalog.git")
    env = {"KATALOG_REPOSITORY": "https://github.com/fra-miljoe/katalog/"}
    assert resolve_repository(PLACEHOLDER_REPOSITORY, env, repo) == ("https://github.com/fra-miljoe/katalog", True)
    assert resolve_repository("https://github.com/i-mkdocs/katalog", {}, repo) == (
        "https://github.com/i-mkdocs/katalog",
        True,
    )
    assert resolve_repository(PLACEHOLDER_REPOSITORY, {}, repo) == ("https://github.com/fra-remote/katalog", True)


def test_without_a_repository_the_placeholder_is_never_published(tmp_path: Path) -> None:
    """Without any setting or GitHub remote (a fresh clone), a build has no repository rather than the placeholder."""
    for preview in (False, True):
        who = publisher_settings(PLACEHOLDER_REPOSITORY, {}, {}, tmp_path, preview=preview)
        assert who.repository == "" and who.contact == ""
    assert page_facts(None, "content/x.yaml", who, ("moduler/", "Moduler"), "").report_url == ""


def test_the_placeholder_found_by_accident_is_refused() -> None:
    """The placeholder reaching a real build without being chosen stops it with a Danish explanation."""
    with pytest.raises(PublishingError, match="KATALOG_REPOSITORY"):
        check_repository(PLACEHOLDER_REPOSITORY, False, preview=False)


def test_the_placeholder_set_on_purpose_is_accepted(tmp_path: Path) -> None:
    """Naming the repository explicitly (as the tests do) is a decision, not an oversight."""
    env = {"KATALOG_REPOSITORY": PLACEHOLDER_REPOSITORY}
    assert publisher_settings("", {}, env, tmp_path, preview=False).repository == PLACEHOLDER_REPOSITORY


def test_a_repository_that_is_no_web_address_is_refused(tmp_path: Path) -> None:
    """A mistyped KATALOG_REPOSITORY stops the build instead of making every link broken."""
    with pytest.raises(PublishingError, match="ikke en webadresse"):
        publisher_settings("", {}, {"KATALOG_REPOSITORY": "ejer/katalog"}, tmp_path, preview=True)


def test_publisher_and_contact_are_settings_with_honest_defaults() -> None:
    """Unset, the publisher is the repository's owner and the contact its issue page; set, they are shown as given."""
    repository = "https://github.com/ejer/katalog"
    default = publisher({"publisher": "", "contact": ""}, {}, repository)
    assert (default.name, default.contact_url) == ("ejer", f"{repository}/issues/new/choose")
    assert default.contact_text == "skriv til os på GitHub"
    chosen = publisher({"publisher": "Efteruddannelsesudvalget", "contact": "kontakt@example.org"}, {}, repository)
    assert (chosen.name, chosen.contact_url, chosen.contact_text) == (
        "Efteruddannelsesudvalget",
        "mailto:kontakt@example.org",
        "kontakt@example.org",
    )
    overridden = publisher(
        {"publisher": "A"}, {"KATALOG_PUBLISHER": "B", "KATALOG_CONTACT": "https://b.example"}, repository
    )
    assert (overridden.name, overridden.contact_url) == ("B", "https://b.example")


def test_the_report_link_opens_a_prefilled_issue_for_the_page() -> None:
    """The link is GitHub's new-issue form with the page in title, field 'side' and body, safely encoded."""
    url = report_url("https://github.com/ejer/katalog", "https://site.example/moduler/a-&-b/?x=1#y", "Æ & <b>")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/ejer/katalog/issues/new")
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["template"] == ["fejl-i-kataloget.yml"]
    assert query["title"] == ["Fejl eller forslag: Æ & <b>"]
    assert query["side"] == ["https://site.example/moduler/a-&-b/?x=1#y"]
    assert query["body"][0].startswith("Side: https://site.example/moduler/a-&-b/?x=1#y\n")
    assert "#" not in parts.query and " " not in url
