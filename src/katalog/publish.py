"""Put a finished build in place of the published folder by renames, so nobody ever meets half a site.

``make site`` builds into build/site-next and then calls ``python -m katalog.publish build/site-next site``.
Deleting site/ first and moving the new one in after would leave a half-deleted site/ if the build were
killed in between. Here nothing is deleted until the new site stands where the old one stood.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def replace_directory(new: Path, target: Path) -> None:
    """Make the finished folder `new` the folder `target`; the old target is removed only once it is replaced.

    On Linux the two folders swap names in one atomic step (renameat2 with RENAME_EXCHANGE), so
    target always holds a whole site. Where that is not available the old site is first renamed aside
    (next to new), then new is renamed to target: at every moment the old or the new site is whole.
    """
    if not new.is_dir():
        raise FileNotFoundError(f"{new} is not a folder")
    aside = new.with_name(new.name + "-old")
    shutil.rmtree(aside, ignore_errors=True)  # left by an interrupted run; never the published site
    if not target.exists():
        os.rename(new, target)
    elif exchange(new, target):
        shutil.rmtree(new)  # holds the old site now
    else:
        os.rename(target, aside)
        os.rename(new, target)
        shutil.rmtree(aside)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); return False where the system cannot, raise on real errors."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):  # old kernel or a filesystem without the flag
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def main(argv: list[str]) -> int:
    """`python -m katalog.publish NEW TARGET`: replace TARGET with the finished folder NEW."""
    if len(argv) != 2:
        print("brug: python -m katalog.publish NY-MAPPE MÅL-MAPPE", file=sys.stderr)
        return 2
    replace_directory(Path(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
