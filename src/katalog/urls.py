"""Every address in the catalogue, in one place: site pages, their anchors, and the PDF's internal anchors.

A record's address is a site path such as ``moduler/sosu-basis/`` plus an optional fragment. The site
writes it relative to the page it is on; the PDF book uses the same path as the element id, so a link in
the book jumps to the record in the book. No other module spells a page path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def slugify(text: str) -> str:
    """Make a URL fragment that keeps æ, ø and å readable (as ae, oe, aa)."""
    text = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass(frozen=True, order=True, slots=True)
class Url:
    """A page of the site ('moduler/x/', '' for the forside) and an optional anchor on it."""

    path: str
    fragment: str = ""

    def relative(self, base: str) -> str:
        """The href from a page whose way back to the site root is base ('../../')."""
        return base + self.path + (f"#{self.fragment}" if self.fragment else "")

    @property
    def anchor(self) -> str:
        """The id this address has in the PDF book."""
        return self.path + self.fragment

    @property
    def src_uri(self) -> str:
        """The Markdown file MkDocs builds this page from."""
        if not self.path:
            return "index.md"
        return self.path + "index.md" if self.path.count("/") == 1 else self.path.rstrip("/") + ".md"

    @property
    def depth(self) -> int:
        """How many folders deep the page is: the number of '../' back to the root."""
        return self.path.count("/")

    def at(self, fragment: str) -> Url:
        """The same page at another anchor."""
        return Url(self.path, fragment)


HOME = Url("")
MODULES = Url("moduler/")
PATHWAYS = Url("forloeb/")
ROLES = Url("roller/")
COURSE_TYPES = Url("uddannelsestyper/")
STRUCTURE = Url("struktur/")
PROVIDERS = Url("udbydere/")
STATISTICS = Url("statistik/")
GLOSSARY = Url("ordliste/")
SOURCES = Url("kilder/")
DOWNLOADS = Url("hent/")
SEARCH = Url("soeg/")
ABOUT = Url("om/")
GUIDES = Url("guider/")
MORE = Url("mere/")
CHANGES = Url("seneste-aendringer/")
FIELDS = Url("felter/")
FEED_FILE = "seneste-aendringer.xml"


def module(record_id: str) -> Url:
    return Url(f"{MODULES.path}{record_id}/")


def modules_page(number: int) -> Url:
    """Page `number` of the module overview when it is split into pages; the first is the overview itself.

    'side-2' and so on can never be a module's own page: the id schema refuses those names.
    """
    return MODULES if number == 1 else Url(f"{MODULES.path}side-{number}/")


# A data file, not a page: one short row per module, which the overview's script fetches when a reader first
# filters or opens the table. No module can take the name: ids have no dot.
MODULES_DATA = Url(MODULES.path + "moduler.json")


def pathway(record_id: str) -> Url:
    return Url(f"{PATHWAYS.path}{record_id}/")


def role(record_id: str) -> Url:
    return Url(f"{ROLES.path}{record_id}/")


def course_type(record_id: str) -> Url:
    return Url(f"{COURSE_TYPES.path}{record_id}/")


def structure(record_id: str) -> Url:
    return STRUCTURE.at(record_id)


def glossary_term(term: str) -> Url:
    return GLOSSARY.at(slugify(term))


def source_document(title: str) -> Url:
    """A report on the sources page, anchored by its title (readers never see extract file names)."""
    return SOURCES.at(slugify(title))


def guide(record_id: str) -> Url:
    return Url(f"{GUIDES.path}{record_id}/")


def statistics_of(record_id: str) -> Url:
    return STATISTICS.at(record_id)


def download(name: str) -> str:
    """The site path of a file under «Hent kataloget»."""
    return DOWNLOADS.path + name


def absolute(url: Url, site_url: str) -> str:
    """The full address of a page when the site's address is known, else its site path."""
    return (site_url.rstrip("/") + "/" if site_url else "") + url.relative("")


PLANNER = Url("find-din-vej/")
MAP = Url("kort/")
COMPARE = Url("sammenlign/")
COMPARE_PARAMETER = "moduler"  # ?moduler=a,b: the chosen modules, in order, in the compare page's address
COMPARE_DATA = Url(COMPARE.path + "moduler.json")  # a data file, not a page: the values the compare script reads


def compare(record_id: str) -> Url:
    """The compare page with one module chosen; the site's script adds the reader's earlier choice."""
    return Url(f"{COMPARE.path}?{COMPARE_PARAMETER}={record_id}")
