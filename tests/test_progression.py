"""The progression map: layout, relations drawn, determinism, and the HTML the site and the book get."""

from __future__ import annotations

import dataclasses
import re
from itertools import combinations

import pytest

from katalog import urls
from katalog.catalogue import load_catalogue
from katalog.model import Catalogue
from katalog.pdf import render_book_html
from katalog.render.target import BOOK, render_html, site_page
from katalog.views import catalogue_view
from katalog.views.progression import NAME_CHARS, MapBox, ProgressionMap, column_of, progression_map

from .conftest import MINI, SCHEMAS


@pytest.fixture(scope="module")
def drawn(catalogue: Catalogue) -> ProgressionMap:
    return progression_map(catalogue)


def _overlap(a: MapBox, b: MapBox) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_every_module_is_one_box_exactly_once(catalogue: Catalogue, drawn: ProgressionMap) -> None:
    """Each module of the catalogue is on the map once, linked to its own page."""
    ids = [box.id for box in drawn.boxes]
    assert sorted(ids) == sorted(catalogue.modules)
    assert all(box.url == urls.module(box.id) for box in drawn.boxes)


def test_boxes_do_not_overlap_and_stay_inside_their_drawing(drawn: ProgressionMap) -> None:
    """No two boxes of a band share a pixel, and every box lies inside its band's drawing."""
    for band in drawn.bands:
        for a, b in combinations(band.boxes, 2):
            assert not _overlap(a, b), (a.id, b.id)
        for box in band.boxes:
            assert box.x >= 0 and box.y >= 0 and box.right <= band.width and box.bottom <= band.height, box.id


def test_boxes_are_even_and_status_decides_the_column(catalogue: Catalogue, drawn: ProgressionMap) -> None:
    """All boxes have one size; in a band with several statuses, retired, today and proposed stand left to right."""
    assert len({(box.width, box.height) for box in drawn.boxes}) == 1
    amu = next(band for band in drawn.bands if band.id == "amu")
    order = {"tidligere": 0, "i-dag": 1, "forslag": 2}
    by_x = sorted(amu.boxes, key=lambda box: box.x)
    ranks = [order[column_of(catalogue.modules[box.id])] for box in by_x]
    assert ranks == sorted(ranks) and len(set(ranks)) == 3


def test_every_replacement_and_every_prerequisite_is_an_arrow(catalogue: Catalogue, drawn: ProgressionMap) -> None:
    """`replaces` gives a dashed old → new arrow and `requires` a solid one; nothing else is drawn."""
    replaced = {(old, m.id) for m in catalogue.modules.values() for old in m.replaces}
    required = {(needed, m.id) for m in catalogue.modules.values() for needed in m.requires}
    assert replaced and required
    assert {(e.source, e.target) for e in drawn.edges if e.kind == "erstatter"} == replaced
    assert {(e.source, e.target) for e in drawn.edges if e.kind == "bygger"} == required
    assert len(drawn.edges) == len(replaced) + len(required)


