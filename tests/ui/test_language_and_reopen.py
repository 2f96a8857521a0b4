"""Switching language live, and finding everything again after reopening the library."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from evidencekit.store import Library
from ui.main_window import MainWindow
from ui.settings import UiSettings

from .conftest import DATA, make_case, settle, wait_imports


def _menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_chinese_by_default_and_switch_to_english(qtbot, window, ctx, clock):
    assert _menu_titles(window)[0] == "文件(&F)"
    case = make_case(ctx.lib, clock)
    window.case_list.reload()
    window.open_case(case.id)
    window.case_view.tabs.setCurrentIndex(2)
    assert window.case_view.tabs.tabText(0) == "证据"
    dlg = window.open_settings()
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    dlg.accept()
    assert _menu_titles(window)[0] == "&File"
    assert window.case_view.tabs.tabText(0) == "Evidence"
    assert window.case_view.case.id == case.id  # still on the same case and tab
    assert window.case_view.tabs.currentIndex() == 2
    assert "Signed, not received" in window.case_view.header.text()
    header = window.case_list.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Horizontal)
    assert header == "Case"
    assert ctx.settings.get("language") == "en"
    ctx.set_language("zh_CN")
    assert _menu_titles(window)[0] == "文件(&F)"
    assert "签收未收到" in window.case_view.header.text()


def test_settings_dialog_saves_preferences(qtbot, window, ctx):
    dlg = window.open_settings()
    dlg.store_names.setText("小美家居旗舰店、客服小王")
    dlg.masking.setChecked(False)
    dlg.notifications.setChecked(False)
    dlg.zone.setCurrentIndex(dlg.zone.findData("UTC"))
    dlg.accept()
    settle(qtbot, ctx)  # the library setting is a write on the runner's writer thread
    assert ctx.lib.setting("store_names") == ["小美家居旗舰店", "客服小王"]
    assert ctx.settings.get("masking") is False
    assert ctx.settings.get("notifications") is False
    assert ctx.settings.get("display_zone") == "UTC"


def test_settings_dialog_sets_the_timestamp_server(qtbot, window, ctx):
    """The RFC 3161 server the exports use (the CLI's ``settings set timestamp_url``)."""
    dlg = window.open_settings()
    dlg.timestamp_url.setText("tsa.example.com")  # no scheme: refused, the dialog stays open
    with qtbot.waitSignal(ctx.presenter.error_shown, timeout=5000):
        dlg.accept()
    assert dlg.isVisible() and not ctx.lib.setting("timestamp_url")
    dlg.timestamp_url.setText("http://127.0.0.1:8080/tsr")
    dlg.accept()
    settle(qtbot, ctx)
    assert ctx.lib.setting("timestamp_url") == "http://127.0.0.1:8080/tsr"
    from evidencekit.export.seal import library_sealer
    assert library_sealer(ctx.lib).timestamper.url == "http://127.0.0.1:8080/tsr"


def test_display_zone_applies_to_pickers_and_banner(qtbot, window, ctx, clock):
    case = make_case(ctx.lib, clock)  # intervention at 2024-09-18 02:00 UTC
    window.open_case(case.id)
    picker = window.case_view.facts.instants["intervention_at"]
    assert picker.edit.dateTime().toString("HH:mm") == "10:00" and "+08:00" in picker.zone_label.text()
    dlg = window.open_settings()
    dlg.zone.setCurrentIndex(dlg.zone.findData("UTC"))
    dlg.accept()
    picker = window.case_view.facts.instants["intervention_at"]
    assert picker.edit.dateTime().toString("HH:mm") == "02:00"
    assert window.case_view.case.id == case.id
    assert ctx.lib.get_case(case.id).intervention_at == clock()  # nothing was rewritten


def test_reopen_finds_everything(qtbot, ctx, clock, library, qsettings_path, tmp_path):
    w = MainWindow(ctx)
    w.show()
    case = make_case(library, clock, stage="judged", judgment_at=clock())
    w.case_list.reload()
    w.open_case(case.id)
    clock.advance(minutes=1)  # attached after the judgment: new evidence (conventions.md)
    w.case_view.evidence.add_paths([DATA / "chat_gbk.txt", DATA / "photo_exif.jpg"])
    wait_imports(qtbot, ctx)
    editor = w.case_view.statement
    editor.text.setPlainText("买家于 9 月 17 日反馈未收到，轨迹显示 9 月 16 日已由本人签收（E2）。")
    editor.points.add_point("判定认为包裹未送达", "轨迹显示本人签收")
    w.case_view.splitter.setSizes([700, 500])
    w.resize(700, 520)  # fits the offscreen screen (800×800), which bounds restoreGeometry
    w.close()
    root = library.root

    # A new process would do this: open the same folder and the same QSettings.
    lib2 = Library.open(root, clock=clock)
    try:
        from ui.context import AppContext
        ctx2 = AppContext(lib2, settings=UiSettings(QSettings(str(qsettings_path), QSettings.IniFormat)),
                          clock=clock)
        w2 = MainWindow(ctx2)
        qtbot.addWidget(w2)
        assert w2.case_list.model.rowCount() == 1
        w2.open_case(case.id)
        assert w2.case_view.evidence.model.rowCount() == 2
        assert all(e.is_new for e in lib2.list_exhibits(case.id))  # added after the judgment
        assert "本人签收" in w2.case_view.statement.text.toPlainText()
        assert w2.case_view.statement.points.points()[0].basis == "判定认为包裹未送达"
        assert (w2.size().width(), w2.size().height()) == (700, 520)
        sizes = w2.case_view.splitter.sizes()
        assert abs(sizes[0] / sum(sizes) - 700 / 1200) < 0.1
        w2.close()
        ctx2.shutdown()
    finally:
        lib2.close()


def test_open_dialogs_follow_a_language_switch(qtbot, window, ctx, clock):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
    case = make_case(ctx.lib, clock)
    gone = make_case(ctx.lib, clock, order_no="trashed")
    ctx.lib.delete_case(gone.id)
    window.case_list.reload()
    window.case_list.select_case(case.id)
    new = window.new_case()
    new.dispute_type.setCurrentIndex(new.dispute_type.findData("quality_issue"))
    new.stage.setCurrentIndex(new.stage.findData("judged"))
    export = window.export_bundle()
    export._on_job_progressed(0.5, "正在排版照片", "Laying out photos")
    trash = window.show_trash()
    box = window.trash_case()
    assert new.windowTitle() == "新建案件" and export.mode_label.text() == "用途"
    assert trash.windowTitle() == "回收站"

    ctx.set_language("en")
    assert new.windowTitle() == "New case"
    assert new.form.labelForField(new.order_no).text() == "Order no."
    assert new.buttons.button(QDialogButtonBox.Ok).text() == "Create"
    assert new.dispute_type.currentText() == "Quality issue"  # choices kept, names switched
    assert new.stage.currentData() == "judged"
    assert export.windowTitle().startswith("Export bundle")
    assert export.mode_label.text() == "Mode" and export.export_button.text() == "Export"
    assert "rbitration" in export.mode.currentText()
    assert export.step.text() == "Laying out photos"
    assert trash.windowTitle() == "Trash" and trash.restore_button.text() == "&Restore"
    assert trash.model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Horizontal) == "Order no."
    assert box.text().startswith("Move case") and "trashed" not in box.text()

    ctx.set_language("zh_CN")
    assert new.windowTitle() == "新建案件" and new.dispute_type.currentData() == "quality_issue"
    assert export.step.text() == "正在排版照片"
    assert trash.restore_button.text() == "恢复(&R)"
    assert "移到回收站" in box.text()
    box.done(QMessageBox.No)
    for d in (new, export, trash):
        d.close()
