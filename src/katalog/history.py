"""When content last changed, read from the git history of the project in one call for the whole tree.

A build from a checkout without history (a tarball, a shallow clone, a copy outside git) still works:
``read_history`` returns None, and the pages say the date is unknown instead of showing a wrong one.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from katalog import vocab

# What the history covers: the content, the schemas (the field reference page) and the hand-written pages.
TRACKED = ("content", "schemas", "docs")
_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that changed tracked files; paths are relative to the project folder."""

    sha: str
    date: str  # committer date, RFC 3339 with offset, e.g. 2026-12-03T14:05:00+01:00
    subject: str
    paths: tuple[str, ...]

    @property
    def day(self) -> str:
        """Return the commit's calendar day, YYYY-MM-DD, in the committer's time zone."""
        return self.date[:10]


@dataclass(frozen=True, slots=True)
class History:
    """The commits that changed tracked files, newest first."""

    commits: tuple[Commit, ...]

    def last_change(self, path: str) -> Commit | None:
        """Return the newest commit touching a file, or anything under a folder given with a trailing '/'."""
        return next((c for c in self.commits if any(_covers(path, p) for p in c.paths)), None)


@dataclass(frozen=True, slots=True)
class LastChanged:
    """What a page says about when its content last changed, ready to show."""

    text: str  # the whole sentence, e.g. 'Sidst ændret 3. december 2026'
    date: str | None = None  # YYYY-MM-DD for <time datetime>, when known
    date_text: str | None = None  # the date as a reader reads it: '3. december 2026'
    history_url: str | None = None  # the file's history in the repository


def read_history(root: Path, tracked: Sequence[str] = TRACKED) -> History | None:
    """Read the history of the tracked folders under root; None when there is no usable history."""
    state = _git(root, "rev-parse", "--is-shallow-repository")
    if state is None or state.strip() != "false":  # not a repository, git missing, or a shallow clone
        return None
    log = _git(
        root, "-c", "core.quotePath=false", "log", "--no-renames", "--relative", "--name-only",
        f"--format={_RECORD}%H{_FIELD}%cI{_FIELD}%s", "--", *tracked,
    )  # fmt: skip
    commits = tuple(parse_log(log or ""))
    return History(commits) if commits else None


def parse_log(text: str) -> Iterator[Commit]:
    """Parse `git log --name-only` output written with the record format used by read_history."""
    for record in text.split(_RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, date, subject = header.split(_FIELD, 2)
        paths = tuple(line for line in names.splitlines() if line.strip())
        if paths:  # merge commits list no files of their own
            yield Commit(sha, date, subject, paths)


def last_changed(history: History | None, path: str | None, repository: str = "") -> LastChanged | None:
    """Say when the content at path last changed; None for a page with no content file behind it."""
    if path is None:
        return None
    if history is None:
        return LastChanged("Sidst ændret: ukendt, fordi sitet er bygget uden versionshistorik (git).")
    commit = history.last_change(path)
    if commit is None:
        return LastChanged("Sidst ændret: endnu ikke gemt i versionshistorikken.")
    url = f"{repository.rstrip('/')}/commits/main/{path.rstrip('/')}" if repository else None
    shown = danish_date(commit.day)
    return LastChanged(f"Sidst ændret {shown}", commit.day, shown, url)


def danish_date(day: str) -> str:
    """Write YYYY-MM-DD the Danish way: '3. december 2026'."""
    return vocab.date(day)


def _covers(path: str, changed: str) -> bool:
    return changed.startswith(path) if path.endswith("/") else changed == path


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
