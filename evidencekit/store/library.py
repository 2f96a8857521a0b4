"""The library API: cases, exhibits, the action log, settings and integrity checks.

Every change runs in one transaction and writes an entry to the case's action log.
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from sqlalchemy import Connection, Update, bindparam, delete, func, insert, select, update

from .. import kinds
from ..case_summary import CaseFilter, CaseSummary, summarize
from ..domain import (
    INSTANT_FIELDS,
    MAX_APPEALS_USED,
    OUTCOMES,
    STAGES,
    AppealPoint,
    Case,
    Exhibit,
    LogEntry,
    WorkOrderEntry,
    implied_stage,
    normalize_amount,
    stage_index,
)
from ..errors import (
    BadAppealsUsed,
    BadStaffName,
    DuplicateExhibit,
    EvidenceKitError,
    FieldNotSettable,
    LibraryFolderUncreatable,
    NaiveInstant,
    NoLibrary,
    NoSuchCase,
    OrderNumberRequired,
    OutcomeNeedsDecision,
    StoreZoneRequired,
    UnknownOutcome,
    UnknownStage,
)
from ..gcpause import gc_paused
from ..progress import CancelLike, ProgressFn, check_cancel
from ..rules import RuleSet, load_rules
from ..staff import os_user, staff_name
from ..timeutil import check_instant, to_iso, utcnow
from . import case_list, db, location, people, process, search_index, summaries
from . import exhibits as exhibit_ops
from . import worklog as worklog_ops
from .blob_choice import blob_store_for, shared_folder_for
from .blobs import Blobs
from .context import StoreContext
from .engine import RawSQLite
from .fsck import FsckReport
from .fsck import fsck as check_library
from .postgres import RawPostgres
from .rows import CASE_TEXT, case_from_row, case_value, log_from_row
from .schema import cases, exhibits, log, pending_blobs, settings, submission_files, submissions

# Statements run once per case in a bulk import, built once: building and keying an expression
# costs more than running it on SQLite. Bind names differ from column names (SQLAlchemy keeps
# those for the values of an INSERT or UPDATE).
_INSERT_CASE = insert(cases)
_SET_CASE_NO = update(cases).where(cases.c.id == bindparam("b_id")).values(
    case_no=bindparam("b_case_no"))
# A case row with its count of appeal submissions (Case.appeals_submitted), in one statement.
_APPEALS_SUBMITTED = (select(func.count()).select_from(submissions)
                      .where(submissions.c.case_id == cases.c.id, submissions.c.kind == "appeal")
                      .scalar_subquery().label("appeals_submitted"))
_CASE = select(cases, _APPEALS_SUBMITTED)
_CASE_BY_ID = _CASE.where(cases.c.id == bindparam("b_id"))
_CASE_BY_NO = _CASE.where(func.upper(cases.c.case_no) == bindparam("b_no"))
_CASES_BY_ORDER = _CASE.where(cases.c.order_no == bindparam("b_order"),
                              cases.c.deleted_at.is_(None)).limit(2)
_APPEALS_BY_CASE = select(submissions.c.case_id, func.count()).where(
    submissions.c.kind == "appeal").group_by(submissions.c.case_id)


@lru_cache(maxsize=256)
def _update_case_columns(columns: tuple[str, ...]) -> Update:
    """UPDATE of these columns of one case; an import sets the same few columns row after row.
    Each such change counts up the case's version (people.check_version)."""
    return update(cases).where(cases.c.id == bindparam("b_id")).values(
        {**{c: bindparam(f"v_{c}") for c in columns}, "version": cases.c.version + 1})

EDITABLE_CASE_FIELDS = set(CASE_TEXT) - {"case_no", "imported_from", "assignee"} | set(INSTANT_FIELDS) | {
    "judgment_against_merchant", "appeals_used", "appeal_points"}


def default_library_dir() -> Path:
    env = os.environ.get("EVIDENCEKIT_LIBRARY")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir
    return Path(user_data_dir("EvidenceKit", appauthor=False)) / "library"


