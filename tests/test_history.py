"""When content last changed, from git: one call for the whole tree, and honest without history."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from katalog import history as history_module
from katalog.history import danish_date, last_changed, parse_log, read_history

from .gitrepo import commit_all, git, new_repo

JANUARY = "2026-01-05T10:00:00+01:00"
MARCH = "2026-03-10T09:30:00+01:00"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project with two modules, both committed in January and one changed again in March."""
    project = new_repo(tmp_path / "projekt")
    (project / "content" / "modules").mkdir(parents=True)
    (project / "content" / "modules" / "a.yaml").write_text("id: a\n", "utf-8")
    (project / "content" / "modules" / "b.yaml").write_text("id: b\n", "utf-8")
    (project / "README.md").write_text("ikke indhold\n", "utf-8")
    commit_all(project, "Moduler a og b", JANUARY)
    (project / "content" / "modules" / "a.yaml").write_text("id: a\ntitle: A\n", "utf-8")
    commit_all(project, "Modul a: titel", MARCH)
    (project / "README.md").write_text("stadig ikke indhold\n", "utf-8")
    commit_all(project, "README", "2026-04-01T12:00:00+02:00")
    return project


def test_last_changed_moves_when_a_files_yaml_changes_in_a_commit(repo: Path) -> None:
    """A page's date is its own file's newest commit: a.yaml moved to March, b.yaml stayed in January."""
    history = read_history(repo)
    a = last_changed(history, "content/modules/a.yaml", "https://github.com/ejer/katalog")
    b = last_changed(history, "content/modules/b.yaml", "https://github.com/ejer/katalog")
    assert a is not None and b is not None
    assert (a.date, a.text) == ("2026-03-10", "Sidst ændret 10. marts 2026")
    assert (b.date, b.date_text) == ("2026-01-05", "5. januar 2026")
    assert a.history_url == "https://github.com/ejer/katalog/commits/main/content/modules/a.yaml"


def test_a_folder_page_changes_with_any_file_in_the_folder(repo: Path) -> None:
    """A list page (edit path 'content/modules/') takes the newest change of any file in it."""
    changed = last_changed(read_history(repo), "content/modules/")
    assert changed is not None and changed.date == "2026-03-10"


def test_history_covers_content_only_not_other_files(repo: Path) -> None:
    """The README commit is no content change; commits are listed newest first with their subjects."""
    history = read_history(repo)
    assert history is not None
    assert [c.subject for c in history.commits] == ["Modul a: titel", "Moduler a og b"]
    assert history.commits[0].paths == ("content/modules/a.yaml",)


def test_the_whole_tree_is_read_with_one_git_log(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """However many files there are, reading history runs git a fixed number of times (one log)."""
    for index in range(30):
        (repo / "content" / "modules" / f"m{index}.yaml").write_text(f"id: m{index}\n", "utf-8")
    commit_all(repo, "Mange moduler", MARCH)
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(command: list[str], **kwargs: Any) -> Any:
        calls.append(command)
        return real_run(command, **kwargs)

    monkeypatch.setattr(history_module.subprocess, "run", counting_run)
    history = read_history(repo)
    assert history is not None and len(history.commits[0].paths) == 30
    assert sum("log" in command for command in calls) == 1 and len(calls) == 2


def test_a_checkout_without_git_still_works_and_says_so(tmp_path: Path) -> None:
    """A copy outside git (a tarball) has no history: the page says the date is unknown, not a wrong date."""
    (tmp_path / "content").mkdir()
    assert read_history(tmp_path) is None
    unknown = last_changed(None, "content/modules/a.yaml")
    assert unknown is not None and unknown.date is None
    assert "uden versionshistorik" in unknown.text


def test_a_shallow_clone_counts_as_no_history(repo: Path, tmp_path: Path) -> None:
    """A shallow clone would date every file to its one commit, so it is treated as having no history."""
    clone = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert read_history(clone) is None


def test_a_page_without_a_content_file_shows_no_date() -> None:
    """Pages that are not built from a file (the change list itself) say nothing about a last change."""
    assert last_changed(None, None) is None


def test_log_parsing_skips_merges_and_keeps_odd_subjects() -> None:
    """Merge commits list no files and are left out; a subject keeps its text exactly."""
    text = "\x1eaaa\x1f2026-01-01T00:00:00+00:00\x1fMerge branch 'x'\n\x1ebbb\x1f2026-01-02T00:00:00+00:00\x1fRet <b> & \"c\"\n\ncontent/x.yaml\n"
    commits = list(parse_log(text))
    assert [(c.sha, c.subject, c.paths) for c in commits] == [("bbb", 'Ret <b> & "c"', ("content/x.yaml",))]


def test_dates_are_written_the_danish_way() -> None:
    """'2026-05-01' is '1. maj 2026'."""
    assert danish_date("2026-05-01") == "1. maj 2026"
