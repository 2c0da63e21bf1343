"""Temporary git repositories with commits at chosen dates, for tests of history-driven pages."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(repo: Path, *args: str, date: str = "2026-01-05T10:00:00+01:00") -> str:
    """Run git in repo as a fixed test author, committing at the given date; return its output."""
    environ = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test Redaktør",
        "GIT_AUTHOR_EMAIL": "redaktoer@example.org",
        "GIT_COMMITTER_NAME": "Test Redaktør",
        "GIT_COMMITTER_EMAIL": "redaktoer@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),  # no user or system settings leak into the test
    }
    command = ["git", "-C", str(repo), "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, env=environ, timeout=60).stdout


def commit_all(repo: Path, message: str, date: str) -> None:
    """Stage everything in repo and commit it with a message at a date."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


def new_repo(folder: Path) -> Path:
    """Turn a folder into a git repository on branch main."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q")
    return folder
