"""The case list in SQL: one page of cases with their kept summaries, filtered and ordered by
the database, and the counts the list shows (issues 12 and 13).

Portable Core (SQLite and PostgreSQL). The order is one indexed integer kept with each summary
(``case_summary.list_order``): the first page at 10,000 or 100,000 cases is an index range,
and the work-queue views (overdue, due soon…), which depend on the moment, are ranges of the
same integer around ``now``. No clock or checklist is evaluated here.

Every filter reads the summaries alone (they keep a copy of the case fields the list filters
on, revision 0013); the cases are joined for the rows of one page only, so counts do not
touch the wide case rows. The next page seeks from the last row shown (``after``: its
``list_order`` and id) instead of skipping ``offset`` rows, so a page far down costs what
the first does (bench/README.md: 100,000 cases on both engines).
"""

from __future__ import annotations

import json
from dataclasses import replace
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


def _us(hours: float) -> int:
    return int(hours * 3600 * 1_000_000)


def _soon_hours(rules: RuleSet) -> dict[str, float]:
    return {pid: max(p.due_soon_hours, p.critical_hours) for pid, p in rules.platforms.items()}


def bucket_of(rules: RuleSet, now: datetime, fields=_S):
    """The work-queue view of each case at ``now`` as a SQL CASE: ``queue.bucket`` on the kept
    next due instant (the soonest running clock decides overdue and due soon). ``fields``:
    the table whose platform and stage are read (the summaries' copies, or the case rows)."""
    at = _micros(now)
    order = _S.c.list_order
    soon = [and_(fields.c.platform == pid, order <= at + _us(h))
            for pid, h in _soon_hours(rules).items()]
    return case((order < at, "overdue"),
                (or_(*soon) if soon else false(), "due_soon"),
                (or_(order < NO_CLOCK, fields.c.stage.not_in(queue.AWAITING_STAGES + ("closed",))),
                 "pending"),
                (fields.c.stage == "closed", "closed"),
                else_="awaiting")


def _bucket_range(bucket: str, rules: RuleSet, now: datetime) -> list:
    """What ``bucket_of(...) == bucket`` implies of the order alone, as ranges an index can
    seek (the CASE itself cannot): overdue before ``now``, due soon within the longest
    due-soon window after it, closed and awaiting among the cases without a clock."""
    at = _micros(now)
    if bucket == "overdue":
        return [_S.c.list_order < at]
    if bucket == "due_soon":
        return [_S.c.list_order >= at,
                _S.c.list_order <= at + _us(max(_soon_hours(rules).values(), default=0))]
    if bucket in ("closed", "awaiting"):
        return [_S.c.list_order >= NO_CLOCK]
    return [_S.c.list_order >= at]  # pending: not overdue


def _join(complete: bool):
    # Every listed case has its summary (the library computes missing ones first): an inner
    # join lets the database walk the order index. A read-only library cannot keep them.
    on = _S.c.case_id == cases.c.id
    return cases.join(_S, on) if complete else cases.outerjoin(_S, on)


def _conditions(where: CaseFilter, rules: RuleSet, now: datetime, trash: bool,
                complete: bool = True, ordered: bool = True) -> list:
    """``where`` in SQL: on the summaries alone when every case has its summary (``complete``:
    they keep copies of the case fields filtered on), else on the case rows. ``ordered``
    False (a count, a search on SQLite): a search reads every summary's text, so the trash
    flag is said in a form no index serves (``trashed + 0``); SQLite would otherwise walk an
    index on it and fetch each row from the table (4x slower at 100,000 cases)."""
    if complete:
        f, ids = _S, _S.c.case_id
        flag = _S.c.trashed if ordered or not where.query else _S.c.trashed + 0
        out: list[ColumnElement[bool]] = [flag == int(trash)]
    else:
        f, ids = cases, cases.c.id
        out = [cases.c.deleted_at.is_not(None) if trash else cases.c.deleted_at.is_(None)]
    for name, value in (("stage", where.stage), ("platform", where.platform),
                        ("dispute_type", where.dispute_type)):
        if value:
            out.append(f.c[name] == value)
    if where.case_ids is not None:
        out.append(ids.in_(sorted(where.case_ids)) if where.case_ids else false())
    if where.assignee is not None:
        out.append(f.c.assignee == where.assignee)
    if where.bucket:
        if complete:
            out.extend(_bucket_range(where.bucket, rules, now))
        out.append(bucket_of(rules, now, f) == where.bucket)
    if where.query:
        out.append(_S.c.search_text.contains(where.query, autoescape=True))
    return out


def _counted(complete: bool):
    """What a count reads: the summaries alone, or (some missing) the cases beside them."""
    return _S if complete else _join(False)


