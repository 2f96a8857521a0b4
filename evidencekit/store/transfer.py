"""The SQL that moving a case or a library needs (issue 11), kept in one module.

A case travels as its rows, column by column, so nothing is lost on the way: the case, its
exhibits (removed ones too: the log names them), log, exports, submissions with their files,
and decisions. On arrival every id is new; references between the rows are mapped to the
new ids. Blobs are the store's (:class:`~evidencekit.store.blobs.BlobStore`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..timeutil import to_iso

if TYPE_CHECKING:
    from .library import Library

# The tables a case is made of, in the order they are inserted (a row's references first).
CASE_TABLES = ("cases", "exhibits", "log", "exports", "submissions", "submission_files",
               "decisions", "worklog")


def _rows(conn: sqlite3.Connection, sql: str, args: tuple) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def case_rows(lib: "Library", case_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row of a case, as plain values (JSON-ready), by table."""
    c = lib.conn
    subs = _rows(c, "SELECT * FROM submissions WHERE case_id=? ORDER BY id", (case_id,))
    files: list[dict[str, Any]] = []
    for s in subs:
        files += _rows(c, "SELECT * FROM submission_files WHERE submission_id=? ORDER BY position",
                       (s["id"],))
    return {
        "cases": _rows(c, "SELECT * FROM cases WHERE id=?", (case_id,)),
        "exhibits": _rows(c, "SELECT * FROM exhibits WHERE case_id=? ORDER BY id", (case_id,)),
        "log": _rows(c, "SELECT * FROM log WHERE case_id=? ORDER BY id", (case_id,)),
        "exports": _rows(c, "SELECT * FROM exports WHERE case_id=? ORDER BY id", (case_id,)),
        "submissions": subs,
        "submission_files": files,
        "decisions": _rows(c, "SELECT * FROM decisions WHERE case_id=? ORDER BY id", (case_id,)),
        "worklog": _rows(c, "SELECT * FROM worklog WHERE case_id=? ORDER BY id", (case_id,)),
    }


def columns(lib: "Library", table: str) -> set[str]:
    return {r[1] for r in lib.conn.execute(f"PRAGMA table_info({table})")}


