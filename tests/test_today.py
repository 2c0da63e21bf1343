"""What can be taken today: derived from `replaces`, counted once, and the first course for each role."""

from __future__ import annotations

import pytest

from katalog import vocab
from katalog.model import Catalogue
from katalog.today import can_take_today, covered_today_by, start_here, today_version


def test_a_proposed_module_is_covered_today_by_what_it_replaces(catalogue: Catalogue) -> None:
    """SOSU basis (a proposal) is covered today by 49970, 11 days."""
    covered = covered_today_by(catalogue, catalogue.modules["sosu-basis"])
    assert [(m.amu_number, m.duration.days) for m in covered] == [(49970, 11)]


def test_a_module_that_can_be_taken_today_covers_itself(catalogue: Catalogue) -> None:
    """49970 is its own today-version."""
    basis = catalogue.modules["oplaeringsvejleder-basis"]
    assert can_take_today(basis) and covered_today_by(catalogue, basis) == (basis,)


def test_one_current_module_covering_two_proposals_is_counted_once(catalogue: Catalogue) -> None:
    """PAU basis A (5 days) and B (6 days) are both covered by 49970: today is 11 days, not 22."""
    version = today_version(catalogue, catalogue.pathways["daglig-vejleder-pau"])
    assert version is not None
    assert [m.amu_number for m in version.modules] == [49970, 48382]
    assert vocab.duration_range(version.total) == "11-14 dage"
    assert [s.counted_before for s in version.steps] == [False, True, False]


def test_the_sosu_pathway_reads_today_and_next_side_by_side(catalogue: Catalogue) -> None:
    """'i dag: 49970, 11 dage' beside 'fremover: SOSU basis, 11 dage'."""
    version = today_version(catalogue, catalogue.pathways["daglig-vejleder-sosu"])
    assert version is not None
    first = version.steps[0]
    assert [m.id for m in first.step.modules] == ["sosu-basis"]
    assert [(m.amu_number, vocab.duration(m.duration)) for m in first.today] == [(49970, "11 dage")]


def test_a_proposal_with_nothing_behind_it_is_said_to_be_uncovered(catalogue: Catalogue) -> None:
    """The new coordination module has no current counterpart; the today-version says so, not 0 days of it."""
    version = today_version(catalogue, catalogue.pathways["koordinator"])
    assert version is not None
    assert "koordinering-af-uddannelse" in [m.id for m in version.uncovered]


def test_a_pathway_of_current_modules_has_no_separate_today_version(catalogue: Catalogue) -> None:
    """A typical pathway of today is already today's."""
    assert today_version(catalogue, catalogue.pathways["typisk-daglig-vejleder-i-dag"]) is None


@pytest.mark.parametrize("entry", ["sosu", "pau"])
def test_a_new_daily_vejleder_starts_with_49970(catalogue: Catalogue, entry: str) -> None:
    """Start her for a daglig vejleder, SOSU or PAU: the current basis module, 11 days."""
    start = start_here(catalogue, "daglig-vejleder", entry)
    assert start is not None
    assert (start.first.amu_number, start.first.duration.days) == (49970, 11)


def test_a_coordinator_starts_with_a_short_course_that_exists(catalogue: Catalogue) -> None:
    """The coordinator's recommended entry is new; today's first course is the existing 49384."""
    start = start_here(catalogue, "koordinator", "sosu")
    assert start is not None and start.first.amu_number == 49384


def test_every_role_with_a_pathway_has_a_start_that_can_be_taken_today(catalogue: Catalogue) -> None:
    """For each role and entry with a pathway, Start her names a module that can be taken today."""
    for role in catalogue.roles.values():
        for entry in vocab.ENTRIES:
            has_pathway = any(
                p.role == role and entry in p.entries and p.kind != "eksempel" for p in catalogue.pathways.values()
            )
            start = start_here(catalogue, role.id, entry)
            assert (start is not None) == has_pathway, (role.id, entry)
            assert start is None or can_take_today(start.first)
