"""Display objects for what a reader can do today: a pathway's today-version and 'Start her'."""

from __future__ import annotations

from dataclasses import dataclass

from katalog import urls, vocab
from katalog.model import Catalogue, DurationRange, Pathway
from katalog.today import StartHere, TodayVersion, start_here, today_version
from katalog.views.common import Link, ModuleItem, module_item


@dataclass(frozen=True)
class TodayRow:
    """A step of the recommended pathway beside what covers it today."""

    recommended: tuple[ModuleItem, ...]
    today: tuple[ModuleItem, ...]
    note: str
    optional: bool


@dataclass(frozen=True)
class TodayView:
    rows: tuple[TodayRow, ...]
    total: str
    days: str
    recommended_total: str
    recommended_days: str


@dataclass(frozen=True)
class StartView:
    """One sentence's worth: the first course today for a role and entry, and what comes after."""

    entry_label: str
    role: Link
    first: ModuleItem
    pathways: tuple[Link, ...]
    then: tuple[ModuleItem, ...]
    more: int


def days_away(total: DurationRange) -> str:
    """The days on courses a leader plans the roster for (ECTS are not days and are left out)."""
    low, high = total.low.days, total.high.days
    if high is None:
        return "ingen kursusdage oplyst"
    text = vocab.number(high) if low == high or low is None else f"{vocab.number(low)}-{vocab.number(high)}"
    suffix = " (plus moduler uden oplyst længde)" if total.incomplete else ""
    return f"{text} {'dag' if high == 1 and low == high else 'dage'}{suffix}"


def today_view(c: Catalogue, pathway: Pathway) -> TodayView | None:
    version = today_version(c, pathway)
    return _today_view(version) if version else None


def _today_view(version: TodayVersion) -> TodayView:
    rows = []
    for step in version.steps:
        if not step.today:
            note = "Findes ikke i dag; nyt indhold i den anbefalede struktur."
        elif step.counted_before:
            note = "Dækkes af samme modul som et trin ovenfor; ingen ekstra dage."
        elif step.step.is_choice:
            note = "Vælg ét af modulerne."
        else:
            note = ""
        rows.append(
            TodayRow(
                tuple(module_item(m) for m in step.step.modules),
                tuple(module_item(m) for m in step.today),
                note,
                step.step.optional,
            )
        )
    return TodayView(
        tuple(rows),
        vocab.duration_range(version.total),
        days_away(version.total),
        vocab.duration_range(version.pathway.total),
        days_away(version.pathway.total),
    )


def start_views(c: Catalogue, role_id: str) -> tuple[StartView, ...]:
    """'Start her' for each entry; entries with the same first course and next steps share one line."""
    groups: dict[tuple[str, tuple[str, ...]], list[StartHere]] = {}
    for entry in vocab.ENTRIES:
        found = start_here(c, role_id, entry)
        if found:
            groups.setdefault((found.first.id, tuple(m.id for m in found.then)), []).append(found)
    return tuple(_start_view(c, group) for group in groups.values())


def _start_view(c: Catalogue, group: list[StartHere]) -> StartView:
    first = group[0]
    role = c.roles[first.role_id]
    return StartView(
        " og ".join(vocab.ENTRIES[s.entry] for s in group),
        Link(role.title, urls.role(role.id)),
        module_item(first.first),
        tuple(dict.fromkeys(Link(s.pathway.title, urls.pathway(s.pathway.id)) for s in group)),
        tuple(module_item(m) for m in first.then[:3]),
        max(len(first.then) - 3, 0),
    )
