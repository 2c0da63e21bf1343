"""Loading and viewing the catalogue without Python's cyclic garbage collector walking it over and over.

Reading thousands of YAML files and building the model makes millions of small objects that all stay alive;
each time enough of them are made the collector walks every object made so far, to find none of them garbage.
At 5,000 modules that was about half the time spent reading the files. Reference counting still frees what
is dropped while the collector is paused; cycles wait for the next collection after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (nested blocks are fine); restore what it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def old_objects_skipped() -> Iterator[None]:
    """Let the cyclic collector walk only objects made inside the block; those made before it are left alone.

    For work that builds long-lived objects from long-lived ones (views from the catalogue, pages from the views):
    the collector still frees the short-lived cycles made on the way (Jinja's), which pausing it would keep until
    the end, but no longer walks the whole catalogue again each time. `freeze` moves every object so far out of
    its reach until the block ends.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
