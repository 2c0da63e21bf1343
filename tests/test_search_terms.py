"""Glossary synonyms woven into pages for search: which other names a page gets, and which it does not."""

from __future__ import annotations

import pytest

from katalog.model import GlossaryTerm
from katalog.search import Synonyms, other_names, synonyms, with_search_terms


@pytest.fixture(scope="module")
def known() -> Synonyms:
    return synonyms(
        (
            GlossaryTerm("SOSU-assistent", "sosu-assistent", "…", (), synonyms=("social- og sundhedsassistent",)),
            GlossaryTerm("Arbejdsmarkedsuddannelse", "amu", "…", (), abbreviations=("AMU",)),
            GlossaryTerm("PAU", "pau", "…", (), synonyms=("pædagogisk assistentuddannelse",)),
            GlossaryTerm("Oplæringsvejleder", "oplaeringsvejleder", "…", ()),
        )
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eleven er SOSU-assistent.", ["social- og sundhedsassistent"]),
        ("Social- og sundhedsassistent", ["SOSU-assistent"]),
        ("for SOSU-assistentelever", ["social- og sundhedsassistent"]),  # a compound starts with the name
        ("Et AMU-kursus", ["Arbejdsmarkedsuddannelse"]),
        ("Kommunen holder pause.", []),  # "AMU" is not in "kommune", "PAU" not in "pause"
        ("amu i små bogstaver", []),  # an abbreviation counts in capitals only
        ("AMU og arbejdsmarkedsuddannelse", []),  # both names are already there
        ("Oplæringsvejleder", []),  # a term without other names adds nothing
    ],
)
def test_a_page_gets_the_names_it_does_not_use(known: Synonyms, text: str, expected: list[str]) -> None:
    assert other_names(text, known) == expected


def test_terms_come_only_from_text_pagefind_indexes(known: Synonyms) -> None:
    """Cards left out of the index (data-pagefind-ignore) do not give a list page synonyms."""
    page = '<h1>Moduler</h1><div class="kat-grid" data-pagefind-ignore><p>SOSU-assistent<br>AMU</p></div>'
    assert with_search_terms(page, known) == page
    marked = with_search_terms("<p>SOSU-assistent</p>", known)
    assert marked.startswith(
        '<div class="kat-search-terms" hidden data-pagefind-weight="0.5" data-pagefind-meta="kat_terms">'
    )
    assert "social- og sundhedsassistent" in marked


def test_terms_are_escaped(known: Synonyms) -> None:
    odd = synonyms((GlossaryTerm("A&B", "ab", "…", (), synonyms=("<i>x</i>",)),))
    assert "&lt;i&gt;x&lt;/i&gt;" in with_search_terms("<p>A&amp;B</p>", odd)