def _ends(path: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and last point of an SVG path made of M, C, H and V commands."""
    x = y = 0
    points = []
    for command, args in re.findall(r"([MCHV])([^MCHV]*)", path):
        numbers = [int(n) for n in re.findall(r"-?\d+", args)]
        if command == "H":
            x = numbers[-1]
        elif command == "V":
            y = numbers[-1]
        else:
            x, y = numbers[-2], numbers[-1]
        points.append((x, y))
    return points[0], points[-1]


def test_arrows_start_and_end_at_their_boxes(drawn: ProgressionMap) -> None:
    """Each arrow leaves its source box's edge and ends at its target box's edge."""
    for band in drawn.bands:
        boxes = {box.id: box for box in band.boxes}
        for edge in band.edges:
            source, target = boxes[edge.source], boxes[edge.target]
            (x1, y1), (x2, y2) = _ends(edge.path)
            assert x1 == source.right and source.y <= y1 <= source.bottom, edge
            assert x2 in (target.x - 2, target.right + 2) and target.y <= y2 <= target.bottom, edge


def test_the_map_is_the_same_whatever_order_the_files_come_in(catalogue: Catalogue, drawn: ProgressionMap) -> None:
    """Coordinates depend on the content only: the same map twice, and from the modules in reverse order."""
    assert progression_map(catalogue) == drawn
    reversed_modules = dict(reversed(list(catalogue.modules.items())))
    assert progression_map(dataclasses.replace(catalogue, modules=reversed_modules)) == drawn


def test_names_are_wrapped_to_fit_the_box(drawn: ProgressionMap) -> None:
    """A name line is at most NAME_CHARS long unless it is one word that cannot be broken."""
    for box in drawn.boxes:
        for line in box.name_lines:
            assert len(line) <= NAME_CHARS or " " not in line, (box.id, line)


def test_no_name_ends_on_a_letter_alone(drawn: ProgressionMap) -> None:
    """«SOSU/PAU overbygning B» wraps as «SOSU/PAU» / «overbygning B», never leaving «B» on a line of its own."""
    for box in drawn.boxes:
        assert len(box.name_lines) == 1 or len(box.name_lines[-1]) > 2, (box.id, box.name_lines)
    lines = {box.id: box.name_lines for box in drawn.boxes}
    assert lines["sosu-pau-overbygning-b"] == ("SOSU/PAU", "overbygning B")


def test_the_ladder_runs_from_amu_to_master_and_empty_steps_say_so(drawn: ProgressionMap) -> None:
    """Bands follow AMU → akademi → diplom → master; a course type without modules has a band without a drawing."""
    assert [band.id for band in drawn.bands] == [
        "amu",
        "akademimodul",
        "akademiuddannelse",
        "diplommodul",
        "diplomuddannelse",
        "master",
    ]
    assert [band.id for band in drawn.bands if not band.boxes] == [
        "akademiuddannelse",
        "diplommodul",
        "diplomuddannelse",
        "master",
    ]


def test_the_text_twin_has_every_module_and_relation(catalogue: Catalogue, drawn: ProgressionMap) -> None:
    """The list under the map names each module once, with what it replaces, is replaced by and builds on."""
    items = {item.link.url: item for level in drawn.twin for item in level.items}
    assert sorted(items) == sorted(urls.module(i) for i in catalogue.modules)
    for module in catalogue.modules.values():
        item = items[urls.module(module.id)]
        assert [link.url for link in item.replaces] == [urls.module(i) for i in module.replaces]
        assert [link.url for link in item.replaced_by] == [urls.module(i) for i in module.replaced_by]
        assert [link.url for link in item.builds_on] == [urls.module(i) for i in module.requires]


def test_the_mini_catalogue_gets_a_map_too() -> None:
    """A catalogue with other course types and statuses still puts every module on the map once."""
    mini = load_catalogue(MINI, SCHEMAS)
    assert sorted(box.id for box in progression_map(mini).boxes) == sorted(mini.modules)


def test_site_html_links_every_box_with_its_name_and_status(catalogue: Catalogue, drawn: ProgressionMap) -> None:
    """On the site each box is a link to its module with an accessible name that says the status."""
    html = str(render_html("html/progression.j2", site_page(urls.MAP), map=drawn, level=2))
    links = re.findall(r'<a class="kat-map__box[^"]*" href="([^"]+)" aria-label="([^"]+)" data-module="([^"]+)"', html)
    assert sorted(module_id for _, _, module_id in links) == sorted(catalogue.modules)
    for href, label, module_id in links:
        module = catalogue.modules[module_id]
        assert href == urls.module(module_id).relative("../")
        assert module.name in label.replace("&amp;", "&")
    assert 'role="group"' in html and "Kortet som liste" in html


def test_the_book_gets_the_drawings_and_the_list(catalogue: Catalogue) -> None:
    """The print HTML has the map chapter: every band's drawing (boxes without web links) and the text twin."""
    html = render_book_html(catalogue_view(catalogue))
    chapter = html[html.index(f'id="{urls.MAP.anchor}"') :]
    assert 'id="kort-amu-tegning"' in chapter and 'id="kort-akademimodul-tegning"' in chapter
    assert f'href="#{urls.module("sosu-basis").anchor}"' in chapter
    assert "Kortet som liste" in chapter
    assert str(render_html("html/progression.j2", BOOK, map=progression_map(catalogue), level=3)).count("<a class") == 0