def _summary(r) -> CaseSummary:
    return CaseSummary(next_due=from_iso(r["next_due_at"]), next_due_clock=r["next_due_clock"] or "",
                       checklist_met=r["checklist_met"] or 0,
                       checklist_required=r["checklist_required"] or 0,
                       exhibit_count=r["exhibit_count"] or 0,
                       missing=tuple(json.loads(r["missing"] or "[]")),
                       place=None if r["list_order"] is None else (r["list_order"], r["id"]))


def page(conn: Connection, where: CaseFilter, rules: RuleSet, now: datetime, *, trash: bool = False,
         limit: int | None = None, offset: int = 0, after: tuple[int, int] | None = None,
         complete: bool = True) -> list[tuple]:
    """(case, summary, has summary) of the cases ``where`` shows, most urgent first (the
    soonest due; then the cases without a running clock, latest changed first).

    ``after``: the ``place`` of the last row shown (``CaseSummary.place``): the rows after it,
    sought in the order index (``offset`` is then not used). Without every summary kept the
    order has no such key: ``offset`` pages."""
    # SQLite has no index for a search's substring and no statistics to tell a rare text from
    # a common one: walking the order index, it fetches every row of the table for a text
    # that few cases hold (240 ms at 100,000). Reading the table once and sorting what
    # matches costs at most 40-60 ms whatever the text. PostgreSQL's trigram index and
    # planner choose for themselves.
    scan = bool(where.query) and conn.dialect.name == "sqlite"
    cond = _conditions(where, rules, now, trash, complete, ordered=not scan)
    if complete:
        order: tuple = (_S.c.list_order, _S.c.case_id.desc())
        if after is not None:
            at, case_id = after
            # the first clause is the index range; the second breaks ties (id descending)
            cond += [_S.c.list_order >= at, or_(_S.c.list_order > at, _S.c.case_id < case_id)]
            offset = 0
    else:
        order = (_S.c.list_order.is_(None), _S.c.list_order, cases.c.id.desc())
    q = select(*_COLUMNS).select_from(_join(complete)).where(*cond).order_by(*order)
    if limit is not None:
        q = q.limit(limit).offset(offset)
    return [(case_from_row(r), _summary(r), r["list_order"] is not None)
            for r in conn.execute(q).mappings()]


def count(conn: Connection, where: CaseFilter, rules: RuleSet, now: datetime, *,
          trash: bool = False, complete: bool = True) -> int:
    q = (select(func.count()).select_from(_counted(complete))
         .where(*_conditions(where, rules, now, trash, complete, ordered=False)))
    return int(conn.execute(q).scalar_one())


def bucket_counts(conn: Connection, rules: RuleSet, now: datetime, where: CaseFilter | None = None,
                  *, complete: bool = True) -> dict[str, int]:
    """How many live cases each work-queue view holds at ``now`` (every view present), among
    those ``where`` shows apart from its view (e.g. My cases)."""
    within = replace(where or CaseFilter(), bucket="")
    f = _S if complete else cases
    views = (select(bucket_of(rules, now, f).label("view")).select_from(_counted(complete))
             .where(*_conditions(within, rules, now, False, complete)).subquery())
    out = dict.fromkeys(queue.BUCKETS, 0)
    for view, n in conn.execute(select(views.c.view, func.count()).group_by(views.c.view)):
        out[view] = int(n)
    return out


def _due(now: datetime, hours: float, since_hours: float | None, where: CaseFilter | None,
         rules: RuleSet | None) -> list:
    at = _micros(now)
    cond = _conditions(replace(where, bucket=""), rules, now, False) \
        if where is not None and rules is not None else [_S.c.trashed == 0]
    cond.append(_S.c.list_order <= at + _us(hours))
    if since_hours is not None:
        cond.append(_S.c.list_order >= at - _us(since_hours))
    return cond


def due_within(conn: Connection, now: datetime, hours: float, *, since_hours: float | None = None,
               limit: int | None = None, where: CaseFilter | None = None,
               rules: RuleSet | None = None) -> list[int]:
    """Live cases whose soonest running clock is due within ``hours`` of ``now`` (overdue ones
    too, or only those due less than ``since_hours`` ago), soonest first: their ids; among
    those ``where`` shows apart from its view."""
    q = (select(_S.c.case_id).where(*_due(now, hours, since_hours, where, rules))
         .order_by(_S.c.list_order, _S.c.case_id.desc()))
    if limit is not None:
        q = q.limit(limit)
    return list(conn.execute(q).scalars())


def due_count(conn: Connection, now: datetime, hours: float, *, where: CaseFilter | None = None,
              rules: RuleSet | None = None) -> int:
    q = select(func.count()).select_from(_S).where(*_due(now, hours, None, where, rules))
    return int(conn.execute(q).scalar_one())
