"""The progression map: every module on one drawing, AMU → akademi → diplom → master, today and proposed.

Pure layout: the catalogue in, boxes with fixed coordinates and edges as SVG path data out, so the
template only draws what is computed here and the site and the PDF show the same map. Bands run top to
bottom in course-type order (the ladder); inside a band, columns say whether a module is retired, can be
taken today or is a proposal, and rows are the tiers. Only relations the content gives are drawn:
`replaces` (old → new, dashed) and `requires` (what a module builds on, solid). The text twin lists the
same boxes and relations for screen readers and the book.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from katalog import urls, vocab
from katalog.model import Catalogue, CourseType, Module
from katalog.urls import Url
from katalog.views.common import Link, Status, status
from katalog.views.sections import module_sort_key

# The ladder of formal levels, lowest first; course types not named here but holding modules follow it.
LADDER = ("amu", "akademimodul", "akademiuddannelse", "diplommodul", "diplomuddannelse", "master")
# Columns from left to right: retired, can be taken today, proposal. Keys are vocab.MAP_COLUMNS.
COLUMNS = (("tidligere", ("nedlagt",)), ("i-dag", ("gældende", "udgår")), ("forslag", ("anbefalet",)))

BOX_WIDTH = 200
COLUMN_GAP = 56
MARGIN = 8
RIGHT_MARGIN = 40  # room for the 'builds on' lanes right of the last column
NAME_CHARS = 21  # characters per line of a bold 13 px module name in a box this wide (DejaVu Sans is the widest)
NAME_LINE = 16
DETAIL_LINE = 15
BOX_PADDING = 8
BOX_GAP = 10
COLUMN_HEADING = 24
TIER_HEADING = 24
LANE_STEP = 8


@dataclass(frozen=True, slots=True)
class MapBox:
    """One module (or a course type without modules) as a linked box: text lines already wrapped."""

    id: str
    url: Url
    label: str
    name_lines: tuple[str, ...]
    detail_lines: tuple[str, ...]
    css: str
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height


@dataclass(frozen=True, slots=True)
class MapEdge:
    """An arrow from source to target: kind 'erstatter' (source replaced by target) or 'bygger' (target builds on source)."""

    kind: str
    source: str
    target: str
    path: str


@dataclass(frozen=True, slots=True)
class MapText:
    text: str
    x: int
    y: int
    css: str


@dataclass(frozen=True, slots=True)
class MapBand:
    """One course type of the ladder: its own drawing (none when it has no modules), so the book can print each."""

    id: str
    url: Url
    link: Link
    summary: str
    width: int
    height: int
    texts: tuple[MapText, ...]
    boxes: tuple[MapBox, ...]
    edges: tuple[MapEdge, ...]


@dataclass(frozen=True, slots=True)
class TwinItem:
    """One module in the text twin, with the relations the map draws as arrows."""

    link: Link
    status: Status
    detail: str
    replaces: tuple[Link, ...]
    replaced_by: tuple[Link, ...]
    builds_on: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class TwinLevel:
    link: Link
    summary: str
    items: tuple[TwinItem, ...]


@dataclass(frozen=True, slots=True)
class ProgressionMap:
    bands: tuple[MapBand, ...]
    twin: tuple[TwinLevel, ...]
    list_url: Url = urls.MAP.at("kortet-som-liste")

    @property
    def boxes(self) -> tuple[MapBox, ...]:
        return tuple(box for band in self.bands for box in band.boxes)

    @property
    def edges(self) -> tuple[MapEdge, ...]:
        return tuple(edge for band in self.bands for edge in band.edges)


def ladder(c: Catalogue) -> tuple[CourseType, ...]:
    """The course types the map has a band for: the ladder, then any other type that holds modules."""
    used = {m.course_type.id for m in c.modules.values()}
    known = [c.course_types[i] for i in LADDER if i in c.course_types]
    others = sorted((t for t in c.course_types.values() if t.id in used and t.id not in LADDER), key=lambda t: t.order)
    return tuple(known + others)


def _order(module: Module) -> tuple[int, str, str]:
    """The catalogue's module order, with the id last so two modules of one title still sort the same way."""
    return (*module_sort_key(module), module.id)


