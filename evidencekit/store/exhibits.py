"""Exhibit operations behind :class:`~evidencekit.store.library.Library` (kept apart for size).

Attaching is: read and understand the file (a refused file changes nothing) → copy it into
the blob store under a pending marker → in one transaction, add the exhibit row, clear the
marker and log it. A kill at any point leaves either nothing or a whole exhibit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from .. import kinds
from ..domain import Case, Exhibit
from ..errors import CaseClosed, ExhibitRemoved, NoSuchExhibit
from ..names import stored_name
from ..timeutil import from_iso
from .context import StoreContext
from .db import inserted_id
from .people import lock_case
from .rows import exhibit_from_row
from .schema import cases, exhibits, pending_blobs, submissions

_STAGE_OF_CASE = select(cases.c.stage, cases.c.case_no).where(cases.c.id == bindparam("b_id"))


def ensure_open(case: Case) -> None:
    """Refuse a change to a closed case (read-only until reopened)."""
    if case.stage == "closed":
        raise CaseClosed(case_no=case.case_no)


def _ensure_case_open(st: StoreContext, case_id: int) -> None:
    with st.db.read() as conn:
        row = conn.execute(_STAGE_OF_CASE, {"b_id": case_id}).first()
    if row is not None and row.stage == "closed":
        raise CaseClosed(case_no=row.case_no)


def _json(value) -> str:
    """JSON for a column. Text read from broken files can hold lone surrogates, which SQLite
    cannot store as UTF-8: they become "?"."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.encode("utf-8", "replace").decode("utf-8")


def ingest_context(lib: Any, password: str | None = None):
    """What parsers may know beyond the bytes: the store's own chat names.

    ``lib`` is anything with ``setting()`` (the Library)."""
    from ..ingest.model import IngestContext
    names = lib.setting("store_names", []) or []
    if isinstance(names, str):
        names = [s.strip() for s in names.split(",") if s.strip()]
    return IngestContext(store_names=list(names), password=password)


def _analyze(lib: Any, path: Path, kind: str | None, password: str | None):
    from ..ingest import analyze
    return analyze(path, kind, ingest_context(lib, password))


def exhibit_with_sha(st: StoreContext, case_id: int, sha256: str) -> Exhibit | None:
    """The case's current exhibit with these bytes, if any."""
    with st.db.read() as conn:
        row = conn.execute(select(exhibits).where(
            exhibits.c.case_id == case_id, exhibits.c.sha256 == sha256,
            exhibits.c.removed_at.is_(None)).order_by(exhibits.c.position).limit(1)).mappings().first()
    return exhibit_from_row(row) if row else None


def attach(st: StoreContext, case: Case, path: Path, result, *, caption: str = "",
           is_new: bool | None = None) -> Exhibit:
    """Store the file ``path`` (already read into ``result``) as the case's next exhibit."""
    name = stored_name(path.name)
    tmp, sha, size = st.blobs.stage(path)
    try:
        with st.db.write() as conn:
            conn.execute(insert(pending_blobs).values(sha256=sha, pid=os.getpid(),
                                                      started_at=st.now()))
        st.blobs.commit(tmp, sha)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    override = None if is_new is None else int(bool(is_new))  # else computed (see _mark_new)
    with st.db.write() as conn:
        lock_case(conn, case.id)  # numbers within a case are given one writer at a time
        pos = conn.execute(select(func.coalesce(func.max(exhibits.c.position), 0) + 1).where(
            exhibits.c.case_id == case.id, exhibits.c.removed_at.is_(None))).scalar_one()
        new_id = inserted_id(conn.execute(insert(exhibits).values(
            case_id=case.id, position=pos, kind=result.kind, kind_guess=result.kind_guess,
            kind_confidence=result.kind_confidence, sha256=sha, size=size,
            source_name=name, caption=stored_name(caption or ""), is_new=int(bool(is_new)),
            new_override=override,
            added_at=st.now(), facts=_json(result.facts),
            warnings=_json([w.to_dict() for w in result.warnings]),
        )))
        conn.execute(delete(pending_blobs).where(pending_blobs.c.sha256 == sha,
                                                 pending_blobs.c.pid == os.getpid()))
        st.log(conn, case.id, "exhibit_added", f"E{pos} {result.kind} {name} sha256 {sha[:12]}")
        conn.execute(update(cases).where(cases.c.id == case.id).values(updated_at=st.now()))
    return get_exhibit(st, new_id)


