"""The module overview at any size: pages of cards a reader reaches without JavaScript, and one short row per
module that the overview's script filters, counts, lists and sorts across every page.

Each module is written once per overview page as a card, with its summary, and once as a row (no summary).
A small catalogue fits on one page, which then holds every card as before. A large one is split into pages
of PAGE_SIZE cards, so the first page stays small: a page holds the cards of one page only, and the rows sit
in one data file that the script fetches when first needed; they carry only what the filters, the table and a
short card need.
"""

from __future__ import annotations

from dataclasses import dataclass

from katalog import urls
from katalog.urls import Url
from katalog.views.records import Card
from katalog.views.sections import ModulesOverview

# Cards per page. At about 70 bytes gzip per card (with its summary) a page of cards stays near 10 KB; the rows
# of all modules (about 35 bytes gzip each), in the data file, are what grows with the catalogue.
PAGE_SIZE = 150

# The filter values a card and a row carry, in this order (the names of the facets and the data-* attributes).
FIELDS = ("kursustype", "niveau", "indgang", "rolle", "varighed", "status")


@dataclass(frozen=True, slots=True)
class OverviewPage:
    """One page of the overview: its share of the cards, today's first, and where it sits among the pages."""

    number: int
    pages: tuple[Url, ...]
    today: tuple[Card, ...]
    proposals: tuple[Card, ...]
    first: int  # the place of its first card in the whole overview, from 1 (0 on an empty overview)
    total: int

    @property
    def url(self) -> Url:
        return self.pages[self.number - 1]

    @property
    def paged(self) -> bool:
        """Whether the overview is split at all: a single page reads exactly like the overview always did."""
        return len(self.pages) > 1

    @property
    def last(self) -> int:
        return self.first + len(self.today) + len(self.proposals) - 1 if self.total else 0

    @property
    def previous(self) -> Url | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> Url | None:
        return self.pages[self.number] if self.number < len(self.pages) else None

    @property
    def title(self) -> str:
        return "Moduler" if self.number == 1 else f"Moduler, side {self.number} af {len(self.pages)}"


def overview_pages(overview: ModulesOverview, page_size: int = PAGE_SIZE) -> tuple[OverviewPage, ...]:
    """Split the overview's cards, today's before the rest, into pages of page_size cards."""
    ordered = (*overview.today, *overview.proposals)
    chunks = [ordered[at : at + page_size] for at in range(0, len(ordered), page_size)] or [()]
    pages = tuple(urls.modules_page(n) for n in range(1, len(chunks) + 1))
    return tuple(
        OverviewPage(
            number,
            pages,
            tuple(c for c in chunk if c.item.today),
            tuple(c for c in chunk if not c.item.today),
            (number - 1) * page_size + 1 if chunk else 0,
            len(ordered),
        )
        for number, chunk in enumerate(chunks, start=1)
    )


Row = tuple[str | float, ...]


def overview_row(card: Card) -> Row:
    """A module as the script needs it: id, title, AMU number, length, its sort value, the facts line, and the
    filter values in FIELDS order. No summary: that unique text is what made the one-page overview heavy."""
    data = dict(card.data)
    return (
        card.item.link.url.path.removeprefix(urls.MODULES.path).rstrip("/"),
        card.item.title,
        str(card.item.amu_number or ""),
        card.item.duration,
        card.sort_length,
        card.facts,
        *(data[name] for name in FIELDS),
    )
