"""What moving a case or a library needs (issue 11), kept in one module.

A case travels as its rows, column by column, so nothing is lost on the way: the case, its
exhibits (removed ones too: the log names them), log, exports, submissions with their files,
and decisions. On arrival every id is new; references between the rows are mapped to the
new ids. Blobs are the store's (:class:`~evidencekit.store.blobs.Blobs`).

Rows are read and written with Core on the tables of ``schema.py``; copying the whole
database file is the engine's (``engine.py``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Callable, Protocol

from sqlalchemy import Connection, Table, delete, insert, select, union_all, update

from ..timeutil import to_iso
from .blobs import Blobs
from .db import Database, inserted_id
from .schema import (
    cases,
    decisions,
    exhibits,
    exports,
    log,
    pending_blobs,
    submission_files,
    submissions,
    worklog,
)

# The tables a case is made of, in the order they are inserted (a row's references first).
CASE_TABLES = ("cases", "exhibits", "log", "exports", "submissions", "submission_files",
               "decisions", "worklog")
_TABLES: dict[str, Table] = {"cases": cases, "exhibits": exhibits, "log": log, "exports": exports,
                             "submissions": submissions, "submission_files": submission_files,
                             "decisions": decisions, "worklog": worklog}


class Library(Protocol):
    """What these operations use of :class:`~evidencekit.store.library.Library`."""

    db: Database

    @property
    def blobs(self) -> Blobs: ...
    @property
    def clock(self) -> Callable[[], Any]: ...
    def _log(self, conn: Connection, case_id: int, action: str, detail: str = "",
             source: str = "") -> None: ...


def _rows(conn: Connection, stmt) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(stmt).mappings()]


def case_rows(lib: Library, case_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row of a case, as plain values (JSON-ready), by table."""
    with lib.db.read() as c:
        subs = _rows(c, select(submissions).where(submissions.c.case_id == case_id)
                     .order_by(submissions.c.id))
        files: list[dict[str, Any]] = []
        for s in subs:
            files += _rows(c, select(submission_files).where(
                submission_files.c.submission_id == s["id"]).order_by(submission_files.c.position))
        return {
            "cases": _rows(c, select(cases).where(cases.c.id == case_id)),
            "exhibits": _rows(c, select(exhibits).where(exhibits.c.case_id == case_id)
                              .order_by(exhibits.c.id)),
            "log": _rows(c, select(log).where(log.c.case_id == case_id).order_by(log.c.id)),
            "exports": _rows(c, select(exports).where(exports.c.case_id == case_id)
                             .order_by(exports.c.id)),
            "submissions": subs,
            "submission_files": files,
            "decisions": _rows(c, select(decisions).where(decisions.c.case_id == case_id)
                               .order_by(decisions.c.id)),
            "worklog": _rows(c, select(worklog).where(worklog.c.case_id == case_id)
                             .order_by(worklog.c.id)),
        }


def columns(lib: Library, table: str) -> set[str]:
    """The columns this program's schema gives ``table`` (the library is at this schema once
    opened: ``migrate.upgrade`` ran)."""
    return {c.name for c in _TABLES[table].columns}