def exhibits_without_file_type(st: StoreContext) -> list[tuple[int, str, str, dict]]:
    """(id, sha256, source_name, facts) of exhibits attached before ingestion kept its decision."""
    # LIKE narrows the scan on any engine; the JSON decides (a caption could mention it).
    with st.db.read() as conn:
        rows = conn.execute(select(exhibits.c.id, exhibits.c.sha256, exhibits.c.source_name,
                                   exhibits.c.facts)
                            .where(~exhibits.c.facts.contains('"file_type"'))).all()
    out = []
    for eid, sha, name, facts_text in rows:
        facts = json.loads(facts_text or "{}")
        if "file_type" not in facts:
            out.append((eid, sha, name, facts))
    return out


def set_facts(st: StoreContext, exhibit_id: int, facts: dict) -> None:
    """Replace an exhibit's facts without a log entry (a decision made again, not an edit)."""
    with st.db.write() as conn:
        conn.execute(update(exhibits).where(exhibits.c.id == exhibit_id).values(facts=_json(facts)))


def _mark_new(st: StoreContext, case_id: int, found: list[Exhibit]) -> list[Exhibit]:
    """Set each exhibit's effective "new evidence" mark: the user's override, else computed
    from the case's submissions (lifecycle.new_marks)."""
    from ..lifecycle import new_marks
    if not found:
        return found
    submitted: set[str] = set()
    with st.db.read() as conn:
        raws = conn.execute(select(submissions.c.exhibits)
                            .where(submissions.c.case_id == case_id)).scalars().all()
        judgment_at = conn.execute(select(cases.c.judgment_at)
                                   .where(cases.c.id == case_id)).scalar()
    for raw in raws:
        submitted.update(e.get("sha256", "") for e in json.loads(raw))
    marks = new_marks(found, submitted, bool(raws), from_iso(judgment_at))
    for e in found:
        e.is_new = e.new_override if e.new_override is not None else marks[e.id]
    return found


def get_exhibit(st: StoreContext, exhibit_id: int) -> Exhibit:
    with st.db.read() as conn:
        row = conn.execute(select(exhibits).where(exhibits.c.id == exhibit_id)).mappings().first()
    if row is None:
        raise NoSuchExhibit(exhibit_id=exhibit_id)
    return _mark_new(st, row["case_id"], [exhibit_from_row(row)])[0]


def list_exhibits(st: StoreContext, case_id: int, *, removed: bool = False) -> list[Exhibit]:
    gone = exhibits.c.removed_at.is_not(None) if removed else exhibits.c.removed_at.is_(None)
    with st.db.read() as conn:
        rows = conn.execute(select(exhibits).where(exhibits.c.case_id == case_id, gone)
                            .order_by(exhibits.c.position, exhibits.c.id)).mappings().all()
    return _mark_new(st, case_id, [exhibit_from_row(r) for r in rows])


def exhibits_by_case(st: StoreContext) -> dict[int, list[Exhibit]]:
    """Every case's current exhibits in one query (for lists over many cases)."""
    out: dict[int, list[Exhibit]] = {}
    with st.db.read() as conn:
        rows = conn.execute(select(exhibits).where(exhibits.c.removed_at.is_(None)).order_by(
            exhibits.c.case_id, exhibits.c.position, exhibits.c.id)).mappings().all()
    for r in rows:
        out.setdefault(r["case_id"], []).append(exhibit_from_row(r))
    return out


