"""Display objects for what a reader can do today: a pathway's today-version and 'Start her'."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from katalog import urls, vocab
from katalog.model import Catalogue, DurationRange, Pathway, Role, StartHere
from katalog.today import FirstCourse, TodayVersion, start_here, today_version
from katalog.views.common import Citation, Link, ModuleItem, citations, inline, module_item


@dataclass(frozen=True, slots=True)
class TodayRow:
    """A step of the recommended pathway beside what covers it today."""

    recommended: tuple[ModuleItem, ...]
    today: tuple[ModuleItem, ...]
    note: str
    optional: bool


@dataclass(frozen=True, slots=True)
class TodayView:
    rows: tuple[TodayRow, ...]
    total: str
    days: str
    recommended_total: str
    recommended_days: str


@dataclass(frozen=True, slots=True)
class StartView:
    """One sentence's worth: the first course today for a role and entry, and what comes after."""

    entry_label: str
    role: Link
    first: ModuleItem | None
    pathways: tuple[Link, ...]
    then: tuple[ModuleItem, ...]
    more: int
    note: Markup | None = None
    sources: tuple[Citation, ...] = ()


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


def start_views(c: Catalogue, role: Role) -> tuple[StartView, ...]:
    """'Start her' per entry: the role's own sourced answer where it has one, else derived from its pathways."""
    if role.start_here:
        return _stated(c, role)
    groups: dict[tuple[str, tuple[str, ...]], list[FirstCourse]] = {}
    for entry in vocab.ENTRIES:
        found = start_here(c, role.id, entry)
        if found:
            groups.setdefault((found.first.id, tuple(m.id for m in found.then)), []).append(found)
    return tuple(_start_view(c, group) for group in groups.values())


def _start_view(c: Catalogue, group: list[FirstCourse]) -> StartView:
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


def _stated(c: Catalogue, role: Role) -> tuple[StartView, ...]:
    """The editor's answers; entries with the same answer share one line."""
    groups: dict[tuple[str | None, tuple[str, ...], str | None], list[StartHere]] = {}
    for start in role.start_here:
        groups.setdefault((start.module, start.next_modules, start.note), []).append(start)
    views = []
    for (module_id, next_ids, note), group in groups.items():
        entries = [s.entry for s in group]
        pathways = tuple(
            Link(p.title, urls.pathway(p.id))
            for p in c.pathways.values()
            if p.role.id == role.id and p.kind != "eksempel" and set(p.entries) & set(entries)
        )
        views.append(
            StartView(
                " og ".join(vocab.ENTRIES[e] for e in entries),
                Link(role.title, urls.role(role.id)),
                module_item(c.modules[module_id]) if module_id else None,
                pathways,
                tuple(module_item(c.modules[m]) for m in next_ids),
                0,
                inline(note),
                citations((src for s in group for src in s.sources), c),
            )
        )
    return tuple(views)
