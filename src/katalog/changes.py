"""'Seneste ændringer': recent content changes from git history, as a page and as an Atom feed.

Every entry is one commit that changed files under content/: its date and the pages built from those files,
with a link to the change itself. The commit's own message is not shown: it is written for the editors who
review it and may name extract files and lines, which readers never see (DESIGN §6).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import yaml

from katalog import urls
from katalog.history import Commit, History, danish_date
from katalog.publishing import Publisher

CHANGES_PAGE = urls.CHANGES.src_uri
FEED_FILE = urls.FEED_FILE
LIMIT = 30
SITE_TITLE = "Oplæringsvejleder-kataloget"
ATOM = "http://www.w3.org/2005/Atom"


class SourcePage(Protocol):
    """A generated page as the render layer gives it: where it goes, its Markdown, and its content file."""

    @property
    def src_uri(self) -> str: ...
    @property
    def markdown(self) -> str: ...
    @property
    def edit_path(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class PageLink:
    """A page a change touched: its title and its URL within the site."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Change:
    """One content change, ready to show."""

    commit: Commit
    pages: tuple[PageLink, ...]


def recent_changes(history: History | None, pages: Iterable[SourcePage], limit: int = LIMIT) -> list[Change]:
    """Return the newest commits that changed content/, each with the pages built from its files."""
    if history is None:
        return []
    known = [
        (page.edit_path, PageLink(page_title(page.markdown, page.src_uri), page_url(page.src_uri))) for page in pages
    ]
    found: list[Change] = []
    for commit in history.commits:
        content = [path for path in commit.paths if path.startswith("content/")]
        if content:
            found.append(Change(commit, _pages_of(content, known)))
        if len(found) == limit:
            break
    return found


def changes_files(
    history: History | None, pages: Iterable[SourcePage], who: Publisher, site_url: str
) -> dict[str, str]:
    """Return the 'Seneste ændringer' page and its Atom feed by their paths in the site."""
    changes = recent_changes(history, pages)
    page = changes_page(changes, known=history is not None, who=who)
    return {CHANGES_PAGE: page, FEED_FILE: atom_feed(changes, who, site_url)}


def changes_page(changes: list[Change], *, known: bool, who: Publisher) -> str:
    """Render the 'Seneste ændringer' page as Markdown (the list itself as escaped HTML)."""
    head = [
        "---",
        'title: "Seneste ændringer"',
        'description: "De seneste rettelser af kataloget: hvornår, hvad og hvilke sider."',
        "---",
        "",
        "# Seneste ændringer",
        "",
        '<p class="kat-lead">De nyeste rettelser af kataloget, nyeste først, med de sider, de ændrede. Alt '
        "indhold er tjekket af programmet, før sitet blev bygget. Listen findes også som "
        f'<a href="../{FEED_FILE}" type="application/atom+xml">nyhedsfeed (Atom)</a>, så du kan følge med i en '
        "feedlæser.</p>",
        "",
    ]
    if not known:
        note = "Listen kan ikke laves her, fordi sitet er bygget uden versionshistorik (git)."
        return "\n".join([*head, f"<p>{note}</p>", ""])
    if not changes:
        return "\n".join([*head, "<p>Der er endnu ingen registrerede ændringer.</p>", ""])
    items = [_change_item(change, who.repository) for change in changes]
    return "\n".join([*head, '<ol class="kat-changes">', *items, "</ol>", ""])


def atom_feed(changes: list[Change], who: Publisher, site_url: str) -> str:
    """Render the changes as an Atom 1.0 feed (RFC 4287)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "da"})
    _text(feed, "title", f"{SITE_TITLE}: seneste ændringer")
    _text(feed, "id", f"{base}{FEED_FILE}" if base else f"{who.repository}/commits/main/content")
    _text(feed, "updated", changes[0].commit.date if changes else "1970-01-01T00:00:00Z")
    if base:
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{base}{FEED_FILE}"})
    ET.SubElement(
        feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": f"{base}seneste-aendringer/"}
    )
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", who.name)
    for change in changes:
        feed.append(_entry(change, who.repository, base))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def page_title(markdown: str, src_uri: str) -> str:
    """Return a generated page's title: its front matter 'title', else its first heading, else its path."""
    if markdown.startswith("---\n"):
        front, _, _ = markdown[4:].partition("\n---")
        meta = yaml.safe_load(front) or {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), "")
    return heading or src_uri


def page_url(src_uri: str) -> str:
    """Return the URL of a page within the site, as MkDocs makes it with directory URLs."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def _pages_of(paths: list[str], known: list[tuple[str | None, PageLink]]) -> tuple[PageLink, ...]:
    """Pages built from exactly these files; for a file without a page of its own, its folder's pages."""
    exact = [link for edit, link in known if edit in paths]
    if not exact:  # e.g. a structure file, or a module that was deleted
        folders = [(edit, link) for edit, link in known if edit and edit.endswith("/") and edit != "content/"]
        exact = [link for edit, link in folders if any(path.startswith(edit) for path in paths)]
    return tuple(dict.fromkeys(exact))


CHANGED = "Rettet"  # what an entry says before the pages it changed
CHANGED_SOMEWHERE = "Rettelser i kataloget"  # for a change no generated page is built from


def _change_item(change: Change, repository: str) -> str:
    commit = change.commit
    pages = ", ".join(f'<a href="../{html.escape(p.url)}">{html.escape(p.title)}</a>' for p in change.pages)
    commit_url = f"{repository.rstrip('/')}/commit/{commit.sha}"
    return (
        f'<li><time datetime="{commit.day}">{danish_date(commit.day)}</time>: '
        + (f'<span class="kat-changes__pages">{CHANGED}: {pages}</span>' if pages else CHANGED_SOMEWHERE)
        + f' · <a class="kat-changes__commit" href="{html.escape(commit_url)}">Se ændringen</a></li>'
    )


SUMMARY_NAMES = 3  # a feed title names this many pages; a change to more says how many others


def _summary(change: Change) -> str:
    if not change.pages:
        return CHANGED_SOMEWHERE
    names = ", ".join(page.title for page in change.pages[:SUMMARY_NAMES])
    more = len(change.pages) - SUMMARY_NAMES
    return f"{CHANGED}: {names}" + (f" og {more} {'side' if more == 1 else 'sider'} mere" if more > 0 else "")


def _entry(change: Change, repository: str, base: str) -> ET.Element:
    commit = change.commit
    entry = ET.Element(f"{{{ATOM}}}entry")
    _text(entry, "id", f"{repository.rstrip('/')}/commit/{commit.sha}")
    _text(entry, "title", _summary(change))
    _text(entry, "updated", commit.date)
    target = f"{base}{change.pages[0].url}" if change.pages else f"{base}seneste-aendringer/"
    ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": target})
    _text(entry, "summary", f"{_summary(change)} ({danish_date(commit.day)}).")
    return entry


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text