def _actor() -> str:
    """The staff name from the environment (EVIDENCEKIT_STAFF, else the OS user); a bad one
    is refused where it is given (the CLI checks it), not by every open."""
    try:
        return staff_name()
    except BadStaffName:
        return os_user()


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

    def __init__(self, root: Path, database: db.Database, clock: Callable[[], datetime],
                 blobs: Blobs | None = None):
        self.root = root
        self.db = database
        # A local library keeps its originals in its folder; a team library where its
        # settings say (its database by default, else a shared folder): blob_choice.
        self._st = StoreContext(database, blobs or blob_store_for(root, database), clock, _actor())
        self._rules: RuleSet | None = None
        self._contents: Any = None  # a ContentStore once asked for (see contents)
        self._list_complete = True  # every live case has its kept summary (case_list_rows)
        self._stale_kept: set[int] = set()  # kept summaries known out of date (read-only)
        # Set by a caller that leaves when it is done (the CLI): close() first brings the search
        # index up to date with what changed. A team library's reviewers cannot index (read-only),
        # so what a staff command wrote must not wait for a staff desktop's next search.
        self.index_on_close = False
        database.before_commit = self._refresh_summaries

    @property
    def conn(self) -> RawSQLite | RawPostgres:
        """The driver's own connection, for the search index's SQL (FTS5 on SQLite, pg_trgm on
        PostgreSQL: ``search_index.py``); every other query is Core."""
        return self.db.raw

    @property
    def team(self) -> bool:
        """Whether the rows are in a team database (PostgreSQL) rather than the folder."""
        return self.db.url is not None

    @property
    def blobs(self) -> Blobs:
        return self._st.blobs

    @property
    def clock(self) -> Callable[[], datetime]:
        return self._st.clock

    @property
    def actor(self) -> str:
        """Who the log, submissions and decisions name (the OS user unless set)."""
        return self._st.actor

    @actor.setter
    def actor(self, name: str) -> None:
        self._st.actor = name

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, *, create: bool = True,
             clock: Callable[[], datetime] = utcnow, db_url: str | None = None) -> "Library":
        """The library in the folder ``root``; its rows in a team database when ``db_url``,
        ``EVIDENCEKIT_DB`` or the folder's library.toml names one (``location.py``)."""
        where = location.resolve(Path(root) if root else None, db_url, default_library_dir())
        root = where.root
        if where.url is not None:
            return cls._open_team(root, where.url, create, clock)
        if not (root / cls.DB_NAME).exists() and not create:
            raise NoLibrary(root=root)
        try:
            root.mkdir(parents=True, exist_ok=True)
            for sub in ("blobs", "rules", "profiles"):
                (root / sub).mkdir(exist_ok=True)
        except OSError as e:
            if not (root / cls.DB_NAME).exists():  # a read-only library still opens for reading
                raise LibraryFolderUncreatable(root=root, reason=e.strerror) from e
        lib = cls(root, db.open_database(root / cls.DB_NAME), clock)
        if not lib.read_only:
            lib._recover()
            lib.decide_file_types()
        return lib

    @classmethod
    def _open_team(cls, root: Path, url, create: bool, clock: Callable[[], datetime]) -> "Library":
        try:  # the folder keeps this computer's files (originals, rules, caches)
            root.mkdir(parents=True, exist_ok=True)
            for sub in ("blobs", "rules", "profiles"):
                (root / sub).mkdir(exist_ok=True)
        except OSError as e:
            raise LibraryFolderUncreatable(root=root, reason=e.strerror) from e
        database = db.open_team_database(url, root / location.CONFIG_NAME, create=create)
        try:
            blobs = blob_store_for(root, database, shared_folder_for(root, database))
        except BaseException:
            database.close()
            raise
        lib = cls(root, database, clock, blobs)
        if not lib.read_only:
            lib._recover()
            lib.decide_file_types()
        return lib

    def setup_team(self) -> dict[str, str]:
        """A team library's roles (staff, reviewer → their names in the database): created and
        granted when the owner runs this, else checked (``init --db``)."""
        from . import postgres
        assert self.db.url is not None, "a local library has one user and no roles"
        with self.db.engine.begin() as conn:  # not db.write(): roles are not the cases' data
            return postgres.ensure_roles(conn, self.db.url)

    @property
    def read_only(self) -> bool:
        """Reads work, writes are refused with the cause (a read-only folder, a full disk)."""
        return self.db.refusal is not None

    def opened_again(self, clock: Callable[[], datetime] | None = None) -> "Library":
        """The same library on a new connection (another thread's): the same folder and, for a
        team library, the same database, whichever way this one was chosen."""
        url = None if self.db.url is None else self.db.url.render_as_string(hide_password=False)
        return Library.open(self.root, clock=clock or self.clock, db_url=url)

    def close(self) -> None:
        try:
            if self.index_on_close and not self.read_only:
                search_index.catch_up(self)
        except EvidenceKitError:  # the command itself succeeded; the next writer indexes it
            pass
        finally:
            self.db.close()

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
        pb = pending_blobs
        with self.db.read() as conn:
            rows = conn.execute(select(pb.c.sha256, pb.c.pid, pb.c.started_at)).all()
        markers = {(sha, pid) for sha, pid, _at in rows}
        live = {pid for _, pid in markers if _pid_alive(pid)} | {os.getpid()}
        if self.db.engine.dialect.name != "sqlite":
            # A team library's markers come from every desktop, and a process id says nothing
            # about another computer: a marker is left to its writer for a day (an attach takes
            # seconds), so a desktop opening the library never removes another's blob mid-attach.
            cutoff = to_iso(self.clock() - timedelta(days=1)) or ""
            markers = {(sha, pid) for sha, pid, at in rows if (at or "") < cutoff}
        for sha, pid in sorted(markers):
            if pid in live:
                continue
            with self.db.write() as conn:
                used = conn.execute(select(exhibits.c.id).where(exhibits.c.sha256 == sha).limit(1)
                                    ).first() or conn.execute(select(submission_files.c.size).where(
                                        submission_files.c.sha256 == sha).limit(1)).first()
                others = conn.execute(select(pb.c.pid).where(
                    pb.c.sha256 == sha, pb.c.pid != pid).limit(1)).first()
                if not used and not others:
                    self.blobs.remove(sha)
                conn.execute(delete(pb).where(pb.c.sha256 == sha, pb.c.pid == pid))
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
    def _tx(self) -> Iterator[Connection]:
        # Inside transaction() a change is a savepoint: a refused change undoes only itself.
        with self.db.write() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Many changes kept together or not at all (a bulk import: one commit, and a cancel
        leaves nothing behind)."""
        with self._tx():
            yield

    def _log(self, conn: Connection, case_id: int, action: str, detail: str = "",
             source: str = "") -> None:
        if source:  # where the change came from, e.g. "import 售后列表.xlsx row 12"
            detail = f"{detail} ← {source}" if detail else f"← {source}"
        self._st.log(conn, case_id, action, detail)

    def _first(self, stmt) -> Any:
        with self.db.read() as conn:
            return conn.execute(stmt).mappings().first()

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
        now = self._st.now()
        with self._tx() as conn:
            # case_no is unique: a placeholder unique to this transaction until the id is known
            case_id = db.inserted_id(conn.execute(_INSERT_CASE, {
                "case_no": f"new-{os.getpid()}-{os.urandom(4).hex()}", "platform": platform,
                "dispute_type": dispute_type, "order_no": order_no, "created_at": now,
                "updated_at": now}))
            conn.execute(_SET_CASE_NO, {"b_id": case_id, "b_case_no": f"EK-{case_id:05d}"})
            self._log(conn, case_id, "case_created", f"{platform} / {dispute_type} / {order_no}",
                      source)
            if fields:
                self._apply(conn, case_id, fields, source)
        return self.get_case(case_id)

    def get_case(self, ref: int | str, *, include_deleted: bool = True) -> Case:
        row = None
        text = str(ref).strip()
        with self.db.read() as conn:
            if text.isdigit():
                row = conn.execute(_CASE_BY_ID, {"b_id": int(text)}).mappings().first()
            if row is None:
                row = conn.execute(_CASE_BY_NO, {"b_no": text.upper()}).mappings().first()
            if row is None:
                rows = conn.execute(_CASES_BY_ORDER, {"b_order": text}).mappings().all()
                row = rows[0] if len(rows) == 1 else None
        if row is None or (row["deleted_at"] and not include_deleted):
            raise NoSuchCase(ref=ref)
        case = case_from_row(row)
        case.appeals_submitted = row["appeals_submitted"]
        return case

    def list_cases(self, *, trash: bool = False) -> list[Case]:
        cond = cases.c.deleted_at.is_not(None) if trash else cases.c.deleted_at.is_(None)
        with self.db.read() as conn:
            rows = conn.execute(select(cases).where(cond).order_by(cases.c.id)).mappings().all()
            appeals: dict[int, int] = dict(conn.execute(_APPEALS_BY_CASE).all())
        out = [case_from_row(r) for r in rows]
        for c in out:
            c.appeals_submitted = appeals.get(c.id, 0)
        return out

    def case_list_rows(self, *, trash: bool = False, limit: int | None = None, offset: int = 0,
                       after: tuple[int, int] | None = None, where: CaseFilter | None = None,
                       now: datetime | None = None, check: bool = True
                       ) -> list[tuple[Case, CaseSummary]]:
        """Cases with what the list shows of them (next due instant, checklist progress,
        exhibit count), most urgent first, filtered by ``where`` (its work-queue view at
        ``now``); ``limit``/``offset`` give one page, ordered and filtered by the database;
        ``after`` (the last row's ``CaseSummary.place``) the page after that row, sought
        instead of counted (the same rows as the offset of the rows before it).

        Read from the stored summaries: no clock or checklist is evaluated here. ``check``
        first finds the summaries that are out of date (a full pass over the cases: the list
        asks once when it reloads, not for every page) and computes them again."""
        stale: set[int] = set()
        if check:
            stale = self.refresh_case_summaries(trash=trash)
        now = now or self.clock()
        with self.db.read() as conn:
            rows = case_list.page(conn, where or CaseFilter(), self.rules, now, trash=trash,
                                  limit=limit, offset=offset, after=after,
                                  complete=self._list_complete)
        # A library that cannot be written: out-of-date summaries are computed, not kept.
        stale |= self._stale_kept if not trash else set()
        return [(c, self.summarize_case(c)) if c.id in stale or not kept_row else (c, kept)
                for c, kept, kept_row in rows]

    def refresh_case_summaries(self, *, trash: bool = False, progress: ProgressFn | None = None,
                               cancel: CancelLike | None = None) -> set[int]:
        """Compute again the summaries that are missing or out of date (edited rules, an
        upgrade, a write that bypassed the library), in batches each committed on its own
        (``cancel`` keeps what was done); in a read-only library, return their cases instead."""
        stale = self.stale_case_summaries(trash=trash)
        if stale and not self.read_only:
            self.update_case_summaries(stale, progress=progress, cancel=cancel)
            stale = set()
        self.note_stale_summaries(stale, trash=trash)
        return stale

    def stale_case_summaries(self, *, trash: bool = False) -> set[int]:
        """The cases whose kept summary is missing or out of date: a pass over every case
        (145 ms of server CPU at 100,000 on PostgreSQL; the app asks on its writer thread)."""
        with self.db.read() as conn:
            return set(summaries.stale_ids(conn, self.rules, trash=trash))

    def update_case_summaries(self, case_ids, *, progress: ProgressFn | None = None,
                              cancel: CancelLike | None = None) -> None:
        """Compute again the summaries of ``case_ids``, one transaction per batch."""
        ids = sorted(set(case_ids))
        for start in range(0, len(ids), summaries.BATCH):
            check_cancel(cancel)
            with self.db.write() as conn:
                self._refresh_summaries(conn, set(ids[start:start + summaries.BATCH]))
            if progress is not None:
                done = min(start + summaries.BATCH, len(ids))
                progress(done / len(ids), f"正在更新案件清单 {done:,}/{len(ids):,}",
                         f"Updating the case list {done:,}/{len(ids):,}")

    def note_stale_summaries(self, stale: set[int], *, trash: bool = False) -> None:
        """What a check found and could not compute again (a read-only library): the list
        then filters on the case rows and shows these cases' summaries computed live."""
        if not trash:
            self._list_complete = not stale
            self._stale_kept = set(stale)

    def case_list_count(self, where: CaseFilter | None = None, *, trash: bool = False,
                        now: datetime | None = None) -> int:
        """How many cases ``where`` shows (the list's "12 of 10,000")."""
        with self.db.read() as conn:
            return case_list.count(conn, where or CaseFilter(), self.rules, now or self.clock(),
                                   trash=trash, complete=self._list_complete)

    def case_list_views(self, now: datetime | None = None, where: CaseFilter | None = None
                        ) -> dict[str, int]:
        """How many live cases each work-queue view holds at ``now``, among those ``where``
        shows apart from its view (the list's My cases: the views count my cases)."""
        with self.db.read() as conn:
            return case_list.bucket_counts(conn, self.rules, now or self.clock(), where,
                                           complete=self._list_complete)

    def cases_due_within(self, hours: float, now: datetime | None = None, *,
                         since_hours: float | None = None, limit: int | None = None,
                         where: CaseFilter | None = None) -> list[int]:
        """Ids of live cases whose next clock is due within ``hours`` (overdue ones too, or
        only those overdue by less than ``since_hours``), soonest first; among those
        ``where`` shows apart from its view."""
        with self.db.read() as conn:
            return case_list.due_within(conn, now or self.clock(), hours, since_hours=since_hours,
                                        limit=limit, where=where, rules=self.rules)

    def count_due_within(self, hours: float, now: datetime | None = None, *,
                         where: CaseFilter | None = None) -> int:
        with self.db.read() as conn:
            return case_list.due_count(conn, now or self.clock(), hours, where=where,
                                       rules=self.rules)

    def summarize_case(self, case: Case) -> CaseSummary:
        """What the list shows of ``case``, computed now (not kept)."""
        return summarize(case, self.list_exhibits(case.id), self.rules, self.clock(),
                         self.submission_events(case.id).get(case.id), len(self.worklog(case.id)))

    def _refresh_summaries(self, conn: Connection, case_ids: set[int]) -> None:
        summaries.refresh(conn, case_ids, self.rules, self.clock())

    def cases_by_after_sale_no(self, platform: str, numbers: list[str]) -> dict[str, Case]:
        """Cases (trashed ones included) of ``platform`` by after-sale number; one query per
        500 numbers. When two cases share a number, the older one answers."""
        found: dict[str, Case] = {}
        wanted = sorted({n for n in numbers if n})
        with self.db.read() as conn:
            for start in range(0, len(wanted), 500):
                rows = conn.execute(select(cases).where(
                    cases.c.platform == platform,
                    cases.c.after_sale_no.in_(wanted[start:start + 500])).order_by(
                    cases.c.id.desc())).mappings().all()
                for r in rows:
                    found[r["after_sale_no"]] = case_from_row(r)
        return found

    def update_case(self, case_id: int, *, source: str = "", expected_version: int | None = None,
                    **fields: Any) -> Case:
        """Change fields; ``source`` (e.g. an import) is written with the log entry. A closed
        case is read-only (reopen it first). With ``expected_version`` (the version the edit
        started from) a newer version is not overwritten: :class:`StaleCase`."""
        process.ensure_open(self.get_case(case_id))
        with self._tx() as conn:
            people.check_version(conn, case_id, expected_version, self._display_zone())
            self._apply(conn, case_id, fields, source)
        return self.get_case(case_id)

    def _display_zone(self):
        from ..errors import UsageError
        from ..timeutil import get_zone
        try:
            return get_zone(self.setting("display_zone") or None)
        except UsageError:  # a zone this computer does not know: its own
            return get_zone(None)

    # ---- people: assignees, edit leases (see people.py) -----------------------------------
    def assign_case(self, case_id: int, name: str) -> tuple[str, str]:
        """Make ``name`` the assignee ('' unassigns); logged with from → to. (before, after)"""
        self.get_case(case_id, include_deleted=False)
        return people.assign(self._st, case_id, name)

    def known_staff(self) -> list[str]:
        """Staff names seen in this library (assignees and who acted), sorted."""
        return people.known_staff(self._st)

    def listen_for_changes(self, on_changed):
        """Other desktops' committed changes, as sets of case ids: on PostgreSQL a started
        :class:`~evidencekit.store.changes.Listener` thread calling ``on_changed``; on SQLite
        None (read :meth:`change_feed` now and then instead)."""
        from . import changes
        if self.db.engine.dialect.name != "postgresql":
            return None
        return changes.Listener(self.db.engine, on_changed).start()

    def change_feed(self):
        """Cases changed since the last look, read from the log (any engine)."""
        from . import changes
        return changes.LogFeed(self.db.engine)

    def take_lease(self, case_id: int, holder: str, seconds: int = people.LEASE_SECONDS):
        """Hold or renew the edit lease of an open case; None, or the other desktop's lease."""
        return people.take_lease(self._st, case_id, holder, seconds)

    def give_back_lease(self, case_id: int, holder: str) -> None:
        people.give_back_lease(self._st, case_id, holder)

    def editing_by(self, case_id: int, holder: str = ""):
        """Another desktop's live edit lease on the case, or None."""
        return people.editing_by(self._st, case_id, holder)

    def _apply(self, conn: Connection, case_id: int, fields: dict[str, Any],
               source: str = "", *, allow_outcome: bool = False) -> None:
        """Write ``fields``; recorded instants move the stage forward (never back) and pin the
        hours of the clocks they start. An explicit ``stage`` wins and is logged as such."""
        current = self.get_case(case_id)
        fields = dict(fields)
        explicit_stage = fields.pop("stage", None)
        changes: list[str] = []
        values: dict[str, Any] = {}
        changed_instants: dict[str, Any] = {}
        for name, value in fields.items():
            if name not in EDITABLE_CASE_FIELDS:
                raise FieldNotSettable(field=name)
            self._validate(current, name, value)
            if name == "amount" and value:
                value = normalize_amount(value)
            if name == "outcome" and value and not allow_outcome and conn.execute(
                    select(submissions.c.id).where(submissions.c.case_id == case_id).limit(1)).first():
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
            values[name] = stored
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
                values["stage"] = explicit_stage
                if stage_index(explicit_stage) < stage_index(current.stage):
                    # the only way back, and always logged as such
                    self._log(conn, case_id, "stage_moved_back", f"{current.stage} → {explicit_stage}")
                else:
                    changes.insert(0, f"stage={explicit_stage}")
                current.stage = explicit_stage
        else:
            stage = implied_stage(changed_instants, current.stage)
            if stage != current.stage:
                values["stage"] = stage
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
                values["clock_hours"] = case_value("clock_hours", pinned)
        if changes:
            values["updated_at"] = self._st.now()
        if values:
            conn.execute(_update_case_columns(tuple(values)),
                         {"b_id": case_id, **{f"v_{k}": v for k, v in values.items()}})
        if changes:
            self._log(conn, case_id, "case_updated", "; ".join(changes), source)

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
        with self._tx() as conn:
            conn.execute(update(cases).where(cases.c.id == case_id)
                         .values(deleted_at=self._st.now()))
            self._log(conn, case_id, "case_trashed")

    def restore_case(self, case_id: int) -> Case:
        self.get_case(case_id)
        with self._tx() as conn:
            conn.execute(update(cases).where(cases.c.id == case_id).values(deleted_at=None))
            self._log(conn, case_id, "case_restored")
        return self.get_case(case_id)

    def log(self, case_id: int) -> list[LogEntry]:
        with self.db.read() as conn:
            rows = conn.execute(select(log).where(log.c.case_id == case_id)
                                .order_by(log.c.id)).mappings().all()
        return [log_from_row(r) for r in rows]

    def add_log(self, case_id: int, action: str, detail: str = "") -> None:
        with self._tx() as conn:
            self._log(conn, case_id, action, detail)

    # ---- settings ------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self._first(select(settings.c.value).where(settings.c.key == key))
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        stored = json.dumps(value, ensure_ascii=False)
        with self._tx() as conn:  # update, else insert: portable, and the write lock is held
            if not conn.execute(update(settings).where(settings.c.key == key)
                                .values(value=stored)).rowcount:
                conn.execute(insert(settings).values(key=key, value=stored))

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

    def submission_events(self, case_id: int | None = None, *, case_ids: list[int] | None = None
                          ) -> dict[int, dict[str, list[datetime]]]:
        """Case id → instant name → every time a submission recorded it (for the clocks); of
        every case, of ``case_id`` or of ``case_ids``."""
        ids = [case_id] if case_id is not None else case_ids
        with self.db.read() as conn:
            return process.submission_events(conn, ids)

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

    # ---- the work-order log (see worklog.py) ------------------------------------------------
    def worklog(self, case_id: int) -> list[WorkOrderEntry]:
        return worklog_ops.worklog(self._st, case_id)

    def get_worklog_entry(self, case_id: int, entry_id: int) -> WorkOrderEntry:
        return worklog_ops.get_worklog_entry(self._st, case_id, entry_id)

    def add_worklog(self, case_id: int, at: datetime, text: str) -> WorkOrderEntry:
        self.get_case(case_id)
        return worklog_ops.add_worklog(self._st, case_id, at, text)

    def update_worklog(self, case_id: int, entry_id: int, *, at: datetime | None = None,
                       text: str | None = None) -> WorkOrderEntry:
        return worklog_ops.update_worklog(self._st, case_id, entry_id, at=at, text=text)

    def remove_worklog(self, case_id: int, entry_id: int) -> WorkOrderEntry:
        return worklog_ops.remove_worklog(self._st, case_id, entry_id)

    # ---- exhibits (see exhibits.py) and integrity (fsck.py) -------------------------------
    def exhibit_with_sha(self, case_id: int, sha256: str) -> Exhibit | None:
        """The case's current exhibit with these bytes, if any."""
        return exhibit_ops.exhibit_with_sha(self._st, case_id, sha256)

    def holds_file(self, case_id: int, path: Path | str) -> Exhibit | None:
        """Does the case already hold this file? Its exhibit if so (compared by SHA-256), e.g.
        to resume an interrupted import without attaching everything twice."""
        from ..ingest import check_readable
        from .blobs import sha256_file
        path = Path(path)
        check_readable(path)  # a pipe or a device is refused before it is opened
        return self.exhibit_with_sha(case_id, sha256_file(path))

    def attach(self, case_id: int, path: Path | str, *, kind: str | None = None,
               caption: str = "", password: str | None = None, is_new: bool | None = None,
               result=None, allow_duplicate: bool = True) -> Exhibit:
        """Add a file to a case. Raises :class:`IngestError` (and changes nothing) if refused;
        :class:`DuplicateExhibit` when ``allow_duplicate`` is false and the case holds the bytes.

        ``result`` is the file's :class:`IngestResult` when the caller has read it already.
        """
        path = Path(path)
        case = self.get_case(case_id, include_deleted=False)
        process.ensure_open(case)
        if kind is not None:
            kinds.kind(kind)  # refuses an unknown kind
        if not allow_duplicate:
            existing = self.holds_file(case.id, path)
            if existing is not None:
                err = DuplicateExhibit(position=existing.position)
                err.existing = existing  # type: ignore[attr-defined]  # for the caller to show
                raise err
        with gc_paused():  # a big chat is 500,000 small objects without a cycle among them
            if result is None:
                result = exhibit_ops._analyze(self, path, kind, password)
            ex = exhibit_ops.attach(self._st, case, path, result, caption=caption, is_new=is_new)
            if result.content is not None:  # what attach understood, so export need not parse again
                self.contents.put(ex.sha256, kinds.view_of(ex).name,
                                  exhibit_ops.ingest_context(self), result.content)
            search_index.index_attached(self, ex.id, result.content)  # searchable from now on
        return ex

    def content_reader(self, ex: Exhibit):
        """A function returning the exhibit's content (chat log, trace; ``None`` for views
        without one). It touches no database, so it may run on a worker thread."""
        view = kinds.view_of(ex)
        blob, ctx = self.blob_path(ex.sha256), exhibit_ops.ingest_context(self)
        file_type = (ex.facts or {}).get("file_type", "binary")
        return lambda: self.contents.load(blob, ex.source_name, ex.sha256, view.name, ctx,
                                          file_type)

    def exhibit_content(self, ex: Exhibit):
        return self.content_reader(ex)()

    def decide_file_types(self) -> None:
        """Exhibits attached before ingestion kept its decision: decide it once now and keep it."""
        rows = exhibit_ops.exhibits_without_file_type(self._st)
        if not rows:
            return
        from ..ingest import decide_file_type
        for exhibit_id, sha256, source_name, facts in rows:
            try:
                facts.update(decide_file_type(self.blob_path(sha256), source_name))
            except OSError:
                continue  # a missing blob is fsck's to report
            exhibit_ops.set_facts(self._st, exhibit_id, facts)

    def get_exhibit(self, exhibit_id: int) -> Exhibit:
        return exhibit_ops.get_exhibit(self._st, exhibit_id)

    def list_exhibits(self, case_id: int, *, removed: bool = False) -> list[Exhibit]:
        return exhibit_ops.list_exhibits(self._st, case_id, removed=removed)

    def exhibits_by_case(self) -> dict[int, list[Exhibit]]:
        """Every case's current exhibits in one query (for lists over many cases)."""
        return exhibit_ops.exhibits_by_case(self._st)

    def blob_path(self, sha256: str) -> Path:
        return self.blobs.path(sha256)

    def update_exhibit(self, exhibit_id: int, *, kind: str | None = None,
                       caption: str | None = None, is_new: bool | None | str = None,
                       facts: dict | None = None, warnings: list | None = None) -> Exhibit:
        return exhibit_ops.update_exhibit(self._st, exhibit_id, kind=kind, caption=caption,
                                       is_new=is_new, facts=facts, warnings=warnings)

    def mark_exhibit(self, exhibit_id: int, items: list[int], marked: bool = True) -> Exhibit:
        """Mark (``marked=False``: unmark) key messages of a chat or key events of a trace,
        by their 1-based numbers; refused for other exhibits and numbers it does not have."""
        from .marks import set_marks
        ex = self.get_exhibit(exhibit_id)
        content = self.exhibit_content(ex) if kinds.view_of(ex).loader else None
        return set_marks(self._st, ex, content, items, marked)

    def move_exhibit(self, exhibit_id: int, new_position: int) -> None:
        """Move an exhibit to 1-based ``new_position`` within its case."""
        exhibit_ops.move_exhibit(self._st, exhibit_id, new_position)

    def remove_exhibit(self, exhibit_id: int) -> None:
        """Take an exhibit out of its case. The blob stays (for undo and for other exhibits)."""
        exhibit_ops.remove_exhibit(self._st, exhibit_id)

    def restore_exhibit(self, exhibit_id: int, position: int | None = None) -> None:
        exhibit_ops.restore_exhibit(self._st, exhibit_id, position)

    def fsck(self) -> FsckReport:
        return check_library(self._st)
