"""Exhibit operations of :class:`~evidencekit.store.library.Library` (kept apart for size).

Attaching is: read and understand the file (a refused file changes nothing) → copy it into
the blob store under a pending marker → in one transaction, add the exhibit row, clear the
marker and log it. A kill at any point leaves either nothing or a whole exhibit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .. import kinds
from ..domain import Exhibit
from ..errors import DuplicateExhibit, ExhibitRemoved, NoSuchExhibit
from ..names import stored_name
from ..timeutil import to_iso
from . import search_index
from .process import ensure_open
from .rows import exhibit_from_row

if TYPE_CHECKING:
    from .library import Library


def _json(value) -> str:
    """JSON for a column. Text read from broken files can hold lone surrogates, which SQLite
    cannot store as UTF-8: they become "?"."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.encode("utf-8", "replace").decode("utf-8")


def ingest_context(lib: "Library", password: str | None = None):
    """What parsers may know beyond the bytes: the store's own chat names."""
    from ..ingest.model import IngestContext
    names = lib.setting("store_names", []) or []
    if isinstance(names, str):
        names = [s.strip() for s in names.split(",") if s.strip()]
    return IngestContext(store_names=list(names), password=password)


def _analyze(lib: "Library", path: Path, kind: str | None, password: str | None):
    from ..ingest import analyze
    return analyze(path, kind, ingest_context(lib, password))


def exhibit_with_sha(self: "Library", case_id: int, sha256: str) -> Exhibit | None:
    """The case's current exhibit with these bytes, if any."""
    row = self.conn.execute("SELECT * FROM exhibits WHERE case_id=? AND sha256=? AND removed_at "
                            "IS NULL ORDER BY position LIMIT 1", (case_id, sha256)).fetchone()
    return exhibit_from_row(row) if row else None


def holds_file(self: "Library", case_id: int, path: Path | str) -> Exhibit | None:
    """Does the case already hold this file? Its exhibit if so (compared by SHA-256), e.g. to
    resume an interrupted import without attaching everything twice."""
    from ..ingest import check_readable
    from .blobs import sha256_file
    path = Path(path)
    check_readable(path)  # a pipe or a device is refused before it is opened
    return self.exhibit_with_sha(case_id, sha256_file(path))


def attach(self: "Library", case_id: int, path: Path | str, *, kind: str | None = None,
           caption: str = "", password: str | None = None, is_new: bool | None = None,
           result=None, allow_duplicate: bool = True) -> Exhibit:
    """Add a file to a case. Raises :class:`IngestError` (and changes nothing) if refused;
    :class:`DuplicateExhibit` when ``allow_duplicate`` is false and the case holds the bytes.

    ``result`` is the file's :class:`IngestResult` when the caller has read it already.
    """
    path = Path(path)
    case = self.get_case(case_id, include_deleted=False)
    ensure_open(self, case)
    if kind is not None:
        kinds.kind(kind)  # refuses an unknown kind
    if not allow_duplicate:
        existing = self.holds_file(case.id, path)
        if existing is not None:
            err = DuplicateExhibit(position=existing.position)
            err.existing = existing  # type: ignore[attr-defined]  # for the caller to show
            raise err
    if result is None:
        result = _analyze(self, path, kind, password)
    name = stored_name(path.name)
    tmp, sha, size = self.blobs.stage(path)
    try:
        with self._tx():
            self.conn.execute("INSERT INTO pending_blobs(sha256, pid, started_at) VALUES (?,?,?)",
                              (sha, os.getpid(), to_iso(self.clock())))
        self.blobs.commit(tmp, sha)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    override = None if is_new is None else int(bool(is_new))  # else computed (see _mark_new)
    with self._tx():
        pos = self.conn.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM exhibits WHERE case_id=? AND removed_at IS NULL",
            (case.id,)).fetchone()[0]
        cur = self.conn.execute(
            "INSERT INTO exhibits(case_id, position, kind, kind_guess, kind_confidence, sha256, size,"
            " source_name, caption, is_new, new_override, added_at, facts, warnings)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (case.id, pos, result.kind, result.kind_guess, result.kind_confidence, sha, size,
             name, stored_name(caption or ""), int(bool(is_new)), override, to_iso(self.clock()),
             _json(result.facts), _json([w.to_dict() for w in result.warnings])))
        self.conn.execute("DELETE FROM pending_blobs WHERE rowid IN (SELECT rowid FROM pending_blobs"
                          " WHERE sha256=? AND pid=? LIMIT 1)", (sha, os.getpid()))
        self._log(case.id, "exhibit_added", f"E{pos} {result.kind} {name} sha256 {sha[:12]}")
        self.conn.execute("UPDATE cases SET updated_at=? WHERE id=?", (to_iso(self.clock()), case.id))
    ex = self.get_exhibit(cur.lastrowid)
    if result.content is not None:  # what attach understood, so export need not parse again
        self.contents.put(sha, kinds.view_of(ex).name, ingest_context(self), result.content)
    search_index.index_attached(self, ex.id, result.content)  # searchable from now on
    return ex


