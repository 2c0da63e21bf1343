"""Print HTML for the PDF book, rendered from the model with the site's templates and labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from katalog.export import data_date
from katalog.markup import inline_html, prose_html
from katalog.model import Catalogue, Module, Pathway, SourceRef, Structure
from katalog.render.environment import environment
from katalog.render.pages import module_sort_key

PRINT_DIR = Path(str(files("katalog") / "templates" / "print"))
PATHWAY_ORDER = ("anbefalet", "typisk", "eksempel")


@dataclass(frozen=True)
class Chapter:
    """A chapter of the book: its anchor, title and the records listed under it in the contents."""

    key: str
    title: str
    records: tuple[tuple[str, str], ...] = ()

    @property
    def anchor(self) -> str:
        return f"{self.key}/"


def chapters(catalogue: Catalogue) -> dict[str, Chapter]:
    """Return the book's chapters in order; records become level-2 bookmarks and contents lines."""
    c = catalogue
    return {
        chapter.key: chapter
        for chapter in (
            Chapter("om", "Om kataloget"),
            Chapter("struktur", "Den nationale struktur", tuple((f"struktur/{s.id}", s.title) for s in _structures(c))),
            Chapter("moduler", "Moduler", tuple((f"moduler/{m.id}/", m.title) for m in _modules(c))),
            Chapter("forloeb", "Forløb", tuple((f"forloeb/{p.id}/", p.title) for p in _pathways(c))),
            Chapter(
                "uddannelsestyper",
                "Uddannelsestyper",
                tuple((f"uddannelsestyper/{t.id}/", t.name) for t in c.course_types.values()),
            ),
            Chapter("roller", "Roller", tuple((f"roller/{r.id}/", r.title) for r in c.roles.values())),
            Chapter("udbydere", "Udbydere"),
            Chapter("ordliste", "Ordliste"),
            Chapter("kilder", "Kilder"),
        )
    }


def render_book_html(catalogue: Catalogue, site_url: str = "") -> str:
    """Render the whole book as one print HTML document."""
    c = catalogue
    return (
        _print_environment()
        .get_template("print/book.html.j2")
        .render(
            css=Markup((PRINT_DIR / "book.css").read_text("utf-8")),
            catalogue=c,
            chapters=chapters(c),
            data_date=data_date(c),
            site_url=site_url,
            modules=_modules(c),
            pathways=_pathways(c),
            course_types=list(c.course_types.values()),
            roles=list(c.roles.values()),
            structures=_structures(c),
            providers=list(c.providers.values()),
            provider_sources=_unique(s for p in c.providers.values() for s in p.sources),
            glossary=c.glossary,
            glossary_slugs={t.slug for t in c.glossary},
            documents=c.documents,
        )
    )


def _modules(c: Catalogue) -> list[Module]:
    return sorted(c.modules.values(), key=module_sort_key)


def _pathways(c: Catalogue) -> list[Pathway]:
    kinds = {kind: i for i, kind in enumerate(PATHWAY_ORDER)}
    return sorted(c.pathways.values(), key=lambda p: (kinds.get(p.kind, len(kinds)), p.title))


def _structures(c: Catalogue) -> list[Structure]:
    return list(c.structures.values())


def _unique(sources: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    return tuple(dict.fromkeys(sources))


@cache
def _print_environment() -> Environment:
    """The site's environment plus filters for YAML prose, which the site renders as Markdown."""
    env = environment().overlay()
    env.filters = {**env.filters, "prose": prose, "inline": inline}
    return env


def prose(text: str) -> Markup:
    """Render YAML prose: the allowed Markdown subset, sanitised (see katalog.markup)."""
    return prose_html(text)


def inline(text: str) -> Markup:
    """Render a one-paragraph YAML text without its paragraph element."""
    return inline_html(text)
