"""Work-order log operations behind :class:`~evidencekit.store.library.Library` (kept apart for size).

The work-order log (售后工单) is the merchant's own account of each after-sales step with
its time. The user writes it; it goes to the platform in the bundle, and its entries meet
the work-order-log checklist item. Every change is also written to the action log (which
marks the case, so its list summary is kept with the new count).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, func, insert, select, update

from ..domain import WorkOrderEntry
from ..errors import NaiveInstant, NoSuchWorklogEntry, WorklogTextEmpty, WorklogTextTooLong
from ..timeutil import from_iso, to_iso
from .context import StoreContext
from .db import inserted_id
from .schema import worklog as worklog_t

MAX_TEXT = 2000
_COUNTS_IN = (select(worklog_t.c.case_id, func.count()).where(
    worklog_t.c.case_id.in_(bindparam("ids", expanding=True))).group_by(worklog_t.c.case_id))


def _checked(at: datetime, text: str) -> tuple[str, str]:
    text = (text or "").strip()
    if not text:
        raise WorklogTextEmpty()
    if len(text) > MAX_TEXT:
        raise WorklogTextTooLong(limit=MAX_TEXT)
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise NaiveInstant()
    iso = to_iso(at)
    assert iso is not None  # checked aware above
    return iso, text


def _row(r) -> WorkOrderEntry:
    at = from_iso(r["at"])
    assert at is not None  # the column is NOT NULL
    return WorkOrderEntry(id=r["id"], case_id=r["case_id"], at=at, text=r["text"])


def worklog(st: StoreContext, case_id: int) -> list[WorkOrderEntry]:
    """The case's work-order log, in time order."""
    with st.db.read() as conn:
        rows = conn.execute(select(worklog_t).where(worklog_t.c.case_id == case_id)
                            .order_by(worklog_t.c.at, worklog_t.c.id)).mappings().all()
    return [_row(r) for r in rows]


def counts(conn, case_ids: list[int]) -> dict[int, int]:
    """Entries per case, for the kept list summaries (the checklist counts them)."""
    return dict(conn.execute(_COUNTS_IN, {"ids": case_ids}).all())


def get_worklog_entry(st: StoreContext, case_id: int, entry_id: int) -> WorkOrderEntry:
    with st.db.read() as conn:
        r = conn.execute(select(worklog_t).where(worklog_t.c.id == entry_id,
                                                 worklog_t.c.case_id == case_id)).mappings().first()
    if r is None:
        raise NoSuchWorklogEntry(number=entry_id)
    return _row(r)


def add_worklog(st: StoreContext, case_id: int, at: datetime, text: str) -> WorkOrderEntry:
    at_iso, text = _checked(at, text)
    with st.db.write() as conn:
        entry_id = inserted_id(conn.execute(insert(worklog_t).values(case_id=case_id, at=at_iso,
                                                                     text=text)))
        st.log(conn, case_id, "worklog_added", f"#{entry_id} {at_iso}")
    return get_worklog_entry(st, case_id, entry_id)


def update_worklog(st: StoreContext, case_id: int, entry_id: int, *, at: datetime | None = None,
                   text: str | None = None) -> WorkOrderEntry:
    old = get_worklog_entry(st, case_id, entry_id)
    at_iso, new_text = _checked(at or old.at, old.text if text is None else text)
    with st.db.write() as conn:
        conn.execute(update(worklog_t).where(worklog_t.c.id == entry_id)
                     .values(at=at_iso, text=new_text))
        st.log(conn, case_id, "worklog_changed", f"#{entry_id}")
    return get_worklog_entry(st, case_id, entry_id)


def remove_worklog(st: StoreContext, case_id: int, entry_id: int) -> WorkOrderEntry:
    old = get_worklog_entry(st, case_id, entry_id)
    with st.db.write() as conn:
        conn.execute(delete(worklog_t).where(worklog_t.c.id == entry_id))
        st.log(conn, case_id, "worklog_removed", f"#{entry_id}")
    return old
