"""Work-order log operations of :class:`~evidencekit.store.library.Library` (kept apart for size).

The work-order log (售后工单) is the merchant's own account of each after-sales step with
its time. The user writes it; it goes to the platform in the bundle, and its entries meet
the work-order-log checklist item. Every change is also written to the action log.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..domain import WorkOrderEntry
from ..errors import NaiveInstant, NoSuchWorklogEntry, WorklogTextEmpty, WorklogTextTooLong
from ..timeutil import from_iso, to_iso

if TYPE_CHECKING:
    from .library import Library

MAX_TEXT = 2000


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


def worklog(self: "Library", case_id: int) -> list[WorkOrderEntry]:
    """The case's work-order log, in time order."""
    return [_row(r) for r in self.conn.execute(
        "SELECT * FROM worklog WHERE case_id=? ORDER BY at, id", (case_id,))]


def get_worklog_entry(self: "Library", case_id: int, entry_id: int) -> WorkOrderEntry:
    r = self.conn.execute("SELECT * FROM worklog WHERE id=? AND case_id=?",
                          (entry_id, case_id)).fetchone()
    if r is None:
        raise NoSuchWorklogEntry(number=entry_id)
    return _row(r)


def add_worklog(self: "Library", case_id: int, at: datetime, text: str) -> WorkOrderEntry:
    self.get_case(case_id)
    at_iso, text = _checked(at, text)
    with self._tx():
        cur = self.conn.execute("INSERT INTO worklog(case_id, at, text) VALUES (?,?,?)",
                                (case_id, at_iso, text))
        self._log(case_id, "worklog_added", f"#{cur.lastrowid} {at_iso}")
    return self.get_worklog_entry(case_id, cur.lastrowid)


def update_worklog(self: "Library", case_id: int, entry_id: int, *, at: datetime | None = None,
                   text: str | None = None) -> WorkOrderEntry:
    old = self.get_worklog_entry(case_id, entry_id)
    at_iso, new_text = _checked(at or old.at, old.text if text is None else text)
    with self._tx():
        self.conn.execute("UPDATE worklog SET at=?, text=? WHERE id=?", (at_iso, new_text, entry_id))
        self._log(case_id, "worklog_changed", f"#{entry_id}")
    return self.get_worklog_entry(case_id, entry_id)


def remove_worklog(self: "Library", case_id: int, entry_id: int) -> WorkOrderEntry:
    old = self.get_worklog_entry(case_id, entry_id)
    with self._tx():
        self.conn.execute("DELETE FROM worklog WHERE id=?", (entry_id,))
        self._log(case_id, "worklog_removed", f"#{entry_id}")
    return old
