"""File ▸ Import after-sale list…: preview per row with the mapping shown, import, cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.core.import_lists import ZH_HEADER, write_csv, write_xlsx, zh_rows
from ui.models.import_preview_model import COL_CASE, COL_DETAIL, COL_RESULT, ImportPreviewModel


def _wait(qtbot, dlg, timeout=30000):
    qtbot.waitUntil(lambda: dlg.job is None, timeout=timeout)


def test_preview_then_import_refreshes_the_case_list(qtbot, window, ctx, tmp_path, qtmodeltester):
    rows = zh_rows(4)
    rows[1][4] = "未收到货"  # unknown reason: an error on its row
    path = write_xlsx(tmp_path / "售后列表.xlsx", ZH_HEADER, rows)
    dlg = window.import_list(path)
    qtbot.addWidget(dlg)
    _wait(qtbot, dlg)
    assert dlg.preview is not None and dlg.preview.dry_run
    assert ctx.lib.list_cases() == []  # a preview changes nothing
    model: ImportPreviewModel = dlg.model
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    results = [model.index(r, COL_RESULT).data(Qt.UserRole + 1) for r in range(4)]
    assert results == ["new", "error", "new", "new"]
    assert "未收到货" in model.index(1, COL_DETAIL).data()
    # the mapping is shown: each field and the header it was read from
    shown = dlg.columns.text()
    assert "“订单编号”" in shown and "“售后申请时间”" in shown
    assert dlg.import_button.isEnabled()
    assert dlg.progress.value() == 0  # the bar is the import's: empty beside "nothing imported yet"

    dlg.show_filter.setCurrentIndex(1)  # errors only
    assert dlg.proxy.rowCount() == 1

    with qtbot.waitSignal(ctx.changes_applied, timeout=30000,
                          check_params_cb=lambda changes: changes.case_list):
        dlg.import_button.click()
    _wait(qtbot, dlg)
    assert dlg.report is not None and dlg.report.counts["created"] == 3
    assert dlg.progress.value() == dlg.progress.maximum()
    assert model.index(0, COL_CASE).data().startswith("EK-")
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 3, timeout=10000)
    assert not dlg.import_button.isEnabled()  # imported: preview again before another import


def test_reimport_preview_shows_updates_and_closed_cases(qtbot, window, ctx, tmp_path):
    rows = zh_rows(3)
    from evidencekit.importing import import_list
    first = import_list(ctx.lib, write_csv(tmp_path / "a.csv", ZH_HEADER, rows))
    ctx.lib.update_case(first.rows[2].case_id, stage="closed")
    rows[0][7] = "99.00"
    rows[2][7] = "1.00"
    dlg = window.import_list(write_csv(tmp_path / "b.csv", ZH_HEADER, rows, encoding="gb18030"))
    qtbot.addWidget(dlg)
    _wait(qtbot, dlg)
    m = dlg.model
    assert [m.index(r, COL_RESULT).data(Qt.UserRole + 1) for r in range(3)] == \
        ["updated", "unchanged", "closed"]
    assert "99.00" in m.index(0, COL_DETAIL).data()
    assert dlg.import_button.isEnabled()
    qtbot.keyClicks(dlg.path, "x")  # another list typed in: the preview no longer applies
    assert not dlg.import_button.isEnabled() and not dlg.start_import()


def test_cancelled_import_changes_nothing(qtbot, window, ctx, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "l.csv", ZH_HEADER, zh_rows(800))
    dlg = window.import_list(path)
    qtbot.addWidget(dlg)
    _wait(qtbot, dlg)
    import evidencekit.importing.run as run
    real = run._Job._batch

    def slow_batch(self, batch, cancel):  # cancel arrives while the import is under way
        if not self.dry_run and dlg.job is not None:
            dlg.job.cancel()
        return real(self, batch, cancel)
    monkeypatch.setattr(run._Job, "_batch", slow_batch)
    dlg.start_import()
    _wait(qtbot, dlg)
    assert ctx.lib.list_cases() == []
    assert dlg.report is None and dlg.import_button.isEnabled()


def test_a_list_without_known_headers_says_so(qtbot, window, ctx, tmp_path):
    dlg = window.import_list(write_csv(tmp_path / "x.csv", ["a", "b"], [["1", "2"]]))
    qtbot.addWidget(dlg)
    _wait(qtbot, dlg)
    assert dlg.preview is None and not dlg.import_button.isEnabled()
    assert "售后单号" in dlg.step.text()


def test_tiktok_list_asks_the_store_zone_then_imports_in_it(qtbot, window, ctx, tmp_path):
    """A TikTok Shop list has no zone to fall back to: the dialog says where to give it, and
    the import reads the list's times in the zone chosen and gives it to every new case."""
    from datetime import UTC, datetime

    from tests.core.import_lists import EN_HEADER
    rows = [["577001", "576001", "Mug", "Refund only", "Wrong item", "2024-09-17 11:45:01",
             "buyer_1", "$12.00", "In dispute"]]
    dlg = window.import_list(write_csv(tmp_path / "tt.csv", EN_HEADER, rows))
    qtbot.addWidget(dlg)
    _wait(qtbot, dlg)
    assert dlg.preview is None and dlg._step == ("zone",)  # says where to give the zone
    assert "时区" in dlg.step.text()
    assert ctx.lib.list_cases() == []
    dlg.zone.setEditText("America/Los_Angeles")
    dlg.start_preview()
    _wait(qtbot, dlg)
    assert dlg.preview is not None and dlg.preview.zone == "America/Los_Angeles", dlg.step.text()
    assert dlg.import_button.isEnabled(), (dlg.counts.text(), [r.errors for r in dlg.preview.rows])
    with qtbot.waitSignal(ctx.changes_applied, timeout=30000,
                          check_params_cb=lambda changes: changes.case_list):
        dlg.import_button.click()
    _wait(qtbot, dlg)
    assert dlg.report is not None and dlg.report.counts["created"] == 1, dlg.step.text()
    case = ctx.lib.get_case(dlg.report.rows[0].case_id)
    assert case.platform == "tiktok_shop" and case.zone == "America/Los_Angeles"
    assert case.request_at == datetime(2024, 9, 17, 18, 45, 1, tzinfo=UTC)  # PDT is UTC-7
