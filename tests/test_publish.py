"""Publishing a build: site/ is replaced by renames, never deleted first."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from katalog import publish

from .conftest import ROOT


def make_site(folder: Path, label: str) -> Path:
    """A small site of several files, all saying which build they belong to."""
    for page in ("index.html", "moduler/index.html", "moduler/basis/index.html", "hent/katalog.json"):
        (folder / page).parent.mkdir(parents=True, exist_ok=True)
        (folder / page).write_text(label, "utf-8")
    return folder


def whole(folder: Path) -> str | None:
    """Return the build a folder holds if every page is there and from the same build, else None."""
    pages = ["index.html", "moduler/index.html", "moduler/basis/index.html", "hent/katalog.json"]
    if not all((folder / page).is_file() for page in pages):
        return None
    labels = {(folder / page).read_text("utf-8") for page in pages}
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    return labels.pop() if len(labels) == 1 and files == set(pages) else None


@pytest.fixture(params=["exchange", "two renames"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with the atomic exchange and with the fallback for systems without it."""
    if request.param == "two renames":
        monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    return str(request.param)


def test_the_new_site_replaces_the_old(tmp_path: Path, way: str) -> None:
    """After publishing, site/ is the new build, whole, and no copy of the old one is left behind."""
    target = make_site(tmp_path / "site", "gammel")
    new = make_site(tmp_path / "build" / "site-next", "ny")
    publish.replace_directory(new, target)
    assert whole(target) == "ny"
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == []


def test_a_first_build_is_moved_into_place(tmp_path: Path, way: str) -> None:
    """Without an old site the new one is simply renamed to site/."""
    new = make_site(tmp_path / "build" / "site-next", "ny")
    publish.replace_directory(new, tmp_path / "site")
    assert whole(tmp_path / "site") == "ny"
    assert not new.exists()


def test_every_step_leaves_a_whole_site(tmp_path: Path, way: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """After each rename or deletion, site/ is a whole site, or the old and the new site are both whole beside it."""
    target = make_site(tmp_path / "site", "gammel")
    new = make_site(tmp_path / "build" / "site-next", "ny")
    aside = new.with_name("site-next-old")
    states: list[tuple[str | None, str | None, str | None]] = []

    def watched(function: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            result = function(*args, **kwargs)
            states.append((whole(target), whole(new), whole(aside)))
            return result

        return step

    monkeypatch.setattr(publish.os, "rename", watched(os.rename))
    monkeypatch.setattr(publish.shutil, "rmtree", watched(publish.shutil.rmtree))
    publish.replace_directory(new, target)
    assert states and states[-1] == ("ny", None, None)
    for in_place, next_build, set_aside in states:
        assert in_place in ("gammel", "ny") or (next_build == "ny" and set_aside == "gammel"), states


def test_an_interrupted_publish_leaves_both_sites_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed between the two renames, nothing is half-deleted, and the next publish finishes the job."""
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    target = make_site(tmp_path / "site", "gammel")
    new = make_site(tmp_path / "build" / "site-next", "ny")
    calls = 0
    real_rename = os.rename

    def rename_then_die(source: Path, destination: Path) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        real_rename(source, destination)

    monkeypatch.setattr(publish.os, "rename", rename_then_die)
    with pytest.raises(KeyboardInterrupt):
        publish.replace_directory(new, target)
    assert whole(new) == "ny" and whole(new.with_name("site-next-old")) == "gammel"
    monkeypatch.setattr(publish.os, "rename", real_rename)
    publish.replace_directory(new, target)
    assert whole(target) == "ny"
    assert list((tmp_path / "build").iterdir()) == []


def test_make_site_publishes_by_renames() -> None:
    """The Makefile hands the finished build to katalog.publish and never deletes site/ itself."""
    recipe = re.search(r"^site:.*?(?=^\S)", (ROOT / "Makefile").read_text("utf-8"), re.MULTILINE | re.DOTALL)
    assert recipe is not None
    assert "-m katalog.publish build/site-next site" in recipe.group()
    assert "rm -rf site" not in recipe.group()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux only; elsewhere two renames")
def test_on_linux_the_swap_is_one_atomic_exchange(tmp_path: Path) -> None:
    """Linux swaps the two folders in one step, so site/ is never missing, not even for a moment."""
    first = make_site(tmp_path / "a", "a")
    second = make_site(tmp_path / "b", "b")
    assert publish.exchange(first, second)
    assert (whole(first), whole(second)) == ("b", "a")
