"""SQLite connection and numbered schema migrations.

The schema version is ``PRAGMA user_version``. Before migrating an existing database a
copy is written beside it, so a failed upgrade never loses a library.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from ..errors import DatabaseTooNew, LibraryNeedsUpgrade
from .faults import from_os_error, from_sqlite_error
from .search_index import SCHEMA as SEARCH_SCHEMA
from .search_index import WORKLOG_SCHEMA as SEARCH_WORKLOG

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        platform TEXT NOT NULL,
        dispute_type TEXT NOT NULL,
        order_no TEXT NOT NULL,
        after_sale_no TEXT NOT NULL DEFAULT '',
        buyer_name TEXT NOT NULL DEFAULT '',
        buyer_phone TEXT NOT NULL DEFAULT '',
        product TEXT NOT NULL DEFAULT '',
        amount TEXT NOT NULL DEFAULT '',
        store_name TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL DEFAULT 'request',
        request_at TEXT, intervention_at TEXT, judgment_at TEXT,
        judgment_ref TEXT NOT NULL DEFAULT '',
        judgment_text TEXT NOT NULL DEFAULT '',
        judgment_against_merchant INTEGER NOT NULL DEFAULT 0,
        appeal_submitted_at TEXT, appeal_rejected_at TEXT,
        appeals_used INTEGER NOT NULL DEFAULT 0,
        shipped_at TEXT, closed_at TEXT,
        outcome TEXT NOT NULL DEFAULT '',
        statement TEXT NOT NULL DEFAULT '',
        appeal_points TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
    );
    CREATE INDEX cases_order ON cases(order_no);
    CREATE TABLE exhibits (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        kind_guess TEXT NOT NULL DEFAULT '',
        kind_confidence REAL NOT NULL DEFAULT 0,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        source_name TEXT NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        is_new INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL,
        facts TEXT NOT NULL DEFAULT '{}',
        warnings TEXT NOT NULL DEFAULT '[]',
        removed_at TEXT
    );
    CREATE INDEX exhibits_case ON exhibits(case_id, position);
    CREATE INDEX exhibits_sha ON exhibits(sha256);
    CREATE TABLE log (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX log_case ON log(case_id, id);
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        mode TEXT NOT NULL,
        profile TEXT NOT NULL,
        files TEXT NOT NULL,
        bundle_sha256s TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL
    );
    -- Blobs being written: a crash between writing a blob and its exhibit row leaves a row
    -- here, so the next open can remove the unreferenced blob (see Library._recover).
    CREATE TABLE pending_blobs (
        sha256 TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started_at TEXT NOT NULL
    );
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: a bulk import matches each row on its after-sale number (issue 14)
    """
    CREATE INDEX IF NOT EXISTS cases_after_sale ON cases(platform, after_sale_no);
    """,
    # 3: a dispute is a process (issue 9): the instants that move stages and stop clocks,
    # the hours each clock started with, exports (drafts) apart from submissions (what went to
    # the platform, bytes kept), decisions, and the user's override of the "new evidence" mark.
    """
    ALTER TABLE cases ADD COLUMN replied_at TEXT;
    ALTER TABLE cases ADD COLUMN refund_handled_at TEXT;
    ALTER TABLE cases ADD COLUMN evidence_submitted_at TEXT;
    ALTER TABLE cases ADD COLUMN supplement_requested_at TEXT;
    ALTER TABLE cases ADD COLUMN supplement_submitted_at TEXT;
    ALTER TABLE cases ADD COLUMN remedied_at TEXT;
    ALTER TABLE cases ADD COLUMN appeal_decided_at TEXT;
    ALTER TABLE cases ADD COLUMN penalty_at TEXT;
    ALTER TABLE cases ADD COLUMN penalty_appeal_submitted_at TEXT;
    ALTER TABLE cases ADD COLUMN penalty_appeal_rejected_at TEXT;
    ALTER TABLE cases ADD COLUMN zone TEXT NOT NULL DEFAULT '';
    ALTER TABLE cases ADD COLUMN clock_hours TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE submissions RENAME TO exports;
    ALTER TABLE exports ADD COLUMN audience TEXT NOT NULL DEFAULT 'platform';
    ALTER TABLE exports ADD COLUMN bundle_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE exports ADD COLUMN pages TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX exports_case ON exports(case_id, id);
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        export_id INTEGER,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        bundle_id TEXT NOT NULL DEFAULT '',
        manifest_sha256 TEXT NOT NULL DEFAULT '',
        mode TEXT NOT NULL DEFAULT '',
        exhibits TEXT NOT NULL DEFAULT '[]',
        statement TEXT NOT NULL DEFAULT '',
        forced_reason TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX submissions_case ON submissions(case_id, id);
    CREATE TABLE submission_files (
        submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX submission_files_sha ON submission_files(sha256);
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        submission_id INTEGER REFERENCES submissions(id),
        decision TEXT NOT NULL,
        at TEXT NOT NULL,
        refund TEXT NOT NULL DEFAULT '',
        ref TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX decisions_case ON decisions(case_id, id);
    ALTER TABLE exhibits ADD COLUMN new_override INTEGER;
    UPDATE exhibits SET new_override = 1 WHERE is_new = 1;
    """,
    # 4: a case handed over from another library (issue 11) keeps its number there
    """
    ALTER TABLE cases ADD COLUMN imported_from TEXT NOT NULL DEFAULT '';
    """,
    # 5: the merchant's work-order log (售后工单), written in the case with a time each
    """
    CREATE TABLE worklog (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX worklog_case ON worklog(case_id, at);
    """,
    # 6: search everything (issue 11): FTS5 tables, and triggers that queue what changes; the
    # whole library is queued, so the first catch-up is the backfill (store/search_index.py)
    SEARCH_SCHEMA,
    # 7: the work-order log (migration 5) is searched too (store/search_index.py)
    SEARCH_WORKLOG,
]

SCHEMA_VERSION = len(MIGRATIONS)


def writable(path: Path) -> bool:
    """Can the database and its folder be written (the folder holds the WAL files)?"""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``. A library on a
    read-only folder or disk is opened read-only (see :func:`connect_read_only`)."""
    existed = path.exists()
    if existed and not writable(path):
        return connect_read_only(path)
    try:
        conn = sqlite3.connect(str(path), timeout=10, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=10000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as e:
        raise from_sqlite_error(e, path) from e
    _check_version(conn, version)
    if version < SCHEMA_VERSION:
        try:
            if existed and version > 0:
                shutil.copy2(path, path.with_name(f"{path.name}.v{version}.bak"))
            migrate(conn, version)
        except OSError as e:
            conn.close()
            raise from_os_error(e, path) from e
        except sqlite3.Error as e:
            conn.close()
            raise from_sqlite_error(e, path) from e
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only: every read works, every write is refused by SQLite (and named as such).
    Without write access to the folder SQLite cannot make the WAL index, so the file is
    then read as immutable (a cleanly closed library has nothing left in its WAL)."""
    uri = path.resolve().as_uri()
    conn = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(uri + query, uri=True, timeout=10, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            break
        except sqlite3.Error as e:
            if conn is not None:
                conn.close()
                conn = None
            error = e
    if conn is None:
        raise from_sqlite_error(error, path) from error
    _check_version(conn, version)
    if version < SCHEMA_VERSION:
        conn.close()
        raise LibraryNeedsUpgrade(path=path)
    return conn


def _check_version(conn: sqlite3.Connection, version: int) -> None:
    if version > SCHEMA_VERSION:
        conn.close()
        raise DatabaseTooNew()


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    for number in range(from_version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for stmt in MIGRATIONS[number].split(";\n"):
                if stmt.strip():
                    conn.execute(stmt)
            conn.execute(f"PRAGMA user_version={number + 1}")
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
