"""Problems found in content files, reported as ``path:line:col: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One thing wrong with one place in one file; lines and columns are 1-based."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def as_github_annotation(self) -> str:
        """Format for GitHub Actions, which shows it on the pull request's diff."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.col}::{message}"


class ContentError(Exception):
    """Raised when content has problems; carries every one of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    """Join problems one per line, followed by a Danish count."""
    lines = [str(p) for p in sorted(problems)]
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problemer"
    lines.append(f"{len(problems)} {noun} i {files} {'fil' if files == 1 else 'filer'}.")
    return "\n".join(lines)
