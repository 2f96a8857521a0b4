"""The case list reads the core's case rows (the CLI's too), filtered by the database once
typing pauses."""

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
    with qtbot.waitSignal(page.search_applied):
        page.search.setText("6900000003")
    assert page.model.rowCount() == 1 and page.selected_case_id() == cases[3].id
    with qtbot.waitSignal(page.search_applied):
        page.search.setText("买家")
    assert page.model.rowCount() == 6 and page.selected_case_id() == cases[3].id
    with qtbot.waitSignal(page.search_applied):
        page.search.setText("买家2")
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(page.search_applied):
        page.search.clear()
    page.stage.setCurrentIndex(page.stage.findData("intervention"))
    assert page.model.rowCount() == 6
    qtmodeltester.check(page.model)
    clock.advance(hours=30)  # a tick: the view keeps its case
    page.select_case(cases[1].id)
    ctx.tick()
    qtmodeltester.check(page.model)
    assert page.selected_case_id() == cases[1].id


def test_the_model_fetches_one_page_at_a_time(qtmodeltester, monkeypatch, ctx, clock):
    from ui.models import case_list_model
    monkeypatch.setattr(case_list_model, "PAGE", 4)
    _cases(ctx.lib, clock, n=10)
    model = case_list_model.CaseListModel(ctx)
    model.reload()
    assert model.rowCount() == 4 and model.shown_count() == 10 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 8
    model.fetchMore()
    assert model.rowCount() == 10 and not model.canFetchMore()
    assert [r.case.id for r in model.rows()] == [r.case.id for r in case_rows(ctx.lib, clock())]
    model.set_filter(text="买家")  # the same cases: nothing to fetch again
    assert model.rowCount() == 10
    model.set_filter(stage="request")
    assert model.rowCount() == 0 and model.shown_count() == 0
    qtmodeltester.check(model)


def test_the_list_shows_a_page_counts_all_and_resets_only_for_other_cases(
        qtbot, monkeypatch, window, ctx, clock):
    from ui.models import case_list_model
    monkeypatch.setattr(case_list_model, "PAGE", 10)
    cases = _cases(ctx.lib, clock, n=40)
    page = window.case_list
    page.reload()
    model = page.model
    # the pages the view needs to fill its height, not every case; the counts are all of them
    assert model.rowCount() < 40 and model.shown_count() == 40 and model.row_of(cases[0].id) == -1
    assert page.views.tabText(0).endswith("(40)") and page.count.text().count("40") == 2
    page.select_case(cases[0].id)  # the last row (its clock ends last): fetched to be selected
    assert page.selected_case_id() == cases[0].id
    # typing that shows the same cases repaints without a reset (the selection stays)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(page.search_applied):
        page.search.setText("买")
    with qtbot.waitSignal(page.search_applied):
        page.search.setText("买家")
    assert resets == [] and page.selected_case_id() == cases[0].id
    with qtbot.waitSignal(page.search_applied):
        page.search.setText("买家7")
    assert resets == [1] and model.rowCount() == 1 and "1 / 共 40" in page.count.text()
