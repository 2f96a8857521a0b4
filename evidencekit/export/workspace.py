"""Where an export works, and how its files reach the destination whole or not at all."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..progress import CancelLike, check_cancel


@contextmanager
def work_folder() -> Iterator[Path]:
    """A private temp folder for one export, removed however the export ends."""
    tmp = Path(tempfile.mkdtemp(prefix="evidencekit-export-"))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def move_into_place(paths: list[Path], out: Path, cancel: CancelLike | None) -> list[Path]:
    """Move finished files beside ``out`` under their names; all of them or none.

    Each file first goes to a hidden ``.NAME.partial`` beside the destination (a rename on
    the same file system: no copy of a large bundle), then every partial is renamed. A
    cancel or failure before the renames leaves no partial and no final file behind.
    """
    finals = [out.with_name(p.name) for p in paths]
    partials: list[Path] = []
    try:
        for p, final in zip(paths, finals, strict=True):
            partial = final.with_name(f".{final.name}.partial")
            partials.append(partial)
            try:
                os.replace(p, partial)
            except OSError:
                shutil.copyfile(p, partial)
        check_cancel(cancel)
        for partial, final in zip(partials, finals, strict=True):
            os.replace(partial, final)
        partials.clear()
        return finals
    finally:
        for partial in partials:
            partial.unlink(missing_ok=True)
