"""Key figures are laid out as one row per figure, or as a series when the same figure is given per period."""

from __future__ import annotations

from katalog.model import Figure
from katalog.views.figures import figure_table


def test_a_figure_given_once_stays_a_single_row() -> None:
    table = figure_table((Figure("Skoler", 14, "skoler", "2017-2022"),))
    assert [f.label for f in table.single] == ["Skoler"]
    assert table.series == () and table.periods == ()


def test_a_figure_given_per_period_becomes_a_series_with_shared_columns() -> None:
    figures = (
        Figure("Bestået", 49, "%", "2019"),
        Figure("Skoler", 14, "skoler", "2017-2022"),
        Figure("Bestået", 75, "%", "2020"),
        Figure("Udeblevet", 7, "%", "2020"),
        Figure("Udeblevet", 4, "%", "2021"),
    )
    table = figure_table(figures)
    assert [f.label for f in table.single] == ["Skoler"]
    assert table.periods == ("2019", "2020", "2021")
    assert [(s.label, s.values) for s in table.series] == [
        ("Bestået", ("49 %", "75 %", "–")),
        ("Udeblevet", ("–", "7 %", "4 %")),
    ]
