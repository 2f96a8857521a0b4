"""The case list's page in SQL (issue 12): filters, the work-queue views at a moment and the
counts agree with the same questions asked of every case's rows in memory."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evidencekit import queue
from evidencekit.case_summary import CaseFilter
from evidencekit.summary import case_page, case_rows
from evidencekit.timeutil import parse_instant

pytestmark = pytest.mark.usefixtures("engine")  # the same page from a team library

T0 = parse_instant("2024-09-17T10:00+08:00")


def _cases(lib, clock):
    made = []
    for i, hours in enumerate([-60, -40, -44, -2, None, None, -1]):
        kw = {"stage": "intervention", "intervention_at": T0 + timedelta(hours=hours)} \
            if hours is not None else {}
        made.append(lib.create_case(platform="douyin", dispute_type="quality_issue",
                                    order_no=f"69{i:05d}", buyer_name=f"买家{i}_x%", **kw))
        clock.advance(minutes=1)
    made.append(lib.create_case(platform="douyin", dispute_type="not_as_described", order_no="7",
                                stage="closed", closed_at=T0))
    made.append(lib.create_case(platform="tiktok_shop", dispute_type="delivered_correct_address",
                                order_no="8", zone="America/New_York"))
    lib.delete_case(made[6].id)  # in the trash: never listed
    return made


def test_filtered_pages_and_counts_match_the_rows_in_memory(library, clock):
    _cases(library, clock)
    now = clock.now = T0
    every = case_rows(library, now)
    assert len(every) == 8

    def expected(where: CaseFilter):
        return [r.case.id for r in every
                if (not where.stage or r.case.stage == where.stage)
                and (not where.platform or r.case.platform == where.platform)
                and (not where.dispute_type or r.case.dispute_type == where.dispute_type)
                and (not where.bucket or r.bucket == where.bucket)
                and (where.case_ids is None or r.case.id in where.case_ids)
                and where.query in r.search_text]

    ids = [r.case.id for r in every]
    filters = [CaseFilter(), CaseFilter(stage="intervention"), CaseFilter(platform="tiktok_shop"),
               CaseFilter(dispute_type="not_as_described"), CaseFilter(text=" 买家3 "),
               CaseFilter(text="_X%"), CaseFilter(text="%"), CaseFilter(text="zz"),
               CaseFilter(case_ids=frozenset(ids[:3])), CaseFilter(case_ids=frozenset()),
               *(CaseFilter(bucket=b) for b in queue.BUCKETS),
               CaseFilter(bucket="overdue", text="买家1")]
    for where in filters:
        want = expected(where)
        assert [r.case.id for r in case_page(library, now, where, limit=None)] == want, where
        assert library.case_list_count(where, now=now) == len(want), where
        pages = [case_page(library, now, where, offset=o, limit=3) for o in range(0, 9, 3)]
        assert [r.case.id for p in pages for r in p] == want, where
        assert [r.case.id for r in _sought(library, now, where, 3)] == want, where
    # '%' and '_' are letters to the search box, not patterns
    assert library.case_list_count(CaseFilter(text="_x%")) == 6
    assert library.case_list_count(CaseFilter(text="x_%")) == 0

    # the views at two moments, counted by the database as queue.bucket files them
    for at in (now, now + timedelta(hours=9)):
        rows = case_rows(library, at)
        want = {b: sum(1 for r in rows if r.bucket == b) for b in queue.BUCKETS}
        assert library.case_list_views(at) == want
        assert sum(want.values()) == 8
        due = [r.case.id for r in rows if r.urgent is not None
               and r.urgent.remaining_seconds <= 12 * 3600]
        assert library.cases_due_within(12, at) == due
        assert library.count_due_within(12, at) == len(due)
    assert library.case_list_views(now) == {"overdue": 1, "due_soon": 2, "pending": 4,
                                            "awaiting": 0, "closed": 1}


def _sought(library, now, where, size):
    """Every page of ``where``, each sought after the last row of the one before (scrolling)."""
    rows: list = []
    while True:
        page = case_page(library, now, where, offset=len(rows), after=rows[-1] if rows else None,
                         limit=size)
        rows += page
        if len(page) < size:
            return rows


def test_pages_sought_after_the_last_row_break_ties_as_the_order_does(library, clock):
    """Cases due at the same instant, and cases without a clock changed at the same instant,
    share their place in the order (then the newest case first): paging from the last row
    seen gives each case once, in the list's order, whatever the page size."""
    for i in range(5):
        library.create_case(platform="douyin", dispute_type="quality_issue", order_no=f"T{i}",
                            stage="intervention", intervention_at=T0)
    for i in range(4):
        library.create_case(platform="douyin", dispute_type="quality_issue", order_no=f"N{i}")
    now = clock.now = T0
    every = [r.case.id for r in case_rows(library, now)]
    assert len(every) == 9 and len({r.place[0] for r in case_page(library, now, CaseFilter(),
                                                                  limit=None)}) == 2
    for size in (1, 2, 4, 9):
        assert [r.case.id for r in _sought(library, now, CaseFilter(), size)] == every, size
    assert [r.case.id for r in _sought(library, now, CaseFilter(stage="intervention"), 2)] == \
        every[:5]


def test_views_and_due_cases_count_within_my_cases(library, clock):
    """The work-queue views' counts and the cases due within 12 h among the cases assigned to
    someone (My cases), as the list shows them."""
    made = _cases(library, clock)
    for case in (made[0], made[1], made[4], made[7]):  # overdue, due soon, no clock, closed
        library.assign_case(case.id, "小王")
    now = clock.now = T0
    mine = CaseFilter(assignee="小王")
    for at in (now, now + timedelta(hours=9)):
        rows = [r for r in case_rows(library, at) if r.case.assignee == "小王"]
        assert len(rows) == 4
        want = {b: sum(1 for r in rows if r.bucket == b) for b in queue.BUCKETS}
        assert library.case_list_views(at, mine) == want
        # the views' counts ignore the view the list shows: they are its tabs
        assert library.case_list_views(at, CaseFilter(assignee="小王", bucket="closed")) == want
        due = [r.case.id for r in rows if r.urgent is not None
               and r.urgent.remaining_seconds <= 12 * 3600]
        assert library.cases_due_within(12, at, where=mine) == due
        assert library.count_due_within(12, at, where=mine) == len(due)
    assert library.case_list_views(now, mine) == {"overdue": 1, "due_soon": 1, "pending": 1,
                                                  "awaiting": 0, "closed": 1}
    assert library.case_list_views(now, CaseFilter(assignee="nobody")) == dict.fromkeys(queue.BUCKETS, 0)
