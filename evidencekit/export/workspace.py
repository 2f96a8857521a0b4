"""Where an export works, and how its files reach the destination whole or not at all.

The work folder is ``evidencekit-export-<pid>-…`` in the system temp folder and each finished
file is first ``.<name>.<pid>.partial`` beside the destination. A process killed mid-export
cannot clean up, so every export first removes the work folders and partial files of
processes that are gone (:func:`clean_stale`). A full disk is named: the temp folder's or
the destination's, never blamed on the library (:func:`naming_full_disk`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DestinationFull, TempFolderFull
from ..progress import CancelLike, check_cancel

PREFIX = "evidencekit-export-"
LEGACY_AGE_S = 6 * 3600  # work folders named before they carried a pid
_FULL = (errno.ENOSPC, errno.EDQUOT)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale(path: Path, pid_text: str | None) -> bool:
    if pid_text is not None:
        return not _alive(int(pid_text))
    try:
        return time.time() - path.stat().st_mtime > LEGACY_AGE_S
    except OSError:
        return False


def clean_stale(temp_root: Path, out: Path) -> int:
    """Remove work folders and partial files left by killed exports; returns how many."""
    n = 0
    try:
        entries = list(temp_root.glob(f"{PREFIX}*"))
    except OSError:
        entries = []
    for d in entries:
        m = re.match(rf"{re.escape(PREFIX)}(\d+)-", d.name)
        if d.is_dir() and _stale(d, m.group(1) if m else None):
            shutil.rmtree(d, ignore_errors=True)
            n += 1
    stem = re.escape(out.stem)
    pattern = re.compile(rf"\.{stem}(-\d+)?\.pdf(\.(\d+))?\.partial$")
    try:
        siblings = list(out.parent.iterdir())
    except OSError:
        siblings = []
    for f in siblings:
        m = pattern.match(f.name)
        if m and f.is_file() and _stale(f, m.group(3)):
            f.unlink(missing_ok=True)
            n += 1
    return n


@contextmanager
def naming_full_disk(tmp: Path, out: Path) -> Iterator[None]:
    """A full disk while exporting: say which one (the temp folder or the destination)."""
    try:
        yield
    except OSError as e:
        if e.errno not in _FULL:
            raise
        where = Path(e.filename) if e.filename else tmp
        if str(where).startswith(str(out.parent)) and not str(where).startswith(str(tmp)):
            raise DestinationFull(path=out.parent) from e
        raise TempFolderFull(path=tmp.parent) from e


@contextmanager
def work_folder() -> Iterator[Path]:
    """A private temp folder for one export, removed however the export ends."""
    tmp = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def move_into_place(paths: list[Path], out: Path, cancel: CancelLike | None) -> list[Path]:
    """Move finished files beside ``out`` under their names; all of them or none.

    Each file first goes to a hidden ``.NAME.PID.partial`` beside the destination (a rename on
    the same file system: no copy of a large bundle), then every partial is renamed. A
    cancel or failure before the renames leaves no partial and no final file behind.
    """
    finals = [out.with_name(p.name) for p in paths]
    partials: list[Path] = []
    try:
        for p, final in zip(paths, finals, strict=True):
            partial = final.with_name(f".{final.name}.{os.getpid()}.partial")
            partials.append(partial)
            try:
                os.replace(p, partial)
            except OSError:
                try:
                    shutil.copyfile(p, partial)
                except OSError as e:
                    e.filename = e.filename or str(partial)  # a full destination, not temp
                    raise
        check_cancel(cancel)
        for partial, final in zip(partials, finals, strict=True):
            os.replace(partial, final)
        partials.clear()
        return finals
    finally:
        for partial in partials:
            partial.unlink(missing_ok=True)