def column_of(module: Module) -> str:
    return next((key for key, statuses in COLUMNS if module.status in statuses), COLUMNS[1][0])


def progression_map(c: Catalogue) -> ProgressionMap:
    """Lay out the whole map: deterministic coordinates from the catalogue alone, the same columns in every band."""
    used = {column_of(m) for m in c.modules.values()}
    columns = [key for key, _ in COLUMNS if key in used] or [COLUMNS[1][0]]
    xs = {key: MARGIN + i * (BOX_WIDTH + COLUMN_GAP) for i, key in enumerate(columns)}
    width = MARGIN + len(columns) * BOX_WIDTH + (len(columns) - 1) * COLUMN_GAP + RIGHT_MARGIN
    box_height = _box_height(c)
    bands = []
    for course_type in ladder(c):
        modules = sorted((m for m in c.modules.values() if m.course_type == course_type), key=_order)
        texts: list[MapText] = []
        boxes: dict[str, MapBox] = {}
        height = _band(modules, columns, xs, box_height, texts, boxes) if modules else 0
        link = Link(course_type.name, urls.course_type(course_type.id))
        edges = _edges(modules, boxes)
        bands.append(
            MapBand(
                course_type.id,
                urls.MAP.at(f"kort-{course_type.id}"),
                link,
                course_type.summary,
                width,
                height,
                tuple(texts),
                tuple(boxes.values()),
                edges,
            )
        )
    return ProgressionMap(tuple(bands), twin(c))


def _band(
    modules: list[Module],
    columns: list[str],
    xs: dict[str, int],
    box_height: int,
    texts: list[MapText],
    boxes: dict[str, MapBox],
) -> int:
    """Place one course type's modules and return the drawing's height."""
    y = MARGIN
    spread = len({column_of(m) for m in modules}) > 1
    if spread:
        for key in columns:
            texts.append(MapText(vocab.MAP_COLUMNS[key], xs[key], y + 14, "kat-map__column"))
        y += COLUMN_HEADING
    tiers = [*vocab.TIERS, None]
    for tier in sorted({m.tier for m in modules}, key=tiers.index):
        row = [m for m in modules if m.tier == tier]
        if tier is not None:
            texts.append(MapText(vocab.TIERS[tier], MARGIN, y + 15, "kat-map__tier"))
            y += TIER_HEADING
        if spread:
            y = _columns_row(row, columns, xs, box_height, y, boxes)
        else:
            y = _grid_row(row, list(xs.values()), box_height, y, boxes)
    return y + MARGIN - BOX_GAP


def _columns_row(
    row: list[Module],
    columns: list[str],
    xs: dict[str, int],
    box_height: int,
    y: int,
    boxes: dict[str, MapBox],
) -> int:
    """One tier: each module in its status column, new ones beside what they replace where that is known."""
    bottom = y
    for key in columns:
        cell = [m for m in row if column_of(m) == key]
        cell.sort(key=lambda m: (_beside(m, boxes), _order(m)))
        for i, module in enumerate(cell):
            boxes[module.id] = _box(module, xs[key], y + i * (box_height + BOX_GAP), box_height)
        bottom = max(bottom, y + len(cell) * (box_height + BOX_GAP))
    return bottom


def _beside(module: Module, boxes: dict[str, MapBox]) -> float:
    """Where a box fits best: level with the modules it replaces already placed, else after everything."""
    placed = [boxes[i].y for i in module.replaces if i in boxes]
    return sum(placed) / len(placed) if placed else float("inf")


