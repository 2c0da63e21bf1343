"""`make site` in one process: validate once, print problems as `katalog validate` does, then build the site.

Before, `make site` ran `katalog validate` and then `mkdocs build`, whose hook validated every file again. Here
the build runs in the same process after the validation, and the hook's load finds every file unchanged
(katalog.load keeps the documents of the last load, katalog.validate their schema problems), so the content is
read and checked once. On problems nothing is built: the site folder is not even created.

Usage: ``python -m katalog.sitebuild SITE_DIR`` from the project folder.
"""

from __future__ import annotations

import sys

from katalog import cli as katalog_cli


def main(argv: list[str]) -> int:
    """Validate content/ against schemas/ as `katalog validate` does; on problems stop, else build into argv[0]."""
    site_dir = argv[0]
    checked = katalog_cli.main(["validate"])
    if checked != 0:
        return checked
    from mkdocs.__main__ import cli  # after the check: MkDocs and its plugins take a while to import

    cli.main(args=["build", "--strict", "--site-dir", site_dir], prog_name="mkdocs")
    return 0  # pragma: no cover - cli.main exits the process itself


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
