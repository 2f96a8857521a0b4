"""Give the memory an export phase freed back to the system.

An export makes and drops many small objects (pypdf's of every exhibit PDF, reportlab's
layouts of the index and statement, Pillow's buffers in the photo workers). Freed, they
stay in the C allocator's free lists and the process's RSS climbs with the number of
exhibits although little of it is live: measured on 1,594 malformed exhibits, 248 MB of
RSS with about 110 MB live. Collecting cycles (reportlab's layouts hold some) and asking
glibc to return free pages (``malloc_trim``) between phases keeps the peak to what is
live. Elsewhere than glibc this only collects.

A full collection walks every tracked object of the process, not only the export's: in the
app or a test run that is a few hundred thousand objects made before the export started
(Qt's wrappers, modules, fonts), 0.1–0.2 s a collection, six or more per export.
:func:`collecting_only_new` sets those aside (``gc.freeze``) for the export's duration, so
a collection costs what the export itself made.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def _trim_function() -> Any:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return None


_TRIM = _trim_function()


def release(collect: bool = True) -> None:
    """Collect garbage cycles (unless ``collect`` is false: a worker thread's job) and hand
    free heap pages back to the system."""
    if collect:
        gc.collect()
    if _TRIM is not None:
        _TRIM(0)


_frozen = 0  # exports running inside collecting_only_new (the app may run one per window)
_frozen_lock = threading.Lock()


@contextmanager
def collecting_only_new() -> Iterator[None]:
    """Within this block, collections skip the objects that existed when it began (they are
    frozen, not freed: garbage among them is collected after the block). Nested or concurrent
    blocks share one freeze, lifted when the last one ends."""
    global _frozen
    with _frozen_lock:
        if _frozen == 0:
            gc.freeze()
        _frozen += 1
    try:
        yield
    finally:
        with _frozen_lock:
            _frozen -= 1
            if _frozen == 0:
                gc.unfreeze()
