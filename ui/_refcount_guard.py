"""Work around a PySide6 6.12 reference-count leak on Python 3.11.

PySide6 6.12.0 (abi3 wheels) returns ``None`` from void methods without taking a reference.
On Python 3.12+ ``None``/``True``/``False`` are immortal (PEP 683) so that is harmless; on
3.11 every call such as ``widget.resize()`` lowers ``None``'s count by one, and after a few
thousand calls the interpreter aborts with "none_dealloc: deallocating None" (reproduced in
``tests/ui/test_refcount_guard.py``). We give those three singletons a very large count
once, so they can never reach zero: on 3.11 they are never freed anyway. No-op on 3.12+.
pyproject.toml pins PySide6 below 6.12, so this only acts if someone installs 6.12 by hand.
Remove once PySide6 is fixed or Python 3.11 support is dropped.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def affected() -> bool:
    """Only PySide6 6.12.x on Python < 3.12 leaks (6.11.3 was checked and does not)."""
    if sys.version_info >= (3, 12):
        return False
    # PySide6's own version, not importlib.metadata's (0.1-0.2 s of every start)
    from PySide6 import __version__
    return __version__.startswith("6.12.")


def protect_singletons() -> bool:
    if not affected():
        return False
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if count.value < RESERVE:
            count.value += RESERVE
    return True
