"""Key figures laid out for reading: one row per figure, or one row per series when a figure is given per period."""

from __future__ import annotations

from dataclasses import dataclass

from katalog.model import Figure


@dataclass(frozen=True)
class Series:
    """A figure given for several periods, e.g. an exam result per year."""

    label: str
    unit: str | None
    values: dict[str, float]


@dataclass(frozen=True)
class FigureTable:
    single: tuple[Figure, ...]
    periods: tuple[str, ...]
    series: tuple[Series, ...]


def figure_table(figures: tuple[Figure, ...]) -> FigureTable:
    """Group figures by label: labels seen once stay single, labels seen per period become a series."""
    by_label: dict[str, list[Figure]] = {}
    for figure in figures:
        by_label.setdefault(figure.label, []).append(figure)
    single = tuple(group[0] for group in by_label.values() if len(group) == 1)
    grouped = [group for group in by_label.values() if len(group) > 1]
    periods = tuple(dict.fromkeys(f.period or "" for group in grouped for f in group))
    series = tuple(Series(group[0].label, group[0].unit, {f.period or "": f.value for f in group}) for group in grouped)
    return FigureTable(single, periods, series)
