"""The real catalogue holds everything report 001 states: every fact in tests/data/completeness.yaml is one case.

The fixture lists, with the report's line numbers, every AMU number, the recommended structure, the days of every
pathway, the roles, cases, akademi modules, providers and portfolio figures. These tests load content/ the way the
site does and check each item, so a missing record or a changed number fails by name. They also hold the publication
rules the content alone decides: one name per thing, each participant counted once, no production notes in the texts
a page shows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from katalog.model import Catalogue, Module, Pathway, Structure

from .conftest import ROOT

FACTS: dict[str, Any] = yaml.safe_load((Path(__file__).parent / "data" / "completeness.yaml").read_text("utf-8"))
AMU = FACTS["amu_modules"]
RECOMMENDED = FACTS["recommended_structure"]
PATHWAYS = FACTS["pathways"]


def by_number(catalogue: Catalogue, number: int) -> Module:
    found = [m for m in catalogue.modules.values() if m.amu_number == number]
    assert len(found) == 1, f"{len(found)} moduler har fagnummer {number}"
    return found[0]


def by_title(catalogue: Catalogue, title: str, course_type: str) -> Module:
    found = [m for m in catalogue.modules.values() if m.title == title and m.course_type.id == course_type]
    assert len(found) == 1, f"{len(found)} moduler af typen {course_type} hedder {title!r}"
    return found[0]


def recommended(catalogue: Catalogue) -> Structure:
    return catalogue.structures["anbefalet"]


def placed(structure: Structure, module: Module) -> dict[str, set[str]]:
    """Return the tiers a module stands at, per track of a structure."""
    return {
        track.entry: {level.tier for level in track.levels if module in level.modules}
        for track in structure.tracks
        if any(module in level.modules for level in track.levels)
    }


def pathway_days(pathway: Pathway) -> tuple[float | None, float | None]:
    return pathway.total.low.days, pathway.total.high.days


@pytest.mark.parametrize("fact", AMU, ids=[str(f["number"]) for f in AMU])
def test_every_amu_number_in_the_report_has_its_module(catalogue: Catalogue, fact: dict[str, Any]) -> None:
    """Each fagnummer the report prints is one AMU module with the report's title, days and status."""
    module = by_number(catalogue, fact["number"])
    assert module.course_type.id == "amu"
    assert module.title == fact["title"]
    assert module.duration.days == fact["days"]
    assert module.status == fact["status"]
    if "approved" in fact:
        assert module.approved == fact["approved"]
    if "fkb" in fact:
        assert list(module.fkb) == fact["fkb"]
    for old in fact.get("replaces", []):
        assert by_number(catalogue, old).id in module.replaces


@pytest.mark.parametrize("fact", AMU, ids=[str(f["number"]) for f in AMU])
def test_participants_per_year_are_the_reports(catalogue: Catalogue, fact: dict[str, Any]) -> None:
    """Participants per module and year are Bilag 2.1's numbers, each participant under the one module they took."""
    module = by_number(catalogue, fact["number"])
    counts = {p.year: p.count for p in module.statistics.participants} if module.statistics else {}
    assert counts == fact.get("participants", {})
    if "total" in fact:
        assert sum(counts.values()) == fact["total"]


def test_the_catalogue_has_no_amu_number_the_report_lacks(catalogue: Catalogue) -> None:
    """A fagnummer that is not in the report is not in the catalogue."""
    numbers = {m.amu_number for m in catalogue.modules.values() if m.amu_number is not None}
    assert numbers == {fact["number"] for fact in AMU}


@pytest.mark.parametrize("fact", RECOMMENDED, ids=[f["id"] for f in RECOMMENDED])
def test_every_recommended_module_is_placed_in_the_structure(catalogue: Catalogue, fact: dict[str, Any]) -> None:
    """Each module of the recommended structure exists as stated and stands in the tracks its model shows."""
    module = catalogue.modules[fact["id"]]
    assert module.title == fact["title"]
    assert module.duration.days == fact["days"]
    assert module.status == fact["status"]
    tiers = placed(recommended(catalogue), module)
    assert sorted(tiers) == sorted(fact["tracks"])
    if "tier" in fact:
        assert module.tier == fact["tier"]
        assert all(found == {fact["tier"]} for found in tiers.values())