def unknown_columns(lib: "Library", rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """``table.column`` names in ``rows`` this library's schema does not have (a newer writer)."""
    out = []
    for table in CASE_TABLES:
        have = columns(lib, table)
        for name in sorted({k for r in rows.get(table, []) for k in r} - have):
            out.append(f"{table}.{name}")
    return out


def _insert(lib: "Library", table: str, row: dict[str, Any]) -> int:
    names = list(row)
    cur = lib.conn.execute(f"INSERT INTO {table}({', '.join(names)}) VALUES "
                           f"({', '.join('?' * len(names))})", [row[n] for n in names])
    return int(cur.lastrowid or 0)


def _remap_points(raw: str, exhibit_ids: dict[int, int]) -> str:
    try:
        points = json.loads(raw or "[]")
        for p in points:
            p["exhibit_ids"] = [exhibit_ids[int(i)] for i in p.get("exhibit_ids", [])
                                if int(i) in exhibit_ids]
        return json.dumps(points, ensure_ascii=False)
    except (ValueError, TypeError, AttributeError):
        return raw  # kept as it was: the library sets an unreadable value aside when shown


def insert_case(lib: "Library", rows: dict[str, list[dict[str, Any]]], *, detail: str) -> int:
    """Insert a case's rows under new ids (inside the caller's transaction); returns the new
    case id. The case gets this library's next number; its old number is kept in
    ``imported_from``. ``detail`` is the log entry saying where it came from."""
    case = dict(rows["cases"][0])
    old_no = str(case.get("case_no", ""))
    case.pop("id", None)
    case["case_no"] = f"import-{os.getpid()}-{os.urandom(4).hex()}"  # unique until numbered
    case["imported_from"] = old_no
    case["deleted_at"] = None  # handed over to be worked on, not to the trash
    case_id = _insert(lib, "cases", case)
    lib.conn.execute("UPDATE cases SET case_no=? WHERE id=?", (f"EK-{case_id:05d}", case_id))
    ex_ids: dict[int, int] = {}
    for r in rows["exhibits"]:
        r = dict(r)
        old = r.pop("id")
        r["case_id"] = case_id
        ex_ids[int(old)] = _insert(lib, "exhibits", r)
    points = lib.conn.execute("SELECT appeal_points FROM cases WHERE id=?", (case_id,)).fetchone()[0]
    lib.conn.execute("UPDATE cases SET appeal_points=? WHERE id=?",
                     (_remap_points(points, ex_ids), case_id))
    for r in rows["log"]:
        r = dict(r)
        r.pop("id")
        r["case_id"] = case_id
        _insert(lib, "log", r)
    export_ids: dict[int, int] = {}
    for r in rows["exports"]:
        r = dict(r)
        old = r.pop("id")
        r["case_id"] = case_id
        export_ids[int(old)] = _insert(lib, "exports", r)
    sub_ids: dict[int, int] = {}
    for r in rows["submissions"]:
        r = dict(r)
        old = r.pop("id")
        r["case_id"] = case_id
        if r.get("export_id") is not None:
            r["export_id"] = export_ids.get(int(r["export_id"]))
        sub_ids[int(old)] = _insert(lib, "submissions", r)
    for r in rows["submission_files"]:
        r = dict(r)
        r["submission_id"] = sub_ids[int(r["submission_id"])]
        _insert(lib, "submission_files", r)
    for r in rows["decisions"]:
        r = dict(r)
        r.pop("id")
        r["case_id"] = case_id
        if r.get("submission_id") is not None:
            r["submission_id"] = sub_ids.get(int(r["submission_id"]))
        _insert(lib, "decisions", r)
    for r in rows.get("worklog", []):  # packages made before the work-order log have none
        r = dict(r)
        r.pop("id")
        r["case_id"] = case_id
        _insert(lib, "worklog", r)
    lib._log(case_id, "case_imported", detail)
    return case_id


def mark_pending(lib: "Library", shas: list[str]) -> None:
    """Blobs about to be written: a kill before their rows exist lets the next open remove them."""
    with lib._tx():
        for sha in shas:
            lib.conn.execute("INSERT INTO pending_blobs(sha256, pid, started_at) VALUES (?,?,?)",
                             (sha, os.getpid(), to_iso(lib.clock())))


def clear_pending(lib: "Library", shas: list[str]) -> None:
    """Inside the transaction that wrote the rows naming these blobs."""
    for sha in shas:
        lib.conn.execute("DELETE FROM pending_blobs WHERE rowid IN (SELECT rowid FROM pending_blobs"
                         " WHERE sha256=? AND pid=? LIMIT 1)", (sha, os.getpid()))


def undo_blobs(lib: "Library", shas: list[str]) -> None:
    """A failed import: remove the blobs it added that nothing else uses, and its markers."""
    with lib._tx():
        for sha in shas:
            clear_pending(lib, [sha])
            used = lib.conn.execute(
                "SELECT 1 FROM exhibits WHERE sha256=? UNION ALL SELECT 1 FROM submission_files "
                "WHERE sha256=? UNION ALL SELECT 1 FROM pending_blobs WHERE sha256=? LIMIT 1",
                (sha, sha, sha)).fetchone()
            if not used:
                lib.blobs.remove(sha)


def imports_of(lib: "Library", case_no: str) -> list[str]:
    """Numbers of the cases here that were imported from a case numbered ``case_no``."""
    return [r[0] for r in lib.conn.execute(
        "SELECT case_no FROM cases WHERE imported_from=? ORDER BY id", (case_no,))]


# ---- the whole library ---------------------------------------------------------------------
def snapshot_database(source: Path, dest: Path) -> None:
    """A consistent copy of the database at ``source`` (SQLite's online backup: writers may
    go on meanwhile), as one self-contained file at ``dest``."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        out = sqlite3.connect(str(dest))
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        finally:
            out.close()
    finally:
        src.close()


def referenced_blobs(db_path: Path) -> dict[str, int]:
    """SHA-256 → size of every blob the database at ``db_path`` names."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out: dict[str, int] = {}
        for sha, size in conn.execute("SELECT sha256, size FROM exhibits UNION "
                                      "SELECT sha256, size FROM submission_files"):
            out[sha] = size
        return out
    finally:
        conn.close()