def update_exhibit(st: StoreContext, exhibit_id: int, *, kind: str | None = None,
                   caption: str | None = None, is_new: bool | None | str = None,
                   facts: dict | None = None, warnings: list | None = None) -> Exhibit:
    """``is_new`` True/False sets the user's override of the new-evidence mark; "auto" clears it."""
    ex = get_exhibit(st, exhibit_id)
    if kind is not None or caption is not None or is_new is not None:
        _ensure_case_open(st, ex.case_id)
    values: dict[str, Any] = {}
    changes = []
    if kind is not None and kind != ex.kind:
        kinds.kind(kind)  # refuses an unknown kind
        values["kind"] = kind
        changes.append(f"kind={kind}")
    if caption is not None and caption != ex.caption:
        values["caption"] = caption
        changes.append(f"caption={caption}")
    if is_new == "auto":
        if ex.new_override is not None:
            values["new_override"] = None
            changes.append("new=auto")
    elif is_new is not None and bool(is_new) != ex.new_override:
        values["new_override"] = values["is_new"] = int(bool(is_new))
        changes.append(f"new={bool(is_new)}")  # the user's mark: kept as an override
    if facts is not None:
        values["facts"] = _json(facts)
    if warnings is not None:
        values["warnings"] = _json([w.to_dict() for w in warnings])
    if not values:
        return ex
    with st.db.write() as conn:
        conn.execute(update(exhibits).where(exhibits.c.id == exhibit_id).values(values))
        if changes:
            st.log(conn, ex.case_id, "exhibit_updated", f"E{ex.position}: " + "; ".join(changes))
    return get_exhibit(st, exhibit_id)


def _renumber(conn: Connection, ordered_ids: list[int]) -> None:
    for i, eid in enumerate(ordered_ids, start=1):
        conn.execute(update(exhibits).where(exhibits.c.id == eid).values(position=i))


def _current_ids(st: StoreContext, case_id: int) -> list[int]:
    return [e.id for e in list_exhibits(st, case_id)]


def move_exhibit(st: StoreContext, exhibit_id: int, new_position: int) -> None:
    """Move an exhibit to 1-based ``new_position`` within its case."""
    ex = get_exhibit(st, exhibit_id)
    _ensure_case_open(st, ex.case_id)
    with st.db.write() as conn:
        lock_case(conn, ex.case_id)  # the numbers read below stay ours until the commit
        ids = _current_ids(st, ex.case_id)
        if exhibit_id not in ids:
            raise ExhibitRemoved()
        ids.remove(exhibit_id)
        new_position = max(1, min(new_position, len(ids) + 1))
        ids.insert(new_position - 1, exhibit_id)
        _renumber(conn, ids)
        st.log(conn, ex.case_id, "exhibit_moved",
               f"{ex.source_name}: E{ex.position} → E{new_position}")


def remove_exhibit(st: StoreContext, exhibit_id: int) -> None:
    """Take an exhibit out of its case. The blob stays (for undo and for other exhibits)."""
    ex = get_exhibit(st, exhibit_id)
    _ensure_case_open(st, ex.case_id)
    with st.db.write() as conn:
        lock_case(conn, ex.case_id)
        conn.execute(update(exhibits).where(exhibits.c.id == exhibit_id)
                     .values(removed_at=st.now()))
        _renumber(conn, _current_ids(st, ex.case_id))
        st.log(conn, ex.case_id, "exhibit_removed", f"E{ex.position} {ex.source_name}")


def restore_exhibit(st: StoreContext, exhibit_id: int, position: int | None = None) -> None:
    ex = get_exhibit(st, exhibit_id)
    _ensure_case_open(st, ex.case_id)
    with st.db.write() as conn:
        lock_case(conn, ex.case_id)
        ids = _current_ids(st, ex.case_id)
        pos = len(ids) + 1 if position is None else max(1, min(position, len(ids) + 1))
        ids.insert(pos - 1, exhibit_id)
        conn.execute(update(exhibits).where(exhibits.c.id == exhibit_id).values(removed_at=None))
        _renumber(conn, ids)
        st.log(conn, ex.case_id, "exhibit_restored", f"E{pos} {ex.source_name}")
