"""The case list is the work queue: one tab per view (the core's queue.bucket decides which),
with counts; each row says what it still lacks; a line says what is due within 12 h."""

from __future__ import annotations

from datetime import timedelta

from evidencekit import queue
from ui.models.case_list_model import COL_MISSING, BucketRole, CaseRole

from .conftest import make_case


def _queue(lib, clock):
    now = clock()
    return {
        "overdue": make_case(lib, clock, order_no="6900000001", intervention_at=now - timedelta(hours=50)),
        "due_soon": make_case(lib, clock, order_no="6900000002", intervention_at=now - timedelta(hours=40)),
        "due_soon2": make_case(lib, clock, order_no="6900000003", intervention_at=now - timedelta(hours=44)),
        "pending": make_case(lib, clock, order_no="6900000004", intervention_at=now - timedelta(hours=2)),
        "awaiting": make_case(lib, clock, order_no="6900000005", stage="submitted",
                              intervention_at=now - timedelta(hours=30),
                              evidence_submitted_at=now - timedelta(hours=20)),
        "closed": make_case(lib, clock, order_no="6900000006", stage="closed",
                            closed_at=now - timedelta(hours=1)),
    }


def _shown(page):
    return [page.model.index(r, 0).data(CaseRole).id for r in range(page.model.rowCount())]


def test_views_hold_each_case_once_with_counts(qtbot, qtmodeltester, window, ctx, clock):
    cases = _queue(ctx.lib, clock)
    page = window.case_list
    page.reload()
    tabs = {page.views.tabData(i): page.views.tabText(i) for i in range(page.views.count())}
    assert tabs[""].endswith("(6)")
    assert tabs["overdue"] == "已超时 (1)" and tabs["due_soon"] == "即将超时 (2)"
    assert tabs["pending"] == "待处理 (1)" and tabs["awaiting"] == "待平台判定 (1)"
    assert tabs["closed"] == "已结案 (1)"
    seen = []
    for bid in queue.BUCKETS:
        page.show_view(bid)
        ids = _shown(page)
        seen += ids
        # the core's bucket, not the UI's, and most urgent first inside the view
        assert all(page.model.index(r, 0).data(BucketRole) == bid for r in range(len(ids)))
        qtmodeltester.check(page.model)
    assert sorted(seen) == sorted(c.id for c in cases.values())
    page.show_view("due_soon")
    assert _shown(page) == [cases["due_soon2"].id, cases["due_soon"].id]  # 4 h left before 8 h
    page.show_view("awaiting")
    assert _shown(page) == [cases["awaiting"].id]
    # time passes: the due-soon cases go overdue and the counts follow
    clock.advance(hours=9)
    ctx.tick()
    assert page.views.tabText(1) == "已超时 (3)"
    page.show_view("overdue")
    assert set(_shown(page)) == {cases["overdue"].id, cases["due_soon"].id, cases["due_soon2"].id}
    page.show_view("")
    assert page.model.rowCount() == 6


def test_row_says_what_is_missing(qtbot, window, ctx, clock):
    cases = _queue(ctx.lib, clock)
    page = window.case_list
    page.reload()
    page.show_view("pending")
    text = page.model.index(0, COL_MISSING).data()
    assert text.startswith("还差：") and "、" in text
    row = page.model.row_at(page.model.row_of(cases["pending"].id))
    assert text == queue.missing_text(row.missing, "zh")
    page.show_view("closed")
    assert page.model.index(0, COL_MISSING).data() == ""


def test_due_summary_line(qtbot, window, ctx, clock):
    page = window.case_list
    empty = page.due.text()  # nothing due yet
    assert "12" in empty
    cases = _queue(ctx.lib, clock)
    page.reload()
    text = page.due.text()
    assert text != empty
    # overdue (1) + due soon (2) are within 12 h; the first is the overdue one
    assert "3" in text and cases["overdue"].case_no in text


def test_views_and_due_line_count_my_cases_when_my_cases_is_on(qtbot, window, ctx, clock):
    """我的案件 narrows the views' counts and the due line to the cases assigned to me, as the
    list below them; off again, everyone's."""
    cases = _queue(ctx.lib, clock)
    ctx.settings.set("staff_name", "小王")
    for key in ("due_soon", "closed"):
        ctx.lib.assign_case(cases[key].id, "小王")
    page = window.case_list
    page.reload()
    everyone = [page.views.tabText(i) for i in range(page.views.count())]
    page.mine.setChecked(True)
    qtbot.waitUntil(lambda: sorted(_shown(page)) == sorted([cases["due_soon"].id, cases["closed"].id]))
    tabs = {page.views.tabData(i): page.views.tabText(i) for i in range(page.views.count())}
    assert tabs[""].endswith("(2)") and tabs["due_soon"] == "即将超时 (1)"
    assert tabs["closed"] == "已结案 (1)" and tabs["overdue"] == "已超时 (0)"
    assert tabs["pending"] == "待处理 (0)" and tabs["awaiting"] == "待平台判定 (0)"
    assert page.count.text() == "显示 2 / 共 2 个案件"
    # due within 12 h: only my due-soon case, and it is the first named
    assert cases["due_soon"].case_no in page.due.text()
    assert cases["overdue"].case_no not in page.due.text()
    page.show_view("due_soon")
    assert _shown(page) == [cases["due_soon"].id]
    assert page.count.text() == "显示 1 / 共 2 个案件"
    page.show_view("")
    page.mine.setChecked(False)
    assert [page.views.tabText(i) for i in range(page.views.count())] == everyone
    assert cases["overdue"].case_no in page.due.text()
