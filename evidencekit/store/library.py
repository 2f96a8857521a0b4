"""The library API: cases, exhibits, the action log, settings and integrity checks.

Every change runs in one transaction and writes an entry to the case's action log.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

from ..domain import (
    INSTANT_FIELDS,
    MAX_APPEALS_USED,
    OUTCOMES,
    STAGES,
    AppealPoint,
    Case,
    LogEntry,
    implied_stage,
    normalize_amount,
    stage_index,
)
from ..errors import (
    BadAppealsUsed,
    FieldNotSettable,
    LibraryFolderUncreatable,
    NaiveInstant,
    NoLibrary,
    NoSuchCase,
    OrderNumberRequired,
    OutcomeNeedsDecision,
    StoreError,
    StoreZoneRequired,
    UnknownOutcome,
    UnknownStage,
)
from ..rules import RuleSet, load_rules
from ..timeutil import check_instant, to_iso, utcnow
from . import db, faults, process
from .blobs import BlobStore
from .rows import CASE_TEXT, case_from_row, case_value, log_from_row

EDITABLE_CASE_FIELDS = set(CASE_TEXT) - {"case_no", "imported_from"} | set(INSTANT_FIELDS) | {
    "judgment_against_merchant", "appeals_used", "appeal_points"}


def default_library_dir() -> Path:
    env = os.environ.get("EVIDENCEKIT_LIBRARY")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir
    return Path(user_data_dir("EvidenceKit", appauthor=False)) / "library"


def _actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment and no passwd entry
        return "unknown"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Library:
    """A library folder: ``evidencekit.db``, ``blobs/``, ``rules/``, ``profiles/``."""

    DB_NAME = "evidencekit.db"

    def __init__(self, root: Path, conn: sqlite3.Connection, clock: Callable[[], datetime]):
        self.root = root
        self.conn = conn
        self.blobs = BlobStore(root / "blobs")
        self._contents: Any = None  # a ContentStore once asked for (see contents)
        self.clock = clock
        self.actor = _actor()
        self._rules: RuleSet | None = None
        self._tx_depth = 0
        self.read_only = False  # set by open(): reads work, writes are refused with the cause
        self._refusal: StoreError | None = None

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, *, create: bool = True,
             clock: Callable[[], datetime] = utcnow) -> "Library":
        root = Path(root) if root else default_library_dir()
        if not (root / cls.DB_NAME).exists() and not create:
            raise NoLibrary(root=root)
        try:
            root.mkdir(parents=True, exist_ok=True)
            for sub in ("blobs", "rules", "profiles"):
                (root / sub).mkdir(exist_ok=True)
        except OSError as e:
            if not (root / cls.DB_NAME).exists():  # a read-only library still opens for reading
                raise LibraryFolderUncreatable(root=root, reason=e.strerror) from e
        path = root / cls.DB_NAME
        read_only: StoreError | None = None if db.writable(path) else faults.read_only(path)
        try:
            conn = db.connect(path)
        except StoreError as e:
            if e.code != "store_disk_full" or not path.exists():
                raise
            conn, read_only = db.connect_read_only(path), e  # a full disk: still readable
        lib = cls(root, conn, clock)
        lib.read_only, lib._refusal = read_only is not None, read_only
        if not lib.read_only:
            lib._recover()
            lib.decide_file_types()
        return lib

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def rules(self) -> RuleSet:
        if self._rules is None:
            self._rules = load_rules(self.root / "rules")
        return self._rules

    @property
    def contents(self):
        """Chat and trace contents as attach read them (:mod:`evidencekit.ingest.content`)."""
        if self._contents is None:
            from ..ingest.content import ContentStore  # lazy: ingestion loads image libraries
            self._contents = ContentStore(self.root / "contents")
        return self._contents

    @property
    def profiles_dir(self) -> Path:
        return self.root / "profiles"

    def _recover(self) -> None:
        """Undo what a killed process left: temp files and blobs with no exhibit row."""
        rows = self.conn.execute("SELECT rowid, sha256, pid FROM pending_blobs").fetchall()
        used_sql = ("SELECT 1 FROM exhibits WHERE sha256=? UNION ALL "
                    "SELECT 1 FROM submission_files WHERE sha256=? LIMIT 1")
        dead = [r for r in rows if not _pid_alive(r["pid"])]
        live = {r["pid"] for r in rows if _pid_alive(r["pid"])} | {os.getpid()}
        for r in dead:
            with self._tx():
                used = self.conn.execute(used_sql, (r["sha256"], r["sha256"])).fetchone()
                others = self.conn.execute(
                    "SELECT 1 FROM pending_blobs WHERE sha256=? AND rowid<>? LIMIT 1",
                    (r["sha256"], r["rowid"])).fetchone()
                if not used and not others:
                    self.blobs.remove(r["sha256"])
                self.conn.execute("DELETE FROM pending_blobs WHERE rowid=?", (r["rowid"],))
        self.blobs.clean_tmp(live | self._pids_with_tmp_alive())

    def _pids_with_tmp_alive(self) -> set[int]:
        pids = set()
        if self.blobs.tmp.is_dir():
            for f in self.blobs.tmp.iterdir():
                try:
                    pid = int(f.name.split("-", 1)[0])
                except ValueError:
                    continue
                if _pid_alive(pid):
                    pids.add(pid)
        return pids

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        # Inside transaction() a change is a savepoint: a refused change undoes only itself.
        db_path = self.root / self.DB_NAME
        if self.read_only:
            raise self._refusal or faults.read_only(db_path)
        depth = self._tx_depth
        try:
            self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT tx{depth}")
        except sqlite3.Error as e:
            raise faults.from_sqlite_error(e, db_path) from e
        self._tx_depth += 1
        try:
            yield self.conn
        except BaseException as e:
            self._tx_depth = depth
            try:
                self.conn.execute("ROLLBACK" if depth == 0 else f"ROLLBACK TO tx{depth}")
                if depth:
                    self.conn.execute(f"RELEASE tx{depth}")
            except sqlite3.Error:
                pass  # SQLite already rolled back (a full disk does that)
            if isinstance(e, sqlite3.Error):
                raise faults.from_sqlite_error(e, db_path) from e
            raise
        self._tx_depth = depth
        try:
            self.conn.execute("COMMIT" if depth == 0 else f"RELEASE tx{depth}")
        except sqlite3.Error as e:
            if depth == 0:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise faults.from_sqlite_error(e, db_path) from e

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Many changes kept together or not at all (a bulk import: one commit, and a cancel
        leaves nothing behind)."""
        with self._tx():
            yield

    def _log(self, case_id: int, action: str, detail: str = "", source: str = "") -> None:
        if source:  # where the change came from, e.g. "import 售后列表.xlsx row 12"
            detail = f"{detail} ← {source}" if detail else f"← {source}"
        self.conn.execute("INSERT INTO log(case_id, at, actor, action, detail) VALUES (?,?,?,?,?)",
                          (case_id, to_iso(self.clock()), self.actor, action, detail))

    # ---- cases ---------------------------------------------------------------------------
    def create_case(self, *, platform: str, dispute_type: str, order_no: str, source: str = "",
                    **fields: Any) -> Case:
        order_no = (order_no or "").strip()
        if not order_no:
            raise OrderNumberRequired()
        rules = self.rules.platform(platform)
        rules.dispute_type(dispute_type, legacy=False)  # validates both
        if rules.ask_zone and not fields.get("zone"):
            # TikTok Shop: the store's market zone is asked here, once, for every way a case is
            # made (CLI, app, import); a fixed fallback would read typed times hours off.
            raise StoreZoneRequired(platform_zh=rules.name_zh, platform_en=rules.name_en)
        now = to_iso(self.clock())
        with self._tx():
            cur = self.conn.execute(
                "INSERT INTO cases(case_no, platform, dispute_type, order_no, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?)", ("", platform, dispute_type, order_no, now, now))
            case_id = cur.lastrowid
            self.conn.execute("UPDATE cases SET case_no=? WHERE id=?", (f"EK-{case_id:05d}", case_id))
            self._log(case_id, "case_created", f"{platform} / {dispute_type} / {order_no}", source)
            if fields:
                self._apply(case_id, fields, source)
        return self.get_case(case_id)

    def get_case(self, ref: int | str, *, include_deleted: bool = True) -> Case:
        row = None
        text = str(ref).strip()
        if text.isdigit():
            row = self.conn.execute("SELECT * FROM cases WHERE id=?", (int(text),)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT * FROM cases WHERE upper(case_no)=upper(?)",
                                    (text,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT * FROM cases WHERE order_no=? AND deleted_at IS NULL",
                                     (text,)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None or (row["deleted_at"] and not include_deleted):
            raise NoSuchCase(ref=ref)
        case = case_from_row(row)
        case.appeals_submitted = process.appeal_count(self, case.id)
        return case

    def list_cases(self, *, trash: bool = False) -> list[Case]:
        cond = "deleted_at IS NOT NULL" if trash else "deleted_at IS NULL"
        appeals = dict(self.conn.execute("SELECT case_id, COUNT(*) FROM submissions "
                                         "WHERE kind='appeal' GROUP BY case_id").fetchall())
        cases = [case_from_row(r) for r in
                 self.conn.execute(f"SELECT * FROM cases WHERE {cond} ORDER BY id")]
        for c in cases:
            c.appeals_submitted = appeals.get(c.id, 0)
        return cases

    def cases_by_after_sale_no(self, platform: str, numbers: list[str]) -> dict[str, Case]:
        """Cases (trashed ones included) of ``platform`` by after-sale number; one query per
        500 numbers. When two cases share a number, the older one answers."""
        found: dict[str, Case] = {}
        wanted = sorted({n for n in numbers if n})
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                    f"SELECT * FROM cases WHERE platform=? AND after_sale_no IN ({marks}) "
                    "ORDER BY id DESC", (platform, *chunk)):
                found[r["after_sale_no"]] = case_from_row(r)
        return found

    def update_case(self, case_id: int, *, source: str = "", **fields: Any) -> Case:
        """Change fields; ``source`` (e.g. an import) is written with the log entry. A closed
        case is read-only (reopen it first)."""
        process.ensure_open(self, self.get_case(case_id))
        with self._tx():
            self._apply(case_id, fields, source)
        return self.get_case(case_id)

    def _apply(self, case_id: int, fields: dict[str, Any], source: str = "", *,
               allow_outcome: bool = False) -> None:
        """Write ``fields``; recorded instants move the stage forward (never back) and pin the
        hours of the clocks they start. An explicit ``stage`` wins and is logged as such."""
        current = self.get_case(case_id)
        fields = dict(fields)
        explicit_stage = fields.pop("stage", None)
        changes = []
        changed_instants = {}
        for name, value in fields.items():
            if name not in EDITABLE_CASE_FIELDS:
                raise FieldNotSettable(field=name)
            self._validate(current, name, value)
            if name == "amount" and value:
                value = normalize_amount(value)
            if name == "outcome" and value and not allow_outcome and self.conn.execute(
                    "SELECT 1 FROM submissions WHERE case_id=? LIMIT 1", (case_id,)).fetchone():
                raise OutcomeNeedsDecision()
            if name == "appeal_points":
                value = [p if isinstance(p, AppealPoint) else AppealPoint(**p) for p in value]
            old = getattr(current, name)
            if old == value:
                continue
            if name in INSTANT_FIELDS:
                changed_instants[name] = value
            setattr(current, name, value)
            stored = case_value(name, value)
            self.conn.execute(f"UPDATE cases SET {name}=? WHERE id=?", (stored, case_id))
            shown = "…" if name in ("statement", "notes", "judgment_text", "appeal_points") else stored
            if name == "buyer_phone" and stored:
                from ..masking import mask_text
                shown = mask_text(stored)  # the log is printed in bundles: no raw phone numbers
            if name == "buyer_name" and stored:
                shown = stored[:1] + "*" * max(1, len(stored) - 1)
            changes.append(f"{name}={shown}")
        if explicit_stage is not None:
            self._validate(current, "stage", explicit_stage)
            if explicit_stage != current.stage:
                self.conn.execute("UPDATE cases SET stage=? WHERE id=?", (explicit_stage, case_id))
                if stage_index(explicit_stage) < stage_index(current.stage):
                    # the only way back, and always logged as such
                    self._log(case_id, "stage_moved_back", f"{current.stage} → {explicit_stage}")
                else:
                    changes.insert(0, f"stage={explicit_stage}")
                current.stage = explicit_stage
        else:
            stage = implied_stage(changed_instants, current.stage)
            if stage != current.stage:
                self.conn.execute("UPDATE cases SET stage=? WHERE id=?", (stage, case_id))
                changes.append(f"stage={stage}")
                current.stage = stage
        pinned_for = set(changed_instants) | ({"*"} if "platform" in fields else set())
        if pinned_for and current.platform in self.rules.platforms:
            from ..deadlines import pin_hours
            platform = self.rules.platform(current.platform)
            if "*" in pinned_for:  # another platform: every running clock takes its rules
                pinned_for = {c.starts for c in platform.clocks}
            pinned = pin_hours(current, platform, pinned_for)
            if pinned != current.clock_hours:
                self.conn.execute("UPDATE cases SET clock_hours=? WHERE id=?",
                                  (case_value("clock_hours", pinned), case_id))
        if changes:
            self.conn.execute("UPDATE cases SET updated_at=? WHERE id=?",
                              (to_iso(self.clock()), case_id))
            self._log(case_id, "case_updated", "; ".join(changes), source)

    def _validate(self, case: Case, name: str, value: Any) -> None:
        if name == "stage" and value not in STAGES:
            raise UnknownStage(stage=value, choices=", ".join(STAGES))
        if name == "outcome" and value and value not in OUTCOMES:
            raise UnknownOutcome(outcome=value, choices=", ".join(OUTCOMES))
        if name == "platform":
            self.rules.platform(value).dispute_type(case.dispute_type)
        if name == "dispute_type":
            self.rules.platform(case.platform).dispute_type(value, legacy=False)
        if name in INSTANT_FIELDS and value is not None:
            if not isinstance(value, datetime) or value.tzinfo is None:
                raise NaiveInstant()
            check_instant(value)
        if name == "appeals_used" and (not isinstance(value, int) or isinstance(value, bool)
                                       or not 0 <= value <= MAX_APPEALS_USED):
            raise BadAppealsUsed()
        if name == "zone" and value:
            from ..timeutil import get_zone
            get_zone(value)

    def delete_case(self, case_id: int) -> None:
        """Move a case to the trash (restorable)."""
        self.get_case(case_id)
        with self._tx():
            self.conn.execute("UPDATE cases SET deleted_at=? WHERE id=?",
                              (to_iso(self.clock()), case_id))
            self._log(case_id, "case_trashed")

    def restore_case(self, case_id: int) -> Case:
        self.get_case(case_id)
        with self._tx():
            self.conn.execute("UPDATE cases SET deleted_at=NULL WHERE id=?", (case_id,))
            self._log(case_id, "case_restored")
        return self.get_case(case_id)

    def log(self, case_id: int) -> list[LogEntry]:
        return [log_from_row(r) for r in self.conn.execute(
            "SELECT * FROM log WHERE case_id=? ORDER BY id", (case_id,))]

    def add_log(self, case_id: int, action: str, detail: str = "") -> None:
        with self._tx():
            self._log(case_id, action, detail)

    # ---- settings ------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self._tx():
            self.conn.execute("INSERT INTO settings(key, value) VALUES (?,?) ON CONFLICT(key) "
                              "DO UPDATE SET value=excluded.value",
                              (key, json.dumps(value, ensure_ascii=False)))

    # ---- exports, submissions, decisions (see process.py) -----------------------------------
    def record_export(self, case_id: int, **kw: Any) -> int:
        return process.record_export(self, case_id, **kw)

    def exports(self, case_id: int) -> list[dict]:
        return process.exports(self, case_id)

    def delete_export(self, export_id: int) -> dict:
        return process.delete_export(self, export_id)

    def record_submission(self, case_id: int, parts: list, **kw: Any) -> dict:
        """Store a submission from files whose manifests were read; use
        :func:`evidencekit.submission.submit`, which reads them."""
        return process.submit(self, case_id, parts, **kw)

    def submissions(self, case_id: int) -> list[dict]:
        return process.submissions(self, case_id)

    def get_submission(self, submission_id: int | str) -> dict:
        return process.get_submission(self, submission_id)

    def submission_files(self, submission_id: int | str) -> list[tuple[str, Path]]:
        return process.submission_files(self, submission_id)

    def submission_events(self, case_id: int | None = None) -> dict[int, dict[str, list[datetime]]]:
        """Case id → instant name → every time a submission recorded it (for the clocks)."""
        from ..deadlines import SUBMISSION_INSTANTS
        from ..timeutil import from_iso
        sql = "SELECT case_id, kind, at FROM submissions"
        rows = self.conn.execute(sql + (" WHERE case_id=?" if case_id is not None else ""),
                                 (case_id,) if case_id is not None else ())
        out: dict[int, dict[str, list[datetime]]] = {}
        for r in rows:
            name = SUBMISSION_INSTANTS.get(r["kind"])
            if name:
                out.setdefault(r["case_id"], {}).setdefault(name, []).append(from_iso(r["at"]))
        return out

    def clocks(self, case: Case, now: datetime) -> list:
        """Every clock on a case (running, then met/late), with its submissions' stop events."""
        from .. import deadlines
        return deadlines.all_clocks(case, self.rules, now, self.submission_events(case.id).get(case.id))

    def decide(self, case_id: int, decision: str, **kw: Any) -> dict:
        return process.decide(self, case_id, decision, **kw)

    def decisions(self, case_id: int) -> list[dict]:
        return process.decisions(self, case_id)

    def reopen_case(self, case_id: int, reason: str) -> Case:
        return process.reopen(self, case_id, reason)

    # ---- exhibits (see exhibits.py) --------------------------------------------------------
    from .exhibits import (
        attach,
        blob_path,
        content_reader,
        decide_file_types,
        exhibit_content,
        exhibit_with_sha,
        exhibits_by_case,
        get_exhibit,
        holds_file,
        list_exhibits,
        move_exhibit,
        remove_exhibit,
        restore_exhibit,
        update_exhibit,
    )
    from .fsck import fsck
    from .worklog import add_worklog, get_worklog_entry, remove_worklog, update_worklog, worklog