def test_the_recommended_structure_holds_nothing_else(catalogue: Catalogue) -> None:
    """The recommended structure places exactly the report's modules, twelve of them new or revised AMU."""
    modules = recommended(catalogue).modules
    assert {m.id for m in modules} == {fact["id"] for fact in RECOMMENDED}
    amu = [m for m in modules if m.course_type.id == "amu" and m.amu_number is None]
    assert len(amu) == FACTS["recommended_amu_count"]


@pytest.mark.parametrize("fact", FACTS["mapping"], ids=[str(f["from"]) for f in FACTS["mapping"]])
def test_every_current_module_is_mapped_to_the_recommended_structure(
    catalogue: Catalogue, fact: dict[str, Any]
) -> None:
    """Each module of today's structure says where its goals go, or that it is retired."""
    module = by_number(catalogue, fact["from"])
    assert module in catalogue.structures["nuvaerende"].modules
    rows = [row for row in recommended(catalogue).mapping if row.old == module]
    assert len(rows) == 1, f"{module.id} står {len(rows)} gange i mappingen"
    assert sorted(m.id for m in rows[0].new) == sorted(fact["to"])
    if not fact["to"]:
        assert module.status == "udgår"
        assert module.replaced_by == ()


def test_the_current_structure_is_fully_mapped(catalogue: Catalogue) -> None:
    """No module of today's structure is left out of the old-to-new mapping."""
    current = {m.amu_number for m in catalogue.structures["nuvaerende"].modules}
    assert current == {fact["from"] for fact in FACTS["mapping"]}


@pytest.mark.parametrize("fact", PATHWAYS, ids=[f["id"] for f in PATHWAYS])
def test_every_pathway_totals_the_days_the_report_states(catalogue: Catalogue, fact: dict[str, Any]) -> None:
    """A pathway's computed total equals the sum of the days the report gives its modules."""
    pathway = catalogue.pathways[fact["id"]]
    assert pathway.kind == fact["kind"]
    assert pathway_days(pathway) == (fact["days"], fact.get("up_to", fact["days"]))
    if "organisation" in fact:
        assert pathway.example is not None
        assert pathway.example.organisation == fact["organisation"]


def test_every_pathway_is_in_the_fixture(catalogue: Catalogue) -> None:
    """A new pathway needs its stated days recorded in the fixture too."""
    assert set(catalogue.pathways) == {fact["id"] for fact in PATHWAYS}


@pytest.mark.parametrize("role", FACTS["roles"])
def test_every_role_of_the_level_figure_exists(catalogue: Catalogue, role: str) -> None:
    """The four levels of the report's level figure are roles with a recommended level or a reason for none."""
    assert role in catalogue.roles
    assert catalogue.roles[role].recommended_level or role == "kollega"


@pytest.mark.parametrize(
    "fact", FACTS["role_entries"], ids=[f"{f['role']}-{f['entry']}" for f in FACTS["role_entries"]]
)
def test_every_role_and_entry_has_a_recommended_pathway(catalogue: Catalogue, fact: dict[str, Any]) -> None:
    """Each role the report recommends modules for has a recommended pathway for SOSU and for PAU."""
    pathway = catalogue.pathways[fact["pathway"]]
    assert pathway.role.id == fact["role"]
    assert fact["entry"] in pathway.entries
    assert (pathway.kind, pathway.structure) == ("anbefalet", "anbefalet")


@pytest.mark.parametrize("role", FACTS["no_recommended_pathway"])
def test_no_pathway_is_recommended_for_a_role_the_report_recommends_nothing_for(
    catalogue: Catalogue, role: str
) -> None:
    """A role without modules recommended in the report gets examples at most, never an 'anbefalet' pathway."""
    recommended = [p.id for p in catalogue.pathways.values() if p.role.id == role and p.kind == "anbefalet"]
    assert recommended == []


def test_akademi_modules_are_obligatory_or_elective_as_in_the_report(catalogue: Catalogue) -> None:
    """The whole Akademiuddannelse i Sundhedspraksis has the report's obligatory modules and ten electives."""
    pathway = catalogue.pathways["akademiuddannelsen-i-sundhedspraksis"]
    single = [step.modules[0].title for step in pathway.steps if not step.is_choice]
    choices = [sorted(m.title for m in step.modules) for step in pathway.steps if step.is_choice]
    assert sorted(single) == sorted(FACTS["akademi_modules"]["obligatory"])
    assert choices == [sorted(FACTS["akademi_modules"]["elective"])] * 3


