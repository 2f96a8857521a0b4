"""Give the memory an export phase freed back to the system.

An export makes and drops many small objects (pypdf's of every exhibit PDF, reportlab's
layouts of the index and statement, Pillow's buffers in the photo workers). Freed, they
stay in the C allocator's free lists and the process's RSS climbs with the number of
exhibits although little of it is live: measured on 1,594 malformed exhibits, 248 MB of
RSS with about 110 MB live. Collecting cycles (reportlab's layouts hold some) and asking
glibc to return free pages (``malloc_trim``) between phases keeps the peak to what is
live. Elsewhere than glibc this only collects.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
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
