"""Display pieces every record view is made of: links, facts, badges, statuses and citations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from katalog import urls, vocab
from katalog.markup import inline_html, prose_html
from katalog.model import Catalogue, Module, SourceDocument, SourceRef, WebPage
from katalog.urls import Url, slugify

UNKNOWN = "Ikke oplyst i kilderne"


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    url: Url


@dataclass(frozen=True, slots=True)
class Badge:
    text: str
    css: str = ""


@dataclass(frozen=True, slots=True)
class Status:
    """A module's status as a reader needs it: can it be taken today, or is it a proposal?"""

    value: str
    label: str
    explanation: str
    today: bool
    css: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of a facts box: a label and either text, links, or a plain 'not stated'."""

    label: str
    text: str = ""
    links: tuple[Link, ...] = ()
    unknown: bool = False
    status: Status | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Citation:
    """The sources a page uses from one report, cited as a reader cites them (no extract lines)."""

    title: str
    meta: str
    url: Url
    external: str | None
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ModuleItem:
    """A module wherever it is listed: its name, whether it can be taken today, number and length."""

    link: Link
    title: str
    status: Status
    course_type: str
    amu_number: int | None
    duration: str

    @property
    def today(self) -> bool:
        return self.status.today


@dataclass(frozen=True, slots=True)
class SearchData:
    """Pagefind filters (name, value) and result metadata (key, value) for one page."""

    filters: tuple[tuple[str, str], ...]
    meta: tuple[tuple[str, str], ...] = ()
    keywords: tuple[str, ...] = ()


def status(value: str) -> Status:
    return Status(
        value, vocab.STATUSES[value], vocab.STATUS_EXPLAINED[value], value in vocab.TODAY_STATUSES, slugify(value)
    )


def module_item(module: Module) -> ModuleItem:
    return ModuleItem(
        Link(module.name, urls.module(module.id)),
        module.title,
        status(module.status),
        module.course_type.label,
        module.amu_number,
        vocab.duration(module.duration),
    )


def module_links(modules: Iterable[Module]) -> tuple[Link, ...]:
    return tuple(Link(m.name, urls.module(m.id)) for m in modules)


def badges(module: Module) -> tuple[Badge, ...]:
    return (
        Badge(module.course_type.label, "type"),
        *([Badge(vocab.TIERS[module.tier])] if module.tier else []),
        *(Badge(vocab.ENTRIES[e], e) for e in module.entries),
    )


def prose(text: str | None) -> Markup | None:
    return prose_html(text) if text else None


def inline(text: str | None) -> Markup | None:
    return inline_html(text) if text else None


def citations(sources: Iterable[SourceRef], c: Catalogue) -> tuple[Citation, ...]:
    """Group a record's sources by report or web page: title, publisher and year once, then the sections used."""
    places: dict[str, list[str]] = {}
    for source in sources:
        place = f"afsnit «{source.section}»" + (f", s. {source.page}" if source.page else "")
        place += f" ({source.note.rstrip('.')})" if source.note else ""
        found = places.setdefault(source.document, [])
        if place not in found:
            found.append(place)
    return tuple(_citation(c.documents.get(name) or c.web_pages[name], tuple(found)) for name, found in places.items())


def _citation(document: SourceDocument | WebPage, places: tuple[str, ...]) -> Citation:
    return Citation(document.title, source_meta(document), urls.source_document(document.title), document.url, places)


def source_meta(document: SourceDocument | WebPage) -> str:
    """Publisher and year of a report; publisher and the date read of a web page ('oplyst pr. …')."""
    if isinstance(document, WebPage):
        return f"{document.publisher}, oplyst pr. {vocab.date(document.read)}"
    return ", ".join(str(part) for part in (document.publisher, document.year) if part)