@pytest.mark.parametrize("title", FACTS["akademi_modules"]["obligatory"] + FACTS["akademi_modules"]["elective"])
def test_every_akademi_module_the_report_names_exists(catalogue: Catalogue, title: str) -> None:
    """Each module in the report's table of the akademiuddannelse is an akademimodul without invented ECTS."""
    module = by_title(catalogue, title, "akademimodul")
    assert module.duration.ects is None


@pytest.mark.parametrize("label", FACTS["akademi_statistics"])
def test_akademi_figures_are_the_reports(label: str) -> None:
    """The whole akademiuddannelse carries the report's totals of students with an EUD background as data."""
    # Read from the YAML itself: the model gains pathway statistics with the view-layer rewrite.
    path = ROOT / "content" / "pathways" / "akademiuddannelsen-i-sundhedspraksis.yaml"
    figures = yaml.safe_load(path.read_text("utf-8"))["statistics"]["figures"]
    assert [f["value"] for f in figures if f["label"] == label] == [FACTS["akademi_statistics"][label]]


@pytest.mark.parametrize("name", FACTS["providers"])
def test_every_school_in_the_provider_table_is_a_provider(catalogue: Catalogue, name: str) -> None:
    """Each of the 14 schools offers at least the basis module 48256, as the report says all do."""
    found = [p for p in catalogue.providers.values() if p.name == name]
    assert len(found) == 1
    assert by_number(catalogue, 48256) in found[0].modules


def test_there_are_exactly_the_reports_providers(catalogue: Catalogue) -> None:
    """No school is added or lost: 'I alt 14 skoler'."""
    assert sorted(p.name for p in catalogue.providers.values()) == sorted(FACTS["providers"])


def test_portfolio_participants_per_year_are_the_reports(catalogue: Catalogue) -> None:
    """The current structure carries Bilag 2.1's row 'I alt' and its total."""
    statistics = catalogue.structures["nuvaerende"].statistics
    assert statistics is not None
    assert {p.year: p.count for p in statistics.participants} == FACTS["portfolio"]["participants"]
    totals = [f.value for f in statistics.figures if f.unit == "deltagere" and f.period == "2017-2022"]
    assert FACTS["portfolio"]["total"] in totals


def test_every_participant_is_counted_once(catalogue: Catalogue) -> None:
    """The modules' participants add up to the portfolio's row 'I alt' each year, plus only what that row leaves out."""
    statistics = catalogue.structures["nuvaerende"].statistics
    assert statistics is not None
    per_year: dict[int, int] = {}
    for module in catalogue.modules.values():
        for count in module.statistics.participants if module.statistics else ():
            per_year[count.year] = per_year.get(count.year, 0) + count.count
    left_out = FACTS["portfolio"]["left_out"]
    assert per_year == {p.year: p.count + left_out.get(p.year, 0) for p in statistics.participants}


@pytest.mark.parametrize("outcome", FACTS["portfolio"]["exams"])
def test_exam_results_are_the_reports(catalogue: Catalogue, outcome: str) -> None:
    """Each row of the exam table is on the current structure, per year and in total, in per cent."""
    statistics = catalogue.structures["nuvaerende"].statistics
    assert statistics is not None
    found = {f.period: f.value for f in statistics.figures if f.label == f"Prøver: {outcome}" and f.unit == "%"}
    assert found == FACTS["portfolio"]["exams"][outcome]


# The report gives the recommended simulation module exactly the title of today's 20956 (L441-444, L530-533, L621 and
# L2201). Official titles stay as printed; status and short title tell the two apart.
SAME_TITLE_IN_THE_REPORT = {frozenset({"simulation-som-paedagogisk-metode", "simulation-anbefalet"})}


def test_every_module_has_its_own_short_title(catalogue: Catalogue) -> None:
    """Each module has one short title for cards and lists, and no two modules share it."""
    names = Counter((m.short_title or "").casefold() for m in catalogue.modules.values())
    assert "" not in names
    assert [name for name, n in names.items() if n > 1] == []


