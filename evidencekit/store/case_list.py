"""The case list in SQL: one page of cases with their kept summaries, filtered and ordered by
the database, and the counts the list shows (issues 12 and 13).

Portable Core (SQLite and PostgreSQL). The order is one indexed integer kept with each summary
(``case_summary.list_order``): the first page at 10,000 or 100,000 cases is an index range,
and the work-queue views (overdue, due soon…), which depend on the moment, are ranges of the
same integer around ``now``. No clock or checklist is evaluated here.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, and_, case, false, func, or_, select

from .. import queue
from ..case_summary import NO_CLOCK, CaseFilter, CaseSummary, list_order
from ..rules import RuleSet
from ..timeutil import from_iso
from .rows import case_from_row
from .schema import case_summaries, cases

_S = case_summaries
_COLUMNS = (cases, _S.c.next_due_at, _S.c.next_due_clock, _S.c.checklist_met,
            _S.c.checklist_required, _S.c.exhibit_count, _S.c.missing, _S.c.list_order)


def _micros(now: datetime) -> int:
    return list_order(now, None)


def bucket_of(rules: RuleSet, now: datetime):
    """The work-queue view of each case at ``now`` as a SQL CASE: ``queue.bucket`` on the kept
    next due instant (the soonest running clock decides overdue and due soon)."""
    at = _micros(now)
    order = _S.c.list_order
    soon = [and_(cases.c.platform == pid,
                 order <= at + int(max(p.due_soon_hours, p.critical_hours) * 3600 * 1_000_000))
            for pid, p in rules.platforms.items()]
    return case((order < at, "overdue"),
                (or_(*soon) if soon else false(), "due_soon"),
                (or_(order < NO_CLOCK, cases.c.stage.not_in(queue.AWAITING_STAGES + ("closed",))),
                 "pending"),
                (cases.c.stage == "closed", "closed"),
                else_="awaiting")


def _join(complete: bool):
    # Every listed case has its summary (the library computes missing ones first): an inner
    # join lets the database walk the order index. A read-only library cannot keep them.
    on = _S.c.case_id == cases.c.id
    return cases.join(_S, on) if complete else cases.outerjoin(_S, on)


def _conditions(where: CaseFilter, rules: RuleSet, now: datetime, trash: bool) -> list:
    out: list[ColumnElement[bool]] = [cases.c.deleted_at.is_not(None) if trash else cases.c.deleted_at.is_(None)]
    for column, value in ((cases.c.stage, where.stage), (cases.c.platform, where.platform),
                          (cases.c.dispute_type, where.dispute_type)):
        if value:
            out.append(column == value)
    if where.case_ids is not None:
        out.append(cases.c.id.in_(sorted(where.case_ids)) if where.case_ids else false())
    if where.assignee is not None:
        out.append(cases.c.assignee == where.assignee)
    if where.bucket:
        out.append(bucket_of(rules, now) == where.bucket)
    if where.query:
        out.append(_S.c.search_text.contains(where.query, autoescape=True))
    return out


def _summary(r) -> CaseSummary:
    return CaseSummary(next_due=from_iso(r["next_due_at"]), next_due_clock=r["next_due_clock"] or "",
                       checklist_met=r["checklist_met"] or 0,
                       checklist_required=r["checklist_required"] or 0,
                       exhibit_count=r["exhibit_count"] or 0,
                       missing=tuple(json.loads(r["missing"] or "[]")))


def page(conn: Connection, where: CaseFilter, rules: RuleSet, now: datetime, *, trash: bool = False,
         limit: int | None = None, offset: int = 0, complete: bool = True
         ) -> list[tuple]:
    """(case, summary, has summary) of the cases ``where`` shows, most urgent first (the
    soonest due; then the cases without a running clock, latest changed first)."""
    order = ((_S.c.list_order, _S.c.case_id.desc()) if complete else
             (_S.c.list_order.is_(None), _S.c.list_order, cases.c.id.desc()))
    q = (select(*_COLUMNS).select_from(_join(complete))
         .where(*_conditions(where, rules, now, trash)).order_by(*order))
    if limit is not None:
        q = q.limit(limit).offset(offset)
    return [(case_from_row(r), _summary(r), r["list_order"] is not None)
            for r in conn.execute(q).mappings()]


def count(conn: Connection, where: CaseFilter, rules: RuleSet, now: datetime, *,
          trash: bool = False, complete: bool = True) -> int:
    q = (select(func.count()).select_from(_join(complete))
         .where(*_conditions(where, rules, now, trash)))
    return int(conn.execute(q).scalar_one())


def bucket_counts(conn: Connection, rules: RuleSet, now: datetime, *, complete: bool = True
                  ) -> dict[str, int]:
    """How many live cases each work-queue view holds at ``now`` (every view present)."""
    views = (select(bucket_of(rules, now).label("view")).select_from(_join(complete))
             .where(cases.c.deleted_at.is_(None)).subquery())
    out = dict.fromkeys(queue.BUCKETS, 0)
    for view, n in conn.execute(select(views.c.view, func.count()).group_by(views.c.view)):
        out[view] = int(n)
    return out


def due_within(conn: Connection, now: datetime, hours: float, *, since_hours: float | None = None,
               limit: int | None = None) -> list[int]:
    """Live cases whose soonest running clock is due within ``hours`` of ``now`` (overdue ones
    too, or only those due less than ``since_hours`` ago), soonest first: their ids."""
    at = _micros(now)
    cond = [cases.c.deleted_at.is_(None), _S.c.list_order <= at + int(hours * 3600 * 1_000_000)]
    if since_hours is not None:
        cond.append(_S.c.list_order >= at - int(since_hours * 3600 * 1_000_000))
    q = (select(cases.c.id).select_from(_join(True)).where(*cond)
         .order_by(_S.c.list_order, _S.c.case_id.desc()))
    if limit is not None:
        q = q.limit(limit)
    return list(conn.execute(q).scalars())


def due_count(conn: Connection, now: datetime, hours: float) -> int:
    at = _micros(now) + int(hours * 3600 * 1_000_000)
    q = (select(func.count()).select_from(_join(True))
         .where(cases.c.deleted_at.is_(None), _S.c.list_order <= at))
    return int(conn.execute(q).scalar_one())
