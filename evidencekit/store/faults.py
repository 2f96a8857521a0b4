"""What went wrong with the library's files, in words that point at the cause.

A read-only folder, a full disk or a database held by another program are not damage, and
"restore it from a backup" would lose recent work; the library is called damaged only when
SQLite's own integrity check says so.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import URL

from ..errors import (
    DatabaseCannotOpen,
    DatabaseDamaged,
    DatabaseFailed,
    DiskFull,
    LibraryBusy,
    LibraryFileIo,
    LibraryReadOnly,
    ReviewerCannotWrite,
    StoreError,
    TeamDatabaseUnreachable,
)

_NO_WRITE = (errno.EROFS, errno.EACCES, errno.EPERM)
_FULL = (errno.ENOSPC, errno.EDQUOT)


def read_only(path: Path) -> StoreError:
    return LibraryReadOnly(path=path)


def disk_full(path: Path) -> StoreError:
    return DiskFull(path=path)


def from_os_error(e: OSError, path: Path) -> StoreError:
    """A library file operation that failed, named by its cause and path."""
    where = Path(e.filename) if e.filename else path
    if e.errno in _NO_WRITE:
        return read_only(where)
    if e.errno in _FULL:
        return disk_full(where)
    return LibraryFileIo(path=where, reason=e.strerror or e)


def from_dbapi_error(e: Exception, db: Path) -> StoreError:
    """What SQLAlchemy wraps (``DBAPIError.orig``), named by its cause."""
    orig = getattr(e, "orig", None) or e
    if isinstance(orig, sqlite3.Error):
        return from_sqlite_error(orig, db)
    return DatabaseFailed(path=db, reason=orig)


def from_sqlite_error(e: sqlite3.Error, db: Path) -> StoreError:
    text = str(e).lower()
    if "readonly" in text or "read-only" in text:
        return read_only(db)
    if "full" in text or ("disk i/o" in text and _no_space(db)):
        return disk_full(db)
    if "locked" in text or "busy" in text:
        return LibraryBusy(path=db)
    if "unable to open" in text:
        return DatabaseCannotOpen(path=db)
    if damaged(db):
        return DatabaseDamaged(path=db, reason=e)
    return DatabaseFailed(path=db, reason=e)


def _no_space(db: Path) -> bool:
    try:
        return shutil.disk_usage(db.parent).free < 256 * 1024
    except OSError:
        return False


def damaged(db: Path) -> bool:
    """SQLite's own check, on a separate read-only connection; only what it calls corrupt
    counts (a disk error or a lock is not damage)."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                               timeout=5)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
        return not row or row[0] != "ok"
    except sqlite3.DatabaseError as e:
        text = str(e).lower()
        return any(w in text for w in ("malformed", "not a database", "corrupt"))
    except sqlite3.Error:
        return False


# ---- a team library (PostgreSQL) ---------------------------------------------------------------
# SQLSTATE codes (PostgreSQL's appendix A): what the user can do about each differs.
_PG_PERMISSION = "42501"  # insufficient_privilege: a reviewer's write
_PG_BUSY = ("55P03", "40001", "40P01")  # lock wait over, serialization failure, deadlock
_PG_FULL = ("53100",)  # disk_full
_PG_READ_ONLY = ("25006",)  # a standby server


def _sqlstate(e: Exception) -> str:
    orig = getattr(e, "orig", None) or e
    return getattr(orig, "sqlstate", None) or ""


def permission_denied(e: Exception) -> bool:
    return _sqlstate(e) == _PG_PERMISSION


def from_postgres_error(e: Exception, url: URL) -> StoreError:
    """What went wrong with the team database, named by its cause (psycopg's SQLSTATE)."""
    from . import postgres
    shown = postgres.shown(url)
    orig = getattr(e, "orig", None) or e
    state = _sqlstate(e)
    if state == _PG_PERMISSION:
        return ReviewerCannotWrite(url=shown, staff=postgres.role_names(url)[postgres.STAFF])
    if state in _PG_BUSY:
        return LibraryBusy(path=shown)
    if state in _PG_FULL:
        return DiskFull(path=shown)
    if state in _PG_READ_ONLY:
        return LibraryReadOnly(path=shown)
    if state.startswith("08") or state.startswith("57P") or type(orig).__name__ == "OperationalError":
        return TeamDatabaseUnreachable(url=shown, reason=str(orig).strip().splitlines()[0] if str(orig).strip()
                                       else type(orig).__name__)
    return DatabaseFailed(path=shown, reason=orig)
