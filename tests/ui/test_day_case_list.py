"""The case list reads the core's case rows (the CLI's too) and filters them in one pass."""

from __future__ import annotations

from datetime import timedelta

from evidencekit.summary import case_rows

from .conftest import make_case


def _cases(lib, clock, n=6):
    return [make_case(lib, clock, order_no=f"69000000{i:02d}", buyer_name=f"买家{i}",
                      intervention_at=clock() - timedelta(hours=i * 7)) for i in range(n)]


def test_list_rows_are_the_core_rows(qtbot, window, ctx, clock):
    _cases(ctx.lib, clock)
    window.case_list.reload()
    model = window.case_list.model
    assert [r.case.id for r in model.rows()] == \
        [r.case.id for r in case_rows(ctx.lib, clock())]


def test_search_narrows_and_keeps_the_selection(qtbot, qtmodeltester, window, ctx, clock):
    cases = _cases(ctx.lib, clock)
    page = window.case_list
    page.reload()
    page.select_case(cases[3].id)
    page.search.setText("6900000003")
    assert page.proxy.rowCount() == 1 and page.selected_case_id() == cases[3].id
    page.search.setText("买家")
    assert page.proxy.rowCount() == 6 and page.selected_case_id() == cases[3].id
    page.search.setText("买家2")
    assert page.proxy.rowCount() == 1
    page.search.clear()
    page.stage.setCurrentIndex(page.stage.findData("intervention"))
    assert page.proxy.rowCount() == 6
    qtmodeltester.check(page.proxy)
    clock.advance(hours=30)  # a tick re-sorts the rows: the view keeps its case
    page.select_case(cases[1].id)
    ctx.tick()
    qtmodeltester.check(page.proxy)
    assert page.selected_case_id() == cases[1].id