def content_reader(self: "Library", ex: Exhibit):
    """A function returning the exhibit's content (chat log, trace; ``None`` for views without
    one). It touches no database, so it may run on a worker thread."""
    view = kinds.view_of(ex)
    blob, ctx = self.blob_path(ex.sha256), ingest_context(self)
    file_type = (ex.facts or {}).get("file_type", "binary")
    return lambda: self.contents.load(blob, ex.source_name, ex.sha256, view.name, ctx, file_type)


def exhibit_content(self: "Library", ex: Exhibit):
    return content_reader(self, ex)()


def decide_file_types(self: "Library") -> None:
    """Exhibits attached before ingestion kept its decision: decide it once now and keep it."""
    from ..ingest import decide_file_type
    rows = self.conn.execute("SELECT id, sha256, source_name, facts FROM exhibits WHERE "
                             "json_extract(facts, '$.file_type') IS NULL").fetchall()
    for r in rows:
        facts = json.loads(r["facts"] or "{}")
        try:
            facts.update(decide_file_type(self.blob_path(r["sha256"]), r["source_name"]))
        except OSError:
            continue  # a missing blob is fsck's to report
        with self._tx():
            self.conn.execute("UPDATE exhibits SET facts=? WHERE id=?",
                              (_json(facts), r["id"]))


def _mark_new(self: "Library", case_id: int, exhibits: list[Exhibit]) -> list[Exhibit]:
    """Set each exhibit's effective "new evidence" mark: the user's override, else computed
    from the case's submissions (lifecycle.new_marks)."""
    from ..lifecycle import new_marks
    from ..timeutil import from_iso
    if not exhibits:
        return exhibits
    submitted: set[str] = set()
    n = 0
    for (raw,) in self.conn.execute("SELECT exhibits FROM submissions WHERE case_id=?", (case_id,)):
        n += 1
        submitted.update(e.get("sha256", "") for e in json.loads(raw))
    row = self.conn.execute("SELECT judgment_at FROM cases WHERE id=?", (case_id,)).fetchone()
    marks = new_marks(exhibits, submitted, n > 0, from_iso(row["judgment_at"]) if row else None)
    for e in exhibits:
        e.is_new = e.new_override if e.new_override is not None else marks[e.id]
    return exhibits


def get_exhibit(self: "Library", exhibit_id: int) -> Exhibit:
    row = self.conn.execute("SELECT * FROM exhibits WHERE id=?", (exhibit_id,)).fetchone()
    if row is None:
        raise NoSuchExhibit(exhibit_id=exhibit_id)
    return _mark_new(self, row["case_id"], [exhibit_from_row(row)])[0]


def list_exhibits(self: "Library", case_id: int, *, removed: bool = False) -> list[Exhibit]:
    cond = "removed_at IS NOT NULL" if removed else "removed_at IS NULL"
    return _mark_new(self, case_id, [exhibit_from_row(r) for r in self.conn.execute(
        f"SELECT * FROM exhibits WHERE case_id=? AND {cond} ORDER BY position, id", (case_id,))])


def exhibits_by_case(self: "Library") -> dict[int, list[Exhibit]]:
    """Every case's current exhibits in one query (for lists over many cases)."""
    out: dict[int, list[Exhibit]] = {}
    for r in self.conn.execute("SELECT * FROM exhibits WHERE removed_at IS NULL "
                               "ORDER BY case_id, position, id"):
        out.setdefault(r["case_id"], []).append(exhibit_from_row(r))
    return out


