"""Numbers laid out for reading: participants per year as a chart with its table, and key figures.

Key figures are one row per figure, or one row per series when a figure is given per period.
"""

from __future__ import annotations

from dataclasses import dataclass

from katalog import vocab
from katalog.model import Catalogue, Figure, Statistics
from katalog.views.common import Citation, citations


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    text: str
    share: float
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart and the table beside it: share is the bar's length from 0 to 1."""

    id: str
    title: str
    caption: str
    bars: tuple[Bar, ...]

    @property
    def notes(self) -> bool:
        return any(bar.note for bar in self.bars)


@dataclass(frozen=True, slots=True)
class SingleFigure:
    label: str
    value: str
    period: str


@dataclass(frozen=True, slots=True)
class Series:
    """A figure given for several periods, e.g. an exam result per year."""

    label: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureTable:
    single: tuple[SingleFigure, ...]
    periods: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True, slots=True)
class StatisticsView:
    name: str
    chart: Chart | None
    figures: FigureTable | None
    sources: tuple[Citation, ...]


def statistics_view(record_id: str, name: str, statistics: Statistics, c: Catalogue) -> StatisticsView:
    rows = statistics.participants
    chart = (
        chart_of(
            f"chart-{record_id}",
            f"Deltagere pr. år i {name}",
            "Deltagere pr. år",
            [(str(p.year), p.count, p.note) for p in rows],
        )
        if rows
        else None
    )
    figures = figure_table(statistics.figures) if statistics.figures else None
    return StatisticsView(name, chart, figures, citations(statistics.sources, c))


def chart_of(chart_id: str, title: str, caption: str, rows: list[tuple[str, int, str | None]]) -> Chart:
    top = max((value for _, value, _ in rows), default=0) or 1
    bars = tuple(Bar(label, value, vocab.number(value), value / top, note) for label, value, note in rows)
    return Chart(chart_id, title, caption, bars)


def _value(figure: Figure | None) -> str:
    if figure is None:
        return "–"
    return vocab.number(figure.value) + (f" {figure.unit}" if figure.unit else "")


def figure_table(figures: tuple[Figure, ...]) -> FigureTable:
    """Group figures by label: labels seen once stay single, labels seen per period become a series."""
    by_label: dict[str, list[Figure]] = {}
    for figure in figures:
        by_label.setdefault(figure.label, []).append(figure)
    single = tuple(
        SingleFigure(group[0].label, _value(group[0]), group[0].period or "")
        for group in by_label.values()
        if len(group) == 1
    )
    grouped = [group for group in by_label.values() if len(group) > 1]
    periods = tuple(dict.fromkeys(f.period or "" for group in grouped for f in group))
    series = tuple(
        Series(group[0].label, tuple(_value(next((f for f in group if (f.period or "") == p), None)) for p in periods))
        for group in grouped
    )
    return FigureTable(single, periods, series)
