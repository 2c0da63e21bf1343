"""Issue 14 data: the leaders' guide, the dated web sources and 'Start her' on every role, read from content/."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from katalog.catalogue import load_catalogue
from katalog.kinds import GUIDE, MODULE, ROLE, SOURCES
from katalog.load import ContentTree, load_tree
from katalog.search import Synonyms, other_names, synonyms

from .conftest import ROOT

ENTRIES = ("sosu", "pau")


@pytest.fixture(scope="module")
def tree() -> ContentTree:
    return load_tree(ROOT / "content")


def records(tree: ContentTree, kind: Any) -> dict[str, dict[str, Any]]:
    return {doc.data["id"]: doc.data for doc in tree.of(kind)}


def web_pages(tree: ContentTree) -> list[dict[str, Any]]:
    return [page for doc in tree.of(SOURCES) for page in doc.data.get("web_pages", [])]


def test_the_leaders_guide_has_before_during_and_after(tree: ContentTree) -> None:
    """The guide for leaders is written to the leader role and has a 'før', an 'under' and an 'efter' section."""
    guide = records(tree, GUIDE)["ledere"]
    assert guide["audience"] == "leder"
    phases = [section["phase"] for section in guide["sections"]]
    assert {"før", "under", "efter"} <= set(phases)
    assert phases.index("før") < phases.index("under") < phases.index("efter")


def test_every_guide_step_has_a_source(tree: ContentTree) -> None:
    """No advice or fact in a guide stands without a source document and section."""
    for guide_id, guide in records(tree, GUIDE).items():
        for s, section in enumerate(guide["sections"]):
            assert section["steps"], f"{guide_id}: sections[{s}] has no steps"
            for n, step in enumerate(section["steps"]):
                sources = step.get("sources", [])
                assert sources, f"{guide_id}: sections[{s}].steps[{n}] has no source"
                assert all(source.get("document") and source.get("section") for source in sources)


def test_the_guide_has_a_practical_section_citing_official_pages(tree: ContentTree) -> None:
    """'Praktisk: tilmelding og betaling' cites at least one dated web page and lists what no source gives."""
    guide = records(tree, GUIDE)["ledere"]
    practical = next(section for section in guide["sections"] if section["phase"] == "praktisk")
    known = {page["id"] for page in web_pages(tree)}
    cited = {source["document"] for step in practical["steps"] for source in step["sources"]}
    assert cited & known
    assert practical.get("unknown"), "the practical section must say which facts no source gives"


def test_every_web_source_has_an_address_and_a_read_date(tree: ContentTree) -> None:
    """Each official web page carries an https address and the ISO day it was read (and a real calendar day)."""
    pages = web_pages(tree)
    assert pages
    for page in pages:
        assert page.get("url", "").startswith("https://"), page.get("id")
        read = datetime.date.fromisoformat(page.get("read", ""))
        if "page_updated" in page:
            assert datetime.date.fromisoformat(page["page_updated"]) <= read, page["id"]


def test_every_web_source_is_cited(tree: ContentTree) -> None:
    """A web page in content/sources.yaml is there because some fact cites it."""
    cited = {
        source["document"]
        for kind in (GUIDE, ROLE)
        for record in records(tree, kind).values()
        for source in _all_sources(record)
    }
    assert {page["id"] for page in web_pages(tree)} <= cited


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_role_says_where_to_start_for_each_entry(tree: ContentTree, entry: str) -> None:
    """Each role has exactly one 'Start her' item per entry: a current module, or a note saying why there is none."""
    for role_id, role in records(tree, ROLE).items():
        items = [item for item in role.get("start_here", []) if item["entry"] == entry]
        assert len(items) == 1, f"{role_id}: {len(items)} start_here items for {entry}"
        assert items[0].get("module") or items[0].get("note"), role_id


def test_start_here_names_a_module_that_can_be_taken_today(tree: ContentTree) -> None:
    """The first module is 'gældende', has an AMU number and days, and is open to the entry it is named for."""
    modules = records(tree, MODULE)
    for role_id, role in records(tree, ROLE).items():
        for item in role.get("start_here", []):
            if "module" not in item:
                continue
            module = modules[item["module"]]
            where = f"{role_id} {item['entry']}: {item['module']}"
            assert module["status"] == "gældende", where
            assert module.get("amu_number") and module.get("duration", {}).get("days"), where
            assert item["entry"] in module.get("entries", []), where
            for later in item.get("next_modules", []):
                assert item["entry"] in modules[later].get("entries", []), f"{where} → {later}"


def _all_sources(data: Any) -> list[dict[str, Any]]:
    """Every source reference anywhere in a record, however deep."""
    if isinstance(data, dict):
        found = [s for s in data.get("sources", []) if isinstance(s, dict)] if "sources" in data else []
        return found + [s for key, value in data.items() if key != "sources" for s in _all_sources(value)]
    if isinstance(data, list):
        return [s for item in data for s in _all_sources(item)]
    return []


SEARCH_WORDS = ("pris", "koster", "betaling", "tilmelding", "VEU", "leder", "hvor kan jeg tage", "første kursus")


@pytest.fixture(scope="module")
def known_names() -> Synonyms:
    return synonyms(load_catalogue(ROOT / "content", ROOT / "schemas").glossary)


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_issue_14_search_words_are_glossary_names(known_names: Synonyms, word: str) -> None:
    """Each reader's word from issue 14 is a glossary name, so pages about that thing are found by it."""
    assert word.casefold() in {name.casefold() for name in known_names.group_of}


@pytest.mark.parametrize(
    ("section", "words"),
    [("praktisk", {"pris", "koster", "hvad koster det", "VoksenUddannelse.dk"}), ("før", {"leder", "første kursus"})],
)
def test_guide_text_gets_the_readers_words(
    tree: ContentTree, known_names: Synonyms, section: str, words: set[str]
) -> None:
    """Text from the guide's sections, shown on a page, brings the readers' own words into the search index."""
    guide = records(tree, GUIDE)["ledere"]
    chosen = next(s for s in guide["sections"] if s["phase"] == section)
    text = " ".join([chosen["title"], chosen.get("intro", ""), *(step["text"] for step in chosen["steps"])])
    assert words <= set(other_names(text, known_names)) | {w for w in words if w.lower() in text.lower()}
