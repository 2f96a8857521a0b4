"""``backup`` and ``restore``: the whole library, copied consistently.

A backup folder is itself a library folder (``evidencekit.db``, ``blobs/``, ``keys/``,
``rules/``, ``profiles/``) plus ``evidencekit-backup.json`` saying what it is. The database is
copied first with SQLite's online backup (writers may go on meanwhile), then every blob
that copy names, by hash: blobs never change once written, so a second run copies only the
new ones. Each copied blob is hashed on the way; a damaged one stops the run.
Kept parsed contents (``contents/``) are not copied: they are remade from the originals.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import BackupBlobDamaged, BackupBlobMissing, BackupFolderNotBackup, RestoreTargetNotEmpty
from ..progress import CancelLike, ProgressFn, check_cancel, no_progress
from ..store import transfer
from ..store.blobs import CHUNK
from ..timeutil import to_iso, utcnow

MARKER = "evidencekit-backup.json"
DB_NAME = "evidencekit.db"
SIDE_FOLDERS = ("keys", "rules", "profiles")  # small files, copied whole each run


@dataclass
class BackupResult:
    folder: Path
    blobs_total: int
    blobs_copied: int
    blobs_present: int
    bytes_copied: int
    database_bytes: int

    def to_dict(self) -> dict:
        return {k: str(v) if isinstance(v, Path) else v for k, v in vars(self).items()}


@dataclass
class RestoreResult:
    folder: Path
    blobs: int
    bytes: int

    def to_dict(self) -> dict:
        return {"folder": str(self.folder), "blobs": self.blobs, "bytes": self.bytes}


def _blob_rel(sha: str) -> Path:
    return Path("blobs") / sha[:2] / sha


def _copy_checked(src: Path, dst: Path, sha: str, where: str) -> int:
    """Copy ``src`` to ``dst`` (temp name, then rename), hashing it; refuses a damaged blob."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.part")
    h = hashlib.sha256()
    size = 0
    try:
        with open(src, "rb") as i, open(tmp, "wb") as o:
            while chunk := i.read(CHUNK):
                h.update(chunk)
                o.write(chunk)
                size += len(chunk)
            o.flush()
            os.fsync(o.fileno())
        if h.hexdigest() != sha:
            raise BackupBlobDamaged(sha=sha, where=where)
        os.chmod(tmp, 0o444)
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return size


def _copy_side_folders(src_root: Path, dst_root: Path) -> None:
    for name in SIDE_FOLDERS:
        src = src_root / name
        if not src.is_dir():
            continue
        for p in sorted(src.rglob("*")):
            if p.is_file() and not p.is_symlink() and not p.name.startswith("."):
                target = dst_root / name / p.relative_to(src)
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
                shutil.copyfile(p, tmp)
                os.chmod(tmp, p.stat().st_mode & 0o777)  # the seal key stays 0600
                os.replace(tmp, target)


def _refuse_team_library(lib_root: Path) -> None:
    """A team library's rows are in PostgreSQL: its owner backs it up with pg_dump (a copy of
    this folder would hold none of them)."""
    from ..errors import TeamBackupUsePgDump
    from ..store import location, postgres
    where = location.resolve(lib_root, None, lib_root)
    if where.url is not None:
        raise TeamBackupUsePgDump(url=postgres.shown(where.url), database=where.url.database)


def backup_library(lib_root: Path | str, dest: Path | str, *, now: datetime | None = None,
                   progress: ProgressFn = no_progress,
                   cancel: CancelLike | None = None) -> BackupResult:
    lib_root, dest = Path(lib_root), Path(dest).expanduser()
    _refuse_team_library(lib_root)
    if dest.exists() and any(dest.iterdir()) and not (dest / MARKER).is_file():
        raise BackupFolderNotBackup(folder=dest)
    dest.mkdir(parents=True, exist_ok=True)
    db_tmp = dest / f".{DB_NAME}.{os.getpid()}.part"
    try:
        progress(0.0, "复制数据库", "Copying the database")
        transfer.snapshot_database(lib_root / DB_NAME, db_tmp)
        wanted = transfer.referenced_blobs(db_tmp)  # what this copy of the database names
        copied = present = nbytes = 0
        todo = sorted(wanted)
        for n, sha in enumerate(todo, start=1):
            check_cancel(cancel)
            target = dest / _blob_rel(sha)
            if target.is_file() and target.stat().st_size == wanted[sha]:
                present += 1
            else:
                src = lib_root / _blob_rel(sha)
                if not src.is_file():
                    raise BackupBlobMissing(sha=sha)
                nbytes += _copy_checked(src, target, sha, str(src))
                copied += 1
            progress(0.05 + 0.9 * n / max(1, len(todo)), f"复制原件 {n}/{len(todo)}",
                     f"Copying originals {n}/{len(todo)}")
        _copy_side_folders(lib_root, dest)
        os.replace(db_tmp, dest / DB_NAME)
    except BaseException:
        db_tmp.unlink(missing_ok=True)
        raise
    result = BackupResult(folder=dest, blobs_total=len(wanted), blobs_copied=copied,
                          blobs_present=present, bytes_copied=nbytes,
                          database_bytes=(dest / DB_NAME).stat().st_size)
    marker = {"format": "evidencekit-backup", "version": 1, "made_at": to_iso(now or utcnow()),
              "library": str(lib_root.resolve())} | result.to_dict()
    tmp = dest / f".{MARKER}.{os.getpid()}"
    tmp.write_text(json.dumps(marker, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, dest / MARKER)
    progress(1.0, "完成", "Done")
    return result


def restore_library(backup: Path | str, target: Path | str, *, progress: ProgressFn = no_progress,
                    cancel: CancelLike | None = None) -> RestoreResult:
    """Restore a backup folder into ``target`` (new or empty). Built beside the target and
    renamed into place last: a failure leaves no half library."""
    backup, target = Path(backup).expanduser(), Path(target).expanduser()
    if not (backup / MARKER).is_file() or not (backup / DB_NAME).is_file():
        raise BackupFolderNotBackup(folder=backup)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise RestoreTargetNotEmpty(folder=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.with_name(f".{target.name}.restoring-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.mkdir()
        transfer.snapshot_database(backup / DB_NAME, work / DB_NAME)
        wanted = transfer.referenced_blobs(work / DB_NAME)
        nbytes = 0
        for n, sha in enumerate(sorted(wanted), start=1):
            check_cancel(cancel)
            src = backup / _blob_rel(sha)
            if not src.is_file():
                raise BackupBlobMissing(sha=sha)
            nbytes += _copy_checked(src, work / _blob_rel(sha), sha, str(src))
            progress(0.05 + 0.9 * n / max(1, len(wanted)), f"恢复原件 {n}/{len(wanted)}",
                     f"Restoring originals {n}/{len(wanted)}")
        _copy_side_folders(backup, work)
        for sub in ("blobs", "rules", "profiles"):
            (work / sub).mkdir(exist_ok=True)
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    progress(1.0, "完成", "Done")
    return RestoreResult(folder=target, blobs=len(wanted), bytes=nbytes)