def unknown_columns(lib: Library, rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """``table.column`` names in ``rows`` this library's schema does not have (a newer writer)."""
    out = []
    for table in CASE_TABLES:
        have = columns(lib, table)
        for name in sorted({k for r in rows.get(table, []) for k in r} - have):
            out.append(f"{table}.{name}")
    return out


def _insert(conn: Connection, table: str, row: dict[str, Any]) -> int:
    result = conn.execute(insert(_TABLES[table]).values(row))
    return inserted_id(result) if _TABLES[table].primary_key.columns else 0


def _remap_points(raw: str, exhibit_ids: dict[int, int]) -> str:
    try:
        points = json.loads(raw or "[]")
        for p in points:
            p["exhibit_ids"] = [exhibit_ids[int(i)] for i in p.get("exhibit_ids", [])
                                if int(i) in exhibit_ids]
        return json.dumps(points, ensure_ascii=False)
    except (ValueError, TypeError, AttributeError):
        return raw  # kept as it was: the library sets an unreadable value aside when shown


def insert_case(lib: Library, rows: dict[str, list[dict[str, Any]]], *, detail: str) -> int:
    """Insert a case's rows under new ids (inside the caller's transaction); returns the new
    case id. The case gets this library's next number; its old number is kept in
    ``imported_from``. ``detail`` is the log entry saying where it came from."""
    with lib.db.write() as conn:
        case = dict(rows["cases"][0])
        old_no = str(case.get("case_no", ""))
        case.pop("id", None)
        case["case_no"] = f"import-{os.getpid()}-{os.urandom(4).hex()}"  # unique until numbered
        case["imported_from"] = old_no
        case["deleted_at"] = None  # handed over to be worked on, not to the trash
        case_id = _insert(conn, "cases", case)
        conn.execute(update(cases).where(cases.c.id == case_id).values(case_no=f"EK-{case_id:05d}"))
        ex_ids: dict[int, int] = {}
        for r in rows["exhibits"]:
            r = dict(r)
            old = r.pop("id")
            r["case_id"] = case_id
            ex_ids[int(old)] = _insert(conn, "exhibits", r)
        points = conn.execute(select(cases.c.appeal_points).where(cases.c.id == case_id)).scalar_one()
        conn.execute(update(cases).where(cases.c.id == case_id)
                     .values(appeal_points=_remap_points(points, ex_ids)))
        for r in rows["log"]:
            r = dict(r)
            r.pop("id")
            r["case_id"] = case_id
            _insert(conn, "log", r)
        export_ids: dict[int, int] = {}
        for r in rows["exports"]:
            r = dict(r)
            old = r.pop("id")
            r["case_id"] = case_id
            export_ids[int(old)] = _insert(conn, "exports", r)
        sub_ids: dict[int, int] = {}
        for r in rows["submissions"]:
            r = dict(r)
            old = r.pop("id")
            r["case_id"] = case_id
            if r.get("export_id") is not None:
                r["export_id"] = export_ids.get(int(r["export_id"]))
            sub_ids[int(old)] = _insert(conn, "submissions", r)
        for r in rows["submission_files"]:
            r = dict(r)
            r["submission_id"] = sub_ids[int(r["submission_id"])]
            _insert(conn, "submission_files", r)
        for r in rows["decisions"]:
            r = dict(r)
            r.pop("id")
            r["case_id"] = case_id
            if r.get("submission_id") is not None:
                r["submission_id"] = sub_ids.get(int(r["submission_id"]))
            _insert(conn, "decisions", r)
        for r in rows.get("worklog", []):  # packages made before the work-order log have none
            r = dict(r)
            r.pop("id")
            r["case_id"] = case_id
            _insert(conn, "worklog", r)
        lib._log(conn, case_id, "case_imported", detail)  # marks the case: its summary is kept
    return case_id


def mark_pending(lib: Library, shas: list[str]) -> None:
    """Blobs about to be written: a kill before their rows exist lets the next open remove them."""
    with lib.db.write() as conn:
        for sha in shas:
            conn.execute(insert(pending_blobs).values(sha256=sha, pid=os.getpid(),
                                                      started_at=to_iso(lib.clock())))


def clear_pending(lib: Library, shas: list[str]) -> None:
    """Inside the transaction that wrote the rows naming these blobs."""
    with lib.db.write() as conn:
        for sha in shas:
            conn.execute(delete(pending_blobs).where(pending_blobs.c.sha256 == sha,
                                                     pending_blobs.c.pid == os.getpid()))


def undo_blobs(lib: Library, shas: list[str]) -> None:
    """A failed import: remove the blobs it added that nothing else uses, and its markers."""
    with lib.db.write() as conn:
        for sha in shas:
            clear_pending(lib, [sha])
            used = conn.execute(union_all(
                select(exhibits.c.sha256).where(exhibits.c.sha256 == sha),
                select(submission_files.c.sha256).where(submission_files.c.sha256 == sha),
                select(pending_blobs.c.sha256).where(pending_blobs.c.sha256 == sha)).limit(1)).first()
            if not used:
                lib.blobs.remove(sha)


def imports_of(lib: Library, case_no: str) -> list[str]:
    """Numbers of the cases here that were imported from a case numbered ``case_no``."""
    with lib.db.read() as conn:
        return list(conn.execute(select(cases.c.case_no).where(cases.c.imported_from == case_no)
                                 .order_by(cases.c.id)).scalars())


# ---- the whole library (a local SQLite file) ------------------------------------------------
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
