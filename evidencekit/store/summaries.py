"""Case summaries kept in the database: written when a case changes, read by the case list.

A write marks the cases it touched (``Database.mark_changed``); just before the transaction
commits, their summaries are computed again (``evidencekit.case_summary``) in the same
transaction, in batches, so a bulk import of 20,000 rows does not pay per row. Reading checks
that each summary matches its case row and the current rules, and recomputes the ones that do
not (a library upgraded from before summaries, edited rule files, a write path that did not
mark its case).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Iterable

from sqlalchemy import Connection, bindparam, delete, insert, select

from ..case_summary import list_order, rules_key, search_text, summarize
from ..rules import RuleSet
from ..timeutil import to_iso
from .process import submission_events
from .rows import case_from_row, exhibit_from_row
from .schema import case_summaries, cases, exhibits
from .worklog import counts as worklog_counts

BATCH = 500
# The case fields the summary keeps a copy of, for the list's filters (revision 0013).
COPIED = ("stage", "platform", "dispute_type", "assignee")
# Built once: every write transaction that changes a case runs them.
_INSERT = insert(case_summaries)
_CASES_IN = select(cases).where(cases.c.id.in_(bindparam("ids", expanding=True)))
_EXHIBITS_IN = (select(exhibits)
                .where(exhibits.c.case_id.in_(bindparam("ids", expanding=True)),
                       exhibits.c.removed_at.is_(None))
                .order_by(exhibits.c.case_id, exhibits.c.position, exhibits.c.id))
_DELETE_IN = delete(case_summaries).where(case_summaries.c.case_id.in_(bindparam("ids", expanding=True)))


def refresh(conn: Connection, case_ids: Iterable[int], rules: RuleSet, now: datetime) -> None:
    """Compute and store the summaries of ``case_ids`` (inside the caller's write)."""
    ids = sorted(set(case_ids))
    key = rules_key(rules)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        params = {"ids": chunk}
        rows = conn.execute(_CASES_IN, params).mappings().all()
        by_case: dict[int, list] = {}
        for r in conn.execute(_EXHIBITS_IN, params).mappings():
            by_case.setdefault(r["case_id"], []).append(exhibit_from_row(r))
        events = _events(conn, chunk)
        notes = worklog_counts(conn, chunk)
        values = []
        for r in rows:
            case = case_from_row(r)
            s = summarize(case, by_case.get(r["id"], []), rules, now, events.get(r["id"]),
                          notes.get(r["id"], 0))
            values.append({"case_id": r["id"], "next_due_at": to_iso(s.next_due),
                           "next_due_clock": s.next_due_clock, "checklist_met": s.checklist_met,
                           "checklist_required": s.checklist_required,
                           "exhibit_count": s.exhibit_count,
                           "missing": json.dumps(list(s.missing)),
                           "case_updated_at": r["updated_at"], "rules_key": key,
                           "list_order": list_order(s.next_due, case.updated_at),
                           "search_text": search_text(case),
                           **{n: r[n] for n in COPIED}, "trashed": int(r["deleted_at"] is not None)})
        conn.execute(_DELETE_IN, params)
        if values:
            conn.execute(_INSERT, values)


def _events(conn: Connection, chunk: list[int]) -> dict:
    """Submission times of these cases (they stop clocks), in one query."""
    return submission_events(conn, chunk)


def stale_ids(conn: Connection, rules: RuleSet, *, trash: bool) -> list[int]:
    """Cases whose summary is missing, older than their row, or computed with other rules.

    Said as "no summary of this case matches it" (an anti-join): PostgreSQL then hashes the
    matching columns of both tables at once instead of joining and testing each pair (half
    the server time at 100,000 cases, bench/README.md); a NULL in a compared column counts
    as out of date, not as a match."""
    s = case_summaries
    gone = cases.c.deleted_at.is_not(None) if trash else cases.c.deleted_at.is_(None)
    current = select(s.c.case_id).where(s.c.case_id == cases.c.id,
                                        s.c.case_updated_at == cases.c.updated_at,
                                        s.c.rules_key == rules_key(rules),
                                        s.c.trashed == int(trash),
                                        *(s.c[n] == cases.c[n] for n in COPIED))
    q = select(cases.c.id).where(gone, ~current.exists())
    return list(conn.execute(q).scalars())
