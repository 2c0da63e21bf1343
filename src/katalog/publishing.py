"""Who stands behind the catalogue, and how a reader reaches them from any page.

The repository, publisher and contact address are settings (mkdocs.yml, overridden by KATALOG_REPOSITORY,
KATALOG_PUBLISHER and KATALOG_CONTACT). The repository placeholder that ships in mkdocs.yml is never
published: without a setting the repository is read from the checkout's GitHub remote, and a build that
still only has the placeholder is refused (the preview may use it).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from katalog.history import History, LastChanged, last_changed

PLACEHOLDER_REPOSITORY = "https://github.com/oplaeringsvejleder-katalog/katalog"
REPORT_TEMPLATE = "fejl-i-kataloget.yml"  # .github/ISSUE_TEMPLATE/; its field 'side' is filled from the link
_GITHUB_REMOTE = re.compile(
    r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)([\w.-]+)/([\w.-]+?)(?:\.git)?/?$"
)


class PublishingError(Exception):
    """The settings would publish something false, such as the placeholder repository."""


@dataclass(frozen=True, slots=True)
class Publisher:
    """The publisher, how to contact them, and the repository the catalogue is edited in."""

    name: str
    contact: str  # an e-mail address or a web address
    repository: str

    @property
    def contact_url(self) -> str:
        """Return a link for the contact: mailto: for an e-mail address."""
        return f"mailto:{self.contact}" if "@" in self.contact and "://" not in self.contact else self.contact

    @property
    def contact_text(self) -> str:
        """Return the contact as a reader sees it."""
        return self.contact if self.contact != self.issues_url else "skriv til os på GitHub"

    @property
    def issues_url(self) -> str:
        """Return the repository's page for reporting an error."""
        return f"{self.repository}/issues/new/choose"


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What the theme shows below every page: when its content changed, and where to report an error."""

    changed: LastChanged | None
    report_url: str


def publisher_settings(
    repo_url: str, extra: Mapping[str, object], environ: Mapping[str, str], root: Path, *, preview: bool
) -> Publisher:
    """Resolve who publishes the site from mkdocs.yml and the environment; refuse the placeholder repository."""
    repository, deliberate = resolve_repository(repo_url, environ, root)
    check_repository(repository, deliberate, preview=preview)
    return publisher(extra, environ, repository)


def resolve_repository(configured: str, environ: Mapping[str, str], root: Path) -> tuple[str, bool]:
    """Return the repository and whether it was set on purpose: KATALOG_REPOSITORY, mkdocs.yml, the git remote."""
    if environ.get("KATALOG_REPOSITORY", "").strip():
        return environ["KATALOG_REPOSITORY"].strip().rstrip("/"), True
    configured = (configured or PLACEHOLDER_REPOSITORY).rstrip("/")
    if configured != PLACEHOLDER_REPOSITORY:
        return configured, True
    remote = github_repository(_origin(root))
    return (remote, True) if remote else ("", False)


def github_repository(remote: str | None) -> str | None:
    """Turn a git remote on GitHub (https or ssh) into the repository's web address."""
    found = _GITHUB_REMOTE.match((remote or "").strip())
    return f"https://github.com/{found.group(1)}/{found.group(2)}" if found else None


def check_repository(repository: str, deliberate: bool, *, preview: bool) -> None:
    """Refuse to publish the placeholder repository, unless it is a preview or was set on purpose.

    No repository at all (a fresh clone without a GitHub remote) is fine: the site is built without edit
    and report links rather than with links to a repository that is not the catalogue's.
    """
    if not repository:
        return
    if not re.match(r"^https?://[^/\s]+/[^\s]+$", repository):
        raise PublishingError(f"repositoryet '{repository}' er ikke en webadresse som https://github.com/EJER/NAVN")
    if preview or deliberate or repository != PLACEHOLDER_REPOSITORY:
        return
    raise PublishingError(
        f"mkdocs.yml: repo_url er stadig pladsholderen {PLACEHOLDER_REPOSITORY}, så «Rediger»- og "
        "«Fejl eller forslag?»-links ville pege på et repository, der ikke er kataloget. Sæt "
        "KATALOG_REPOSITORY=https://github.com/EJER/NAVN (det gør GitHub-workflowet selv), ret repo_url i "
        "mkdocs.yml, eller byg fra en klon af repositoryet på GitHub. Forhåndsvisningen (make serve) kræver det ikke."
    )


def publisher(extra: Mapping[str, object], environ: Mapping[str, str], repository: str) -> Publisher:
    """Read publisher and contact from the environment or mkdocs.yml's extra; default to the repository."""
    name = environ.get("KATALOG_PUBLISHER", "").strip() or str(extra.get("publisher") or "").strip()
    contact = environ.get("KATALOG_CONTACT", "").strip() or str(extra.get("contact") or "").strip()
    if not repository:
        return Publisher(name, contact, "")
    owner = repository.rstrip("/").rsplit("/", 2)[-2]  # check_repository made sure there is an owner part
    fallback = Publisher(owner, "", repository)
    return Publisher(name or owner, contact or fallback.issues_url, repository)


def report_url(repository: str, page_url: str, page_title: str) -> str:
    """Return a link that opens a prefilled error report on GitHub for one page."""
    title = f"Fejl eller forslag: {page_title}" if page_title else "Fejl eller forslag"
    body = f"Side: {page_url}\n\nHvad er forkert, og hvad bør der stå?\n\nKilde (rapport, side eller link):\n"
    query = {"template": REPORT_TEMPLATE, "title": title, "side": page_url, "body": body}
    return f"{repository.rstrip('/')}/issues/new?{urlencode(query, quote_via=quote)}"


def page_facts(
    history: History | None, content_path: str | None, who: Publisher, page: tuple[str, str], site_url: str
) -> PageFacts:
    """Collect what the theme shows below a page; page is (its URL within the site, its title)."""
    url, title = page
    address = f"{site_url.rstrip('/')}/{url.lstrip('/')}" if site_url else f"/{url.lstrip('/')}"
    report = report_url(who.repository, address, title) if who.repository else ""
    return PageFacts(last_changed(history, content_path, who.repository), report)


def _origin(root: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
