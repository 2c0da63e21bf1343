"""Site search with Pagefind: glossary synonyms woven into pages, and the index built from the finished site.

Pagefind has no synonym list of its own, so a page that says "SOSU-assistent" gets the other names of the
same thing from the glossary ("social- og sundhedsassistent") as hidden, indexed text; either name then
finds it. Danish stemming comes from Pagefind itself, from `<html lang="da">`.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from katalog.model import GlossaryTerm

BUNDLE = "pagefind"  # the folder in the site Pagefind writes its index and UI into


@dataclass(frozen=True)
class IndexReport:
    pages: int
    bytes: int


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is Pagefind's own output."""


@dataclass(frozen=True)
class Synonyms:
    """The glossary's names for the same thing, ready to look up in page text in one pass."""

    groups: tuple[tuple[str, ...], ...]
    pattern: re.Pattern[str] | None
    group_of: dict[str, tuple[int, ...]]


def synonyms(glossary: tuple[GlossaryTerm, ...]) -> Synonyms:
    """Every glossary term with its abbreviations and synonyms: the names that should find each other."""
    groups = []
    for term in glossary:
        names = tuple(dict.fromkeys((term.term, *term.abbreviations, *term.synonyms)))
        if len(names) > 1:
            groups.append(names)
    group_of: dict[str, list[int]] = {}
    for number, names in enumerate(groups):
        for name in names:
            group_of.setdefault(name.casefold(), []).append(number)

    # Longest first, so "social- og sundhedsassistent" wins over a shorter name inside it. A name must start a
    # word but may go on into a compound ("SOSU-assistentelever"), as Pagefind's own prefix search does.
    # Abbreviations match in capitals only, so "PAU" is not found in "pause".
    def alternative(name: str) -> str:
        return re.escape(name) if name.isupper() else f"(?i:{re.escape(name)})"

    every_name = sorted({name for group in groups for name in group}, key=lambda name: (-len(name), name))
    alternatives = "|".join(alternative(name) for name in every_name)
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})") if alternatives else None
    return Synonyms(tuple(groups), pattern, {name: tuple(numbers) for name, numbers in group_of.items()})


def other_names(text: str, known: Synonyms) -> list[str]:
    """The names a text does not use for the things it mentions, in glossary order."""
    if known.pattern is None:
        return []
    used = {match.casefold() for match in known.pattern.findall(text)}
    mentioned = sorted({number for name in used for number in known.group_of[name]})
    missing: list[str] = []
    for number in mentioned:
        missing += [name for name in known.groups[number] if name.casefold() not in used and name not in missing]
    return missing


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _IndexedText(HTMLParser):
    """The text Pagefind will index: everything outside elements marked data-pagefind-ignore."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.ignored_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.ignored_depth or any(name == "data-pagefind-ignore" for name, _ in attrs):
            self.ignored_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.ignored_depth and tag not in _VOID:
            self.ignored_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.ignored_depth:
            self.parts.append(data)


def indexed_text(page_html: str) -> str:
    parser = _IndexedText()
    parser.feed(page_html)
    parser.close()
    return " ".join(parser.parts)


def with_search_terms(page_html: str, known: Synonyms) -> str:
    """Append the other names of what a page mentions, hidden from readers but indexed by Pagefind.

    Only text Pagefind indexes counts: a list page whose cards are left out of the index gets no terms from them.
    """
    text = indexed_text(page_html)
    names = other_names(text, known)
    if not names:
        return page_html
    terms = html.escape(" · ".join(names))
    # First on the page, so Pagefind counts the terms to the page as a whole, not to its last section.
    return f'<div class="kat-search-terms" hidden data-pagefind-weight="0.5">{terms}</div>\n{page_html}'


def build_index(site: Path) -> IndexReport:
    """Index a built site with the Pagefind binary from the pinned `pagefind[bin]` package."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--quiet"]
    command += ["--exclude-selectors", ".headerlink"]  # the "¶" permalink after every heading
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kunne ikke bygge søgeindekset:\n{result.stdout}{result.stderr}")
    bundle = site / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    pages = sum(int(language["page_count"]) for language in entry["languages"].values())
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    return IndexReport(pages=pages, bytes=size)
