"""«Find din vej»: the next steps for a role and entry after the modules taken, on the real catalogue."""

from __future__ import annotations

import json

import pytest

from katalog import vocab
from katalog.catalogue import load_catalogue
from katalog.export import data_date
from katalog.model import Catalogue
from katalog.planner import Plan, covered, module_by_amu, plan
from katalog.render.planner import data_script, planner_html
from katalog.views.planner import planner_data, total_days

from .conftest import MINI, ROOT, SCHEMAS


@pytest.fixture(scope="module")
def real() -> Catalogue:
    return load_catalogue(ROOT / "content", SCHEMAS)


@pytest.fixture(scope="module")
def mini() -> Catalogue:
    return load_catalogue(MINI, SCHEMAS)


def ids(steps: tuple[object, ...]) -> list[list[str]]:
    return [[m.id for m in step.options] for step in steps]  # type: ignore[attr-defined]


def amu(steps: tuple[object, ...]) -> list[list[int | None]]:
    return [[m.amu_number for m in step.options] for step in steps]  # type: ignore[attr-defined]


ROLES = ["koordinator", "fuldtidsvejleder", "daglig-vejleder", "kollega", "leder"]


def test_the_real_catalogue_has_the_roles_the_enumeration_names(real: Catalogue) -> None:
    """The role × entry enumeration below covers every role of the real catalogue."""
    assert sorted(real.roles) == sorted(ROLES)


@pytest.mark.parametrize("entry", sorted(vocab.ENTRIES))
@pytest.mark.parametrize("role", ROLES)
def test_every_role_and_entry_gets_an_answer(real: Catalogue, role: str, entry: str) -> None:
    """Every role × entry has next steps both today and in the recommended structure, before anything is taken."""
    found = plan(real, role, entry)
    assert not found.is_empty
    assert found.today, "nothing to take today"
    assert found.recommended, "nothing in the recommended structure"
    assert found.candidates.pathway is not None


@pytest.mark.parametrize("entry", sorted(vocab.ENTRIES))
@pytest.mark.parametrize("role", ["daglig-vejleder", "koordinator"])
def test_every_role_and_entry_of_the_mini_catalogue_gets_an_answer(mini: Catalogue, role: str, entry: str) -> None:
    """A catalogue without the real roles' pathways still answers every role × entry."""
    assert not plan(mini, role, entry).is_empty


def test_a_new_daily_sosu_vejleder_takes_49970_today_and_sosu_basis_in_the_recommended_structure(
    real: Catalogue,
) -> None:
    """Daily vejleder, SOSU, nothing taken: 49970 and the optional 48382 today, SOSU basis and ajourføring later."""
    found = plan(real, "daglig-vejleder", "sosu")
    assert amu(found.today) == [[49970], [48382]]
    assert [s.optional for s in found.today] == [False, True]
    assert ids(found.recommended) == [["sosu-basis"], ["sosu-pau-ajourfoering"]]
    assert total_days(found.today) == "11-14 dage"
    assert total_days(found.recommended) == "11-15 dage"


def test_the_retired_48256_counts_as_its_replacements(real: Catalogue) -> None:
    """48256 (nedlagt) counts as 49970 and as the proposed bases that take over from 49970."""
    done = covered(real, [module_by_amu(real)[48256].id])
    assert {"praktikvejleder-basis", "oplaeringsvejleder-basis", "sosu-basis", "pau-basis-a", "pau-basis-b"} <= done


def test_after_48256_a_daily_pau_vejleder_has_only_the_optional_update_left(real: Catalogue) -> None:
    """A PAU vejleder with the retired 48256 needs no basis again: only the optional ajourføring is left."""
    found = plan(real, "daglig-vejleder", "pau", ["praktikvejleder-basis"])
    assert amu(found.today) == [[48382]]
    assert ids(found.recommended) == [["sosu-pau-ajourfoering"]]
    assert total_days(found.today) == "0-3 dage"
    assert total_days(found.recommended) == "0-4 dage"


def test_a_module_taken_today_counts_in_the_recommended_structure(real: Catalogue) -> None:
    """48381 (overbygning, 12 days) crosses off SOSU overbygning A and B, which it is replaced by."""
    found = plan(real, "fuldtidsvejleder", "sosu", ["oplaeringsvejleder-basis", "praktikvejleder-overbygning"])
    assert ["sosu-overbygning-a"] not in ids(found.recommended)
    assert ["sosu-pau-overbygning-b"] not in ids(found.recommended)
    assert [48381] not in amu(found.today)


def test_taking_one_option_of_a_choice_crosses_off_the_whole_choice(real: Catalogue) -> None:
    """A specialisation taken (20813) is the one chosen: the 'one of' step is gone today and in the structure."""
    found = plan(real, "fuldtidsvejleder", "sosu", ["digitale-vejlederkompetencer"])
    assert not any(len(step.options) > 1 for step in found.today)
    assert not any(len(step.options) > 1 for step in found.recommended)


