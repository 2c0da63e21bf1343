"""Site search with Pagefind: glossary synonyms woven into pages, and the index built from the finished site.

Pagefind has no synonym list of its own, so a page that says "SOSU-assistent" gets the other names of the
same thing from the glossary ("social- og sundhedsassistent") as hidden, indexed text; either name then
finds it. Danish stemming comes from Pagefind itself, from `<html lang="da">`.
"""

from __future__ import annotations

import base64
import html
import json
import os
import queue
import re
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from katalog.model import GlossaryTerm

BUNDLE = "pagefind"  # the folder in the site Pagefind writes its index and UI into
EXCLUDED = ".headerlink"  # the "¶" permalink after every heading
TERMS_META = "kat_terms"  # the metadata key search.js reads to keep the hidden terms out of excerpts


@dataclass(frozen=True, slots=True)
class IndexReport:
    pages: int
    bytes: int


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is Pagefind's own output."""


@dataclass(frozen=True, slots=True)
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


def _report(site: Path) -> IndexReport:
    bundle = site / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    pages = sum(int(language["page_count"]) for language in entry["languages"].values())
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    return IndexReport(pages=pages, bytes=size)


_BACKGROUND: list[threading.Thread] = []  # indexes the live preview is still writing (finish_in_background)

SILENCE = 300  # seconds without an answer from Pagefind before the build gives up on it

# Each service gets one index, the first it hands out; pages are sent without waiting for its answer.
INDEX_ID = 0


class LiveIndex:
    """Pagefind's indexing service, given each finished page while MkDocs is still writing the others.

    Pagefind then indexes in its own process on another core, beside MkDocs, instead of crawling the whole
    site after it; when the build ends only the index files are left to write. Every page MkDocs renders is
    given to it, and only those carry `data-pagefind-body` (overrides/partials/content.html), so the index holds what
    Pagefind's crawl of the finished site would (tests/test_search_index.py holds the two equal).
    The service speaks base64-encoded JSON messages ended by a comma on stdin and stdout; Pagefind's own
    Python wrapper waits 0.1 s before reading each answer, which is minutes for a large site, so this talks
    to the pinned binary directly. Sending happens on a thread of its own, so MkDocs never waits on a pipe.
    """

    def __init__(self, site: Path) -> None:
        self.site = site
        # Messages wait here as they are, not encoded: a page's HTML is then the string MkDocs holds anyway.
        self._outbox: queue.SimpleQueue[tuple[int, dict[str, object]] | None] = queue.SimpleQueue()
        self._errors: list[str] = []
        self._answers = 0
        self._answered = threading.Condition()
        self._messages = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._threads: list[threading.Thread] = []

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            executable = get_executable()  # the pinned pagefind[bin] package's binary
            if executable is None:
                raise SearchIndexError("Pagefind mangler: installér afhængighederne med `make setup`.")
            self.site.mkdir(parents=True, exist_ok=True)
            self._process = subprocess.Popen(
                [str(executable), "--service"],
                cwd=self.site,  # file paths are relative to it, so page URLs come out as the crawl's
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            self._threads = [
                threading.Thread(target=self._write, name="pagefind-send", daemon=True),
                threading.Thread(target=self._read, name="pagefind-read", daemon=True),
            ]
            for thread in self._threads:
                thread.start()
            self._send({"type": "NewIndex", "config": {"exclude_selectors": [EXCLUDED]}})
        return self._process

    def _send(self, payload: dict[str, object]) -> None:
        self._messages += 1
        self._outbox.put((self._messages, payload))

    def _write(self) -> None:
        assert self._process is not None and self._process.stdin is not None
        pipe = self._process.stdin
        try:
            while (message := self._outbox.get()) is not None:
                number, payload = message
                encoded = json.dumps({"message_id": number, "payload": payload}).encode("utf-8")
                pipe.write(base64.b64encode(encoded) + b",")
                if self._outbox.empty():
                    pipe.flush()
            pipe.close()
        except OSError as error:  # the service died; _read notices and finish() says so
            self._errors.append(f"Pagefind tog ikke imod flere sider: {error}")

    def _read(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        with self._process.stdout as answers:
            self._read_answers(answers.fileno())
        with self._answered:
            self._answers = -1  # the service is gone: nothing more will come
            self._answered.notify_all()

    def _read_answers(self, answers: int) -> None:
        pending = b""
        while chunk := os.read(answers, 1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            for message in messages:
                payload = json.loads(base64.b64decode(message))["payload"]
                with self._answered:
                    if payload["type"] == "NewIndex" and payload["index_id"] != INDEX_ID:
                        self._errors.append(f"Pagefind gav indekset nummer {payload['index_id']}, ikke {INDEX_ID}")
                    if payload["type"] == "Error":
                        self._errors.append(str(payload.get("message", payload)))
                    self._answers += 1
                    self._answered.notify_all()

    def add(self, path: str, page_html: str) -> None:
        """Index one finished page; `path` is where it lands in the site (a/b/index.html, found as /a/b/)."""
        self._start()
        self._send(
            {"type": "AddFile", "index_id": INDEX_ID, "file_path": path, "url": None, "file_contents": page_html}
        )

    def finish(self) -> IndexReport:
        """Write the index into the site and stop the service."""
        process = self._start()
        self._send({"type": "WriteFiles", "index_id": INDEX_ID, "output_path": str(self.site / BUNDLE)})
        expected = self._messages
        with self._answered:  # the service stops at the end of its input, so that stays open until it is done
            while self._answers not in (expected, -1):
                if not self._answered.wait(timeout=SILENCE):  # alive but silent: a build must not hang on it
                    self._errors.append(f"Pagefind svarede ikke i {SILENCE} sekunder")
                    process.kill()
                    break
            complete = self._answers == expected
        self._outbox.put(None)
        process.wait()
        for thread in self._threads:
            thread.join()
        if self._errors or not complete:
            found = "\n".join(self._errors) or f"tjenesten stoppede med kode {process.returncode}"
            raise SearchIndexError(f"Pagefind kunne ikke bygge søgeindekset:\n{found}")
        return _report(self.site)

    def finish_in_background(self, on_error: Callable[[str], None]) -> None:
        """Finish (write the index) and return at once; the live preview's use, where the edited page comes first.

        The page a reader edited is shown as soon as MkDocs has written it; search catches up a moment later. The
        next build calls `wait_for_index` first, so it never empties the site folder under an index being written.
        """
        wait_for_index()

        def finish() -> None:
            try:
                self.finish()
            except (SearchIndexError, OSError) as error:  # the next rebuild indexes again; say why search is stale
                on_error(str(error))

        thread = threading.Thread(target=finish, name="pagefind", daemon=True)
        thread.start()
        _BACKGROUND.append(thread)

    def abandon(self) -> None:
        """Stop the service without writing an index: the build failed."""
        if self._process is not None:
            self._outbox.put(None)
            self._process.kill()
            self._process.wait()


def wait_for_index() -> None:
    """Let an index being finished in the background (LiveIndex.finish_in_background) finish; at once when there is none."""
    while _BACKGROUND:
        _BACKGROUND.pop().join()
