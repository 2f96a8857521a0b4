"""File-system faults simulated at the system-call boundary, for tests that cannot mount.

``refuse_writes(monkeypatch, root, errno.EROFS)`` makes every write under ``root`` fail as a
read-only mount would (``os.access(W_OK)`` says no; opening for writing, creating, renaming
and deleting raise ``OSError(EROFS)`` with the path), and ``errno.ENOSPC`` as a full disk
would. Reads are untouched. SQLite's own C calls cannot be patched: the library opens a
read-only library with ``mode=ro`` because ``os.access`` says no, as it does on a real mount.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def refuse_writes(monkeypatch, root: Path, err: int, *, dirs: bool = True) -> None:
    """``dirs=False`` still lets folders be made (a disk with room for a folder entry only)."""
    root_text = str(Path(root).resolve())

    def under(path) -> bool:
        try:
            p = os.path.realpath(os.fspath(path)) if not isinstance(path, int) else ""
        except TypeError:
            return False
        return p == root_text or p.startswith(root_text + os.sep)

    def fail(path):
        raise OSError(err, os.strerror(err), os.fspath(path))

    real_open, real_os_open, real_access = builtins.open, os.open, os.access

    def fake_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+") and under(file):
            fail(file)
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path, flags, *args, **kwargs):
        if flags & _WRITE_FLAGS and under(path):
            fail(path)
        return real_os_open(path, flags, *args, **kwargs)

    def fake_access(path, mode, *args, **kwargs):
        if mode & os.W_OK and under(path) and err in (errno.EROFS, errno.EACCES, errno.EPERM):
            return False  # a full disk is still writable as far as permissions go
        return real_access(path, mode, *args, **kwargs)

    def guard(real, *, create: bool = False):
        def wrapped(path, *args, **kwargs):
            if under(path) and not (create and os.path.exists(path)):
                fail(path)
            return real(path, *args, **kwargs)
        return wrapped

    def guard2(real):
        def wrapped(src, dst, *args, **kwargs):
            if under(src) or under(dst):
                fail(dst if under(dst) else src)
            return real(src, dst, *args, **kwargs)
        return wrapped

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "access", fake_access)
    if dirs:
        monkeypatch.setattr(os, "mkdir", guard(os.mkdir, create=True))
    if err != errno.ENOSPC:  # a full disk still lets files be deleted
        for name in ("unlink", "remove", "rmdir"):
            monkeypatch.setattr(os, name, guard(getattr(os, name)))
    for name in ("replace", "rename", "link", "symlink"):
        monkeypatch.setattr(os, name, guard2(getattr(os, name)))