def test_one_current_module_covering_two_proposed_steps_is_counted_once_today(real: Catalogue) -> None:
    """48381 covers both SOSU overbygning A and B today; it is one step of 12 days, not two."""
    found = plan(real, "fuldtidsvejleder", "sosu")
    assert amu(found.today).count([48381]) == 1


def test_an_unknown_length_is_never_counted_as_nothing(real: Catalogue) -> None:
    """The akademi module has no stated length: the days away say so instead of adding 0."""
    found = plan(real, "fuldtidsvejleder", "sosu", ["oplaeringsvejleder-basis"])
    assert found.today_total.incomplete
    assert total_days(found.today).endswith("(plus moduler uden oplyst længde)")


def test_nothing_left_is_zero_days(real: Catalogue) -> None:
    """When every step is taken, the days away are 0, not 'unknown'."""
    found = plan(real, "daglig-vejleder", "sosu", ["oplaeringsvejleder-basis", "praktikvejleder-ajourfoering"])
    assert found.today == () and found.recommended == ()
    assert total_days(found.today) == "0 dage"


def test_proposals_nothing_covers_today_are_named(real: Catalogue) -> None:
    """The coordinator's new module cannot be taken today; the plan says so rather than leaving it out silently."""
    found = plan(real, "koordinator", "sosu")
    assert "koordinering-af-uddannelse" in [m.id for m in found.candidates.not_today]
    assert amu(found.today) == [[49384]]


def test_the_way_on_to_akademi_is_shown(real: Catalogue) -> None:
    """The coordinator's plan continues with the Akademiuddannelse in Sundhedspraksis, outside AMU."""
    further = plan(real, "koordinator", "pau").candidates.further
    assert "akademiuddannelsen-i-sundhedspraksis" in [r.id for r in further]


@pytest.mark.parametrize(("role", "nearest"), [("kollega", "daglig-vejleder"), ("leder", "koordinator")])
def test_a_role_without_a_pathway_gets_the_nearest_one_and_its_own_note(
    real: Catalogue, role: str, nearest: str
) -> None:
    """Kollega and leder have no pathway: the plan says so, uses the nearest role's, and keeps the role's note."""
    found: Plan = plan(real, role, "sosu")
    assert found.candidates.nearest
    assert found.candidates.pathway is not None and found.candidates.pathway.role.id == nearest
    assert found.candidates.note


def test_the_leader_is_pointed_to_the_leaders_guide(real: Catalogue) -> None:
    """The leader's plan links the guide written for leaders."""
    assert [g.id for g in plan(real, "leder", "pau").candidates.guides] == ["ledere"]


def test_unknown_ids_in_a_shared_address_are_ignored(real: Catalogue) -> None:
    """A mistyped module id in a link changes nothing."""
    assert plan(real, "daglig-vejleder", "sosu", ["findes-ikke"]) == plan(real, "daglig-vejleder", "sosu")


def test_the_page_data_has_every_role_and_entry_and_every_amu_number(real: Catalogue) -> None:
    """The script's data holds a plan for every role × entry and looks up every AMU number, retired ones too."""
    data = planner_data(real)
    assert set(data["plans"]) == {f"{r}/{e}" for r in real.roles for e in vocab.ENTRIES}
    assert data["amu"]["48256"] == "praktikvejleder-basis"
    assert set(data["covers"]["praktikvejleder-basis"]) >= {"oplaeringsvejleder-basis", "sosu-basis"}


def test_no_value_can_end_the_data_script_early() -> None:
    """A '</script>' in a title stays inside the JSON: <, > and & are escaped."""
    html = data_script({"title": "</script><script>alert(1)</script> & co"})
    assert html.count("</script>") == 1
    inner = html.removeprefix('<script type="application/json" id="kat-plan-data">').removesuffix("</script>")
    assert json.loads(inner)["title"].startswith("</script>")


def test_the_page_without_script_lists_every_role_pathway_as_a_plain_link(real: Catalogue) -> None:
    """The rendered page links every pathway by role, and the form waits hidden for the script."""
    html = str(planner_html(real))
    for pathway in real.pathways.values():
        assert f'href="../forloeb/{pathway.id}/"' in html
    assert '<form class="kat-plan-form" data-kat-planner hidden>' in html


def test_the_planner_page_says_the_data_date(real: Catalogue) -> None:
    """The printed plan carries the date of the data it was made from."""
    html = str(planner_html(real))
    assert f"Data fra {vocab.date(data_date(real))}" in html


def test_ids_are_module_ids(real: Catalogue) -> None:
    """Every module the plan data names exists in the data's module table."""
    data = planner_data(real)
    named = {i for p in data["plans"].values() for s in p["today"] + p["recommended"] for i in s["options"]}
    assert named <= set(data["modules"])
