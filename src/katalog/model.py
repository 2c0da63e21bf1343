"""The catalogue as typed, immutable data: references resolved, derived values computed.

Records point "down" to what they use (a module to its course type, a pathway to its
modules); back-references (a module's pathways and providers) are computed once by
the Catalogue, so no record has to be written twice in YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where in a seed document a fact stands."""

    document: str
    section: str
    lines: str | None = None
    page: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One report the catalogue is built from."""

    file: str
    title: str
    publisher: str
    year: int
    commissioned_by: str | None = None
    summary: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class WebPage:
    """An official public web page a current fact comes from, with the date it was read."""

    id: str
    url: str
    title: str
    publisher: str
    read: str
    page_updated: str | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class Duration:
    """Length in days and/or ECTS; either may be absent."""

    days: float | None = None
    ects: float | None = None

    def __add__(self, other: Duration) -> Duration:
        return Duration(_add(self.days, other.days), _add(self.ects, other.ects))

    @property
    def is_empty(self) -> bool:
        return self.days is None and self.ects is None

    def zero(self) -> Duration:
        """Nothing, in the same units: what skipping an optional step of this length takes."""
        return Duration(None if self.days is None else 0, None if self.ects is None else 0)


def _add(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else a + b


@dataclass(frozen=True, slots=True)
class DurationRange:
    """A computed total: the shortest and longest way through a pathway.

    incomplete: some module on the way has no stated length, so the true total is more than the sum.
    """

    low: Duration
    high: Duration
    incomplete: bool = False

    def __add__(self, other: DurationRange) -> DurationRange:
        return DurationRange(self.low + other.low, self.high + other.high, self.incomplete or other.incomplete)

    @property
    def is_fixed(self) -> bool:
        return self.low == self.high


def sum_ranges(ranges: Iterable[DurationRange]) -> DurationRange:
    """Add up lengths, starting from nothing (in no units)."""
    total = DurationRange(Duration(), Duration())
    for value in ranges:
        total = total + value
    return total


@dataclass(frozen=True, slots=True)
class CourseType:
    id: str
    name: str
    summary: str
    sources: tuple[SourceRef, ...]
    path: str
    short_name: str | None = None
    order: int = 0
    level: str | None = None
    description: str | None = None
    duration: str | None = None
    access: str | None = None
    providers: str | None = None
    funding: tuple[str, ...] = ()
    updated: str | None = None

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True, slots=True)
class StartHere:
    """An editor's sourced answer to 'what do I take first today' for one entry (modules by id)."""

    entry: str
    sources: tuple[SourceRef, ...]
    module: str | None = None
    next_modules: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    summary: str
    sources: tuple[SourceRef, ...]
    path: str
    order: int = 0
    description: str | None = None
    tasks: tuple[str, ...] = ()
    recommended_level: str | None = None
    start_here: tuple[StartHere, ...] = ()
    updated: str | None = None


@dataclass(frozen=True, slots=True)
class ParticipantCount:
    year: int
    count: int
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: float
    unit: str | None = None
    period: str | None = None


