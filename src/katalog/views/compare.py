"""The compare page: each module's facts as one column of a table, the same values its own page shows.

Every cell is taken from the module's view (its facts box, goals, target group, prerequisites and
providers), so the comparison can never say something the module page does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from katalog.urls import Url
from katalog.views.common import UNKNOWN, Fact, Status
from katalog.views.records import ModuleView

MAX_CHOSEN = 4  # four columns still fit a laptop screen; the script and the page text say the same

# The rows of the table: a label from the module's facts box, or one of its own sections.
FACT_ROWS = ("Uddannelsestype", "AMU-nummer", "Niveau", "Varighed", "Indgang", "Status", "Dækkes i dag af")
SECTION_ROWS = ("Målgruppe", "Mål", "Forudsætninger")
RELATION_ROWS = ("Erstatter",)
PROVIDER_ROW = "Udbydere"
ROWS = (*FACT_ROWS, *SECTION_ROWS, *RELATION_ROWS, PROVIDER_ROW)

# What a cell says where the module page has no line for the row at all (as opposed to 'not stated').
ABSENT = {
    "AMU-nummer": "Ikke et AMU-kursus",
    "Niveau": "Intet niveau angivet",
    "Indgang": "Ikke angivet",
    "Dækkes i dag af": "Kan selv tages i dag",
    "Erstatter": "Intet modul",
}
# The module page's words (html/module.j2) where the sources name no school; a test holds the two together.
NO_PROVIDERS = "Kilderne viser ikke, hvilke skoler der udbyder netop dette modul"


@dataclass(frozen=True, slots=True)
class CompareCell:
    """One cell: a fact as the module page shows it, and for goals and providers the list under it."""

    fact: Fact
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CompareColumn:
    """One module as a column of the comparison: its name, page, status and a cell per row."""

    id: str
    title: str
    url: Url
    status: Status
    cells: tuple[CompareCell, ...]


def compare_columns(modules: tuple[ModuleView, ...]) -> tuple[CompareColumn, ...]:
    """Every module, in the overview's order, ready to be one column of the comparison."""
    return tuple(compare_column(m) for m in modules)


def compare_column(m: ModuleView) -> CompareColumn:
    facts = {f.label: f for f in m.facts}
    cells = (
        *(_fact_cell(facts, label) for label in FACT_ROWS),
        _text_cell("Målgruppe", m.target_group, "target_group" in m.inferred),
        _goals_cell(m),
        _text_cell("Forudsætninger", m.prerequisites, "prerequisites" in m.inferred),
        *(_fact_cell(facts, label) for label in RELATION_ROWS),
        _providers_cell(m),
    )
    return CompareColumn(m.id, m.title, m.url, m.status, cells)


def _fact_cell(facts: dict[str, Fact], label: str) -> CompareCell:
    return CompareCell(facts.get(label) or Fact(label, ABSENT[label]))


def _text_cell(label: str, text: Markup | None, inferred: bool) -> CompareCell:
    return CompareCell(Fact(label, text, inferred=inferred) if text else Fact(label, UNKNOWN, unknown=True))


def _goals_cell(m: ModuleView) -> CompareCell:
    if not m.goals:
        return CompareCell(Fact("Mål", "Kilderne gengiver ikke modulets mål.", unknown=True))
    return CompareCell(Fact("Mål", inferred="goals" in m.inferred), m.goals)


def _providers_cell(m: ModuleView) -> CompareCell:
    if not m.providers:
        return CompareCell(Fact(PROVIDER_ROW, NO_PROVIDERS, links=(m.providers_link,), unknown=True))
    return CompareCell(Fact(PROVIDER_ROW), m.providers)
