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
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from katalog.model import GlossaryTerm

BUNDLE = "pagefind"  # the folder in the site Pagefind writes its index and UI into
TERMS_META = "kat_terms"  # the metadata key search.js reads to keep the hidden terms out of excerpts


@dataclass(frozen=True)
class IndexReport:
    pages: int
    bytes: int


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is Pagefind's own output."""


@dataclass(frozen=True)
class Synonyms:
    """The glossary's names for the same thing: groups of names, and the groups each name belongs to."""

    groups: tuple[tuple[str, ...], ...]
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
            group_of.setdefault(name, []).append(number)
    return Synonyms(tuple(groups), {name: tuple(numbers) for name, numbers in group_of.items()})


def _mentions(text: str, lowered: str, name: str) -> bool:
    # A name must start a word but may go on into a compound ("SOSU-assistentelever"), as Pagefind's own prefix
    # search does. Abbreviations count in capitals only, so "PAU" is not found in "pause". str.find rather than
    # one big regular expression: this runs on every page of every rebuild, and is many times faster.
    haystack, needle = (text, name) if name.isupper() else (lowered, name.lower())
    start = haystack.find(needle)
    while start != -1:
        before = haystack[start - 1] if start else " "
        if not (before.isalnum() or before in "-_"):
            return True
        start = haystack.find(needle, start + 1)
    return False


def other_names(text: str, known: Synonyms) -> list[str]:
    """The names a text does not use for the things it mentions, in glossary order."""
    lowered = text.lower()
    used = {name for name in known.group_of if _mentions(text, lowered, name)}
    mentioned = sorted({number for name in used for number in known.group_of[name]})
    used_folded = {name.casefold() for name in used}
    missing: list[str] = []
    for number in mentioned:
        missing += [name for name in known.groups[number] if name.casefold() not in used_folded and name not in missing]
    return missing


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)([^>]*)>", re.S)


def indexed_text(page_html: str) -> str:
    """The text Pagefind will index: everything outside elements marked data-pagefind-ignore.

    A tag scanner rather than html.parser: it runs on every page of every rebuild, and is five times faster.
    """
    parts: list[str] = []
    ignored_depth = 0
    position = 0
    for tag in _TAG.finditer(page_html):
        if not ignored_depth:
            parts.append(page_html[position : tag.start()])
        position = tag.end()
        closing, name, attributes = tag.group(1), (tag.group(2) or "").lower(), tag.group(3) or ""
        if not name or name in _VOID or attributes.endswith("/"):
            continue
        if closing:
            ignored_depth = max(ignored_depth - 1, 0)
        elif ignored_depth or "data-pagefind-ignore" in attributes:
            ignored_depth += 1
    if not ignored_depth:
        parts.append(page_html[position:])
    return html.unescape(" ".join(parts))


def with_search_terms(page_html: str, known: Synonyms) -> str:
    """Append the other names of what a page mentions, hidden from readers but indexed by Pagefind.

    Only text Pagefind indexes counts: a list page whose cards are left out of the index gets no terms from them.
    """
    text = indexed_text(page_html)
    names = other_names(text, known)
    if not names:
        return page_html
    terms = html.escape(" · ".join(names))
    # First on the page, so Pagefind counts the terms to the page as a whole, not to its last section. The same
    # text as metadata lets search.js cut the terms out of an excerpt, which Pagefind takes from indexed text.
    return (
        f'<div class="kat-search-terms" hidden data-pagefind-weight="0.5" data-pagefind-meta="{TERMS_META}">'
        f"{terms}</div>\n{page_html}"
    )


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


_BACKGROUND: list[threading.Thread] = []


def index_in_background(site: Path, on_error: Callable[[str], None]) -> None:
    """Start indexing a built site and return at once; the live preview's use, where the edited page comes first.

    The page a reader edited is shown as soon as MkDocs has written it; search catches up a moment later. The
    next build calls `wait_for_index` first, so it never empties the site folder under a running index.
    """
    wait_for_index()

    def index() -> None:
        try:
            build_index(site)
        except (SearchIndexError, OSError) as error:  # the next rebuild indexes again; say why search is stale
            on_error(str(error))

    thread = threading.Thread(target=index, name="pagefind", daemon=True)
    thread.start()
    _BACKGROUND.append(thread)


def wait_for_index() -> None:
    """Let a background index (index_in_background) finish; at once when there is none."""
    while _BACKGROUND:
        _BACKGROUND.pop().join()
