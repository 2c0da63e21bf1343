"""The «Find din vej» page as data: the form's choices, the no-script fallback, and the planner's JSON.

The JSON holds, for every role × entry, the candidate steps `katalog.planner` computed at build time, what
each module counts as when taken, and every Danish word the script shows, so the script holds no labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from katalog import urls, vocab
from katalog.model import Catalogue, Module, Pathway, sum_ranges
from katalog.planner import Candidates, PlanStep, candidates, covers, module_by_amu
from katalog.today import can_take_today
from katalog.views.common import Link
from katalog.views.today import days_away

# Written out once for the script; it shows these words and nothing else of its own.
WORDS = {
    "today": "Det kan du tage nu",
    "recommended": "Det næste i den anbefalede struktur",
    "daysAway": "Dage væk fra arbejdet",
    "optional": "valgfrit",
    "oneOf": "Vælg ét af",
    "done": "Ikke flere trin her.",
    "notToday": "Kan ikke tages i dag (forslag fra rapporten)",
    "further": "Her fortsætter vejen med akademi eller diplom",
    "nearest": "Rapporten har ikke et forløb for din rolle. Nærmeste forløb:",
    "pathway": "Forløbet bag planen:",
    "guides": "Læs også:",
    "lowHigh": "Det laveste tal er uden de valgfrie trin.",
    "unknownAmu": "Kender ikke AMU-nummer",
    "taken": "Taget",
    "none": "ingen",
    "role": "Rolle",
    "entry": "Indgang",
    "status": "Planen er opdateret",
    "steps": "trin",
    "amu": "AMU",
    "dayOne": "dag",
    "days": "dage",
    "noDays": "ingen kursusdage oplyst",
    "plusUnknown": " (plus moduler uden oplyst længde)",
}
KEY_SEPARATOR = "/"


@dataclass(frozen=True, slots=True)
class Choice:
    """A checkbox: a module a reader may have taken, labelled with its AMU number where it has one."""

    id: str
    label: str
    note: str


@dataclass(frozen=True, slots=True)
class PlannerView:
    roles: tuple[Link, ...]
    role_ids: tuple[str, ...]
    entries: tuple[tuple[str, str], ...]
    groups: tuple[tuple[str, tuple[Choice, ...]], ...]
    fallback: tuple[tuple[Link, tuple[Link, ...]], ...]
    data: dict[str, Any]
    data_date: str


def planner_view(c: Catalogue, data_date: str) -> PlannerView:
    roles = tuple(c.roles.values())  # in the catalogue's role order already
    return PlannerView(
        roles=tuple(Link(r.title, urls.role(r.id)) for r in roles),
        role_ids=tuple(r.id for r in roles),
        entries=tuple((key, vocab.ENTRY_LONG[key]) for key in vocab.ENTRIES),
        groups=_choices(c),
        fallback=tuple(
            (Link(r.title, urls.role(r.id)), tuple(Link(p.title, urls.pathway(p.id)) for p in c.pathways_for_role(r)))
            for r in roles
        ),
        data=planner_data(c),
        data_date=vocab.date(data_date),
    )


def _choices(c: Catalogue) -> tuple[tuple[str, tuple[Choice, ...]], ...]:
    """Modules a reader can have taken (today's and retired ones; proposals cannot be taken yet), by type."""
    groups: dict[str, list[Choice]] = {}
    taken = sorted(
        (m for m in c.modules.values() if m.status != "anbefalet"),
        key=lambda m: (m.course_type.order, m.amu_number is None, m.amu_number or 0, m.name),
    )
    for m in taken:
        label = f"{m.amu_number} {m.name}" if m.amu_number else m.name
        groups.setdefault(m.course_type.label, []).append(Choice(m.id, label, _choice_note(m)))
    return tuple((name, tuple(items)) for name, items in groups.items())


def _choice_note(m: Module) -> str:
    status = "" if m.status == "gældende" else vocab.STATUSES[m.status].lower()
    length = vocab.duration(m.duration) if not m.duration.is_empty else ""
    return ", ".join(part for part in (length, status) if part)


def planner_data(c: Catalogue) -> dict[str, Any]:
    """Everything the script needs, computed here: steps per role and entry, modules, what a module covers."""
    return {
        "words": WORDS,
        "roles": {r.id: r.title for r in c.roles.values()},
        "entries": dict(vocab.ENTRIES),
        "modules": {m.id: _module(m) for m in c.modules.values()},
        "covers": {m.id: [x.id for x in covers(c, m)] for m in c.modules.values()},
        "amu": {str(number): m.id for number, m in module_by_amu(c).items()},
        "plans": {
            f"{role}{KEY_SEPARATOR}{entry}": _candidates(candidates(c, role, entry))
            for role in c.roles
            for entry in vocab.ENTRIES
        },
    }


def _href(url: urls.Url) -> str:
    return url.relative("../" * urls.PLANNER.depth)


def _module(m: Module) -> dict[str, Any]:
    return {
        "name": m.name,
        "amu": m.amu_number,
        "days": m.duration.days,
        "type": m.course_type.label,
        "today": can_take_today(m),
        "url": _href(urls.module(m.id)),
    }


def _steps(steps: tuple[PlanStep, ...]) -> list[dict[str, Any]]:
    return [{"options": [m.id for m in s.options], "optional": s.optional, "note": s.note} for s in steps]


def _link(record: Pathway | Module) -> dict[str, str]:
    if isinstance(record, Pathway):
        return {"name": record.title, "url": _href(urls.pathway(record.id))}
    return {"name": record.name, "url": _href(urls.module(record.id))}


def _candidates(found: Candidates) -> dict[str, Any]:
    return {
        "pathway": _link(found.pathway) if found.pathway else None,
        "guides": [{"name": g.title, "url": _href(urls.guide(g.id))} for g in found.guides],
        "nearest": found.nearest,
        "note": found.note,
        "today": _steps(found.today),
        "recommended": _steps(found.recommended),
        "notToday": [m.id for m in found.not_today],
        "further": [_link(record) for record in found.further],
    }


def total_days(steps: tuple[PlanStep, ...]) -> str:
    """The days away from work for steps, said as the script says them ('0 dage' when nothing is left)."""
    return days_away(sum_ranges(s.duration for s in steps)) if steps else "0 dage"