@dataclass(frozen=True, slots=True)
class Statistics:
    sources: tuple[SourceRef, ...]
    participants: tuple[ParticipantCount, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class Module:
    id: str
    title: str
    course_type: CourseType
    status: str
    summary: str
    sources: tuple[SourceRef, ...]
    path: str
    short_title: str | None = None
    amu_number: int | None = None
    fkb: tuple[int, ...] = ()
    search_words: tuple[str, ...] = ()
    duration: Duration = Duration()
    tier: str | None = None
    entries: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    approved: str | None = None
    description: str | None = None
    goals: tuple[str, ...] = ()
    target_group: str | None = None
    prerequisites: str | None = None
    unknown: tuple[str, ...] = ()
    inferred: tuple[str, ...] = ()
    statistics: Statistics | None = None
    updated: str | None = None

    @property
    def name(self) -> str:
        """The short title where there is one: what cards and lists show."""
        return self.short_title or self.title


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a pathway: a module, a choice between modules, or a nested pathway."""

    modules: tuple[Module, ...] = ()
    pathway: Pathway | None = None
    optional: bool = False
    note: str | None = None

    @property
    def is_choice(self) -> bool:
        return len(self.modules) > 1

    @property
    def duration(self) -> DurationRange:
        if self.pathway is not None:
            total = self.pathway.total
        else:
            lengths = sorted((m.duration for m in self.modules), key=lambda d: (d.days or 0, d.ects or 0))
            total = DurationRange(lengths[0], lengths[-1], any(m.duration.is_empty for m in self.modules))
        return DurationRange(total.high.zero(), total.high, total.incomplete) if self.optional else total


@dataclass(frozen=True, slots=True)
class PathwayExample:
    organisation: str
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Pathway:
    id: str
    title: str
    role: Role
    entries: tuple[str, ...]
    structure: str
    summary: str
    steps: tuple[Step, ...]
    sources: tuple[SourceRef, ...]
    path: str
    kind: str = "anbefalet"
    example: PathwayExample | None = None
    description: str | None = None
    inferred: tuple[str, ...] = ()
    statistics: Statistics | None = None
    updated: str | None = None

    @property
    def total(self) -> DurationRange:
        """The summed length of every step, computed and never typed by hand."""
        return sum_ranges(step.duration for step in self.steps)

    @property
    def modules(self) -> tuple[Module, ...]:
        """Every module the pathway can include, nested pathways unfolded, in order."""
        found: list[Module] = []
        for step in self.steps:
            for module in step.pathway.modules if step.pathway else step.modules:
                if module not in found:
                    found.append(module)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Level:
    tier: str
    modules: tuple[Module, ...]
    note: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Track:
    entry: str
    levels: tuple[Level, ...]


@dataclass(frozen=True, slots=True)
class MappingRow:
    """A current module and the recommended modules its goals move to."""

    old: Module
    new: tuple[Module, ...]
    note: str | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Structure:
    id: str
    title: str
    kind: str
    summary: str
    tracks: tuple[Track, ...]
    sources: tuple[SourceRef, ...]
    path: str
    mapping: tuple[MappingRow, ...] = ()
    description: str | None = None
    statistics: Statistics | None = None
    updated: str | None = None

    @property
    def modules(self) -> tuple[Module, ...]:
        found: list[Module] = []
        for track in self.tracks:
            for level in track.levels:
                found.extend(m for m in level.modules if m not in found)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Provider:
    id: str
    name: str
    modules: tuple[Module, ...]
    sources: tuple[SourceRef, ...]
    path: str
    place: str | None = None
    updated: str | None = None


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    term: str
    slug: str
    explanation: str
    sources: tuple[SourceRef, ...]
    abbreviations: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GuideStep:
    text: str
    sources: tuple[SourceRef, ...]
    period: str | None = None


@dataclass(frozen=True, slots=True)
class GuideSection:
    phase: str
    title: str
    steps: tuple[GuideStep, ...]
    intro: str | None = None
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Guide:
    """Step-by-step advice for an audience (a role), every step with its source."""

    id: str
    title: str
    summary: str
    audience: Role
    sections: tuple[GuideSection, ...]
    sources: tuple[SourceRef, ...]
    path: str
    short_title: str | None = None
    description: str | None = None
    updated: str | None = None


def _frozen(items: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(items)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every record, by id, in file-name order, plus the computed back-references."""

    modules: Mapping[str, Module]
    pathways: Mapping[str, Pathway]
    course_types: Mapping[str, CourseType]
    roles: Mapping[str, Role]
    structures: Mapping[str, Structure]
    providers: Mapping[str, Provider]
    glossary: tuple[GlossaryTerm, ...]
    documents: Mapping[str, SourceDocument]
    web_pages: Mapping[str, WebPage] = field(default_factory=dict)
    guides: Mapping[str, Guide] = field(default_factory=dict)
    _pathways_of: Mapping[str, tuple[Pathway, ...]] = field(init=False, repr=False, compare=False)
    _providers_of: Mapping[str, tuple[Provider, ...]] = field(init=False, repr=False, compare=False)
    _by_title: Mapping[str, tuple[Module, ...]] = field(init=False, repr=False, compare=False)
    _structures_of: Mapping[str, tuple[Structure, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pathways_of: dict[str, list[Pathway]] = {mid: [] for mid in self.modules}
        for pathway in self.pathways.values():
            for module in pathway.modules:
                pathways_of[module.id].append(pathway)
        providers_of: dict[str, list[Provider]] = {mid: [] for mid in self.modules}
        for provider in self.providers.values():
            for module in provider.modules:
                providers_of[module.id].append(provider)
        object.__setattr__(self, "_pathways_of", _frozen({k: tuple(v) for k, v in pathways_of.items()}))
        object.__setattr__(self, "_providers_of", _frozen({k: tuple(v) for k, v in providers_of.items()}))
        by_title: dict[str, list[Module]] = {}
        for module in self.modules.values():
            by_title.setdefault(module.title, []).append(module)
        object.__setattr__(self, "_by_title", _frozen({k: tuple(v) for k, v in by_title.items()}))
        structures_of: dict[str, list[Structure]] = {mid: [] for mid in self.modules}
        for structure in self.structures.values():
            for module in structure.modules:
                structures_of[module.id].append(structure)
        object.__setattr__(self, "_structures_of", _frozen({k: tuple(v) for k, v in structures_of.items()}))

    def pathways_of(self, module: Module) -> tuple[Pathway, ...]:
        """Return the pathways a module is part of."""
        return self._pathways_of[module.id]

    def namesakes(self, module: Module) -> tuple[Module, ...]:
        """Return the other modules with the same official title."""
        return tuple(m for m in self._by_title[module.title] if m.id != module.id)

    def providers_of(self, module: Module) -> tuple[Provider, ...]:
        """Return the providers that offer a module."""
        return self._providers_of[module.id]

    def modules_for_role(self, role: Role) -> tuple[Module, ...]:
        """Return the modules tagged with a role."""
        return tuple(m for m in self.modules.values() if role in m.roles)

    def pathways_for_role(self, role: Role) -> tuple[Pathway, ...]:
        """Return the pathways written for a role."""
        return tuple(p for p in self.pathways.values() if p.role == role)

    def successors(self, module: Module) -> tuple[Module, ...]:
        """Follow 'replaced by' to the end: every module that now carries this one's goals."""
        return self._follow(module, lambda m: m.replaced_by)

    def predecessors(self, module: Module) -> tuple[Module, ...]:
        """Follow 'replaces' to the end: every module whose goals this one now carries."""
        return self._follow(module, lambda m: m.replaces)

    def _follow(self, module: Module, links: Callable[[Module], tuple[str, ...]]) -> tuple[Module, ...]:
        found: list[Module] = []
        queue = [self.modules[mid] for mid in links(module)]
        while queue:
            current = queue.pop(0)
            if current not in found:
                found.append(current)
                queue.extend(self.modules[mid] for mid in links(current))
        return tuple(found)

    def structures_with(self, module: Module) -> tuple[Structure, ...]:
        """Return the structures a module is placed in."""
        return self._structures_of[module.id]
