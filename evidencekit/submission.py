"""Record that exported bundle files went to the platform ("标记为已提交").

The one entry for the CLI and the app: read each file's embedded manifest (export side), then
let the library check they are one export of this case, keep their bytes, stop the clock the
submission answers and move the stage (store side).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import NoBundleGiven


def submit(library: Any, case_id: int, files: list, *, as_kind: str = "evidence",
           at: datetime | None = None, force: bool = False, reason: str = "") -> dict:
    """Returns the submission record (``Library.submissions`` shape). Raises (changing
    nothing) when the files are not one export of this case, or at the platform's appeal limit
    without ``force`` and ``reason``."""
    from .export.verify import read_manifest
    if not files:
        raise NoBundleGiven()
    parts = []
    for f in files:
        path = Path(f).expanduser()
        manifest, intact = read_manifest(path) if path.is_file() else ({}, True)
        parts.append((path, manifest, intact))
    return library.record_submission(case_id, parts, as_kind=as_kind, at=at, force=force,
                                     reason=reason)