def _grid_row(row: list[Module], xs: list[int], box_height: int, y: int, boxes: dict[str, MapBox]) -> int:
    """Modules of one status only: fill the columns row by row, so a long band is not one tall stack."""
    for i, module in enumerate(row):
        boxes[module.id] = _box(module, xs[i % len(xs)], y + (i // len(xs)) * (box_height + BOX_GAP), box_height)
    rows = -(-len(row) // len(xs))
    return y + rows * (box_height + BOX_GAP)


def _box(module: Module, x: int, y: int, height: int) -> MapBox:
    s = status(module.status)
    return MapBox(
        module.id,
        urls.module(module.id),
        f"{module.name} ({_detail(module)}): {s.label}",
        _name_lines(module),
        _detail_lines(module),
        s.css,
        x,
        y,
        BOX_WIDTH,
        height,
    )


def _name_lines(module: Module) -> tuple[str, ...]:
    lines = textwrap.wrap(module.name, NAME_CHARS, break_on_hyphens=False, break_long_words=False) or [module.id]
    # A letter alone on the last line ("overbygning / B") reads as a stray mark: take a word down to keep it company.
    if len(lines) > 1 and len(lines[-1]) <= 2 and " " in lines[-2]:
        head, word = lines[-2].rsplit(" ", 1)
        lines[-2:] = [head, f"{word} {lines[-1]}"]
    return tuple(lines)


def _detail(module: Module) -> str:
    number = f"AMU {module.amu_number} · " if module.amu_number else ""
    return number + ("længde ikke oplyst" if module.duration.is_empty else vocab.duration(module.duration))


def _detail_lines(module: Module) -> tuple[str, ...]:
    """The number and length; the status is the box's column, border pattern and accessible name."""
    return (_detail(module),)


def _box_height(c: Catalogue) -> int:
    """One height for every box, tall enough for the longest name and detail: the grid stays even."""
    lines = [(len(_name_lines(m)), len(_detail_lines(m))) for m in c.modules.values()] or [(1, 1)]
    names = max(n for n, _ in lines)
    details = max(d for _, d in lines)
    return 2 * BOX_PADDING + names * NAME_LINE + details * DETAIL_LINE


def _edges(modules: list[Module], boxes: dict[str, MapBox]) -> tuple[MapEdge, ...]:
    """The band's arrows; a relation to a module in another band is left to the text twin."""
    edges: list[MapEdge] = []
    lanes: dict[int, int] = {}
    for module in sorted(modules, key=lambda m: (boxes[m.id].x, boxes[m.id].y)):
        target = boxes[module.id]
        for old in (i for i in module.replaces if i in boxes):
            edges.append(MapEdge("erstatter", old, module.id, _replace_path(boxes[old], target)))
        for needed in (i for i in module.requires if i in boxes):
            lane = lanes.get(target.x, 0)
            lanes[target.x] = lane + 1
            edges.append(MapEdge("bygger", needed, module.id, _lane_path(boxes[needed], target, lane)))
    return tuple(edges)


def _replace_path(old: MapBox, new: MapBox) -> str:
    """Left to right as a smooth curve; within a column (or backwards) round the boxes' right side."""
    y1, y2 = old.y + old.height // 2, new.y + new.height // 2
    if new.x > old.right:
        mid = (old.right + new.x) // 2
        return f"M{old.right},{y1} C{mid},{y1} {mid},{y2} {new.x - 2},{y2}"
    out = max(old.right, new.right) + 6
    return f"M{old.right},{y1} H{out} V{y2} H{new.right + 2}"


def _lane_path(needed: MapBox, module: MapBox, lane: int) -> str:
    """From the lower right of what is built on, along a lane right of the column, into the upper right of the module."""
    x = max(needed.right, module.right) + 8 + lane * LANE_STEP
    y1 = needed.y + (needed.height * 3) // 4
    y2 = module.y + module.height // 4
    return f"M{needed.right},{y1} H{x} V{y2} H{module.right + 2}"


def twin(c: Catalogue) -> tuple[TwinLevel, ...]:
    """The map as nested lists: per course type, each module with what it replaces and builds on."""

    def links(ids: tuple[str, ...]) -> tuple[Link, ...]:
        return tuple(Link(c.modules[i].name, urls.module(i)) for i in ids)

    levels = []
    for course_type in ladder(c):
        modules = sorted((m for m in c.modules.values() if m.course_type == course_type), key=_order)
        items = tuple(
            TwinItem(
                Link(m.name, urls.module(m.id)),
                status(m.status),
                _detail(m),
                links(m.replaces),
                links(m.replaced_by),
                links(m.requires),
            )
            for m in modules
        )
        levels.append(TwinLevel(Link(course_type.name, urls.course_type(course_type.id)), course_type.summary, items))
    return tuple(levels)
