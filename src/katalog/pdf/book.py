"""Print HTML for the PDF book, rendered from the same display objects and templates as the site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup

from katalog import urls, vocab
from katalog.render.target import BOOK, render_html
from katalog.urls import Url
from katalog.views import CatalogueView

PRINT_DIR = Path(str(files("katalog") / "templates" / "print"))


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter of the book: its anchor, title and the records listed under it in the contents."""

    key: str
    title: str
    url: Url
    records: tuple[tuple[str, str], ...] = ()

    @property
    def anchor(self) -> str:
        return self.url.anchor


def chapters(view: CatalogueView) -> dict[str, Chapter]:
    """Return the book's chapters in order; records become level-2 bookmarks and contents lines."""
    v, s = view, view.sections
    found = (
        Chapter("om", "Om kataloget", urls.ABOUT),
        Chapter(
            "struktur", s["struktur"].title, s["struktur"].url, tuple((x.url.anchor, x.title) for x in v.structures)
        ),
        Chapter("kort", s["kort"].title, s["kort"].url),
        Chapter("moduler", s["moduler"].title, s["moduler"].url, tuple((m.url.anchor, m.title) for m in v.modules)),
        Chapter("forloeb", s["forloeb"].title, s["forloeb"].url, tuple((p.url.anchor, p.title) for p in v.pathways)),
        Chapter(
            "uddannelsestyper",
            s["uddannelsestyper"].title,
            s["uddannelsestyper"].url,
            tuple((t.url.anchor, t.name) for t in v.course_types),
        ),
        Chapter("roller", s["roller"].title, s["roller"].url, tuple((r.url.anchor, r.title) for r in v.roles)),
        Chapter("ledere", "For ledere", urls.GUIDES, tuple((g.url.anchor, g.title) for g in v.guides)),
        Chapter("udbydere", s["udbydere"].title, s["udbydere"].url),
        Chapter("statistik", s["statistik"].title, s["statistik"].url),
        Chapter("ordliste", s["ordliste"].title, s["ordliste"].url),
        Chapter("kilder", s["kilder"].title, s["kilder"].url),
    )
    return {chapter.key: chapter for chapter in found}


def render_book_html(view: CatalogueView, site_url: str = "", publisher: str = "") -> str:
    """Render the whole book as one print HTML document."""
    return str(
        render_html(
            "print/book.html.j2",
            BOOK,
            css=Markup((PRINT_DIR / "book.css").read_text("utf-8")),
            view=view,
            chapters=chapters(view),
            data_date=vocab.date(view.data_date),
            data_year_only=len(view.data_date) <= 4,
            site_url=site_url,
            publisher=publisher,
            built=vocab.date(date.today().isoformat()),
        )
    )
