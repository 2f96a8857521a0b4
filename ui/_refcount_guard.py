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

import re
import sys
from importlib.util import find_spec
from pathlib import Path

RESERVE = 1 << 40


def pyside_version() -> str:
    """PySide6's version, read from its ``__init__.py`` without importing it.

    Importing PySide6 replaces ``builtins.__import__`` with its feature hook, which makes every
    later import statement slower: the app imports the core (SQLAlchemy's thousands of import
    statements) before Qt, ~0.1 s of CPU at each start (ui/app.py). importlib.metadata would
    cost 0.1-0.2 s. The import is the fallback when the file does not say."""
    spec = find_spec("PySide6")
    if spec is not None and spec.origin:
        try:
            text = Path(spec.origin).read_text(encoding="utf-8")
        except OSError:
            text = ""
        found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
        if found:
            return found.group(1)
    from PySide6 import __version__
    return __version__


def affected() -> bool:
    """Only PySide6 6.12.x on Python < 3.12 leaks (6.11.3 was checked and does not)."""
    if sys.version_info >= (3, 12):
        return False
    return pyside_version().startswith("6.12.")


def protect_singletons() -> bool:
    if not affected():
        return False
    import ctypes
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if count.value < RESERVE:
            count.value += RESERVE
    return True
