"""«Find din vej»: the next courses for a role and entry, given the modules a reader has already taken.

Pure functions over the catalogue. The build computes, for every role × entry, the ordered candidate steps
today and in the recommended structure (`candidates`), and what each module counts as when taken
(`covers`); the page's small script only leaves out what is covered and adds up the days, exactly as
`plan` does here, so the logic is specified and tested in Python.

A module taken counts as the modules it replaced and the modules that replaced it, followed to the end:
the retired 48256 counts as 49970, and 49970 as the proposed SOSU basis and PAU basis A and B.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from katalog.model import Catalogue, Duration, DurationRange, Guide, Module, Pathway, Role, sum_ranges
from katalog.today import covered_today_by

# Roles the reports give no pathway of their own, and the role whose pathway is nearest. Kollega: the role's
# own start_here note says that where colleagues are trained, they take the daily vejleder's basis (49970).
# Leder: the role's description points to the AMU module of the coordinators' entry as the nearest course.
NEAREST_ROLE = {"kollega": "daglig-vejleder", "leder": "koordinator"}
FURTHER_TYPES = frozenset({"akademimodul", "diplommodul"})


@dataclass(frozen=True, slots=True)
class PlanStep:
    """A step to take: one module, or a choice between modules (one_of); optional steps may be left out."""

    options: tuple[Module, ...]
    optional: bool = False
    note: str | None = None

    @property
    def duration(self) -> DurationRange:
        """Days away from work: the shortest and longest option; an optional step may be nothing."""
        days = [m.duration.days for m in self.options]
        known = [d for d in days if d is not None]
        low = Duration(min(known)) if known else Duration()
        high = Duration(max(known)) if known else Duration()
        if self.optional:
            low = Duration(0 if known else None)
        return DurationRange(low, high, incomplete=None in days)


@dataclass(frozen=True, slots=True)
class Candidates:
    """Everything a role and entry could take, in order, before anything is crossed off.

    nearest: the role has no pathway of its own, and the steps come from the pathway of `pathway.role`
    (pathway is None only in a catalogue without any pathway).
    not_today: proposed modules on the way that nothing covers today.
    further: where the way continues beyond AMU (nested akademi pathways, akademi and diplom modules).
    guides: the guides written for the role (the leaders' guide).
    """

    role: Role
    entry: str
    pathway: Pathway | None
    nearest: bool
    today: tuple[PlanStep, ...]
    recommended: tuple[PlanStep, ...]
    not_today: tuple[Module, ...]
    further: tuple[Pathway | Module, ...]
    note: str | None
    guides: tuple[Guide, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    """The next steps today and in the recommended structure, and the days away from work for each."""

    candidates: Candidates
    taken: frozenset[str]
    today: tuple[PlanStep, ...]
    recommended: tuple[PlanStep, ...]

    @property
    def today_total(self) -> DurationRange:
        return sum_ranges(step.duration for step in self.today)

    @property
    def recommended_total(self) -> DurationRange:
        return sum_ranges(step.duration for step in self.recommended)

    @property
    def is_empty(self) -> bool:
        """Nothing at all to tell the reader: never the case for a role and entry of the catalogue."""
        c = self.candidates
        return not (self.today or self.recommended or c.further or c.note or c.guides)


def covers(c: Catalogue, module: Module) -> tuple[Module, ...]:
    """What taking a module counts as: itself, what it replaced and what replaced it, both followed to the end."""
    return tuple(dict.fromkeys((module, *c.successors(module), *c.predecessors(module))))


def covered(c: Catalogue, taken: Iterable[str]) -> frozenset[str]:
    """The ids of every module counted as taken."""
    return frozenset(m.id for mid in taken if mid in c.modules for m in covers(c, c.modules[mid]))


def module_by_amu(c: Catalogue) -> dict[int, Module]:
    """Modules by AMU number, retired ones included, so a reader can type the number on a course certificate."""
    return {m.amu_number: m for m in c.modules.values() if m.amu_number is not None}


def role_pathway(c: Catalogue, role: Role, entry: str) -> Pathway | None:
    """The role's pathway in the recommended structure for an entry: a recommended one before an example."""
    nested = {s.pathway.id for p in c.pathways.values() for s in p.steps if s.pathway}
    found = [
        p
        for p in c.pathways.values()
        if p.role == role and entry in p.entries and p.structure == "anbefalet" and p.id not in nested
    ]
    found.sort(key=lambda p: (p.kind != "anbefalet", p.id))
    return found[0] if found else None


def candidates(c: Catalogue, role_id: str, entry: str) -> Candidates:
    """The ordered candidate steps for a role and entry, from its own pathway or the nearest role's."""
    role = c.roles[role_id]
    pathway = role_pathway(c, role, entry)
    nearest = pathway is None
    if pathway is None:
        pathway = _nearest_pathway(c, role, entry)
    steps = pathway.steps if pathway else ()
    recommended = tuple(PlanStep(s.modules, s.optional, s.note) for s in steps if s.pathway is None and s.modules)
    today, not_today = _today_steps(c, recommended)
    further = tuple(
        [s.pathway for s in steps if s.pathway is not None]
        + [m for s in recommended for m in s.options if m.course_type.id in FURTHER_TYPES]
    )
    note = next((s.note for s in role.start_here if s.entry == entry and s.note), None)
    guides = tuple(g for g in c.guides.values() if g.audience == role)
    return Candidates(role, entry, pathway, nearest, today, recommended, not_today, further, note, guides)


def _nearest_pathway(c: Catalogue, role: Role, entry: str) -> Pathway | None:
    for role_id in (NEAREST_ROLE.get(role.id), *NEAREST_ROLE.values()):
        other = c.roles.get(role_id or "")
        pathway = role_pathway(c, other, entry) if other else None
        if pathway is not None:
            return pathway
    # A catalogue without those roles (the test catalogue): a pathway for the entry, else any pathway.
    ordered = sorted(c.pathways.values(), key=lambda p: (entry not in p.entries, p.structure != "anbefalet", p.id))
    return ordered[0] if ordered else None


def _today_steps(c: Catalogue, steps: Iterable[PlanStep]) -> tuple[tuple[PlanStep, ...], tuple[Module, ...]]:
    """Each step as it can be taken today; a current module that covers two steps is taken once."""
    today: list[PlanStep] = []
    missing: list[Module] = []
    seen: set[str] = set()
    for step in steps:
        by_option = [covered_today_by(c, option) for option in step.options]
        cover = list(dict.fromkeys(m for found in by_option for m in found if m.id not in seen))
        missing += [option for option, found in zip(step.options, by_option, strict=True) if not found]
        seen.update(m.id for m in cover)
        if len(step.options) > 1 and cover:
            today.append(PlanStep(tuple(cover), step.optional, step.note))
        else:
            today += [PlanStep((m,), step.optional, step.note) for m in cover]
    return tuple(today), tuple(dict.fromkeys(missing))


def remaining(steps: Iterable[PlanStep], done: frozenset[str]) -> tuple[PlanStep, ...]:
    """The steps still to take: a step is done when any of its options is counted as taken."""
    return tuple(step for step in steps if not any(m.id in done for m in step.options))


def plan(c: Catalogue, role_id: str, entry: str, taken: Iterable[str] = ()) -> Plan:
    """The next steps for a role and entry after the modules taken (ids; unknown ids are ignored)."""
    found = candidates(c, role_id, entry)
    taken = frozenset(mid for mid in taken if mid in c.modules)
    done = covered(c, taken)
    return Plan(found, taken, remaining(found.today, done), remaining(found.recommended, done))
