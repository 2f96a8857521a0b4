"""The case list opens on the kept summaries at once; checking them against the cases, and
computing the out-of-date ones again, happen afterwards on the writer thread (issue 13: at
100,000 cases the check is 145 ms of server CPU and a full recompute about a minute)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import update

from evidencekit.store import summaries
from evidencekit.store.schema import case_summaries

from .conftest import make_case


@pytest.fixture
def stale_library(library, clock):
    """Five cases whose kept summaries were made with other rules (as after a rule edit or
    an upgrade): their stored fingerprint differs and they claim 99 required items."""
    made = [make_case(library, clock, order_no=f"691234567890{i}") for i in range(5)]
    with library.db.write() as conn:
        conn.execute(update(case_summaries).values(rules_key="older rules", checklist_required=99))
    return made


@pytest.fixture
def checks(monkeypatch):
    """Whether each check of the summaries against the cases ran on the UI thread."""
    calls: list[bool] = []
    real = summaries.stale_ids

    def recorded(*args, **kwargs):
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)
    monkeypatch.setattr(summaries, "stale_ids", recorded)
    return calls


def _required(model) -> list[int]:
    return sorted(model.row_at(n).checklist[1] for n in range(model.rowCount()))


def test_the_list_opens_on_the_kept_summaries_then_is_corrected_in_the_background(
        qtbot, ctx, stale_library, checks):
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    model = window.case_list.model
    # The first page is shown at once, as kept; nothing checked on the UI thread.
    assert model.rowCount() == 5 and _required(model) == [99] * 5
    assert checks == []
    with qtbot.waitSignal(window.case_list_check.finished, timeout=20000):
        window.check_case_list()  # what ui/app.py calls once the window is up
    assert checks == [False]  # once, on the writer thread
    assert _required(model) == [2] * 5  # computed again with the library's rules, and shown
    assert window.case_list_check.done and not window.case_list_check.status.isVisible()


def test_the_update_goes_in_batches_with_progress_and_stop_keeps_what_was_done(
        qtbot, ctx, stale_library, checks, monkeypatch):
    import ui.case_list_check as check_module
    from ui.main_window import MainWindow
    monkeypatch.setattr(check_module, "JOB_CASES", 2)  # five cases: three writer jobs
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    check = window.case_list_check
    texts: list[str] = []
    updates: list = []

    def on_started(job):  # Stop pressed while the second batch waits for the writer
        if job.name == "case-list-update":
            updates.append(job)
            texts.append(check.label.text())
            if len(updates) == 2:
                check.stop()
                job.cancel()
    ctx.runner.job_started.connect(on_started)
    with qtbot.waitSignal(check.finished, timeout=20000):
        window.check_case_list()
    ctx.runner.job_started.disconnect(on_started)
    # (the app's default language: Chinese)
    assert texts == ["正在更新案件清单 0/5（显示的行可能尚未更新）", "正在更新案件清单 2/5（显示的行可能尚未更新）"]
    # The first batch (two cases) is kept and shown; the others still show what was kept.
    assert _required(window.case_list.model) == [2, 2, 99, 99, 99]
    assert check.stopped and not check.done and not check.status.isVisible()
    with qtbot.waitSignal(check.finished, timeout=20000):
        window.refresh()  # F5 takes the check up again
    assert _required(window.case_list.model) == [2] * 5 and check.done
    assert True not in checks


def test_a_list_whose_summaries_are_all_missing_says_it_is_updating_not_empty(
        qtbot, ctx, library, clock):
    """A library upgraded from before the summaries were kept: the list opens on none (no
    row yet), and its empty hint says the list is being updated, not "No cases yet"."""
    from sqlalchemy import delete

    from ui.main_window import MainWindow
    for i in range(3):
        make_case(library, clock, order_no=f"691234567891{i}")
    with library.db.write() as conn:
        conn.execute(delete(case_summaries))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.case_list
    assert page.model.rowCount() == 0
    hints: list[tuple[bool, str]] = []
    window.case_list_check.updating.connect(lambda on: hints.append((on, page.empty.text())))
    with qtbot.waitSignal(window.case_list_check.finished, timeout=20000):
        window.check_case_list()
    assert hints[0] == (True, "正在更新案件清单…")
    assert hints[-1][0] is False and page.model.rowCount() == 3 and page.empty.isHidden()


def test_a_closed_window_runs_nothing_the_list_had_pending(qtbot, ctx, stale_library):
    """Closing stops the check and the search box's typing pause: neither reads the library
    after the window is gone (a reviewer's test once had its role dropped by then)."""
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.case_list
    page.search.setText("外箱")
    assert page._filter_timer.isActive() and page._search_timer.isActive()
    window.check_case_list()
    window.close()
    assert not page._filter_timer.isActive() and not page._search_timer.isActive()
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=20000)  # the check's end arrives
    assert not window.case_list_check.done and _required(page.model) == [99] * 5  # not read