def test_no_two_modules_share_a_title_and_course_type(catalogue: Catalogue) -> None:
    """Official titles are unique within a course type, except where the report names two modules alike."""
    groups: defaultdict[tuple[str, str], list[Module]] = defaultdict(list)
    for module in catalogue.modules.values():
        groups[(module.title.casefold(), module.course_type.id)].append(module)
    shared = [group for group in groups.values() if len(group) > 1]
    assert {frozenset(m.id for m in group) for group in shared} == SAME_TITLE_IN_THE_REPORT
    assert all(len({m.status for m in group}) == len(group) for group in shared)


def test_no_two_pages_share_a_visible_title(catalogue: Catalogue) -> None:
    """Modules (by short title), pathways, roles, course types, structures and providers each have a name of their own."""
    names = Counter(
        name.casefold()
        for name in [
            *(m.short_title or m.title for m in catalogue.modules.values()),
            *(p.title for p in catalogue.pathways.values()),
            *(r.title for r in catalogue.roles.values()),
            *(c.name for c in catalogue.course_types.values()),
            *(s.title for s in catalogue.structures.values()),
            *(p.name for p in catalogue.providers.values()),
        ]
    )
    assert [name for name, n in names.items() if n > 1] == []


# How editors talk about the text extract, never how a reader needs it said: line numbers, the extract itself, lost
# colours or cells, glued footnote marks, "Slutning" (an inference belongs under 'inferred') and notes to check later.
PRODUCTION_NOTE = re.compile(
    r"\blinje(?:r|n|rne)?\s+\d|\bL\d{2,4}\b|udtræk|farvemarkering|gået tabt|\bslutning\b|usikker placering"
    r"|bør tjekkes|fodnotemærke|påhæftet|hæftet på|se kommentaren|content/|\.yaml\b",
    re.IGNORECASE,
)
# Keys whose values are for editors or are the report's own words: where a fact stands, and names.
EDITOR_KEYS = {"id", "file", "document", "section", "lines"}


def reader_texts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (field path, text) for every string a page can show."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in EDITOR_KEYS:
                yield from reader_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from reader_texts(item, f"{path}[{index}]")
    elif isinstance(node, str):
        yield path, node


CONTENT_FILES = sorted((ROOT / "content").rglob("*.yaml"))


@pytest.mark.parametrize("path", CONTENT_FILES, ids=[str(p.relative_to(ROOT / "content")) for p in CONTENT_FILES])
def test_no_production_note_reaches_readers(path: Path) -> None:
    """Notes on how the text extract was read stay in YAML comments, out of every text a page shows."""
    found = [
        f"{field}: {text[:80]}"
        for field, text in reader_texts(yaml.safe_load(path.read_text("utf-8")))
        if PRODUCTION_NOTE.search(text)
    ]
    assert found == []


RECORD_FILES = sorted([*(ROOT / "content" / "modules").glob("*.yaml"), *(ROOT / "content" / "pathways").glob("*.yaml")])


@pytest.mark.parametrize("path", RECORD_FILES, ids=[p.stem for p in RECORD_FILES])
def test_what_is_marked_inferred_is_there_and_not_also_unknown(path: Path) -> None:
    """A field marked 'skønnet ud fra rapporten' has a value, and a field cannot be both judged and unknown."""
    record = yaml.safe_load(path.read_text("utf-8"))
    inferred = set(record.get("inferred", []))
    assert inferred <= set(record), f"markeret som skønnet, men uden værdi: {sorted(inferred - set(record))}"
    assert inferred.isdisjoint(record.get("unknown", []))


def test_glossary_has_enough_terms_with_synonyms(catalogue: Catalogue) -> None:
    """At least 40 glossary terms carry synonyms or abbreviations for the search."""
    with_synonyms = [t for t in catalogue.glossary if t.synonyms or t.abbreviations]
    assert len(with_synonyms) >= FACTS["glossary_terms_with_synonyms"]


def test_every_record_cites_the_report_it_comes_from(catalogue: Catalogue) -> None:
    """Modules, pathways, roles, structures and providers all cite at least one seed with a line number."""
    records = [
        *catalogue.modules.values(),
        *catalogue.pathways.values(),
        *catalogue.roles.values(),
        *catalogue.structures.values(),
        *catalogue.providers.values(),
    ]
    uncited = [r.id for r in records if not any(s.document in catalogue.documents and s.lines for s in r.sources)]
    assert uncited == []
