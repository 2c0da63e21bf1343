"""The model: resolved references and computed values, never typed by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from katalog import vocab as labels
from katalog.catalogue import load_catalogue, slugify
from katalog.model import Catalogue, Duration, DurationRange, Step

from .conftest import MINI, SCHEMAS


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(MINI, SCHEMAS)


def test_pathway_total_is_summed_from_its_modules(catalogue: Catalogue) -> None:
    """11 + 6 days, plus an optional choice of 5 or 11 days, is 17-28 days."""
    total = catalogue.pathways["sosu-vejleder"].total
    assert total == DurationRange(Duration(days=17), Duration(days=28))
    assert labels.duration_range(total) == "17-28 dage"


def test_nested_pathway_adds_days_and_ects(catalogue: Catalogue) -> None:
    """A pathway that includes another adds its total; ECTS and days are kept apart."""
    total = catalogue.pathways["koordinator"].total
    assert total.low == Duration(days=17, ects=10)
    assert labels.duration_range(total) == "17-28 dage og 10 ECTS"


def test_module_back_references(catalogue: Catalogue) -> None:
    """A module knows its pathways, providers and structures without the YAML saying so."""
    basis = catalogue.modules["basis"]
    assert [p.id for p in catalogue.pathways_of(basis)] == ["koordinator", "sosu-vejleder"]
    assert [p.id for p in catalogue.providers_of(basis)] == ["sosu-skole"]
    assert [s.id for s in catalogue.structures_with(basis)] == ["anbefalet"]


def test_replacement_chain_is_followed(catalogue: Catalogue) -> None:
    """'Replaced by' resolves to modules."""
    old = catalogue.modules["gammel-basis"]
    assert [m.id for m in catalogue.successors(old)] == ["basis"]


def test_references_are_resolved_objects(catalogue: Catalogue) -> None:
    """A module's course type and roles are records, not strings."""
    basis = catalogue.modules["basis"]
    assert basis.course_type.short_name == "AMU"
    assert [r.title for r in basis.roles] == ["Daglig oplæringsvejleder"]


def test_optional_step_starts_at_zero_in_its_own_units(catalogue: Catalogue) -> None:
    """An optional step reads '0-4 dage', never 'ikke oplyst til 4 dage'; beside ECTS it stays in days."""
    optional = Step((replace(catalogue.modules["simulation"], duration=Duration(days=4)),), optional=True)
    assert labels.duration_range(optional.duration) == "0-4 dage"
    required = Step((catalogue.modules["paedagogik"],))
    assert labels.duration_range(optional.duration + required.duration) == "0-4 dage og 10 ECTS"


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Ældre og sårbare", "aeldre-og-saarbare"), ("Grøn omstilling", "groen-omstilling"), ("SOSU/PAU", "sosu-pau")],
)
def test_slugs_keep_danish_letters_readable(text: str, slug: str) -> None:
    """æ, ø and å become ae, oe and aa."""
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("value", "text"),
    [(1374, "1.374"), (2.5, "2,5"), (12270, "12.270"), (11, "11")],
)
def test_numbers_are_formatted_the_danish_way(value: float, text: str) -> None:
    """Thousands with a dot, decimals with a comma."""
    assert labels.number(value) == text


def test_a_module_without_stated_length_makes_a_total_incomplete_not_shorter() -> None:
    """A step whose module has no length is flagged, and the total says so instead of counting it as nothing."""
    known = DurationRange(Duration(days=2), Duration(days=4))
    unknown = DurationRange(Duration(), Duration(), incomplete=True)
    total = known + unknown
    assert total.incomplete and not known.incomplete
    assert labels.duration_range(total) == "2-4 dage plus moduler uden oplyst længde"
    assert labels.duration_range(unknown) == "ikke oplyst"
