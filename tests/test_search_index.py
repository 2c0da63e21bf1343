"""The search index: Pagefind fed each page during the build holds what its own crawl of the finished site would."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from katalog import search
from katalog.search import BUNDLE, EXCLUDED, LiveIndex, SearchIndexError


def crawl(site: Path) -> None:
    """Index a finished site as the Pagefind command line does: the reference the live index is held to."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--quiet"]
    subprocess.run([*command, "--exclude-selectors", EXCLUDED], check=True, capture_output=True)


def fragments(site: Path) -> dict[str, dict[str, object]]:
    """Every indexed page by its URL: the text, title and metadata a search result is made from."""
    found = {}
    for fragment in (site / BUNDLE / "fragment").iterdir():
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = {key: data[key] for key in ("content", "meta", "word_count", "anchors")}
    return found


def test_the_index_built_during_the_build_equals_pagefinds_crawl_of_the_site(mini_site: Path, tmp_path: Path) -> None:
    """Same pages, same URLs, same indexed text, titles, metadata and anchors as `pagefind --site` afterwards."""
    crawled = tmp_path / "site"
    shutil.copytree(mini_site, crawled)
    shutil.rmtree(crawled / BUNDLE)
    crawl(crawled)
    live = fragments(mini_site)
    assert live == fragments(crawled)
    assert len(live) > 20


def test_pages_given_to_the_index_are_found_under_the_url_of_their_file(tmp_path: Path) -> None:
    """A page at moduler/x/index.html is indexed as /moduler/x/, as the crawl names it."""
    index = LiveIndex(tmp_path)
    index.add(
        "moduler/x/index.html", '<html lang="da"><body><main><h1>Vejledning</h1><p>Et modul.</p></main></body></html>'
    )
    report = index.finish()
    assert report.pages == 1
    assert list(fragments(tmp_path)) == ["/moduler/x/"]


def test_an_index_pagefind_cannot_write_fails_with_pagefinds_reason(tmp_path: Path) -> None:
    """When Pagefind refuses, the build gets a Danish error with Pagefind's own words, not a hang or a traceback."""
    (tmp_path / BUNDLE).write_text("en fil, hvor indekset skulle ligge", "utf-8")
    index = LiveIndex(tmp_path)
    index.add("index.html", '<html lang="da"><body><p>Forside</p></body></html>')
    with pytest.raises(SearchIndexError, match="Pagefind kunne ikke bygge søgeindekset:\n.+"):
        index.finish()


def test_a_pagefind_that_stops_answering_fails_the_build_instead_of_hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service that reads pages but never answers is given up on, with a Danish message."""
    silent = tmp_path / "pagefind"
    silent.write_text("#!/bin/sh\ncat > /dev/null  # reads every page, answers nothing\n", "utf-8")
    silent.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: silent)
    monkeypatch.setattr(search, "SILENCE", 1)
    index = LiveIndex(tmp_path / "site")
    index.add("index.html", '<html lang="da"><body><p>Forside</p></body></html>')
    with pytest.raises(SearchIndexError, match="Pagefind svarede ikke i 1 sekunder"):
        index.finish()
