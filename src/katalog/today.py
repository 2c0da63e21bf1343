"""What a reader can take today: the current modules that cover a proposed one, a pathway's today-version,
and the first course to take for a role and entry.

Derived from the content's `replaces` links, never typed by hand: a proposed module is covered today by the
current modules it replaces (followed back until one can be taken today). Where one current module covers
several proposed ones (49970 covers PAU basis A and B), it is counted once.
"""

from __future__ import annotations

from dataclasses import dataclass

from katalog.model import Catalogue, Duration, DurationRange, Module, Pathway, Step, sum_ranges
from katalog.vocab import TODAY_STATUSES


def can_take_today(module: Module) -> bool:
    return module.status in TODAY_STATUSES


def covered_today_by(c: Catalogue, module: Module) -> tuple[Module, ...]:
    """The modules a person takes today to cover the same ground: itself if it can be taken, else what it replaces."""
    if can_take_today(module):
        return (module,)
    found: list[Module] = []
    for old in (c.modules[i] for i in module.replaces):
        found += [m for m in covered_today_by(c, old) if m not in found]
    return tuple(found)


@dataclass(frozen=True, slots=True)
class TodayStep:
    """One step of a recommended pathway and what covers it today.

    today: empty when nothing can be taken today for this step; counted_before: the modules were already
    taken for an earlier step, so this step adds no days.
    """

    step: Step
    today: tuple[Module, ...]
    counted_before: bool

    @property
    def duration(self) -> DurationRange:
        if not self.today or self.counted_before:
            return DurationRange(Duration(), Duration())
        return Step(self.today, optional=self.step.optional).duration if self.step.is_choice else _sum(self)


def _sum(step: TodayStep) -> DurationRange:
    return sum_ranges(Step((module,), optional=step.step.optional).duration for module in step.today)


@dataclass(frozen=True, slots=True)
class TodayVersion:
    """A recommended pathway as it can be taken today."""

    pathway: Pathway
    steps: tuple[TodayStep, ...]

    @property
    def total(self) -> DurationRange:
        return sum_ranges(step.duration for step in self.steps)

    @property
    def modules(self) -> tuple[Module, ...]:
        return tuple(dict.fromkeys(m for s in self.steps for m in s.today))

    @property
    def uncovered(self) -> tuple[Module, ...]:
        """Proposed modules nothing covers today."""
        return tuple(m for s in self.steps if not s.today for m in s.step.modules)


def today_version(c: Catalogue, pathway: Pathway) -> TodayVersion | None:
    """The today-version of a pathway that contains proposed modules; None when all can be taken today."""
    steps = [s for s in _flat_steps(pathway)]
    if all(can_take_today(m) for s in steps for m in s.modules):
        return None
    seen: set[str] = set()
    result = []
    for step in steps:
        today = tuple(dict.fromkeys(m for option in step.modules for m in covered_today_by(c, option)))
        before = bool(today) and all(m.id in seen for m in today)
        seen.update(m.id for m in today)
        result.append(TodayStep(step, today, before))
    return TodayVersion(pathway, tuple(result))


def _flat_steps(pathway: Pathway) -> list[Step]:
    steps: list[Step] = []
    for step in pathway.steps:
        steps += _flat_steps(step.pathway) if step.pathway else [step]
    return steps


@dataclass(frozen=True, slots=True)
class FirstCourse:
    """The first course to take today for a role and entry, and the pathway it starts."""

    role_id: str
    entry: str
    first: Module
    pathway: Pathway
    then: tuple[Module, ...]


def start_here(c: Catalogue, role_id: str, entry: str) -> FirstCourse | None:
    """The first module that can be taken today on the role's recommended (else typical) pathway for an entry."""
    found = []
    for pathway in c.pathways.values():
        if pathway.role.id != role_id or entry not in pathway.entries or pathway.kind == "eksempel":
            continue
        version = today_version(c, pathway)
        modules = version.modules if version else tuple(m for s in _flat_steps(pathway) for m in s.modules)
        today = list(dict.fromkeys(m for m in modules if can_take_today(m)))
        if today:
            found.append(FirstCourse(role_id, entry, today[0], pathway, tuple(today[1:])))
    # A recommended pathway before a typical one, and one that starts with a short course before one that
    # starts with a semester-long module.
    found.sort(key=lambda s: (s.pathway.kind != "anbefalet", s.first.duration.days is None, s.pathway.id))
    return found[0] if found else None