def blob_path(self: "Library", sha256: str) -> Path:
    return self.blobs.path(sha256)


def update_exhibit(self: "Library", exhibit_id: int, *, kind: str | None = None,
                   caption: str | None = None, is_new: bool | None | str = None,
                   facts: dict | None = None, warnings: list | None = None) -> Exhibit:
    """``is_new`` True/False sets the user's override of the new-evidence mark; "auto" clears it."""
    ex = self.get_exhibit(exhibit_id)
    if kind is not None or caption is not None or is_new is not None:
        ensure_open(self, self.get_case(ex.case_id))
    changes, sets, args = [], [], []
    if kind is not None and kind != ex.kind:
        kinds.kind(kind)  # refuses an unknown kind
        sets.append("kind=?"), args.append(kind), changes.append(f"kind={kind}")
    if caption is not None and caption != ex.caption:
        sets.append("caption=?"), args.append(caption), changes.append(f"caption={caption}")
    if is_new == "auto":
        if ex.new_override is not None:
            sets.append("new_override=NULL"), changes.append("new=auto")
    elif is_new is not None and bool(is_new) != ex.new_override:
        sets.append("new_override=?"), args.append(int(bool(is_new)))
        sets.append("is_new=?"), args.append(int(bool(is_new)))
        changes.append(f"new={bool(is_new)}")  # the user's mark: kept as an override
    if facts is not None:
        sets.append("facts=?"), args.append(_json(facts))
    if warnings is not None:
        sets.append("warnings=?"), args.append(_json([w.to_dict() for w in warnings]))
    if not sets:
        return ex
    with self._tx():
        self.conn.execute(f"UPDATE exhibits SET {', '.join(sets)} WHERE id=?", (*args, exhibit_id))
        if changes:
            self._log(ex.case_id, "exhibit_updated", f"E{ex.position}: " + "; ".join(changes))
    return self.get_exhibit(exhibit_id)


def _renumber(self: "Library", case_id: int, ordered_ids: list[int]) -> None:
    for i, eid in enumerate(ordered_ids, start=1):
        self.conn.execute("UPDATE exhibits SET position=? WHERE id=?", (i, eid))


def move_exhibit(self: "Library", exhibit_id: int, new_position: int) -> None:
    """Move an exhibit to 1-based ``new_position`` within its case."""
    ex = self.get_exhibit(exhibit_id)
    ensure_open(self, self.get_case(ex.case_id))
    ids = [e.id for e in self.list_exhibits(ex.case_id)]
    if exhibit_id not in ids:
        raise ExhibitRemoved()
    ids.remove(exhibit_id)
    new_position = max(1, min(new_position, len(ids) + 1))
    ids.insert(new_position - 1, exhibit_id)
    with self._tx():
        _renumber(self, ex.case_id, ids)
        self._log(ex.case_id, "exhibit_moved", f"{ex.source_name}: E{ex.position} → E{new_position}")


def remove_exhibit(self: "Library", exhibit_id: int) -> None:
    """Take an exhibit out of its case. The blob stays (for undo and for other exhibits)."""
    ex = self.get_exhibit(exhibit_id)
    ensure_open(self, self.get_case(ex.case_id))
    with self._tx():
        self.conn.execute("UPDATE exhibits SET removed_at=? WHERE id=?",
                          (to_iso(self.clock()), exhibit_id))
        _renumber(self, ex.case_id, [e.id for e in self.list_exhibits(ex.case_id)])
        self._log(ex.case_id, "exhibit_removed", f"E{ex.position} {ex.source_name}")


def restore_exhibit(self: "Library", exhibit_id: int, position: int | None = None) -> None:
    ex = self.get_exhibit(exhibit_id)
    ensure_open(self, self.get_case(ex.case_id))
    ids = [e.id for e in self.list_exhibits(ex.case_id)]
    pos = len(ids) + 1 if position is None else max(1, min(position, len(ids) + 1))
    ids.insert(pos - 1, exhibit_id)
    with self._tx():
        self.conn.execute("UPDATE exhibits SET removed_at=NULL WHERE id=?", (exhibit_id,))
        _renumber(self, ex.case_id, ids)
        self._log(ex.case_id, "exhibit_restored", f"E{pos} {ex.source_name}")
