"""Imports that have not finished: which files of a batch are still to be attached.

An app that is killed (or closed) in the middle of a 240-photo import must be able to say at
the next start that 190 files are missing, and add them. The list is kept in the library
(``settings`` key ``unfinished_imports``), so it survives the process: each entry names the
case, the kind asked for, and the files not yet finished. Callers write it from one thread
(the app's writer), so a read-modify-write here needs no lock of its own.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..timeutil import to_iso

if TYPE_CHECKING:
    from .library import Library

KEY = "unfinished_imports"


def new_import_id() -> str:
    return uuid.uuid4().hex[:12]


def remember_import(lib: "Library", case_id: int, paths: Iterable[Path | str],
                    kind: str | None = None, import_id: str | None = None) -> str:
    """Note a batch about to be attached; returns its id (``import_id`` if given)."""
    import_id = import_id or new_import_id()
    entries = list(lib.setting(KEY, []) or [])
    entries.append({"id": import_id, "case_id": int(case_id), "kind": kind,
                    "started_at": to_iso(lib.clock()), "files": [str(p) for p in paths]})
    lib.set_setting(KEY, entries)
    return import_id


def import_file_done(lib: "Library", import_id: str, path: Path | str) -> None:
    """One file of the batch is finished (attached, refused or skipped): no longer to resume.
    The entry goes when its last file does."""
    entries = list(lib.setting(KEY, []) or [])
    changed = False
    for e in entries:
        if e.get("id") == import_id and str(path) in e.get("files", []):
            e["files"].remove(str(path))
            changed = True
    if changed:
        lib.set_setting(KEY, [e for e in entries if e.get("files")])


def forget_import(lib: "Library", import_id: str) -> None:
    """The user stopped the batch (or declined to resume it): nothing left to offer."""
    entries = list(lib.setting(KEY, []) or [])
    kept = [e for e in entries if e.get("id") != import_id]
    if len(kept) != len(entries):
        lib.set_setting(KEY, kept)


def unfinished_imports(lib: "Library") -> list[dict]:
    """Batches with files still to attach, into cases that are still open (not trashed)."""
    out = []
    for e in lib.setting(KEY, []) or []:
        if not e.get("files"):
            continue
        try:
            case = lib.get_case(e["case_id"])
        except Exception:  # noqa: BLE001 - a case since deleted for good: nothing to offer
            continue
        if case.deleted_at is None:
            out.append(dict(e))
    return out
