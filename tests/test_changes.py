"""'Seneste ændringer': the list of recent content changes, as a page and as an Atom feed that parses."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from katalog.changes import atom_feed, changes_page, page_title, page_url, recent_changes
from katalog.history import Commit, History
from katalog.publishing import Publisher

ATOM = "{http://www.w3.org/2005/Atom}"
WHO = Publisher("Udgiveren", "kontakt@example.org", "https://github.com/ejer/katalog")


@dataclass(frozen=True)
class Page:
    src_uri: str
    markdown: str
    edit_path: str | None


PAGES = [
    Page("moduler/index.md", '---\ntitle: "Moduler"\n---\n\n# Moduler\n', "content/modules/"),
    Page("statistik/index.md", "# Tal og statistik\n", "content/modules/"),
    Page("moduler/a.md", '---\ntitle: "Modul A"\n---\n', "content/modules/a.yaml"),
    Page("struktur/index.md", '---\ntitle: "Den nationale struktur"\n---\n', "content/structure/"),
]
HISTORY = History(
    (
        Commit(
            "c3",
            "2026-03-10T09:30:00+01:00",
            "Struktur: <script>alert(1)</script> & mere",
            ("content/structure/x.yaml",),
        ),
        Commit("c2", "2026-02-01T08:00:00+01:00", "Kun skemaer", ("schemas/module.schema.json",)),
        Commit(
            "c1", "2026-01-05T10:00:00+01:00", "Modul A: ny titel", ("content/modules/a.yaml", "content/glossary.yaml")
        ),
    )
)


def test_each_change_names_the_pages_built_from_its_files() -> None:
    """A module file maps to its own page; a file without a page of its own to its folder's pages."""
    changes = recent_changes(HISTORY, PAGES)
    assert [c.commit.sha for c in changes] == ["c3", "c1"]  # the schema-only commit is no content change
    assert [(p.title, p.url) for p in changes[0].pages] == [("Den nationale struktur", "struktur/")]
    assert [(p.title, p.url) for p in changes[1].pages] == [("Modul A", "moduler/a/")]


def test_the_feed_is_valid_atom_with_one_entry_per_change() -> None:
    """The feed parses as XML in the Atom namespace; entries carry id, title, date and a link to the page."""
    feed = ET.fromstring(atom_feed(recent_changes(HISTORY, PAGES), WHO, "https://site.example/katalog/"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2026-03-10T09:30:00+01:00"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Udgiveren"
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == "https://site.example/katalog/seneste-aendringer.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Rettet: Den nationale struktur", "Rettet: Modul A"]
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "https://github.com/ejer/katalog/commit/c3",
        "https://github.com/ejer/katalog/commit/c1",
    ]
    link = entries[1].find(f"{ATOM}link[@rel='alternate']")
    assert link is not None and link.get("href") == "https://site.example/katalog/moduler/a/"
    assert entries[1].findtext(f"{ATOM}summary") == "Rettet: Modul A (5. januar 2026)."


def test_without_history_the_feed_is_empty_but_valid_and_the_page_says_why() -> None:
    """A build without git gives a feed with no entries and a page that explains the missing list."""
    feed = ET.fromstring(atom_feed([], WHO, ""))
    assert feed.findall(f"{ATOM}entry") == [] and feed.findtext(f"{ATOM}id")
    page = changes_page([], known=False, who=WHO)
    assert "uden versionshistorik" in page


def test_commit_messages_never_reach_readers() -> None:
    """A commit message is for the editors who review it (it may name extract lines, or carry markup): the page
    and the feed say which pages changed and link the change instead."""
    changes = recent_changes(HISTORY, PAGES)
    page = changes_page(changes, known=True, who=WHO)
    feed = atom_feed(changes, WHO, "https://site.example/katalog/")
    for published in (page, feed):
        assert "alert(1)" not in published and "ny titel" not in published
    assert '<time datetime="2026-03-10">10. marts 2026</time>' in page
    assert 'Rettet: <a href="../struktur/">Den nationale struktur</a>' in page
    assert 'href="https://github.com/ejer/katalog/commit/c3"' in page


def test_page_titles_and_urls_follow_the_generated_pages() -> None:
    """Titles come from front matter or the first heading; URLs are MkDocs' directory URLs."""
    assert page_title('---\ntitle: "Modul: A"\n---\n# B\n', "x.md") == "Modul: A"
    assert page_title("# Overskrift\n", "x.md") == "Overskrift"
    assert page_title("tekst\n", "x/y.md") == "x/y.md"
    assert [page_url(uri) for uri in ("index.md", "moduler/index.md", "moduler/a.md")] == ["", "moduler/", "moduler/a/"]
